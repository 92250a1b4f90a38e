package dev.structscope.app.hexview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import javafx.scene.paint.Color;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Bookmarks as the {@code "bookmarks"} property of a layout document:
 * {@code [{"name": "...", "offset": N, "length": N, "color": "#rrggbb", "file": "capture.bin"}, ...]}
 * ({@code file}, the data file's name, is left out for a bookmark on every file). The document keeps
 * properties it does not define, so older readers carry them along. Reading is tolerant: an entry
 * that makes no sense is skipped rather than failing the whole document. Stateless.
 */
public final class BookmarkJson {
    /** The document property that holds them. */
    public static final String KEY = "bookmarks";

    private BookmarkJson() {
    }

    public static JsonNode toJson(List<Bookmark> bookmarks) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (Bookmark b : bookmarks) {
            ObjectNode o = out.addObject();
            o.put("name", b.name());
            o.put("offset", b.offset());
            o.put("length", b.length());
            o.put("color", web(b.color()));
            if (b.file() != null) {
                o.put("file", b.file());
            }
        }
        return out;
    }

    public static List<Bookmark> fromJson(JsonNode node) {
        List<Bookmark> out = new ArrayList<>();
        if (node == null || !node.isArray()) {
            return out;
        }
        for (JsonNode o : node) {
            if (out.size() >= BookmarksModel.MAX || !o.isObject() || !o.path("offset").canConvertToLong()
                    || !o.path("length").canConvertToLong()) {
                continue;
            }
            long offset = o.path("offset").asLong();
            long length = o.path("length").asLong();
            if (offset < 0 || length < 1) {
                continue;
            }
            Color color;
            try {
                color = Color.web(o.path("color").asText("#ffb000"));
            } catch (IllegalArgumentException e) {
                color = Color.web("#ffb000");
            }
            String file = o.path("file").isTextual() ? o.path("file").asText() : null;
            out.add(new Bookmark(o.path("name").asText(null), offset, length, color, file));
        }
        return out;
    }

    private static String web(Color c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", Math.round(c.getRed() * 255),
                Math.round(c.getGreen() * 255), Math.round(c.getBlue() * 255));
    }
}
