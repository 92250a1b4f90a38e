package dev.structscope.io.stats;

import dev.structscope.io.testing.Tools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The integer mean of {@code stats} (a 128-bit sum over a count) against Python's exactly rounded
 * {@code float(Fraction(sum, count))}, bit for bit: sums of every size up to ±2^127, counts up to
 * 2^63-1, the edges of the one-division fast path (2^53), and quotients that fall exactly halfway
 * between two doubles (ties to even) or just beside halfway.
 */
class MeanTest {

    @Test
    void meansAreTheExactQuotientRoundedOnce(@TempDir Path dir) throws Exception {
        List<long[]> cases = new ArrayList<>();
        long two53 = 1L << 53;
        for (long lo : new long[] {0, 1, -1, two53, two53 + 1, -two53, -two53 - 1, Long.MAX_VALUE, Long.MIN_VALUE}) {
            for (long count : new long[] {1, 2, 3, 7, two53, two53 + 1, Long.MAX_VALUE}) {
                cases.add(new long[] {lo >> 63, lo, count});
            }
        }
        // Halfway between two doubles: (2^53 + 1) * 2^k over 1, and over 2 with the sum doubled;
        // and the same plus or minus one unit, which must round away from the tie.
        for (int k = 0; k < 60; k += 7) {
            BigInteger tie = BigInteger.ONE.shiftLeft(53).add(BigInteger.ONE).shiftLeft(k);
            for (BigInteger s : List.of(tie, tie.add(BigInteger.ONE), tie.subtract(BigInteger.ONE), tie.negate())) {
                cases.add(split(s, 1));
                cases.add(split(s.shiftLeft(1), 2));
                cases.add(split(s.multiply(BigInteger.valueOf(3)), 3));
            }
        }
        SplittableRandom random = new SplittableRandom(20261206);
        for (int i = 0; i < 2000; i++) {
            int bits = random.nextInt(1, 128);
            BigInteger s = new BigInteger(bits, new java.util.Random(random.nextLong()));
            if (random.nextBoolean()) {
                s = s.negate();
            }
            long count = random.nextBoolean() ? random.nextLong(1, 1000) : random.nextLong(1, Long.MAX_VALUE);
            cases.add(split(s, count));
        }
        StringBuilder in = new StringBuilder();
        for (long[] c : cases) {
            in.append(FieldStats.sum128(c[0], c[1])).append(' ').append(c[2]).append('\n');
        }
        Files.writeString(dir.resolve("cases.txt"), in);
        Files.writeString(dir.resolve("mean.py"), """
                import sys
                from fractions import Fraction
                for line in open(sys.argv[1]):
                    s, n = line.split()
                    print(float(Fraction(int(s), int(n))).hex())
                """);
        String[] expected = Tools.run(dir, List.of(Tools.python(), "mean.py", "cases.txt")).split("\n");
        assertEquals(cases.size(), expected.length);
        for (int i = 0; i < cases.size(); i++) {
            long[] c = cases.get(i);
            double ours = FieldStats.mean128(c[0], c[1], c[2]);
            assertEquals(Double.parseDouble(expected[i].strip()), ours,
                    FieldStats.sum128(c[0], c[1]) + " / " + c[2] + ": python " + expected[i] + ", ours " + Double.toHexString(ours));
        }
    }

    /** The sum {@code s} (within ±2^127) as the hi:lo words the stats loops keep, with its count. */
    private static long[] split(BigInteger s, long count) {
        return new long[] {s.shiftRight(64).longValue(), s.longValue(), count};
    }
}
