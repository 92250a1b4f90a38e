package dev.structscope.columnar;

import dev.structscope.io.decode.RecordNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ordered parallel pipeline the Parquet and Arrow writers share, with a unit that records what it was given. */
class RangePipelineTest {
    private static final long SIZE = 12;
    private static final long BASE = 100;
    private static final int RANGE = 10;
    private static final RecordNode NODE = new RecordNode("r", 0, SIZE, false, List.of(), "struct r");
    private static final MemorySegment SEGMENT = MemorySegment.ofArray(new byte[4096]);
    /** Notes of 77 consecutive records, in pieces that cross range boundaries. */
    private static final int[] PIECES = {1, 3, 25, 1, 40, 7};

    /** What one range was filled with, and by which thread. */
    private static final class Unit {
        volatile long start = -1;
        volatile int count;
        volatile Thread filledBy;
    }

    private final List<Unit> handedOut = Collections.synchronizedList(new ArrayList<>());
    private final List<Unit> written = new ArrayList<>();
    /** The test's thread, which plays the writer's. */
    private final Thread caller = Thread.currentThread();

    private RangePipeline<Unit> pipeline(RangePipeline.Fill<Unit> fill, RangePipeline.Write<Unit> write) {
        // No feeder: these tests note ranges directly, and only offer() asks a feeder what is fixed.
        return new RangePipeline<>(null, "test-range", node -> RANGE, () -> {
            Unit u = new Unit();
            handedOut.add(u);
            return u;
        }, fill, write);
    }

    private static void fill(Unit u, MemorySegment segment, RecordNode node, long start, int count) {
        u.start = start;
        u.count = count;
        u.filledBy = Thread.currentThread();
    }

    private static void noteAll(RangePipeline<Unit> p) {
        long at = BASE;
        for (int n : PIECES) {
            p.note(SEGMENT, NODE, at, n);
            at += n * SIZE;
        }
    }

    @Test
    void everyNotedRecordIsInExactlyOneRangeAndRangesAreWrittenInRecordOrderOnTheCallersThread() {
        RangePipeline<Unit> p = pipeline(RangePipelineTest::fill, u -> {
            assertSame(Thread.currentThread(), caller);
            written.add(u);
        });
        noteAll(p);
        p.finish();
        assertEquals(List.of(), p.shutdown());
        int total = java.util.Arrays.stream(PIECES).sum();
        assertEquals((total + RANGE - 1) / RANGE, written.size());
        long next = BASE;
        for (int i = 0; i < written.size(); i++) {
            Unit u = written.get(i);
            assertEquals(next, u.start, "range " + i + " starts where the one before ended");
            assertEquals(i < written.size() - 1 ? RANGE : total % RANGE, u.count);
            assertNotSame(caller, u.filledBy, "filled on a worker");
            next += u.count * SIZE;
        }
        assertEquals(BASE + total * SIZE, next);
    }

    @Test
    void aFailedFillIsThrownAsItselfAndEveryUnitNotWrittenIsGivenBack() {
        long failAt = BASE + 3 * RANGE * SIZE;
        RangePipeline<Unit> p = pipeline((u, s, n, start, count) -> {
            fill(u, s, n, start, count);
            if (start == failAt) {
                throw new IllegalStateException("bad range");
            }
        }, written::add);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> {
            noteAll(p);
            p.finish();
        });
        assertEquals("bad range", e.getMessage());
        assertEachUnitWrittenOrGivenBack(p.shutdown());
        assertEquals(3, written.size(), "the ranges before the failed one are written");
    }

    @Test
    void aUnitWhoseWriteFailedIsGivenBackForRelease() {
        IOException disk = new IOException("disk full");
        RangePipeline<Unit> p = pipeline(RangePipelineTest::fill, u -> {
            if (written.size() == 2) {
                throw disk;
            }
            written.add(u);
        });
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> {
            noteAll(p);
            p.finish();
        });
        assertSame(disk, e.getCause());
        List<Unit> back = p.shutdown();
        assertEachUnitWrittenOrGivenBack(back);
        assertTrue(back.stream().anyMatch(u -> u.start == BASE + 2 * RANGE * SIZE), "the unit that failed to write");
    }

    /** No leak and no double release: the units handed out are exactly those written plus those given back. */
    private void assertEachUnitWrittenOrGivenBack(List<Unit> back) {
        Set<Unit> all = Collections.newSetFromMap(new IdentityHashMap<>());
        all.addAll(written);
        for (Unit u : back) {
            assertTrue(all.add(u), "a unit given back was also written, or given back twice");
        }
        assertEquals(handedOut.size(), all.size());
        assertTrue(all.containsAll(handedOut));
    }
}
