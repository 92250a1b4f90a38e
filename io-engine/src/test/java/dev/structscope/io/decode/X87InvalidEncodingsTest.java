package dev.structscope.io.decode;

import dev.structscope.io.testing.Tools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * x87 80-bit values the FPU itself classifies: unnormals, pseudo-infinities and pseudo-NaNs
 * (integer bit clear with a non-zero exponent) are invalid operands and come out as NaN; every
 * other pattern is the number the FPU computes with. The oracle is a gcc program on this x86-64
 * machine that loads each bit pattern, adds zero on the x87 and prints the class and the value
 * with {@code %.20Le} (glibc's printf of the invalid patterns says "nan" too).
 */
class X87InvalidEncodingsTest {
    @TempDir
    Path dir;

    @Test
    void invalidEncodingsAreNaNAndTheRestAreWhatTheFpuComputes() throws Exception {
        assumeTrue("amd64".equals(System.getProperty("os.arch")), "needs an x86-64 machine to run the x87");
        Random rnd = new Random(20261204L);
        List<long[]> patterns = new ArrayList<>();
        // The cases of the issue, then random patterns of every class.
        long[][] fixed = {{0, 0x7FFF}, {0, 0xFFFF}, {1, 0x7FFF}, {0x4000000000000000L, 0x7FFF},
                {0x4000000000000000L, 0x3FFF}, {0, 0x3FFF}, {1, 0x4000}, {0x8000000000000000L, 0},
                {0x8000000000000000L, 0x7FFF}, {0xC000000000000000L, 0x7FFF}, {0x8000000000000000L, 0x3FFF},
                {0, 0}, {1, 0}, {0x8000000000000000L, 0x8000}};
        for (long[] f : fixed) {
            patterns.add(f);
        }
        for (int i = 0; i < 400; i++) {
            long m = rnd.nextLong();
            int se = rnd.nextInt(0x10000);
            switch (i % 4) {
                case 0 -> m &= Long.MAX_VALUE; // unnormal / pseudo-NaN
                case 1 -> se = (se & 0x8000) | 0x7FFF;
                case 2 -> se &= 0x8000; // denormal or pseudo-denormal
                default -> m |= Long.MIN_VALUE; // normal
            }
            patterns.add(new long[] {m, se});
        }
        StringBuilder table = new StringBuilder();
        for (long[] p : patterns) {
            table.append(String.format("{0x%016xULL, 0x%04x},%n", p[0], p[1]));
        }
        Files.writeString(dir.resolve("x.c"), """
                #include <stdio.h>
                #include <string.h>
                #include <stdint.h>
                static const struct { uint64_t m; uint16_t se; } P[] = {
                %s};
                int main(void) {
                    for (size_t i = 0; i < sizeof P / sizeof P[0]; i++) {
                        unsigned char b[16] = {0};
                        memcpy(b, &P[i].m, 8);
                        memcpy(b + 8, &P[i].se, 2);
                        long double v;
                        memcpy(&v, b, sizeof v);
                        volatile long double zero = 0;
                        long double w = v + zero; /* what the FPU makes of it */
                        char pf[64];
                        snprintf(pf, sizeof pf, "%%Lg", v);
                        if (__builtin_isnan(w)) printf("nan %%s\\n", pf);
                        else if (__builtin_isinf(w)) printf("%%s %%s\\n", w < 0 ? "-inf" : "inf", pf);
                        else printf("%%.20Le %%s\\n", w, pf);
                    }
                    return 0;
                }
                """.formatted(table));
        Tools.run(dir, List.of("gcc", "-O0", "-o", "x", "x.c"));
        List<String> lines = Tools.run(dir, List.of("./x")).lines().toList();
        assertEquals(patterns.size(), lines.size());
        int nans = 0;
        for (int i = 0; i < patterns.size(); i++) {
            long[] p = patterns.get(i);
            ExtendedFloat ours = ExtendedFloat.fromX87(p[0], (int) p[1]);
            String[] theirs = lines.get(i).split(" ");
            String what = String.format("m=%016x se=%04x: gcc says %s", p[0], p[1], lines.get(i));
            switch (theirs[0]) {
                case "nan" -> {
                    assertEquals(ExtendedFloat.Kind.NAN, ours.kind(), what);
                    assertTrue(theirs[1].contains("nan"), "glibc printf agrees: " + what);
                    nans++;
                }
                case "inf", "-inf" -> {
                    assertEquals(ExtendedFloat.Kind.INFINITE, ours.kind(), what);
                    assertEquals(theirs[0].startsWith("-"), ours.negative(), what);
                }
                default -> {
                    assertEquals(ExtendedFloat.Kind.FINITE, ours.kind(), what);
                    MathContext mc = new MathContext(21, RoundingMode.HALF_EVEN);
                    BigDecimal fpu = new BigDecimal(theirs[0]);
                    assertEquals(0, fpu.compareTo(ours.toBigDecimal().round(mc)), what + " vs ours " + ours.toBigDecimal().round(mc));
                }
            }
        }
        assertTrue(nans > 150, "only " + nans + " NaN patterns");
    }
}
