package dev.structscope.model.doc;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.Map;

/**
 * Prints a JSON tree for people: a container that fits on one line (members, enumerators, short
 * objects) stays on one line, anything longer is broken one entry per line with two-space
 * indentation. Keeps diffs of saved documents small: editing one member changes one line.
 * Stateless.
 */
final class JsonPrinter {
    private JsonPrinter() {
    }

    private static final int WIDTH = 100;

    static String print(JsonNode node) {
        StringBuilder sb = new StringBuilder();
        print(node, 0, 0, sb);
        sb.append('\n');
        return sb.toString();
    }

    private static void print(JsonNode node, int level, int column, StringBuilder sb) {
        if (!node.isContainerNode() || node.isEmpty()) {
            compact(node, sb);
            return;
        }
        if (level > 0 && !hasLongContainer(node)) {
            // Render on one line, giving up as soon as it is too long: keeps printing linear.
            StringBuilder line = new StringBuilder();
            if (fits(node, line, WIDTH - column) && line.length() <= WIDTH - column) {
                sb.append(line);
                return;
            }
        }
        String pad = "  ".repeat(level + 1);
        if (node.isObject()) {
            sb.append("{\n");
            Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                sb.append(pad);
                string(e.getKey(), sb);
                sb.append(": ");
                print(e.getValue(), level + 1, pad.length() + e.getKey().length() + 4, sb);
                sb.append(it.hasNext() ? ",\n" : "\n");
            }
            sb.append(pad, 0, pad.length() - 2).append('}');
        } else {
            sb.append("[\n");
            for (int i = 0; i < node.size(); i++) {
                sb.append(pad);
                print(node.get(i), level + 1, pad.length(), sb);
                sb.append(i + 1 < node.size() ? ",\n" : "\n");
            }
            sb.append(pad, 0, pad.length() - 2).append(']');
        }
    }

    /** A record or enum with a member list reads better expanded, even when short. */
    private static boolean hasLongContainer(JsonNode node) {
        return node.isObject() && (node.has("members") && node.get("members").size() > 1
                || node.has("enumerators") && node.get("enumerators").size() > 1);
    }

    /** Renders {@code node} compactly into {@code sb} unless it grows past {@code limit} characters. */
    private static boolean fits(JsonNode node, StringBuilder sb, int limit) {
        if (sb.length() > limit) {
            return false;
        }
        if (node.isObject()) {
            sb.append('{');
            Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                sb.append(' ');
                string(e.getKey(), sb);
                sb.append(": ");
                if (!fits(e.getValue(), sb, limit)) {
                    return false;
                }
                sb.append(it.hasNext() ? "," : " ");
            }
            sb.append('}');
        } else if (node.isArray()) {
            sb.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (!fits(node.get(i), sb, limit)) {
                    return false;
                }
                if (i + 1 < node.size()) {
                    sb.append(", ");
                }
            }
            sb.append(']');
        } else {
            scalar(node, sb);
        }
        return sb.length() <= limit;
    }

    /** Renders {@code node} on one line, however long. */
    private static void compact(JsonNode node, StringBuilder sb) {
        fits(node, sb, Integer.MAX_VALUE);
    }

    /** A string, number, boolean or null. */
    private static void scalar(JsonNode node, StringBuilder sb) {
        if (node.isTextual()) {
            string(node.textValue(), sb);
        } else if (node.isFloatingPointNumber()) {
            // Keep a fraction or exponent so that 1.0 (or 1e0) reads back as a non-integer again.
            String t = node.isBigDecimal() ? node.decimalValue().toString() : node.toString();
            sb.append(t.contains(".") || t.contains("e") || t.contains("E") ? t : t + ".0");
        } else {
            sb.append(node.toString());
        }
    }

    private static void string(String s, StringBuilder sb) {
        sb.append('"');
        JsonStringEncoder.getInstance().quoteAsString(s, sb);
        sb.append('"');
    }
}
