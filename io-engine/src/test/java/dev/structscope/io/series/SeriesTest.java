package dev.structscope.io.series;

import dev.structscope.io.decode.DecoderPlan;
import dev.structscope.io.source.DataSource;
import dev.structscope.io.source.Sources;
import dev.structscope.io.stats.FieldStats;
import dev.structscope.io.stats.RecordStats;
import dev.structscope.io.stats.RecordStatsTestAccess;
import dev.structscope.io.stats.StatsProgress;
import dev.structscope.model.InputException;
import dev.structscope.model.abi.Abis;
import dev.structscope.model.layout.LayoutEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigInteger;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine's series: the bucketing arithmetic as the contract writes it (checked with big
 * integers over random and huge record counts), one bucket equal to {@code stats} of the same
 * member (the same code, whatever the split), progress that reaches the total, and a cancel.
 */
class SeriesTest {
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 5, 8, 13, 21, 34})
    void bucketsTileTheRecordsAsTheContractSays(long seed) {
        Random rnd = new Random(seed);
        for (int k = 0; k < 200; k++) {
            long r = switch (k % 3) {
                case 0 -> 1 + rnd.nextInt(5000);
                case 1 -> 1 + (rnd.nextLong() >>> 20);
                default -> 1 + (rnd.nextLong() >>> 2);
            };
            int n = (int) Math.min(r, 1 + rnd.nextInt(Series.MAX_BUCKETS));
            assertEquals(0, Series.startOf(0, r, n));
            for (int j = 0; j < 50; j++) {
                int b = j < 2 ? j * (n - 1) : rnd.nextInt(n);
                long s = Series.startOf(b, r, n);
                long e = Series.startOf(b + 1, r, n);
                assertEquals(BigInteger.valueOf(b).multiply(BigInteger.valueOf(r)).divide(BigInteger.valueOf(n)).longValueExact(), s);
                assertTrue(e > s, "no empty bucket when R >= N");
                assertEquals(b, Series.bucketOf(s, r, n), "first record of bucket " + b);
                assertEquals(b, Series.bucketOf(e - 1, r, n), "last record of bucket " + b);
            }
            assertEquals(r, Series.startOf(n, r, n), "the buckets end at the last record");
        }
    }

    private static DecoderPlan plan() {
        return DecoderPlan.compile(LayoutEngine.layout("S", RecordStatsTestAccess.library(), Abis.X86_64_LINUX),
                Abis.X86_64_LINUX, ByteOrder.BIG_ENDIAN);
    }

    private static DataSource randomRecords(DecoderPlan plan, int n) {
        byte[] b = new byte[(int) plan.recordSize() * n];
        new Random(99).nextBytes(b);
        return Sources.of("random", b);
    }

    @Test
    void oneBucketIsStatsOfThatMember() {
        DecoderPlan plan = plan();
        try (DataSource src = randomRecords(plan, 40_000)) {
            RecordStats.Result stats = RecordStats.compute(src, plan, 0);
            for (String m : List.of("i8", "u16", "i32", "u32", "i64", "u64", "f", "d", "inner.x", "inner.y", "bu", "bs", "rest")) {
                SeriesResult s = Series.decimate(src, plan, 0, MemberPath.parse(m), 0, Series.TO_END, 1, StatsProgress.NONE);
                FieldStats f = stats.fields().stream().filter(x -> x.path().equals(m)).findFirst().orElseThrow();
                Bucket b = s.buckets().getFirst();
                assertEquals(f.count(), b.count(), m);
                assertEquals(f.nanCount(), b.nan(), m);
                assertEquals(f.min(), b.min(), m);
                assertEquals(f.max(), b.max(), m);
                if (f.kind().isInteger()) {
                    assertEquals(f.mean(), b.mean(), m);
                } else if (!Double.isFinite(f.mean()) || !Double.isFinite(b.mean())) {
                    // Random bits make huge doubles: the sum overflows, to ±∞ or NaN as the order of adding goes.
                    assertTrue(!Double.isFinite(f.mean()) && !Double.isFinite(b.mean()), m + ": " + f.mean() + " vs " + b.mean());
                } else {
                    // Float sums in another order: the same to rounding.
                    assertEquals(f.mean(), b.mean(), Math.abs(f.mean()) * 1e-12, m);
                }
            }
        }
    }

    @Test
    void progressReachesTheTotalAndACancelStops() {
        DecoderPlan plan = plan();
        try (DataSource src = randomRecords(plan, 60_000)) {
            AtomicLong last = new AtomicLong();
            AtomicLong total = new AtomicLong();
            Series.decimate(src, plan, 0, MemberPath.parse("u64"), 0, Series.TO_END, 1000, new StatsProgress() {
                @Override
                public void update(long done, long all) {
                    last.accumulateAndGet(done, Math::max);
                    total.set(all);
                }

                @Override
                public boolean cancelled() {
                    return false;
                }
            });
            assertEquals(60_000 * plan.recordSize(), total.get());
            assertEquals(total.get(), last.get());
            AtomicLong polls = new AtomicLong();
            assertThrows(CancellationException.class, () -> Series.decimate(src, plan, 0, MemberPath.parse("u64"), 0,
                    Series.TO_END, 1000, new StatsProgress() {
                        @Override
                        public void update(long done, long all) {
                        }

                        @Override
                        public boolean cancelled() {
                            return polls.incrementAndGet() > 2;
                        }
                    }));
            InputException e = assertThrows(InputException.class, () -> Series.decimate(src, plan, 0, MemberPath.parse("pts[1]"),
                    0, Series.TO_END, 10, StatsProgress.NONE));
            assertTrue(e.getMessage().contains("is an array"), e.getMessage());
        }
    }
}
