package dev.structscope.io.encode;

import com.fasterxml.jackson.databind.JsonNode;
import dev.structscope.io.decode.ArrayNode;
import dev.structscope.io.decode.DecoderPlan;
import dev.structscope.io.decode.Layouts;
import dev.structscope.io.decode.PlanNode;
import dev.structscope.io.decode.RecordNode;
import dev.structscope.io.decode.ScalarNode;
import dev.structscope.io.decode.StringNode;
import dev.structscope.model.InputException;
import dev.structscope.model.type.Enumerator;

import java.lang.foreign.MemorySegment;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes a record from JSON values: the inverse of a {@link DecoderPlan}, with the same byte
 * order and bit-field allocation, so that what {@code send} writes {@code decode} reads back.
 * Members not given stay zero. Values that do not fit their member are an
 * {@link InputException} naming the member path. Stateless.
 */
public final class RecordEncoder {
    private static final BigInteger U64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private RecordEncoder() {
    }

    /**
     * Fills {@code dst} (at least {@code plan.recordSize()} bytes, zeroed by the caller) from a JSON
     * object of member values. Only the members named (and not null) are written, a bit-field only
     * in its bits, so over a copy of existing bytes this is a member-level write ({@code patch}).
     */
    public static void encode(DecoderPlan plan, JsonNode values, MemorySegment dst) {
        if (values == null || !values.isObject()) {
            throw new InputException("--values", "expected a JSON object of member values");
        }
        record(plan.root(), values, dst, 0, "");
    }

    /**
     * Fills {@code dst} from a JSON object through a record's instance plan (a dynamic record as
     * {@link dev.structscope.io.decode.DynamicDecoder} laid it out): what {@link DynamicEncoder}
     * iterates on.
     */
    static void encode(RecordNode root, JsonNode values, MemorySegment dst) {
        record(root, values, dst, 0, "");
    }

    /**
     * Writes one scalar or char-array member on its own: {@code dst} holds the member's bytes
     * (from the first byte it touches), so a member of a dynamic record — wherever its instance
     * plan placed it, however far from the record's start — is written without the bytes around
     * it. A bit-field changes only its bits of {@code dst}. For the GUI's typed values.
     *
     * @throws InputException naming {@code path} when the value does not fit the member
     */
    public static void encodeMember(PlanNode member, JsonNode value, MemorySegment dst, String path) {
        if (!(member instanceof ScalarNode || member instanceof StringNode)) {
            throw new InputException(path, "only numbers, enums, bit-fields and char arrays can be typed");
        }
        // The node adds its own offset in its parent: start that far before dst's first byte.
        node(member, value, dst, -member.offset(), path);
    }

    private static void node(PlanNode n, JsonNode v, MemorySegment dst, long base, String path) {
        switch (n) {
            case RecordNode r -> {
                if (!v.isObject()) {
                    throw new InputException(path, "expected a JSON object for " + r.typeName());
                }
                record(r, v, dst, base + r.offset(), path);
            }
            case ArrayNode a -> array(a, v, dst, base + a.offset(), path);
            case StringNode s -> {
                leaf(s.typeName(), v, path);
                string(s, v, dst, base + s.offset(), path);
            }
            case ScalarNode s -> {
                leaf(s.typeName(), v, path);
                scalar(s, v, dst, base, path);
            }
        }
    }

    /**
     * Refuses an object or array given for a member that holds one value, saying what the member
     * is: a path that goes on past a scalar ({@code s8.x}, {@code m[1][2][0]}) ends here.
     */
    private static void leaf(String typeName, JsonNode v, String path) {
        if (v.isObject()) {
            var names = v.fieldNames();
            throw new InputException(path, "is " + typeName + ", not a struct or union"
                    + (names.hasNext() ? " (it has no member '" + names.next() + "')" : ""));
        }
        if (v.isArray()) {
            throw new InputException(path, "is " + typeName + ", not an array");
        }
    }

