package dev.structscope.model.c;

/**
 * An integer value of a C constant expression with the type that decides how it behaves: its
 * width (after integer promotion, 32 or 64 bits) and signedness. {@code value} holds the bits
 * sign- or zero-extended to 64. {@code size} is the size in bytes of its type before promotion,
 * what {@code sizeof} answers: 1 for {@code (char)x} and {@code (_Bool)x}, 2 for {@code u'a'},
 * though each computes as an int. Immutable.
 */
record IntValue(long value, int bits, boolean unsigned, int size) implements Value {
    static final IntValue ZERO = new IntValue(0, 32, false);
    static final IntValue ONE = new IntValue(1, 32, false);

    IntValue {
        value = normalize(value, bits, unsigned);
    }

    /** A value of a promoted type: its size is its width's. */
    IntValue(long value, int bits, boolean unsigned) {
        this(value, bits, unsigned, bits / 8);
    }

    /** The same value and behaviour, of a type {@code size} bytes wide before promotion. */
    IntValue ofSize(int size) {
        return new IntValue(value, bits, unsigned, size);
    }

    static IntValue ofInt(long v) {
        return new IntValue(v, 32, false);
    }

    static IntValue bool(boolean b) {
        return b ? ONE : ZERO;
    }

    static long normalize(long v, int bits, boolean unsigned) {
        if (bits >= 64) {
            return v;
        }
        long mask = (1L << bits) - 1;
        long m = v & mask;
        if (!unsigned && (m & (1L << (bits - 1))) != 0) {
            m |= ~mask;
        }
        return m;
    }

    @Override
    public boolean isTrue() {
        return value != 0;
    }

    /** The value converted to another integer type ({@code bits} 8..64). */
    IntValue convert(int toBits, boolean toUnsigned) {
        long v = normalize(value, toBits, toUnsigned);
        // Integer promotion: anything narrower than int becomes int (sizeof still sees its type).
        if (toBits < 32) {
            return new IntValue(v, 32, false, toBits / 8);
        }
        return new IntValue(v, toBits, toUnsigned);
    }

    /** The common type of the usual arithmetic conversions, as {bits, unsigned}. */
    static IntValue[] balance(IntValue a, IntValue b) {
        int bits = Math.max(a.bits, b.bits);
        boolean uns;
        if (a.bits == b.bits) {
            uns = a.unsigned || b.unsigned;
        } else {
            IntValue wide = a.bits > b.bits ? a : b;
            uns = wide.unsigned;
        }
        return new IntValue[] {a.convert(bits, uns), b.convert(bits, uns)};
    }

    int compareTo(IntValue o) {
        IntValue[] ab = balance(this, o);
        return ab[0].unsigned ? Long.compareUnsigned(ab[0].value, ab[1].value) : Long.compare(ab[0].value, ab[1].value);
    }

    /** The value as a number, whatever its type. */
    java.math.BigInteger exact() {
        return unsigned ? new java.math.BigInteger(Long.toUnsignedString(value)) : java.math.BigInteger.valueOf(value);
    }

    /** Whether an int holds it (what an enumeration constant's type depends on). */
    boolean fitsInt() {
        return fits(exact(), 32, true);
    }

    /** Whether an integer type of {@code bits} bits, signed or not, holds {@code v}. */
    static boolean fits(java.math.BigInteger v, int bits, boolean signed) {
        java.math.BigInteger least = signed ? java.math.BigInteger.ONE.shiftLeft(bits - 1).negate() : java.math.BigInteger.ZERO;
        java.math.BigInteger most = java.math.BigInteger.ONE.shiftLeft(signed ? bits - 1 : bits).subtract(java.math.BigInteger.ONE);
        return v.compareTo(least) >= 0 && v.compareTo(most) <= 0;
    }

    /** Non-negative and fits a Java long. */
    boolean fitsNonNegativeLong() {
        return value >= 0;
    }

    @Override
    public String toString() {
        return unsigned ? Long.toUnsignedString(value) : Long.toString(value);
    }
}
