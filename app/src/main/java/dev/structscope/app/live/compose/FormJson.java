package dev.structscope.app.live.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads a form: its values as the JSON object {@link dev.structscope.io.encode.RecordEncoder}
 * takes (a union gives only its selected member, an anonymous group's members sit in its
 * parent), its invalid rows, a one-line summary, and a snapshot of every text and union choice
 * to load back later. Stateless; FX thread (it reads the entries' properties).
 */
final class FormJson {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private FormJson() {
    }

    /** What a tree holds for each row: the parsed value (invalid rows: null), or the text as typed. */
    private enum Leaf { VALUE, TEXT }

    /**
     * The values of the form (a union gives its selected member, a tagged union its alternative,
     * derived members nothing: the encoder computes them). Invalid rows give null, which the
     * encoder leaves as zero; a form is sent only when it has none.
     */
    static ObjectNode values(GroupEntry root) {
        ObjectNode o = JSON.objectNode();
        putMembers(root, o, Leaf.VALUE);
        return o;
    }

    /** The texts of the rows, as typed, in a tree shaped like {@link #values}. */
    static ObjectNode texts(GroupEntry root) {
        ObjectNode o = JSON.objectNode();
        putMembers(root, o, Leaf.TEXT);
        return o;
    }

    private static void putMembers(GroupEntry g, ObjectNode o, Leaf leaf) {
        for (int i = 0; i < g.children().size(); i++) {
            if (!g.active(i)) {
                continue;
            }
            FormEntry c = g.children().get(i);
            if (c instanceof GroupEntry cg && cg.anonymous()) {
                putMembers(cg, o, leaf);
            } else if (!(c instanceof ScalarEntry s && s.role() == ScalarEntry.Role.DERIVED)) {
                o.set(c.label(), value(c, leaf));
            }
        }
    }

    private static JsonNode value(FormEntry e, Leaf leaf) {
        return switch (e) {
            case TextEntry t when leaf == Leaf.TEXT -> JSON.textNode(t.text.get());
            case TextEntry t -> orNull(t.parsed().value());
            case GroupEntry g when g.kind() == GroupEntry.Kind.ARRAY -> {
                ArrayNode a = JSON.arrayNode();
                g.children().forEach(c -> a.add(value(c, leaf)));
                yield a;
            }
            case GroupEntry g when g.kind() == GroupEntry.Kind.TAGGED && g.children().isEmpty() -> JSON.nullNode();
            case GroupEntry g -> {
                ObjectNode o = JSON.objectNode();
                putMembers(g, o, leaf);
                yield o;
            }
        };
    }

    private static JsonNode orNull(JsonNode v) {
        return v == null ? JSON.nullNode() : v;
    }

    /**
     * Gives each row whose path has a value in {@code tree} (shaped like {@link #values}) that
     * value as its text, where {@code which} accepts the row: the way a rebuilt dynamic form gets
     * back what was typed, and its derived rows what the encoder computed.
     */
    static void apply(GroupEntry g, JsonNode tree, java.util.function.Predicate<FormEntry> which) {
        if (tree == null || !tree.isObject()) {
            return;
        }
        for (FormEntry c : g.children()) {
            if (c instanceof GroupEntry cg && cg.anonymous()) {
                apply(cg, tree, which);
            } else {
                applyOne(c, tree.get(c.label()), which);
            }
        }
    }

    private static void applyOne(FormEntry e, JsonNode v, java.util.function.Predicate<FormEntry> which) {
        if (v == null || v.isNull()) {
            return;
        }
        switch (e) {
            case GroupEntry g when g.kind() == GroupEntry.Kind.ARRAY -> {
                if (v.isArray()) {
                    for (int i = 0; i < g.children().size() && i < v.size(); i++) {
                        applyOne(g.children().get(i), v.get(i), which);
                    }
                }
            }
            case GroupEntry g -> apply(g, v, which);
            case ScalarEntry s when which.test(s) -> s.setText(v.isTextual() ? v.asText() : v.toString());
            case TextEntry t when which.test(t) && v.isTextual() -> t.setText(v.asText());
            default -> { }
        }
    }

    /** The JSON container at a row's path ({@code body.quote.bids}, {@code recs[2].items}) in a tree, or null. */
    static JsonNode at(JsonNode tree, String path) {
        JsonNode n = tree;
        for (String part : path.split("\\.")) {
            int bracket = part.indexOf('[');
            String name = bracket < 0 ? part : part.substring(0, bracket);
            n = n == null ? null : n.get(name);
            while (bracket >= 0 && n != null) {
                int close = part.indexOf(']', bracket);
                n = n.get(Integer.parseInt(part.substring(bracket + 1, close)));
                bracket = part.indexOf('[', close);
            }
        }
        return n;
    }

    /** Every edited row (a union's unselected members and derived members left out), in form order. */
    static void activeLeaves(GroupEntry g, Consumer<FormEntry> visit) {
        for (int i = 0; i < g.children().size(); i++) {
            if (!g.active(i)) {
                continue;
            }
            FormEntry c = g.children().get(i);
            if (c instanceof GroupEntry cg) {
                activeLeaves(cg, visit);
            } else if (!(c instanceof ScalarEntry s && s.role() == ScalarEntry.Role.DERIVED)) {
                visit.accept(c);
            }
        }
    }

    /** The edited rows whose text is invalid. */
    static List<FormEntry> invalid(GroupEntry root) {
        List<FormEntry> out = new ArrayList<>();
        activeLeaves(root, e -> {
            if (!error(e).isEmpty()) {
                out.add(e);
            }
        });
        return out;
    }

    static String error(FormEntry e) {
        return switch (e) {
            case TextEntry t -> t.error.get();
            case GroupEntry g -> "";
        };
    }

    /** {@code ts=1700000000, id=42, venue="XNAS", …}: the edited values, cut at about {@code max} characters. */
    static String summary(GroupEntry root, int max) {
        StringBuilder sb = new StringBuilder();
        activeLeaves(root, e -> {
            if (sb.length() > max) {
                return;
            }
            if (!sb.isEmpty()) {
                sb.append(", ");
            }
            sb.append(e.path()).append('=');
            switch (e) {
                case StringEntry s -> sb.append('"').append(s.text.get()).append('"');
                case TextEntry t -> sb.append(t.text.get().strip());
                case GroupEntry g -> { }
            }
        });
        return sb.length() > max ? sb.substring(0, max) + "…" : sb.toString();
    }

    static FormSnapshot snapshot(GroupEntry root) {
        Map<String, String> texts = new LinkedHashMap<>();
        Map<String, Integer> choices = new LinkedHashMap<>();
        walk(root, e -> {
            switch (e) {
                case TextEntry t -> texts.put(t.path(), t.text.get());
                case GroupEntry g -> {
                    if (g.kind() == GroupEntry.Kind.UNION) {
                        choices.put(g.path(), g.selected());
                    }
                }
            }
        });
        return new FormSnapshot(texts, choices, values(root), texts(root));
    }

    /** Puts a snapshot's texts and choices back into rows of the same paths. */
    static void restore(GroupEntry root, FormSnapshot s) {
        walk(root, e -> {
            switch (e) {
                case TextEntry t when s.texts().containsKey(t.path()) -> t.setText(s.texts().get(t.path()));
                case GroupEntry g when s.choices().containsKey(g.path()) -> g.select(s.choices().get(g.path()));
                default -> { }
            }
        });
    }

    /** The row with this path, or null. */
    static FormEntry find(GroupEntry root, String path) {
        FormEntry[] found = {null};
        walk(root, e -> {
            if (found[0] == null && e != root && e.path().equals(path)) {
                found[0] = e;
            }
        });
        return found[0];
    }

    /** Every row, groups included (the root too), depth first. */
    static void walk(FormEntry e, Consumer<FormEntry> visit) {
        visit.accept(e);
        if (e instanceof GroupEntry g) {
            g.children().forEach(c -> walk(c, visit));
        }
    }
}
