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

    /** The values of a valid form. */
    static ObjectNode values(GroupEntry root) {
        ObjectNode o = JSON.objectNode();
        putMembers(root, o);
        return o;
    }

    private static void putMembers(GroupEntry g, ObjectNode o) {
        for (int i = 0; i < g.children().size(); i++) {
            if (!g.active(i)) {
                continue;
            }
            FormEntry c = g.children().get(i);
            if (c instanceof GroupEntry cg && cg.anonymous()) {
                putMembers(cg, o);
            } else {
                o.set(c.label(), value(c));
            }
        }
    }

    private static JsonNode value(FormEntry e) {
        return switch (e) {
            case ScalarEntry s -> s.parsed().value();
            case StringEntry s -> s.parsed().value();
            case GroupEntry g when g.kind() == GroupEntry.Kind.ARRAY -> {
                ArrayNode a = JSON.arrayNode();
                g.children().forEach(c -> a.add(value(c)));
                yield a;
            }
            case GroupEntry g -> {
                ObjectNode o = JSON.objectNode();
                putMembers(g, o);
                yield o;
            }
        };
    }

    /** Every edited row (a union's unselected members left out), in form order. */
    static void activeLeaves(GroupEntry g, Consumer<FormEntry> visit) {
        for (int i = 0; i < g.children().size(); i++) {
            if (!g.active(i)) {
                continue;
            }
            FormEntry c = g.children().get(i);
            if (c instanceof GroupEntry cg) {
                activeLeaves(cg, visit);
            } else {
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
            case ScalarEntry s -> s.error();
            case StringEntry s -> s.error();
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
                case ScalarEntry s -> sb.append(s.text().strip());
                case StringEntry s -> sb.append('"').append(s.text()).append('"');
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
                case ScalarEntry s -> texts.put(s.path(), s.text());
                case StringEntry s -> texts.put(s.path(), s.text());
                case GroupEntry g -> {
                    if (g.kind() == GroupEntry.Kind.UNION) {
                        choices.put(g.path(), g.selected());
                    }
                }
            }
        });
        return new FormSnapshot(texts, choices);
    }

    /** Puts a snapshot's texts and choices back into rows of the same paths. */
    static void restore(GroupEntry root, FormSnapshot s) {
        walk(root, e -> {
            switch (e) {
                case ScalarEntry se when s.texts().containsKey(se.path()) -> se.setText(s.texts().get(se.path()));
                case StringEntry se when s.texts().containsKey(se.path()) -> se.setText(s.texts().get(se.path()));
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
