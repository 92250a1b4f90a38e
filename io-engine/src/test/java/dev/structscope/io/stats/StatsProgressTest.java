package dev.structscope.io.stats;

import dev.structscope.io.decode.DecoderPlan;
import dev.structscope.io.source.DataSource;
import dev.structscope.io.source.Sources;
import dev.structscope.model.abi.Abis;
import dev.structscope.model.layout.LayoutEngine;
import dev.structscope.model.type.Member;
import dev.structscope.model.type.Prim;
import dev.structscope.model.type.PrimitiveType;
import dev.structscope.model.type.RecordType;
import dev.structscope.model.type.TypeLibrary;
import org.junit.jupiter.api.Test;

import java.nio.ByteOrder;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The stats path with progress and cancel, as the GUI's column summary runs it: the figures are
 * those of the plain run, the bytes reported reach the whole range exactly once (from however
 * many worker threads), and a cancel stops the run with a {@link CancellationException}.
 */
class StatsProgressTest {
    static DecoderPlan plan() {
        RecordType r = RecordType.struct("R", List.of(Member.of("a", PrimitiveType.of(Prim.INT)),
                Member.of("b", PrimitiveType.of(Prim.DOUBLE)), Member.of("c", PrimitiveType.of(Prim.UNSIGNED_SHORT))));
        var layout = LayoutEngine.layout(r, TypeLibrary.of(r), Abis.X86_64_LINUX);
        return DecoderPlan.compile(layout, Abis.X86_64_LINUX, ByteOrder.LITTLE_ENDIAN);
    }

    @Test
    void progressCoversTheRecordsOnceAndTheFiguresAreThoseOfThePlainRun() {
        DecoderPlan plan = plan();
        long size = plan.recordSize();
        int n = 200_000;
        byte[] data = new byte[(int) (3 + size * n + 5)];
        new Random(11).nextBytes(data);
        try (DataSource s = Sources.of("r", data)) {
            RecordStats.Result plain = RecordStats.compute(s, plan, 3);
            AtomicLong last = new AtomicLong();
            AtomicLong total = new AtomicLong();
            AtomicInteger calls = new AtomicInteger();
            var threads = ConcurrentHashMap.<String>newKeySet();
            RecordStats.Result reported = RecordStats.compute(s, plan, 3, new StatsProgress() {
                @Override
                public void update(long done, long t) {
                    last.accumulateAndGet(done, Math::max);
                    total.set(t);
                    calls.incrementAndGet();
                    threads.add(Thread.currentThread().getName());
                }

                @Override
                public boolean cancelled() {
                    return false;
                }
            });
            assertEquals(plain, reported);
            assertEquals(n * size, total.get());
            assertEquals(n * size, last.get(), "the largest report is every byte of every record");
            assertTrue(calls.get() > 1, "more than one report over " + n + " records: " + calls.get());
        }
    }

    @Test
    void aCancelStopsTheRun() {
        DecoderPlan plan = plan();
        byte[] data = new byte[(int) (plan.recordSize() * 100_000)];
        StatsProgress stop = new StatsProgress() {
            @Override
            public void update(long done, long total) {
            }

            @Override
            public boolean cancelled() {
                return true;
            }
        };
        try (DataSource s = Sources.of("r", data)) {
            assertThrows(CancellationException.class, () -> RecordStats.compute(s, plan, 0, stop));
        }
    }
}
