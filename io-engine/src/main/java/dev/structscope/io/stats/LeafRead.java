package dev.structscope.io.stats;

import dev.structscope.io.decode.ScalarKind;
import dev.structscope.io.decode.ScalarNode;

/**
 * How {@code stats} reads one scalar leaf: a plain load of a machine type that the generated
 * record loops do inline ({@link Load}), or the plan's own generic read for everything else
 * (bit-fields, {@code long double}, half floats, odd sizes: {@link Generic}). Immutable.
 */
sealed interface LeafRead permits LeafRead.Load, LeafRead.Generic {

    /** The machine types the generated loops load directly, each with its sum and ordering rule. */
    enum Width {
        I8(1, false, false), U8(1, true, false), I16(2, false, false), U16(2, true, false),
        I32(4, false, false), U32(4, true, false), I64(8, false, false), U64(8, true, false),
        F32(4, false, true), F64(8, false, true);

        final int bytes;
        final boolean unsigned;
        final boolean floating;

        Width(int bytes, boolean unsigned, boolean floating) {
            this.bytes = bytes;
            this.unsigned = unsigned;
            this.floating = floating;
        }

        /** 64-bit integers: summed as two 32-bit halves so that no carry is needed per value. */
        boolean wide() {
            return bytes == 8 && !floating;
        }
    }

    /** A direct load of {@code width} in the data's byte order. */
    record Load(Width width, boolean bigEndian) implements LeafRead {
    }

    /** Read through {@link ScalarNode#readLong}/{@link ScalarNode#readDouble}, one value at a time. */
    record Generic(ScalarNode node) implements LeafRead {
    }

    /** The read for {@code node}. */
    static LeafRead of(ScalarNode node) {
        ScalarKind k = node.kind();
        if (node.isBitField()) {
            return new Generic(node);
        }
        Width w = switch (k) {
            case FLOAT32 -> Width.F32;
            case FLOAT64 -> Width.F64;
            case FLOAT16, BFLOAT16, X87_EXTENDED, BINARY128 -> null;
            case SIGNED, UNSIGNED, BOOL, ENUM, POINTER -> switch (node.byteSize()) {
                case 1 -> node.unsigned() ? Width.U8 : Width.I8;
                case 2 -> node.unsigned() ? Width.U16 : Width.I16;
                case 4 -> node.unsigned() ? Width.U32 : Width.I32;
                case 8 -> node.unsigned() ? Width.U64 : Width.I64;
                default -> null;
            };
        };
        return w == null ? new Generic(node) : new Load(w, node.bigEndian());
    }

    /**
     * Whether the leaf holds unsigned 64-bit integers, whose min/max are kept with the sign bit
     * flipped so that signed comparison orders them.
     */
    static boolean unsigned64(ScalarNode node) {
        return node.kind().isInteger() && node.unsigned()
                && node.valueBits() == 64;
    }
}
