package dev.structscope.app.live.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.structscope.io.decode.ScalarKind;
import dev.structscope.io.decode.ScalarNode;
import dev.structscope.io.decode.StringNode;
import dev.structscope.io.encode.RecordEncoder;
import dev.structscope.model.type.Enumerator;

import java.math.BigInteger;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns what a person typed into a member's editor into the JSON value {@link
 * dev.structscope.io.encode.RecordEncoder} takes, or the reason it does not fit: integers are
 * range-checked by width and signedness (bit-fields by their width, unsigned 64-bit exactly),
 * {@code 0x} hex is the bit pattern (so {@code 0xFF} in an {@code int8_t} is -1), floats accept
 * {@code nan}/{@code inf}, enums their names or a number. Stateless; any thread.
 */
public final class ValueParser {
    private static final Pattern DECIMAL = Pattern.compile("[+-]?[0-9]+");
    private static final Pattern HEX = Pattern.compile("([+-]?)0[xX]([0-9a-fA-F]+)");
    private static final Pattern REAL = Pattern.compile("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?");

    private ValueParser() {
    }

    /** A parse result: the JSON value, or why the text is not one (never both). */
    public record Parsed(JsonNode value, String error) {
        static Parsed ok(JsonNode v) {
            return new Parsed(v, null);
        }

        static Parsed bad(String reason) {
            return new Parsed(null, reason);
        }

        public boolean valid() {
            return error == null;
        }
    }

    /** Parses the text of a scalar member's editor. */
    public static Parsed scalar(ScalarNode n, String text) {
        String t = text == null ? "" : text.strip();
        return switch (n.kind()) {
            case BOOL -> switch (t.toLowerCase(Locale.ROOT)) {
                case "true", "1" -> Parsed.ok(BooleanNode.TRUE);
                case "false", "0" -> Parsed.ok(BooleanNode.FALSE);
                default -> Parsed.bad("expected true or false");
            };
            case FLOAT16, BFLOAT16, FLOAT32, FLOAT64, X87_EXTENDED, BINARY128 -> real(n, t);
            case ENUM -> enumValue(n, t);
            default -> integer(n, t);
        };
    }

    /** Checks the text of a {@code char} array's editor: ISO-8859-1, at most its length. */
    public static Parsed string(StringNode s, String text) {
        String t = text == null ? "" : text;
        if (t.length() > s.length()) {
            return Parsed.bad(t.length() + " characters do not fit " + s.typeName() + " (at most " + s.length() + ")");
        }
        for (int i = 0; i < t.length(); i++) {
            if (t.charAt(i) > 0xFF) {
                return Parsed.bad("'" + t.charAt(i) + "' is not a one-byte (ISO-8859-1) character");
            }
        }
        return Parsed.ok(TextNode.valueOf(t));
    }

    /** Bits of the member's value: the bit-field width, else the type's. */
    public static int bits(ScalarNode n) {
        return n.valueBits();
    }

    public static BigInteger min(ScalarNode n) {
        return n.unsigned() ? BigInteger.ZERO : BigInteger.ONE.shiftLeft(bits(n) - 1).negate();
    }

    public static BigInteger max(ScalarNode n) {
        return n.unsigned() ? BigInteger.ONE.shiftLeft(bits(n)).subtract(BigInteger.ONE)
                : BigInteger.ONE.shiftLeft(bits(n) - 1).subtract(BigInteger.ONE);
    }

    /** The range for tooltips: {@code "0 to 255"}, with the bit-field width when there is one. */
    public static String range(ScalarNode n) {
        return (n.isBitField() ? n.bits().width() + "-bit field: " : "") + min(n) + " to " + max(n);
    }

