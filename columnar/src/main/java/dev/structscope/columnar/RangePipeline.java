package dev.structscope.columnar;

import dev.structscope.io.columns.RowFeeder;
import dev.structscope.io.decode.DecoderPlan;
import dev.structscope.io.decode.RecordNode;
import dev.structscope.io.decode.RecordValue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.MemorySegment;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/**
 * The ordered parallel pipeline the columnar writers run fixed records through: the caller only
 * notes where records are ({@link #note}); consecutive ranges of them are each filled into a
 * unit (an Arrow batch, a Parquet row group) on a worker thread, and the filled units are
 * written on the caller's thread in the order of the records. At most {@link #IN_FLIGHT} units
 * are in flight, so memory stays bounded whatever the file's size.
 *
 * <p>Owned by one writer and called by its thread only; it runs its own daemon workers, started
 * with the first range and stopped by {@link #shutdown()}, which the owner calls on every path.
 *
 * @param <T> the unit a range is filled into
 */
final class RangePipeline<T> {
    /** Units filled at once, each on its own thread: the machine's cores, at most 2. */
    static final int PARALLEL = Math.min(2, Runtime.getRuntime().availableProcessors());
    /**
     * Units in flight at most: one more than the workers, so that while the caller writes the
     * oldest unit every worker still fills one (with only {@link #PARALLEL}, one worker waits
     * for each write; no wall-time difference was measurable on 2 cores, docs/user/bulk.md).
     */
    static final int IN_FLIGHT = PARALLEL + 1;

    /** Fills a unit with {@code count} records of {@code node} from byte {@code start} of {@code segment}; on a worker. */
    @FunctionalInterface
    interface Fill<T> {
        void fill(T unit, MemorySegment segment, RecordNode node, long start, int count);
    }

    /** Writes a filled unit to the file; on the caller's thread, in record order. */
    @FunctionalInterface
    interface Write<T> {
        void write(T unit) throws IOException;
    }

    /** A range handed to a worker: the unit it fills, so that a failure can still give it back. */
    private record InFlight<T>(T unit, Future<?> filled) {
    }

    private final RowFeeder feeder;
    private final String threadName;
    private final ToIntFunction<RecordNode> rangeRows;
    private final Supplier<T> unit;
    private final Fill<T> fill;
    private final Write<T> write;

    private ExecutorService workers;
    private final ArrayDeque<InFlight<T>> inFlight = new ArrayDeque<>();
    private MemorySegment rangeSegment;
    private RecordNode rangeNode;
    private long rangeStart;
    private int rangeCount;
    private int rows;

    /**
     * @param feeder     the writer's feeder: the records it was compiled for are the fixed ones
     * @param threadName the workers' name
     * @param rangeRows  records a range holds, for records of a node (called on the caller's thread)
     * @param unit       a unit to fill, empty (called on the caller's thread)
     * @param fill       fills a unit (called on a worker)
     * @param write      writes a filled unit (called on the caller's thread, in order)
     */
    RangePipeline(RowFeeder feeder, String threadName, ToIntFunction<RecordNode> rangeRows, Supplier<T> unit,
                  Fill<T> fill, Write<T> write) {
        this.feeder = feeder;
        this.threadName = threadName;
        this.rangeRows = rangeRows;
        this.unit = unit;
        this.fill = fill;
        this.write = write;
    }

    /**
     * Takes the record {@code value} if it is a fixed one (only its place is noted; a worker fills
     * its whole range later); false when it is not, for the writer to feed it itself.
     */
    boolean offer(MemorySegment segment, RecordValue value) {
        return offer(segment, value.node(), value.start(), 1);
    }

    /** As {@link #offer(MemorySegment, RecordValue)}, for {@code count} consecutive records of {@code plan} from byte {@code offset}. */
    boolean offer(MemorySegment segment, DecoderPlan plan, long offset, int count) {
        return offer(segment, plan.root(), offset, count);
    }

    private boolean offer(MemorySegment segment, RecordNode node, long start, int count) {
        if (!feeder.compiledFor(node)) {
            return false;
        }
        note(segment, node, start, count);
        return true;
    }

    /** Notes {@code count} records of {@code node} from byte {@code start}: each full range goes to a worker. */
    void note(MemorySegment segment, RecordNode node, long start, int count) {
        long size = node.size();
        for (int done = 0; done < count; ) {
            if (rangeCount == 0) {
                rangeSegment = segment;
                rangeNode = node;
                rangeStart = start + done * size;
                rows = Math.max(1, rangeRows.applyAsInt(node));
            }
            int take = Math.min(count - done, rows - rangeCount);
            rangeCount += take;
            done += take;
            if (rangeCount == rows) {
                submitRange();
            }
        }
    }

    /** Hands the noted range to a worker, first writing the oldest unit when enough are in flight. */
    private void submitRange() {
        if (workers == null) {
            workers = Executors.newFixedThreadPool(PARALLEL, r -> {
                Thread t = new Thread(r, threadName);
                t.setDaemon(true);
                return t;
            });
        }
        while (inFlight.size() >= IN_FLIGHT) {
            writeOldest();
        }
        T u = unit.get();
        MemorySegment segment = rangeSegment;
        RecordNode node = rangeNode;
        long start = rangeStart;
        int count = rangeCount;
        inFlight.add(new InFlight<>(u, workers.submit(() -> fill.fill(u, segment, node, start, count))));
        rangeCount = 0;
    }

    /**
     * Waits for the oldest unit and writes it. It leaves the in-flight queue only once written, so
     * that one whose filling or writing failed is still given back by {@link #shutdown()}.
     */
    private void writeOldest() {
        InFlight<T> oldest = inFlight.getFirst();
        try {
            oldest.filled().get();
            write.write(oldest.unit());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new UncheckedIOException(new IOException(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        inFlight.removeFirst();
    }

    /** Fills the range noted last, however short, and writes every unit still in flight, in order. */
    void finish() {
        if (rangeCount > 0) {
            submitRange();
        }
        while (!inFlight.isEmpty()) {
            writeOldest();
        }
    }

    /**
     * Stops the workers (waiting up to 10 seconds for a fill under way) and returns the units
     * handed out but not written — after a failure, ranges still in flight or half filled — that no
     * worker touches any more, for the owner to release. A unit whose worker is still running after
     * the wait is not returned: releasing it under the worker would be worse than leaking it.
     */
    List<T> shutdown() {
        if (workers == null) {
            return List.of();
        }
        // Fills that never started: shutdownNow hands back their futures, which will never run.
        List<Runnable> neverStarted = workers.shutdownNow();
        try {
            workers.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<T> left = new ArrayList<>();
        for (InFlight<T> f : inFlight) {
            if (f.filled().isDone() || neverStarted.contains(f.filled())) {
                left.add(f.unit());
            }
        }
        inFlight.clear();
        return left;
    }
}
