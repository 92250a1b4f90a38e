package dev.structscope.app.hexview;

import dev.structscope.app.inspector.Inspector;
import dev.structscope.model.InputException;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;

/**
 * What to look for, turned into the exact bytes to find. Three kinds, chosen by {@link Kind}:
 * hex patterns ({@code "7f 45 4c 46"}, {@code "7F454C46"}), text (ASCII or UTF-16LE) and typed
 * values written as {@code type=value}: {@code u8 i8 u16 i16 u32 i32 u64 i64 f32 f64}, with an
 * optional byte order suffix {@code le}/{@code be} (little-endian by default), e.g.
 * {@code u32le=1234}, {@code i16be=-2}, {@code f64=1.5}. Malformed input raises
 * {@link IllegalArgumentException} with a message to show in place. Pure; any thread.
 */
public record SearchQuery(Kind kind, String text, byte[] pattern) {

    /** What the text means; {@link #toString()} is the name a person reads in the mode list. */
    public enum Kind {
        HEX("Hex bytes", "7f 45 4c 46"),
        ASCII("Text (ASCII)", "text"),
        UTF16LE("Text (UTF-16LE)", "text"),
        VALUE("Typed value", "u32le=1234");

        private final String label;
        private final String example;

        Kind(String label, String example) {
            this.label = label;
            this.example = example;
        }

        /** What to type in this mode, for the find field's prompt: {@code 7f 45 4c 46}. */
        public String example() {
            return example;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** Longest pattern accepted: searches compare it at every offset. */
    public static final int MAX_PATTERN = 4096;

    public static SearchQuery parse(Kind kind, String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("enter something to find");
        }
        byte[] p = switch (kind) {
            case HEX -> hex(text);
            case ASCII -> ascii(text);
            case UTF16LE -> text.getBytes(StandardCharsets.UTF_16LE);
            case VALUE -> value(text);
        };
        if (p.length == 0) {
            throw new IllegalArgumentException("the pattern is empty");
        }
        if (p.length > MAX_PATTERN) {
            throw new IllegalArgumentException("the pattern is longer than " + MAX_PATTERN + " bytes");
        }
        return new SearchQuery(kind, text, p);
    }

    private static byte[] hex(String text) {
        String digits = text.replaceAll("[\\s,]", "").replace("0x", "").replace("0X", "");
        if (!digits.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            // Most often text typed in the default mode: say how to find it.
            throw new IllegalArgumentException("\"" + text + "\" is not hex bytes (e.g. 7f 45 4c 46); "
                    + "to find text, choose Text (ASCII) or Text (UTF-16LE)");
        }
        if (digits.length() % 2 != 0) {
            throw new IllegalArgumentException("hex needs two digits per byte (" + digits.length() + " digits)");
        }
        try {
            return HexFormat.of().parseHex(digits);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not hex: " + text);
        }
    }

    private static byte[] ascii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0x7F) {
                throw new IllegalArgumentException("'" + text.charAt(i) + "' is not ASCII; search UTF-16 or hex");
            }
        }
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] value(String text) {
        int eq = text.indexOf('=');
        if (eq < 0) {
            throw new IllegalArgumentException("write a typed value as type=value, e.g. u32le=1234 or f64=1.5");
        }
        String type = text.substring(0, eq).strip().toLowerCase(Locale.ROOT);
        String v = text.substring(eq + 1).strip();
        ByteOrder order = ByteOrder.LITTLE_ENDIAN;
        if (type.endsWith("le")) {
            type = type.substring(0, type.length() - 2);
        } else if (type.endsWith("be")) {
            type = type.substring(0, type.length() - 2);
            order = ByteOrder.BIG_ENDIAN;
        }
        if (!Inspector.editable(type)) {
            throw new IllegalArgumentException("unknown type '" + type + "': use u8 i8 u16 i16 u32 i32 u64 i64 f32 f64 with le/be");
        }
        try {
            // The bytes the inspector would write for this text: a search finds what typing there stores.
            return Inspector.encode(type, v, order);
        } catch (InputException e) {
            throw new IllegalArgumentException(e.oneLine());
        }
    }
}
