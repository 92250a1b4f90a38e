package dev.structscope.io.decode;

import dev.structscope.io.source.InMemorySource;
import dev.structscope.io.testing.Tools;
import dev.structscope.model.abi.Abis;
import dev.structscope.model.layout.LayoutEngine;
import dev.structscope.model.type.Prim;
import dev.structscope.model.type.RecordType;
import dev.structscope.model.type.TypeLibrary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static dev.structscope.io.testing.T.m;
import static dev.structscope.io.testing.T.p;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The extension scalars decode as gcc sees them, on random values written by a gcc program on
 * this x86-64 machine: {@code __int128} and {@code unsigned __int128} as exact JSON integers
 * (printed by the program digit by digit, as printf has no 128-bit conversion),
 * {@code _Float16} (printed widened to double) and {@code __float128} (libquadmath's
 * {@code %.36Qg}).
 */
class WideScalarsTest {
    @TempDir
    Path dir;

    @Test
    void int128Float16AndFloat128DecodeAsGccPrintsThem() throws Exception {
        assumeTrue("amd64".equals(System.getProperty("os.arch")), "x86-64 only (gcc's _Float16 and __float128)");
        Random rnd = new Random(128);
        int n = 64;
        StringBuilder init = new StringBuilder();
        for (int i = 0; i < n; i++) {
            long hi = rnd.nextLong();
            long lo = rnd.nextLong();
            int shift = rnd.nextInt(128); // small and large magnitudes
            init.append(String.format("{ (__int128)(((unsigned __int128)0x%016xULL << 64 | 0x%016xULL) >> %d) * %s,"
                            + " ((unsigned __int128)0x%016xULL << 64 | 0x%016xULL) >> %d, (_Float16)%s, (__float128)%s / 3 },%n",
                    hi, lo, shift, rnd.nextBoolean() ? "1" : "-1", lo, hi, rnd.nextInt(128),
                    Double.toString((rnd.nextDouble() - 0.5) * Math.pow(2, rnd.nextInt(30) - 14)),
                    Double.toString((rnd.nextDouble() - 0.5) * Math.pow(10, rnd.nextInt(600) - 300))));
        }
        init.append("{ (__int128)((unsigned __int128)1 << 127), ~(unsigned __int128)0, (_Float16)65504, (__float128)-0.0 },\n");
        Files.writeString(dir.resolve("w.c"), """
                #include <quadmath.h>
                #include <stdio.h>
                struct w { char c; __int128 s; unsigned __int128 u; _Float16 h; __float128 q; };
                static void u128(unsigned __int128 v) {
                    char buf[64]; int i = 63; buf[i] = 0;
                    do { buf[--i] = '0' + (int)(v %% 10); v /= 10; } while (v);
                    fputs(buf + i, stdout);
                }
                static const struct { __int128 s; unsigned __int128 u; _Float16 h; __float128 q; } V[] = {
                %s};
                int main(void) {
                    int n = sizeof V / sizeof V[0];
                    struct w out[sizeof V / sizeof V[0]];
                    __builtin_memset(out, 0, sizeof out);
                    for (int i = 0; i < n; i++) {
                        out[i].s = V[i].s; out[i].u = V[i].u; out[i].h = V[i].h; out[i].q = V[i].q;
                        if (V[i].s < 0) { putchar('-'); u128(-(unsigned __int128)V[i].s); } else u128(V[i].s);
                        putchar(' '); u128(V[i].u);
                        char q[80]; quadmath_snprintf(q, sizeof q, "%%.36Qg", V[i].q);
                        printf(" %%.17g %%s\\n", (double)V[i].h, q);
                    }
                    FILE *f = fopen("w.bin", "wb"); fwrite(out, sizeof out, 1, f); fclose(f);
                    printf("%%zu\\n", sizeof(struct w));
                    return 0;
                }
                """.formatted(init));
        Tools.run(dir, List.of("gcc", "-O1", "-o", "w", "w.c", "-lquadmath"));
        List<String> lines = Tools.run(dir, List.of("./w")).lines().toList();
        byte[] bytes = Files.readAllBytes(dir.resolve("w.bin"));

        RecordType w = RecordType.struct("w", List.of(m("c", Prim.CHAR), m("s", p(Prim.INT128)), m("u", p(Prim.UINT128)),
                m("h", p(Prim.FLOAT16)), m("q", p(Prim.FLOAT128))));
        DecoderPlan plan = DecoderPlan.compile(LayoutEngine.layout(w, TypeLibrary.of(w), Abis.X86_64_LINUX),
                Abis.X86_64_LINUX, ByteOrder.LITTLE_ENDIAN);
        assertEquals(Long.parseLong(lines.getLast()), plan.recordSize(), "sizeof(struct w)");
        try (InMemorySource src = new InMemorySource("w.bin", bytes)) {
            for (int i = 0; i < n + 1; i++) {
                String[] gcc = lines.get(i).split(" ");
                RecordValue v = plan.decode(src.segment(), i * plan.recordSize());
                assertEquals(new BigInteger(gcc[0]), ((Value.Wide) v.get("s")).value(), "s of " + i);
                assertEquals(gcc[0], JsonText.scalar(v.get("s")));
                assertEquals(gcc[1], JsonText.scalar(v.get("u")), "u of " + i);
                assertEquals(Double.parseDouble(gcc[2]), ((Value.Real) v.get("h")).value(), "h of " + i);
                MathContext mc = new MathContext(36, RoundingMode.HALF_EVEN);
                // Exact value against gcc's 36 digits (the JSON of a value that is exactly a double
                // is its shortest double text, which is not 36 digits).
                BigDecimal q = ((Value.ExtReal) v.get("q")).value().toBigDecimal();
                assertEquals(0, new BigDecimal(gcc[3]).round(mc).compareTo(q.round(mc)), i + ": " + gcc[3] + " vs " + q);
                ExtendedFloat x = ((Value.ExtReal) v.get("q")).value();
                String json = JsonText.scalar(v.get("q"));
                if (x.isExactDouble()) {
                    assertEquals(x.toDouble(), Double.parseDouble(json), "JSON of an exact double reads back: " + json);
                } else {
                    assertEquals(0, new BigDecimal(json).compareTo(q.round(mc)), json);
                }
            }
        }
    }
}