    private static void record(RecordNode r, JsonNode v, MemorySegment dst, long start, String path) {
        for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().startsWith("_")) {
                continue; // _seq, _len, _extra of captured records
            }
            int i = r.indexOf(e.getKey());
            String p = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
            if (i < 0) {
                throw new InputException(p, "no member '" + e.getKey() + "' in " + r.typeName());
            }
            if (e.getValue().isNull()) {
                continue;
            }
            node(r.members().get(i), e.getValue(), dst, start, p);
        }
    }

    private static void array(ArrayNode a, JsonNode v, MemorySegment dst, long start, String path) {
        if (!v.isArray()) {
            throw new InputException(path, "expected a JSON array for " + a.typeName());
        }
        if (v.size() > a.length()) {
            throw new InputException(path + "[" + a.length() + "]", "past the end of " + a.typeName() + ", which has "
                    + a.length() + (a.length() == 1 ? " element" : " elements"));
        }
        for (int i = 0; i < v.size(); i++) {
            if (v.get(i).isNull()) {
                continue; // as in a record: a null value leaves the element's bytes as they are
            }
            if (a.elements() != null) {
                // Elements of a dynamic array, each its own size: their nodes hold their offsets.
                node(a.elements().get(i), v.get(i), dst, start, path + "[" + i + "]");
            } else {
                node(a.element(), v.get(i), dst, start + i * a.stride(), path + "[" + i + "]");
            }
        }
    }

    private static void string(StringNode s, JsonNode v, MemorySegment dst, long at, String path) {
        if (!v.isTextual()) {
            throw new InputException(path, "expected a string for " + s.typeName());
        }
        String text = v.asText();
        if (text.length() > s.length()) {
            throw new InputException(path, "string of " + text.length() + " characters does not fit " + s.typeName());
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c > 0xFF) {
                throw new InputException(path, "character U+" + Integer.toHexString(c) + " is not ISO-8859-1");
            }
            dst.set(Layouts.I8, at + i, (byte) c);
        }
        // NUL-padded to the array's length, like strncpy: over existing bytes (patch) no tail of
        // the old string survives; in a zeroed record (send) this changes nothing.
        for (long i = text.length(); i < s.length(); i++) {
            dst.set(Layouts.I8, at + i, (byte) 0);
        }
    }

    private static void scalar(ScalarNode s, JsonNode v, MemorySegment dst, long base, String path) {
        long at = base + s.offset();
        boolean be = s.bigEndian();
        switch (s.kind()) {
            case FLOAT16 -> dst.set(be ? Layouts.I16_BE : Layouts.I16_LE, at, Float.floatToFloat16((float) real(s, v, path)));
            case BFLOAT16 -> dst.set(be ? Layouts.I16_BE : Layouts.I16_LE, at, Extended.toBfloat16((float) real(s, v, path)));
            case FLOAT32 -> dst.set(be ? Layouts.F32_BE : Layouts.F32_LE, at, (float) real(s, v, path));
            case FLOAT64 -> dst.set(be ? Layouts.F64_BE : Layouts.F64_LE, at, real(s, v, path));
            case X87_EXTENDED -> Extended.writeX87(dst, at, real(s, v, path), be);
            case BINARY128 -> Extended.writeBinary128(dst, at, real(s, v, path), be);
            case BOOL -> integer(s, dst, at, bool(v, path), path);
            case ENUM -> integer(s, dst, at, enumValue(s, v, path), path);
            default -> integer(s, dst, at, integerValue(s, v, path), path);
        }
    }

    /**
     * The value for the floating member {@code s}: a JSON number, or "NaN", "Infinity" or
     * "-Infinity" by name. A number the member's type cannot hold is refused rather than stored
     * as infinity (a float member given 1e40): infinity is written only when asked for by name.
     */
    private static double real(ScalarNode s, JsonNode v, String path) {
        if (v.isNumber()) {
            double d = v.asDouble();
            if (!fits(s, d)) {
                throw new InputException(path, v.asText() + " does not fit " + s.typeName() + " (largest finite value "
                        + largestFinite(s) + "; \"Infinity\" writes infinity)");
            }
            return d;
        }
        if (v.isTextual()) {
            switch (v.asText()) {
                case "NaN": return Double.NaN;
                case "Infinity": return Double.POSITIVE_INFINITY;
                case "-Infinity": return Double.NEGATIVE_INFINITY;
                default: break;
            }
        }
        throw new InputException(path, "expected a number (or \"NaN\", \"Infinity\", \"-Infinity\")");
    }

    /**
     * Whether the floating member {@code s} holds the number {@code d} as a finite value: false
     * for a finite {@code d} that rounds to infinity in the member's type (and for an infinite
     * one, which only the names "Infinity" and "-Infinity" ask for). The one rule for patch, send
     * and the window's value fields.
     */
    public static boolean fits(ScalarNode s, double d) {
        double stored = switch (s.kind()) {
            case FLOAT16 -> Float.float16ToFloat(Float.floatToFloat16((float) d));
            case BFLOAT16 -> Float.intBitsToFloat(Extended.toBfloat16((float) d) << 16);
            case FLOAT32 -> (float) d;
            default -> d; // double, and the wider types written from a double
        };
        return Double.isNaN(d) || !Double.isInfinite(stored);
    }

    /** The largest finite value of the floating member {@code s}'s type, as a message prints it. */
    public static String largestFinite(ScalarNode s) {
        return switch (s.kind()) {
            case FLOAT16 -> "65504";
            case BFLOAT16 -> Float.toString(Float.intBitsToFloat(0x7F7F0000));
            case FLOAT32 -> Float.toString(Float.MAX_VALUE);
            default -> Double.toString(Double.MAX_VALUE);
        };
    }

    private static long bool(JsonNode v, String path) {
        if (v.isBoolean()) {
            return v.asBoolean() ? 1 : 0;
        }
        if (v.isIntegralNumber() && (v.asLong() == 0 || v.asLong() == 1)) {
            return v.asLong();
        }
        throw new InputException(path, "expected true or false");
    }

    private static long enumValue(ScalarNode s, JsonNode v, String path) {
        if (v.isTextual() && s.enumType() != null) {
            for (Enumerator e : s.enumType().enumerators()) {
                if (e.name().equals(v.asText())) {
                    return e.value();
                }
            }
            throw new InputException(path, "'" + v.asText() + "' is not an enumerator of " + s.typeName());
        }
        return integerValue(s, v, path);
    }

    private static long integerValue(ScalarNode s, JsonNode v, String path) {
        if (!v.isIntegralNumber()) {
            throw new InputException(path, "expected an integer for " + s.typeName());
        }
        BigInteger b = v.bigIntegerValue();
        int bits = s.valueBits();
        BigInteger min = s.unsigned() ? BigInteger.ZERO : BigInteger.ONE.shiftLeft(bits - 1).negate();
        BigInteger max = s.unsigned() ? BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
                : BigInteger.ONE.shiftLeft(bits - 1).subtract(BigInteger.ONE);
        if (b.compareTo(min) < 0 || b.compareTo(max) > 0) {
            throw new InputException(path, b + " does not fit " + (s.isBitField() ? bits + "-bit bit-field of " : "")
                    + s.typeName() + " (" + min + " to " + max + ")");
        }
        return b.and(U64_MAX).longValue();
    }

    private static void integer(ScalarNode s, MemorySegment dst, long at, long value, String path) {
        boolean be = s.bigEndian();
        if (s.byteSize() > 8 && !s.isBitField()) {
            throw new InputException(path, "not supported: writing 128-bit integers");
        }
        if (s.isBitField()) {
            writeBits(s, dst, at, value);
            return;
        }
        switch (s.byteSize()) {
            case 1 -> dst.set(Layouts.I8, at, (byte) value);
            case 2 -> dst.set(be ? Layouts.I16_BE : Layouts.I16_LE, at, (short) value);
            case 4 -> dst.set(be ? Layouts.I32_BE : Layouts.I32_LE, at, (int) value);
            case 8 -> dst.set(be ? Layouts.I64_BE : Layouts.I64_LE, at, value);
            default -> {
                for (int i = 0; i < s.byteSize(); i++) {
                    int shift = 8 * (be ? s.byteSize() - 1 - i : i);
                    dst.set(Layouts.I8, at + i, shift >= 64 ? 0 : (byte) (value >>> shift));
                }
            }
        }
    }

    /**
     * Writes a bit-field bit by bit in allocation order: bit k of the field is bit
     * {@code bits.offset() + k} counted from the least significant bit of the first byte (little-endian
     * data) or from the most significant bit of the first byte (big-endian data), where the
     * field's most significant bit comes first.
     */
    private static void writeBits(ScalarNode s, MemorySegment dst, long at, long value) {
        int w = s.bits().width();
        int shift = (int) s.bits().offset();
        for (int k = 0; k < w; k++) {
            long bit;
            int pos;
            if (s.bigEndian()) {
                bit = (value >>> (w - 1 - k)) & 1;
                pos = shift + k;
                long byteAt = at + pos / 8;
                int mask = 0x80 >>> (pos % 8);
                set(dst, byteAt, mask, bit);
            } else {
                bit = (value >>> k) & 1;
                pos = shift + k;
                long byteAt = at + pos / 8;
                int mask = 1 << (pos % 8);
                set(dst, byteAt, mask, bit);
            }
        }
    }

    private static void set(MemorySegment dst, long at, int mask, long bit) {
        int b = dst.get(Layouts.I8, at) & 0xFF;
        b = bit != 0 ? b | mask : b & ~mask;
        dst.set(Layouts.I8, at, (byte) b);
    }
}
