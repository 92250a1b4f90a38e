package dev.structscope.io.stats;

import dev.structscope.io.decode.DecoderPlan;
import dev.structscope.io.decode.ScalarKind;
import dev.structscope.io.source.InMemorySource;
import dev.structscope.model.InputException;
import dev.structscope.model.abi.Abis;
import dev.structscope.model.layout.LayoutEngine;
import dev.structscope.model.type.Prim;
import dev.structscope.model.type.RecordType;
import dev.structscope.model.type.TypeLibrary;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Random;

import static dev.structscope.io.testing.T.m;
import static dev.structscope.io.testing.T.p;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Statistics of the 2-byte floats read them as floats ({@code _Float16} as IEEE binary16,
 * {@code __bf16} as the top half of a binary32; Java's own conversions are the reference), not as
 * 16-bit integers; statistics of 128-bit integers are refused rather than truncated to 64 bits.
 */
class HalfFloatStatsTest {
    @Test
    void halfFloatsAreFloats() {
        RecordType r = RecordType.struct("h", List.of(m("h", p(Prim.FLOAT16)), m("b", p(Prim.BF16))));
        DecoderPlan plan = DecoderPlan.compile(LayoutEngine.layout(r, TypeLibrary.of(r), Abis.X86_64_LINUX),
                Abis.X86_64_LINUX, ByteOrder.LITTLE_ENDIAN);
        Random rnd = new Random(16);
        int n = 1000;
        ByteBuffer buf = ByteBuffer.allocate(n * 4).order(ByteOrder.LITTLE_ENDIAN);
        double minH = Double.MAX_VALUE, maxB = -Double.MAX_VALUE, sumH = 0;
        for (int i = 0; i < n; i++) {
            short h = Float.floatToFloat16((float) ((rnd.nextDouble() - 0.5) * 1000));
            short b = (short) (Float.floatToIntBits((float) ((rnd.nextDouble() - 0.5) * 1e30)) >>> 16);
            buf.putShort(h).putShort(b);
            minH = Math.min(minH, Float.float16ToFloat(h));
            sumH += Float.float16ToFloat(h);
            maxB = Math.max(maxB, Float.intBitsToFloat(b << 16));
        }
        try (InMemorySource src = new InMemorySource("h.bin", buf.array())) {
            RecordStats.Result res = RecordStats.compute(src, plan, 0);
            FieldStats h = res.fields().get(0);
            FieldStats b = res.fields().get(1);
            assertEquals(ScalarKind.FLOAT16, h.kind());
            assertEquals(minH, Float.parseFloat(h.min()));
            assertEquals(sumH / n, h.mean(), 1e-9 * Math.abs(sumH));
            assertEquals(maxB, Float.parseFloat(b.max()));
            assertTrue(Math.abs(Float.parseFloat(b.max())) > 1e20, "read as a float, not as an integer: " + b.max());
        }
    }

    @Test
    void int128StatisticsAreRefused() {
        RecordType r = RecordType.struct("w", List.of(m("x", p(Prim.INT128))));
        DecoderPlan plan = DecoderPlan.compile(LayoutEngine.layout(r, TypeLibrary.of(r), Abis.X86_64_LINUX),
                Abis.X86_64_LINUX, ByteOrder.LITTLE_ENDIAN);
        try (InMemorySource src = new InMemorySource("w.bin", new byte[32])) {
            InputException e = assertThrows(InputException.class, () -> RecordStats.compute(src, plan, 0));
            assertEquals("x: not supported: statistics of 128-bit integers", e.oneLine());
        }
    }
}
