package dev.structscope.io.stats;

import dev.structscope.io.decode.JsonText;
import dev.structscope.io.decode.ScalarKind;

import java.math.BigInteger;

/**
 * The statistics of one scalar leaf over all records: how many values (array elements count
 * one each), the smallest and largest, and the mean. Integer leaves have exact integer min/max
 * ({@code min}/{@code max} as text, 64-bit unsigned included); floating leaves skip NaNs in
 * min/max/mean and count them in {@code nanCount}. Immutable.
 *
 * @param path  the member's dotted path, e.g. {@code "inner.x"}
 * @param min   JSON text of the minimum, or {@code null} when there are no values
 * @param max   JSON text of the maximum, or {@code null}
 * @param mean  the mean (NaN when there are no values)
 */
public record FieldStats(String path, ScalarKind kind, long count, long nanCount, String min, String max, double mean) {

    /** The mean as JSON text ({@code null} when there are no values). */
    public String meanJson() {
        return Double.isNaN(mean) && count - nanCount == 0 ? "null" : JsonText.number(mean, false);
    }

    static BigInteger sum128(long hi, long lo) {
        return BigInteger.valueOf(hi).shiftLeft(64).add(new BigInteger(Long.toUnsignedString(lo)));
    }

    /**
     * The 128-bit sum {@code hi:lo} divided by {@code count} (positive), rounded once to the nearest
     * double (ties to even), as {@code float(Fraction(sum, count))} in Python. BigInteger only: the
     * JDK's BigDecimal computes 5^65536 in its static initializer, about 10 ms of a short
     * {@code stats} run started from the AOT cache (docs/user/install.md).
     */
    static double mean128(long hi, long lo, long count) {
        if (hi == lo >> 63 && lo >= -(1L << 53) && lo <= 1L << 53 && count <= 1L << 53) {
            return (double) lo / count; // both exact as doubles: one IEEE division rounds once
        }
        BigInteger sum = sum128(hi, lo).abs();
        BigInteger divisor = BigInteger.valueOf(count);
        // Scaled by 2^shift the quotient has at least 61 bits; a non-zero remainder is kept as a
        // sticky bit 0, far below the 53 bits a double keeps, so rounding that integer
        // (BigInteger.doubleValue: to nearest, ties to even) rounds the exact quotient.
        int shift = Math.max(0, 61 + divisor.bitLength() - sum.bitLength());
        BigInteger[] qr = sum.shiftLeft(shift).divideAndRemainder(divisor);
        BigInteger q = qr[1].signum() == 0 ? qr[0] : qr[0].setBit(0);
        double mean = Math.scalb(q.doubleValue(), -shift);
        return hi < 0 ? -mean : mean;
    }
}
