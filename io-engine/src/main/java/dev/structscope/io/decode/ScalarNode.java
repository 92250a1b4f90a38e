package dev.structscope.io.decode;

import dev.structscope.model.layout.BitSpan;
import dev.structscope.model.type.EnumType;

import java.lang.foreign.MemorySegment;

/**
 * A scalar leaf: an integer, {@code _Bool}, enum, pointer or floating value of {@code size} bytes
 * at {@code offset}, or a bit-field of {@code bits.width()} bits starting {@code bits.offset()}
 * bits into the byte at {@code offset} (bits counted in allocation order: from the least significant bit
 * of each byte for little-endian data, from the most significant bit for big-endian data, which
 * is how GCC and clang allocate bit-fields on machines of each byte order).
 *
 * <p>Reads are static loads at fixed offsets over the segment: no copies, no buffers.
 *
 * @param unsigned  whether integer values are unsigned (bit-fields: of the declared type)
 * @param bigEndian the byte order of the data
 * @param bits      a bit-field's bits counted from the byte at {@code offset} (so its offset is
 *                  0 to 7; its width 1 to 64), or {@code null} when the leaf is not a bit-field
 * @param enumType  the enum definition for {@link ScalarKind#ENUM}, else null
 */
public record ScalarNode(String name, long offset, ScalarKind kind, int byteSize, boolean unsigned, boolean bigEndian,
                         BitSpan bits, EnumType enumType, String typeName) implements PlanNode {

    public boolean isBitField() {
        return bits != null;
    }

    /** How many bits the value has: a bit-field's width, else the whole bytes'. */
    public int valueBits() {
        return isBitField() ? bits.width() : byteSize * 8;
    }

    @Override
    public long size() {
        return isBitField() ? bits.endByte() : byteSize;
    }

    /** The same node at another offset (used when flattening nested members). */
    public ScalarNode at(long newOffset) {
        return new ScalarNode(name, newOffset, kind, byteSize, unsigned, bigEndian, bits, enumType, typeName);
    }

    /**
     * The integer at {@code base + offset}: sign-extended when signed, zero-extended when unsigned
     * (a 64-bit unsigned value comes back as its bit pattern). Only for integer kinds.
     */
    public long readLong(MemorySegment s, long base) {
        long at = base + offset;
        if (isBitField()) {
            return readBits(s, at);
        }
        return switch (byteSize) {
            case 1 -> unsigned ? s.get(Layouts.I8, at) & 0xFFL : s.get(Layouts.I8, at);
            case 2 -> {
                short v = s.get(bigEndian ? Layouts.I16_BE : Layouts.I16_LE, at);
                yield unsigned ? v & 0xFFFFL : v;
            }
            case 4 -> {
                int v = s.get(bigEndian ? Layouts.I32_BE : Layouts.I32_LE, at);
                yield unsigned ? v & 0xFFFF_FFFFL : v;
            }
            case 8 -> s.get(bigEndian ? Layouts.I64_BE : Layouts.I64_LE, at);
            default -> readBytes(s, at, byteSize);
        };
    }

    /** A 128-bit integer ({@code __int128}) at {@code base + offset}, exactly. */
    public java.math.BigInteger readWide(MemorySegment s, long base) {
        long at = base + offset;
        byte[] b = new byte[byteSize];
        for (int i = 0; i < byteSize; i++) {
            b[i] = s.get(Layouts.I8, at + (bigEndian ? i : byteSize - 1 - i));
        }
        return unsigned ? new java.math.BigInteger(1, b) : new java.math.BigInteger(b);
    }

    /** An integer of an unusual width (not produced by the ABIs we know, kept for safety). */
    private long readBytes(MemorySegment s, long at, int n) {
        long v = 0;
        for (int i = 0; i < n; i++) {
            long b = s.get(Layouts.I8, at + (bigEndian ? i : n - 1 - i)) & 0xFF;
            v = (v << 8) | b;
        }
        return unsigned || n >= 8 ? v : (v << (64 - 8 * n)) >> (64 - 8 * n);
    }

    private long readBits(MemorySegment s, long at) {
        int bitShift = (int) bits.offset();
        int bitWidth = bits.width();
        int span = (int) bits.endByte();
        long v;
        if (!bigEndian) {
            long low = 0;
            int n = Math.min(span, 8);
            for (int i = n - 1; i >= 0; i--) {
                low = (low << 8) | (s.get(Layouts.I8, at + i) & 0xFFL);
            }
            v = low >>> bitShift;
            if (span == 9 && bitShift > 0) {
                v |= (s.get(Layouts.I8, at + 8) & 0xFFL) << (64 - bitShift);
            }
        } else {
            int n = Math.min(span, 8);
            long high = 0;
            for (int i = 0; i < n; i++) {
                high = (high << 8) | (s.get(Layouts.I8, at + i) & 0xFFL);
            }
            if (span <= 8) {
                v = high >>> (span * 8 - bitShift - bitWidth);
            } else {
                int right = 72 - bitShift - bitWidth; // 0..7
                long last = s.get(Layouts.I8, at + 8) & 0xFFL;
                v = (high << (8 - right)) | (last >>> right);
            }
        }
        if (bitWidth < 64) {
            v &= (1L << bitWidth) - 1;
            if (!unsigned) {
                v = (v << (64 - bitWidth)) >> (64 - bitWidth);
            }
        }
        return v;
    }

    /** The value as a double: floats exactly, integers rounded when above 2^53. */
    public double readDouble(MemorySegment s, long base) {
        long at = base + offset;
        return switch (kind) {
            case FLOAT16 -> Float.float16ToFloat(s.get(bigEndian ? Layouts.I16_BE : Layouts.I16_LE, at));
            case BFLOAT16 -> Float.intBitsToFloat(s.get(bigEndian ? Layouts.I16_BE : Layouts.I16_LE, at) << 16);
            case FLOAT32 -> s.get(bigEndian ? Layouts.F32_BE : Layouts.F32_LE, at);
            case FLOAT64 -> s.get(bigEndian ? Layouts.F64_BE : Layouts.F64_LE, at);
            case X87_EXTENDED, BINARY128 -> readExtended(s, base).toDouble();
            default -> {
                if (byteSize == 16 && !isBitField()) {
                    yield readWide(s, base).doubleValue();
                }
                long v = readLong(s, base);
                yield unsigned && v < 0 ? (double) (v >>> 1) * 2.0 + (v & 1) : (double) v;
            }
        };
    }

    /** The exact value of an x87 or binary128 leaf. */
    public ExtendedFloat readExtended(MemorySegment s, long base) {
        long at = base + offset;
        if (kind == ScalarKind.X87_EXTENDED) {
            // Little-endian x87: 8 bytes of significand, then 2 bytes of sign and exponent. A
            // big-endian copy stores the same 10 bytes reversed.
            long mant = s.get(bigEndian ? Layouts.I64_BE : Layouts.I64_LE, bigEndian ? at + 2 : at);
            int se = s.get(bigEndian ? Layouts.I16_BE : Layouts.I16_LE, bigEndian ? at : at + 8) & 0xFFFF;
            return ExtendedFloat.fromX87(mant, se);
        }
        long lo = s.get(bigEndian ? Layouts.I64_BE : Layouts.I64_LE, bigEndian ? at + 8 : at);
        long hi = s.get(bigEndian ? Layouts.I64_BE : Layouts.I64_LE, bigEndian ? at : at + 8);
        return ExtendedFloat.fromBinary128(hi, lo);
    }

    @Override
    public Value read(MemorySegment s, long base) {
        return switch (kind) {
            case SIGNED, UNSIGNED -> byteSize == 16 && !isBitField() ? new Value.Wide(readWide(s, base))
                    : new Value.Int(readLong(s, base), unsigned);
            case BOOL -> new Value.Bool(readLong(s, base) != 0);
            case POINTER -> new Value.Pointer(readLong(s, base));
            case ENUM -> {
                long v = readLong(s, base);
                yield new Value.Enum(v, unsigned, enumType == null ? null : enumType.nameOf(v));
            }
            case FLOAT16, BFLOAT16, FLOAT32 -> new Value.Real(readDouble(s, base), true);
            case FLOAT64 -> new Value.Real(readDouble(s, base), false);
            case X87_EXTENDED, BINARY128 -> new Value.ExtReal(readExtended(s, base));
        };
    }
}
