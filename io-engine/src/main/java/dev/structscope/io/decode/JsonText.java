package dev.structscope.io.decode;

/**
 * Decoded values as JSON text, following the contract's mapping: integers exact (64-bit unsigned
 * included), floating values as numbers with NaN and infinities as the strings "NaN", "Infinity",
 * "-Infinity", booleans, pointers as integer addresses, enums by name when known, {@code char}
 * arrays as strings, arrays as (nested) arrays, records as objects. Stateless.
 */
public final class JsonText {
    private JsonText() {
    }

    /** Appends {@code v} as JSON. Arrays and records are walked lazily as they are written. */
    public static void append(StringBuilder sb, Value v) {
        append(sb, v, false);
    }

    /**
     * As {@link #append(StringBuilder, Value)}; with {@code bytesHex}, arrays of unsigned bytes
     * ({@code uint8_t}, {@code unsigned char}) are one lower-case hex string.
     */
    public static void append(StringBuilder sb, Value v, boolean bytesHex) {
        switch (v) {
            case ArrayValue a when bytesHex && a.isUnsignedBytes() -> {
                sb.append('"');
                a.appendHex(sb);
                sb.append('"');
            }
            case RecordValue r -> {
                sb.append('{');
                for (int i = 0; i < r.memberCount(); i++) {
                    if (i > 0) {
                        sb.append(", ");
                    }
                    string(sb, r.memberName(i));
                    sb.append(": ");
                    append(sb, r.get(i), bytesHex);
                }
                sb.append('}');
            }
            case ArrayValue a -> {
                sb.append('[');
                for (long i = 0; i < a.length(); i++) {
                    if (i > 0) {
                        sb.append(", ");
                    }
                    append(sb, a.get(i), bytesHex);
                }
                sb.append(']');
            }
            case Value.Str s -> string(sb, s.value());
            case Value.Enum e -> {
                if (e.name() != null) {
                    string(sb, e.name());
                } else {
                    sb.append(e.unsigned() ? Long.toUnsignedString(e.value()) : Long.toString(e.value()));
                }
            }
            default -> sb.append(scalar(v));
        }
    }

    /** A scalar value's JSON text (strings quoted). */
    public static String scalar(Value v) {
        return switch (v) {
            case Value.Int i -> i.toString();
            case Value.Wide w -> w.toString();
            case Value.Bool b -> b.value() ? "true" : "false";
            case Value.Pointer p -> Long.toUnsignedString(p.address());
            case Value.Real r -> number(r.value(), r.single());
            case Value.ExtReal x -> x.value().toJson();
            case Value.Enum e -> e.name() != null ? quote(e.name())
                    : e.unsigned() ? Long.toUnsignedString(e.value()) : Long.toString(e.value());
            case Value.Str s -> quote(s.value());
            case Value.Null n -> "null";
            default -> throw new IllegalArgumentException("not a scalar: " + v);
        };
    }

    /**
     * A floating value: NaN and infinities as quoted strings; a {@code float} by its shortest
     * decimal that reads back as the same float; a double by its shortest decimal.
     */
    public static String number(double d, boolean single) {
        if (Double.isNaN(d)) {
            return "\"NaN\"";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "\"Infinity\"" : "\"-Infinity\"";
        }
        return single ? Float.toString((float) d) : Double.toString(d);
    }

    public static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2);
        string(sb, s);
        return sb.toString();
    }

    /** A JSON string; everything outside printable ASCII is escaped, so the output is plain ASCII. */
    public static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c > 0x7E) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