    /** What the editor of {@code n} accepts, for its tooltip. */
    public static String hint(ScalarNode n) {
        return switch (n.kind()) {
            case BOOL -> n.typeName() + ": true or false";
            case FLOAT16 -> n.typeName() + ": a number, nan, inf or -inf (binary16, up to ±65504)";
            case BFLOAT16 -> n.typeName() + ": a number, nan, inf or -inf (bfloat16, up to ±3.39e38)";
            case FLOAT32 -> n.typeName() + ": a number, nan, inf or -inf (binary32, up to ±3.4028235e38)";
            case FLOAT64, X87_EXTENDED, BINARY128 -> n.typeName() + ": a number, nan, inf or -inf";
            case ENUM -> n.typeName() + ": " + enumNames(n) + ", or a number " + range(n);
            default -> n.typeName() + ": " + range(n) + "; decimal or 0x hex (the bit pattern)";
        };
    }

    static String enumNames(ScalarNode n) {
        return n.enumType() == null ? "" : n.enumType().enumerators().stream().map(Enumerator::name)
                .collect(Collectors.joining(", "));
    }

    private static Parsed integer(ScalarNode n, String t) {
        if (t.isEmpty()) {
            return Parsed.bad("empty: enter a number " + range(n));
        }
        BigInteger v;
        java.util.regex.Matcher hex = HEX.matcher(t);
        if (hex.matches()) {
            if (hex.group(2).length() > 40) {
                return Parsed.bad(t + " is too large for " + n.typeName() + " (" + range(n) + ")");
            }
            v = new BigInteger(hex.group(2), 16);
            BigInteger patterns = BigInteger.ONE.shiftLeft(bits(n));
            if (hex.group(1).equals("-")) {
                v = v.negate();
            } else if (!n.unsigned() && v.compareTo(max(n)) > 0 && v.compareTo(patterns) < 0) {
                v = v.subtract(patterns); // a bit pattern with the sign bit set
            }
        } else if (DECIMAL.matcher(t).matches()) {
            if (t.length() > 40) {
                return Parsed.bad(t + " is too large for " + n.typeName() + " (" + range(n) + ")");
            }
            v = new BigInteger(t);
        } else {
            return Parsed.bad("'" + t + "' is not an integer (decimal or 0x hex)");
        }
        if (v.compareTo(min(n)) < 0 || v.compareTo(max(n)) > 0) {
            return Parsed.bad(t + " does not fit " + n.typeName() + " (" + range(n) + ")");
        }
        return Parsed.ok(BigIntegerNode.valueOf(v));
    }

    private static Parsed enumValue(ScalarNode n, String t) {
        if (n.enumType() != null) {
            for (Enumerator e : n.enumType().enumerators()) {
                if (e.name().equals(t)) {
                    BigInteger v = BigInteger.valueOf(e.value());
                    if (v.compareTo(min(n)) < 0 || v.compareTo(max(n)) > 0) {
                        return Parsed.bad(t + " = " + v + " does not fit " + range(n));
                    }
                    return Parsed.ok(TextNode.valueOf(t));
                }
            }
        }
        if (DECIMAL.matcher(t).matches() || HEX.matcher(t).matches()) {
            return integer(n, t);
        }
        return Parsed.bad("'" + t + "' is not one of " + enumNames(n) + " nor a number");
    }

    private static Parsed real(ScalarNode n, String t) {
        switch (t.toLowerCase(Locale.ROOT)) {
            case "nan", "+nan", "-nan":
                return Parsed.ok(TextNode.valueOf("NaN"));
            case "inf", "+inf", "infinity", "+infinity":
                return Parsed.ok(TextNode.valueOf("Infinity"));
            case "-inf", "-infinity":
                return Parsed.ok(TextNode.valueOf("-Infinity"));
            case "":
                return Parsed.bad("empty: enter a number, nan, inf or -inf");
            default:
                break;
        }
        if (!REAL.matcher(t).matches()) {
            return Parsed.bad("'" + t + "' is not a number (e.g. 1.5, -2e-3, nan, inf)");
        }
        double d = Double.parseDouble(t);
        if (!RecordEncoder.fits(n, d)) {
            return Parsed.bad(t + " is out of range for " + n.typeName() + " (up to ±"
                    + RecordEncoder.largestFinite(n) + "; type inf for infinity)");
        }
        return Parsed.ok(DoubleNode.valueOf(d));
    }
}
