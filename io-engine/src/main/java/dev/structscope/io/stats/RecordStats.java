package dev.structscope.io.stats;

import dev.structscope.io.decode.DecoderPlan;
import dev.structscope.io.decode.JsonText;
import dev.structscope.io.decode.ScalarNode;
import dev.structscope.io.edit.OverlayContent;
import dev.structscope.io.source.DataSource;
import dev.structscope.io.source.Sources;
import dev.structscope.model.InputException;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * The bulk path behind {@code structscope stats}: count/min/max/mean of every scalar leaf over
 * every whole record of a source, read straight from the mapped segment.
 *
 * <p>How it stays fast and flat: the records are split into contiguous ranges processed in
 * parallel (the common fork-join pool, so both cores of a 2-core machine); each range is walked in
 * blocks of about 256 KiB, and within a block the values of each record are read by loops
 * generated for this record layout ({@link RecordLoops}; under {@link #GENERATED_FROM_BYTES} of records, the generic reads on the calling thread): one pass over the block for a struct of
 * a few members, a few passes of one shape for arrays, the block staying in cache meanwhile.
 * Ranges and blocks end on record boundaries and the partial figures merge exactly (128-bit
 * integer sums), so the result does not depend on how the file was split. Heap use is a few arrays per task, whatever the file size.
 * Edited content ({@link OverlayContent} after an insert or delete) is read a piece at a time,
 * the same way ({@link #runPieces}).
 * Progress is reported and cancellation obeyed once per block ({@link StatsProgress}), so the GUI
 * runs the same path as the CLI over a whole file, with a bar and a Cancel button.
 * Stateless; call from any thread.
 */
public final class RecordStats {
    private RecordStats() {
    }

    /** Upper bound on the scalar values of one record that stats tracks (bounded memory). */
    public static final int MAX_VALUES_PER_RECORD = 1 << 22;

    private static final long BLOCK_BYTES = 256 * 1024;

    /**
     * Most bytes of records one parallel task reads (more tasks past it): with four tasks per core
     * alone, a 4 GiB file made tasks of 512 MiB, and a core could sit idle while the other read
     * the last of them.
     */
    private static final long TASK_BYTES = 32L << 20;

    /**
     * Records of fewer bytes than this are read on the calling thread by the generic column reads:
     * generating the loops (a class made with java.lang.classfile, then compiled) and starting the
     * fork-join pool cost a short command more time (about 20 ms of CPU for a 200 kB file, most of
     * {@code structscope stats}' own work there) than the loops save on a megabyte. Below the
     * 1.5 MiB of {@code RandomLayoutStatsTest}'s files, which check the generated loops.
     */
    static final long GENERATED_FROM_BYTES = 1 << 20;

    /**
     * The first blocks of a run are small (16 records each, for the first 1,000 blocks, read by the
     * calling thread before the parallel ranges start): a loop
     * generated for this layout starts interpreted, and HotSpot compiles a method after a few
     * hundred calls but a long-running loop only after tens of thousands of iterations, so short
     * calls reach compiled code (C1, then C2 after about 900 calls) within a few thousand records
     * instead of the first tens of megabytes (measured: about 70 ms less CPU in the first pass
     * over 512 MiB of 32-byte records). The CLI launchers also lower HotSpot's thresholds for
     * these loops alone and have the thread that asks for a loop's compilation wait for it
     * (docs/dev/benchmarks.md).
     */
    private static final int WARM_UP_BLOCKS = 1_000;
    private static final long WARM_UP_RECORDS = 16;

    /** The outcome: how many whole records were read, and each leaf's figures in member order. */
    public record Result(long records, long trailingBytes, List<FieldStats> fields) {
        public Result {
            fields = List.copyOf(fields);
        }

        /** {@code {"records": N, "fields": {"x": {"min": .., "max": .., "mean": .., "count": ..}, ...}}} */
        public String toJson() {
            StringBuilder sb = new StringBuilder();
            sb.append("{\"records\": ").append(records).append(", \"fields\": {");
            for (int i = 0; i < fields.size(); i++) {
                FieldStats f = fields.get(i);
                sb.append(i > 0 ? ", " : "");
                JsonText.string(sb, f.path());
                sb.append(": {\"min\": ").append(f.min() == null ? "null" : f.min())
                        .append(", \"max\": ").append(f.max() == null ? "null" : f.max())
                        .append(", \"mean\": ").append(f.meanJson())
                        .append(", \"count\": ").append(f.count());
                if (f.nanCount() > 0) {
                    sb.append(", \"nan\": ").append(f.nanCount());
                }
                sb.append('}');
            }
            return sb.append("}}").toString();
        }
    }

    /** Stats of the records that lie back to back from byte {@code offset} of {@code source}. */
    public static Result compute(DataSource source, DecoderPlan plan, long offset) {
        return compute(source, plan, offset, StatsProgress.NONE);
    }

    /**
     * As above, reporting bytes of records done to {@code progress} and stopping with a
     * {@link java.util.concurrent.CancellationException} when it says so.
     */
    public static Result compute(DataSource source, DecoderPlan plan, long offset, StatsProgress progress) {
        return compute(source, plan, offset, progress, GENERATED_FROM_BYTES);
    }

    /** As above, with generated loops from {@code generatedFrom} bytes of records (tests check both ways). */
    static Result compute(DataSource source, DecoderPlan plan, long offset, StatsProgress progress, long generatedFrom) {
        long size = source.size();
        if (offset < 0 || offset > size) {
            throw new InputException(source.name() + ": byte offset " + offset,
                    "--offset is outside the data (" + size + " bytes)");
        }
        long recordSize = plan.recordSize();
        if (recordSize <= 0) {
            throw new InputException("--type", "the type has size 0; there are no records to read");
        }
        long records = (size - offset) / recordSize;
        long trailing = (size - offset) % recordSize;
        List<DecoderPlan.Leaf> leaves = plan.leaves(MAX_VALUES_PER_RECORD);
        int n = leaves.size();
        Partial total;
        if (records == 0 || n == 0) {
            total = new Partial(n);
        } else {
            long bytes = records * recordSize;
            Run run = new Run(RecordLoops.of(leaves, recordSize, bytes >= generatedFrom), n, recordSize, bytes, progress);
            total = source instanceof OverlayContent pieces && !pieces.onePiece(offset, records * recordSize)
                    ? Sources.guard(source, () -> runPieces(pieces, offset, records, run))
                    : Sources.guard(source, () -> run.records(source.slice(offset, records * recordSize), records));
        }
        List<FieldStats> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(finish(leaves.get(i).path(), leaves.get(i).node(), total, i));
        }
        return new Result(records, trailing, out);
    }

    /** Most bytes of records that straddle piece borders copied into one window ({@link #runPieces}). */
    static final long STRADDLE_BYTES = 1 << 20;

    /**
     * The records of edited content (after an insert or delete) taken a piece at a time: the
     * whole records inside one piece are read in place through a view of it, as a mapped file's
     * are; records that cross a piece border are copied, a run of them up to
     * {@link #STRADDLE_BYTES} at a time, into a small window. Each record is read exactly once,
     * in one of the two, and the partial figures merge exactly (see {@link Partial}), so the
     * result is the one a single segment of the same bytes gives, at any file size, with memory
     * bounded by the window.
     */
    private static Partial runPieces(OverlayContent pieces, long offset, long records, Run run) {
        long recordSize = run.recordSize();
        Partial total = new Partial(run.leaves());
        long k = 0;
        while (k < records) {
            long start = offset + k * recordSize;
            long inPiece = Math.min(records - k, (pieces.pieceEnd(start) - start) / recordSize);
            long m = inPiece;
            if (m == 0) {
                // Record k crosses a border: gather it and the straddling records right after it.
                m = 1;
                while (k + m < records && m * recordSize < STRADDLE_BYTES) {
                    long next = offset + (k + m) * recordSize;
                    if (pieces.pieceEnd(next) - next >= recordSize) {
                        break;
                    }
                    m++;
                }
            }
            // A view when the records lie in one piece, else a copy of just these records.
            total.merge(run.records(pieces.slice(start, m * recordSize), m));
            k += m;
        }
        return total;
    }

    /**
     * One statistics run: the loops generated for the layout, and what every chunk of it shares —
     * progress over all its records' bytes, and the warm-up count of small first blocks. Any
     * thread (its counters are atomic).
     */
    private record Run(RecordLoops loops, int leaves, long recordSize, long totalBytes, StatsProgress progress,
                       java.util.concurrent.atomic.AtomicLong doneBytes, java.util.concurrent.atomic.AtomicBoolean warmed) {
        Run(RecordLoops loops, int leaves, long recordSize, long totalBytes, StatsProgress progress) {
            this(loops, leaves, recordSize, totalBytes, progress, new java.util.concurrent.atomic.AtomicLong(),
                    new java.util.concurrent.atomic.AtomicBoolean());
        }

        /** The figures of {@code records} records that lie back to back from the start of {@code all}. */
        Partial records(MemorySegment all, long records) {
            long perBlock = Math.max(1, BLOCK_BYTES / recordSize);
            // The warm-up blocks are read here, on the calling thread, before any other starts: the
            // thread whose call has a loop compiled waits for the compiler, and a second thread
            // running meanwhile read its blocks interpreted and asked for a second compilation of
            // the same loop (on-stack replacement), both on a core the first compile needed.
            long warm = perBlock <= WARM_UP_RECORDS || warmed.getAndSet(true) ? 0 : Math.min(records, WARM_UP_BLOCKS * WARM_UP_RECORDS);
            Partial first = new Partial(leaves);
            for (long b = 0; b < warm; b += WARM_UP_RECORDS) {
                block(all, b, Math.min(WARM_UP_RECORDS, warm - b), first);
            }
            long rest = records - warm;
            int parallelism = Math.max(1, Runtime.getRuntime().availableProcessors());
            // A few ranges per core, and none over TASK_BYTES, so that an unlucky slow range does
            // not hold everyone up: the last range is what one core finishes alone.
            long tasks = Math.min(Math.max(1, rest / perBlock),
                    Math.max(4L * parallelism, rest * recordSize / TASK_BYTES));
            long perTask = (rest + tasks - 1) / tasks;
            IntFunction<Partial> range = t -> {
                long from = warm + t * perTask;
                long to = Math.min(records, from + perTask);
                Partial p = new Partial(leaves);
                for (long b = from; b < to; b += perBlock) {
                    block(all, b, Math.min(perBlock, to - b), p);
                }
                return p;
            };
            // One range (a file under a block) is read here: a parallel stream of one would still
            // start the common pool's machinery, a few milliseconds of a short command.
            Partial others = tasks == 1 ? range.apply(0) : IntStream.range(0, (int) tasks).parallel().mapToObj(range).reduce((a, b) -> {
                a.merge(b);
                return a;
            }).orElseGet(() -> new Partial(leaves));
            first.merge(others);
            return first;
        }

        /** Folds the {@code count} records from record {@code at} on into {@code p}, honouring cancel and reporting progress. */
        private void block(MemorySegment all, long at, long count, Partial p) {
            if (progress.cancelled()) {
                throw new java.util.concurrent.CancellationException("stats cancelled");
            }
            loops.block(all, at * recordSize, (int) count, p);
            progress.update(doneBytes.addAndGet(count * recordSize), totalBytes);
        }
    }

    /** The figures of index {@code i} of {@code p}, which holds values of {@code node}: the one place they are finished. */
    static FieldStats finish(String path, ScalarNode node, Partial p, int i) {
        long count = p.count[i];
        if (node.kind().isInteger()) {
            if (count == 0) {
                return new FieldStats(path, node.kind(), 0, 0, null, null, Double.NaN);
            }
            boolean flipped = LeafRead.unsigned64(node);
            long min = flipped ? p.minL[i] ^ Long.MIN_VALUE : p.minL[i];
            long max = flipped ? p.maxL[i] ^ Long.MIN_VALUE : p.maxL[i];
            double mean = FieldStats.mean128(p.sumHi[i], p.sumLo[i], count);
            return new FieldStats(path, node.kind(), count, 0,
                    flipped ? Long.toUnsignedString(min) : Long.toString(min),
                    flipped ? Long.toUnsignedString(max) : Long.toString(max), mean);
        }
        long values = count - p.nan[i];
        if (values == 0) {
            return new FieldStats(path, node.kind(), count, p.nan[i], null, null, Double.NaN);
        }
        // Half-precision values print as the float they widen to, as in decode output.
        boolean single = node.kind() == dev.structscope.io.decode.ScalarKind.FLOAT32
                || node.kind() == dev.structscope.io.decode.ScalarKind.FLOAT16
                || node.kind() == dev.structscope.io.decode.ScalarKind.BFLOAT16;
        return new FieldStats(path, node.kind(), count, p.nan[i], JsonText.number(p.minD[i], single),
                JsonText.number(p.maxD[i], single), p.sumD[i] / values);
    }
}
