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
}
