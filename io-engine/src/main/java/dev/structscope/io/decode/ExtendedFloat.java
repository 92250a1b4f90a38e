package dev.structscope.io.decode;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

/**
 * A binary floating-point value wider than a double, held exactly: {@code (-1)^negative *
 * significand * 2^exponent}, or an infinity or NaN. Made from the 80-bit x87 extended format
 * and from IEEE binary128. Immutable.
 *
 * @param negative    the sign bit (also for zeros, NaNs and infinities)
 * @param significand the integer significand, {@code >= 0}
 * @param exponent    the power of two it is multiplied by
 * @param kind        finite, infinite or NaN
 * @param digits      significant decimal digits that identify a value of the source format
 *                    (21 for x87, 36 for binary128) when it is printed but not exact as a double
 */
public record ExtendedFloat(boolean negative, BigInteger significand, int exponent, Kind kind, int digits) {

    public enum Kind { FINITE, INFINITE, NAN }

    /** Decodes the 10 bytes of an x87 extended value: 64-bit significand with explicit integer bit, 15-bit exponent. */
    public static ExtendedFloat fromX87(long mantissa, int signExp) {
        boolean neg = (signExp & 0x8000) != 0;
        int e = signExp & 0x7FFF;
        if (e != 0 && mantissa >= 0) {
            // The integer bit is clear with a non-zero exponent: a pseudo-infinity, pseudo-NaN or
            // unnormal. Since the 80387 these are invalid operands, which the FPU (and glibc's
            // printf) treat as NaN. (A pseudo-denormal, exponent 0 with the bit set, is valid.)
            return new ExtendedFloat(neg, BigInteger.ZERO, 0, Kind.NAN, 21);
        }
        if (e == 0x7FFF) {
            // Fraction bits (the integer bit aside) zero: infinity; anything else is a NaN.
            return new ExtendedFloat(neg, BigInteger.ZERO, 0, (mantissa << 1) == 0 ? Kind.INFINITE : Kind.NAN, 21);
        }
        BigInteger m = new BigInteger(Long.toUnsignedString(mantissa));
        // Denormals (e == 0) use exponent 1 with the integer bit clear, as the x87 does.
        int exp = (e == 0 ? 1 : e) - 16383 - 63;
        return new ExtendedFloat(neg, m, exp, Kind.FINITE, 21);
    }

    /** Decodes binary128 from its high and low 64-bit halves: 1 sign, 15 exponent, 112 fraction bits. */
    public static ExtendedFloat fromBinary128(long hi, long lo) {
        boolean neg = hi < 0;
        int e = (int) ((hi >>> 48) & 0x7FFF);
        long fracHi = hi & 0xFFFF_FFFF_FFFFL;
        if (e == 0x7FFF) {
            return new ExtendedFloat(neg, BigInteger.ZERO, 0, (fracHi | lo) == 0 ? Kind.INFINITE : Kind.NAN, 36);
        }
        BigInteger frac = BigInteger.valueOf(fracHi).shiftLeft(64).or(new BigInteger(Long.toUnsignedString(lo)));
        if (e != 0) {
            frac = frac.setBit(112);
        }
        int exp = (e == 0 ? 1 : e) - 16383 - 112;
        return new ExtendedFloat(neg, frac, exp, Kind.FINITE, 36);
    }

    /** The exact value; only for finite values. */
    public BigDecimal toBigDecimal() {
        if (kind != Kind.FINITE) {
            throw new ArithmeticException(kind + " has no decimal value");
        }
        BigDecimal v;
        if (exponent >= 0) {
            v = new BigDecimal(significand.shiftLeft(exponent));
        } else {
            // m * 2^-k = m * 5^k / 10^k, exact.
            v = new BigDecimal(significand.multiply(BigInteger.valueOf(5).pow(-exponent)), -exponent);
        }
        return negative ? v.negate() : v;
    }

    /** The nearest double (correctly rounded), with infinities and NaN kept. */
    public double toDouble() {
        return switch (kind) {
            case NAN -> Double.NaN;
            case INFINITE -> negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            case FINITE -> {
                if (significand.signum() == 0) {
                    yield negative ? -0.0 : 0.0;
                }
                int bits = significand.bitLength();
                int top = exponent + bits; // value in [2^(top-1), 2^top)
                if (bits <= 53 && top > -1021 && top < 1024) {
                    double d = Math.scalb(significand.doubleValue(), exponent); // exact
                    yield negative ? -d : d;
                }
                if (top > 1100) {
                    yield negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
                }
                if (top < -1100) {
                    yield negative ? -0.0 : 0.0;
                }
                double d = toBigDecimal().doubleValue(); // correctly rounded
                yield d == 0 && negative ? -0.0 : d;
            }
        };
    }

    /** Whether {@link #toDouble()} is exactly this value (infinities and NaN count as exact). */
    public boolean isExactDouble() {
        if (kind != Kind.FINITE || significand.signum() == 0) {
            return true;
        }
        double d = toDouble();
        if (Double.isInfinite(d)) {
            return false;
        }
        int trailing = significand.getLowestSetBit();
        int bits = significand.bitLength() - trailing;
        int top = exponent + significand.bitLength();
        if (bits <= 53 && top > -1021 && top < 1024) {
            return true;
        }
        return new BigDecimal(d).compareTo(toBigDecimal()) == 0;
    }

    /**
     * A JSON number for the value: the shortest double text when the double is exact, else the
     * decimal rounded to {@link #digits()} significant digits, which tells values of the source
     * format apart. Infinities and NaN give the contract's strings, quoted.
     */
    public String toJson() {
        return switch (kind) {
            case NAN -> "\"NaN\"";
            case INFINITE -> negative ? "\"-Infinity\"" : "\"Infinity\"";
            case FINITE -> isExactDouble() ? Double.toString(toDouble())
                    : toBigDecimal().round(new MathContext(digits, java.math.RoundingMode.HALF_EVEN)).toString();
        };
    }
}
