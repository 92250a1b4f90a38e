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
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.structscope.io.testing.T.arr;
import static dev.structscope.io.testing.T.m;
import static dev.structscope.io.testing.T.p;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code long double} on AArch64 Linux is IEEE binary128. gcc's {@code __float128} on x86-64 has
 * the same encoding, so a gcc program writes binary128 values and prints them with libquadmath
 * ({@code %.36Qg}); decoding the bytes with the aarch64-linux ABI must give the same numbers.
 */
class Binary128Test {
    @TempDir
    Path dir;

    @Test
    void decodesBinary128AsGccAndQuadmathSeeIt() throws Exception {
        Files.writeString(dir.resolve("q.c"), """
                #include <quadmath.h>
                #include <stdio.h>
                int main(void) {
                    __float128 v[] = {1.0Q / 3, -2.5Q, 1e-4940Q, 1.18e4932Q, 0.1Q, -0.0Q, 6.5e-4966Q, 1.0Q / 0.0Q, 0.0Q / 0.0Q};
                    FILE *f = fopen("q.bin", "wb");
                    fwrite(v, sizeof v, 1, f);
                    fclose(f);
                    char buf[80];
                    for (int i = 0; i < 9; i++) { quadmath_snprintf(buf, sizeof buf, "%.36Qg", v[i]); printf("%s\\n", buf); }
                    return 0;
                }
                """);
        Tools.run(dir, List.of("gcc", "-O1", "-o", "q", "q.c", "-lquadmath"));
        List<String> printed = Tools.run(dir, List.of("./q")).lines().toList();
        byte[] bytes = Files.readAllBytes(dir.resolve("q.bin"));

        RecordType q = RecordType.struct("Q", List.of(m("v", arr(p(Prim.LONG_DOUBLE), 9))));
        DecoderPlan plan = DecoderPlan.compile(LayoutEngine.layout(q, TypeLibrary.of(q), Abis.AARCH64_LINUX),
                Abis.AARCH64_LINUX, ByteOrder.LITTLE_ENDIAN);
        assertEquals(bytes.length, plan.recordSize());
        try (InMemorySource src = new InMemorySource("q.bin", bytes)) {
            ArrayValue v = (ArrayValue) plan.decode(src.segment(), 0).get("v");
            MathContext mc = new MathContext(36, RoundingMode.HALF_EVEN);
            for (int i = 0; i < 7; i++) {
                String ours = JsonText.scalar(v.get(i));
                BigDecimal theirs = new BigDecimal(printed.get(i));
                assertEquals(0, theirs.round(mc).compareTo(new BigDecimal(ours).round(mc)), i + ": " + printed.get(i) + " vs " + ours);
            }
            assertEquals("-0.0", JsonText.scalar(v.get(5)));
            assertEquals("\"Infinity\"", JsonText.scalar(v.get(7)));
            assertEquals("\"NaN\"", JsonText.scalar(v.get(8)));
        }
    }
}
