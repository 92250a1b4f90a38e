package dev.structscope.app.fields;

import dev.structscope.io.decode.ArrayValue;
import dev.structscope.io.decode.JsonText;
import dev.structscope.io.decode.RecordValue;
import dev.structscope.io.decode.ScalarNode;
import dev.structscope.io.decode.Value;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Locale;

/**
 * How decoded values read in the fields tree and the record table: integers in decimal (with hex
 * for unsigned and bit patterns), enums by name, {@code char} arrays as quoted text with escapes,
 * floats by their shortest round-tripping decimal, bit-fields with their bits. Pure; any thread.
 */
public final class ValueText {
    private ValueText() {
    }

    /** The text of {@code v}; {@code node} (may be null) adds bit-field bits. */
    public static String of(Value v, ScalarNode node) {
        String s = switch (v) {
            case Value.Int i -> i.toString();
            case Value.Wide w -> w.toString();
            case Value.Bool b -> b.value() ? "true" : "false";
            case Value.Pointer p -> "0x" + Long.toHexString(p.address()).toUpperCase(Locale.ROOT);
            case Value.Real r -> real(r.value(), r.single());
            case Value.ExtReal x -> x.value().toBigDecimal() == null ? x.value().toJson().replace("\"", "")
                    : x.value().toJson().replace("\"", "");
            case Value.Enum e -> e.name() != null ? e.name() + " (" + num(e.value(), e.unsigned()) + ")"
                    : num(e.value(), e.unsigned()) + " (no enumerator)";
            case Value.Str str -> quote(str.value());
            case ArrayValue a -> "[" + a.length() + " elements]";
            case RecordValue r -> "{" + r.memberCount() + " members}";
            case Value.Null n -> "(no alternative matched)";
        };
        if (node != null && node.isBitField() && v instanceof Value.Int i) {
            s += "  (" + binary(i.bits(), node.bits().width()) + ")";
        } else if (node != null && node.isBitField() && v instanceof Value.Enum e) {
            s += "  (" + binary(e.value(), node.bits().width()) + ")";
        }
        return s;
    }

    static String real(double d, boolean single) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return JsonText.number(d, single).replace("\"", "");
        }
        return single ? Float.toString((float) d) : Double.toString(d);
    }

    private static String num(long v, boolean unsigned) {
        return unsigned ? Long.toUnsignedString(v) : Long.toString(v);
    }

    /** The low {@code width} bits, most significant first, e.g. {@code 0b0101}. */
    static String binary(long bits, int width) {
        StringBuilder sb = new StringBuilder("0b");
        for (int i = Math.min(64, width) - 1; i >= 0; i--) {
            sb.append((bits >>> i & 1) == 0 ? '0' : '1');
        }
        return sb.toString();
    }

    /** A string as C would write it: quoted, with non-printable bytes escaped (the first 512 characters). */
    public static String quote(String s) {
        return dev.structscope.model.type.Expr.Str.literal(s, 512);
    }

    /** Up to {@code max} bytes as hex pairs ({@code "2A 00 00 00"}), "…" when there are more. */
    public static String raw(MemorySegment seg, long at, long length, int max) {
        StringBuilder sb = new StringBuilder();
        long n = Math.min(length, max);
        for (long i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(String.format("%02X", seg.get(ValueLayout.JAVA_BYTE, at + i) & 0xFF));
        }
        if (length > n) {
            sb.append(" …");
        }
        return sb.toString();
    }
}
