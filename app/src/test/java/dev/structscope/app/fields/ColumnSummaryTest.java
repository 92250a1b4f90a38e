package dev.structscope.app.fields;

import dev.structscope.app.hexview.DemoTypes;
import dev.structscope.io.decode.DecoderPlan;
import dev.structscope.io.source.DataSource;
import dev.structscope.io.source.Sources;
import dev.structscope.io.stats.FieldStats;
import dev.structscope.io.stats.RecordStats;
import dev.structscope.model.abi.Abis;
import dev.structscope.model.layout.LayoutEngine;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ColumnSummaryTest {
    /** Chunked with progress gives the engine's one-shot answer (counts, min, max exact; mean to rounding). */
    @Test
    void chunkedSummaryEqualsOneShotEngineStats() {
        var layout = LayoutEngine.layout("Tick", DemoTypes.library(), Abis.X86_64_LINUX);
        DecoderPlan plan = DecoderPlan.compile(layout, Abis.X86_64_LINUX, ByteOrder.LITTLE_ENDIAN);
        int n = 50_000;
        byte[] data = new byte[7 + 56 * n + 5];
        new Random(5).nextBytes(data);
        try (DataSource s = Sources.of("ticks", data)) {
            RecordStats.Result one = RecordStats.compute(s, plan, 7);
            AtomicLong done = new AtomicLong();
            long saved = ColumnSummary.CHUNK_BYTES;
            RecordStats.Result chunked = ColumnSummary.compute(s, plan, 7, done::set, () -> false);
            assertEquals(n, done.get());
            assertEquals(one.records(), chunked.records());
            assertEquals(one.trailingBytes(), chunked.trailingBytes());
            for (int i = 0; i < one.fields().size(); i++) {
                FieldStats a = one.fields().get(i);
                FieldStats b = chunked.fields().get(i);
                assertEquals(a.count(), b.count(), a.path());
                assertEquals(a.min(), b.min(), a.path());
                assertEquals(a.max(), b.max(), a.path());
                if (Double.isFinite(a.mean())) {
                    assertEquals(a.mean(), b.mean(), Math.abs(a.mean()) * 1e-9 + 1e-9, a.path());
                } else {
                    assertEquals(a.mean(), b.mean(), a.path());
                }
            }
            assertTrue(saved > 0);
            assertThrows(CancellationException.class, () -> ColumnSummary.compute(s, plan, 7, x -> { }, () -> true));
        }
    }

    @Test
    void mergeOfTwoChunksIsExact() {
        var layout = LayoutEngine.layout("Tick", DemoTypes.library(), Abis.X86_64_LINUX);
        DecoderPlan plan = DecoderPlan.compile(layout, Abis.X86_64_LINUX, ByteOrder.LITTLE_ENDIAN);
        byte[] data = new byte[56 * 4];
        ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 4; i++) {
            b.putInt(56 * i + 8, i * 10 - 5);
        }
        try (DataSource s = Sources.of("t", data)) {
            RecordStats.Result x = RecordStats.compute(new WindowSource(s, 0, 56), plan, 0);
            RecordStats.Result y = RecordStats.compute(new WindowSource(s, 56, 3 * 56), plan, 0);
            FieldStats id = ColumnSummary.merge(x, y).fields().get(1);
            assertEquals("id", id.path());
            assertEquals(4, id.count());
            assertEquals("-5", id.min());
            assertEquals("25", id.max());
            assertEquals(10.0, id.mean(), 1e-12);
        }
    }
}
