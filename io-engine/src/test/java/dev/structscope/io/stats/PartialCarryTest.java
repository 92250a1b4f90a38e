package dev.structscope.io.stats;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link Partial#carry}, the branch-free carry of the exact sums, against {@link BigInteger}:
 * the carry out of an unsigned 64-bit addition is whether the true sum reaches 2^64.
 */
class PartialCarryTest {
    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

    @Test
    void carryIsTheBitPast64() {
        long[] edges = {0, 1, -1, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1, Long.MAX_VALUE - 1,
                0xFFFF_FFFFL, 1L << 32, -(1L << 32)};
        for (long a : edges) {
            for (long b : edges) {
                check(a, b);
            }
        }
        SplittableRandom rng = new SplittableRandom(20261206);
        for (int i = 0; i < 100_000; i++) {
            check(rng.nextLong(), rng.nextLong());
        }
    }

    private static void check(long a, long b) {
        long expected = unsigned(a).add(unsigned(b)).compareTo(TWO_64) >= 0 ? 1 : 0;
        assertEquals(expected, Partial.carry(a, b, a + b), () -> Long.toHexString(a) + " + " + Long.toHexString(b));
    }

    private static BigInteger unsigned(long v) {
        return new BigInteger(Long.toUnsignedString(v));
    }
}
