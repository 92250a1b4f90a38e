package dev.structscope.io.series;

import dev.structscope.io.columns.RecordCursor;
import dev.structscope.io.decode.DecoderPlan;
import dev.structscope.io.decode.DynamicDecoder;
import dev.structscope.io.decode.RecordReader;
import dev.structscope.io.decode.RecordValue;
import dev.structscope.io.decode.ScalarNode;
import dev.structscope.io.decode.Value;
import dev.structscope.io.source.DataSource;
import dev.structscope.io.source.Sources;
import dev.structscope.io.stats.SlotStats;
import dev.structscope.io.stats.StatsProgress;
import dev.structscope.model.InputException;

import java.lang.foreign.MemorySegment;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * The numbers behind a plot: one scalar member over the records {@code [from, to)} of a source,
 * split into N buckets of consecutive records (bucket i holds records {@code floor(i·R/N)} up to
 * {@code floor((i+1)·R/N)}, so they tile the range; fewer buckets when R &lt; N), each with the
 * {@code stats} figures of its records. What {@code structscope series} prints and draws and
 * what the GUI's plot shows; zooming is decimating a sub-range again.
 *
 * <p>Fixed records are read in place by the {@code stats} loops ({@link SlotStats}: the same reads
 * and sums), in parallel ranges on the common fork-join pool (both cores of a 2-core machine),
 * each range walked in blocks of about 256 KiB that never cross a bucket; ranges merge exactly,
 * so the figures do not depend on the split. Dynamic records are walked in order by a
 * {@link RecordCursor} (their count, when not given, by a first walk). Progress is reported and a
 * cancel obeyed once per block ({@link StatsProgress}; a cancel ends with a
 * {@link CancellationException}). Heap: a few arrays per bucket, whatever the file size.
 * Stateless; call from any thread.
 */
public final class Series {
    private Series() {
    }

    /** Buckets when none are asked for (the contract's default). */
    public static final int DEFAULT_BUCKETS = 1000;

    /** The most buckets one series may have (bounded memory: about 100 bytes each). */
    public static final int MAX_BUCKETS = 1 << 22;

    /** {@code to} for "to the last whole record". */
    public static final long TO_END = Long.MAX_VALUE;

    private static final long BLOCK_BYTES = 256 * 1024;

    /**
     * The series of {@code member} over records {@code [from, to)} of those that lie back to back
     * from byte {@code offset} of {@code source} ({@code to} is clamped to the records there are;
     * {@link #TO_END} for all of them).
     *
     * @throws InputException for a bad member, bucket count, offset or range (one line each)
     * @throws CancellationException when {@code progress} says to stop
     */
    public static SeriesResult decimate(DataSource source, RecordReader reader, long offset, MemberPath member,
                                        long from, long to, int buckets, StatsProgress progress) {
        if (buckets < 1 || buckets > MAX_BUCKETS) {
            throw new InputException("--buckets", buckets + " buckets: give 1 to " + MAX_BUCKETS);
        }
        RecordCursor.checkStart(source.name(), source.size(), reader, offset);
        if (from < 0 || to < from) {
            throw new InputException("records", "the range [" + from + ", " + to + ") is empty or negative");
        }
        return switch (reader) {
            case DecoderPlan plan -> fixed(source, plan, offset, member, from, to, buckets, progress);
            case DynamicDecoder dynamic -> dynamic(source, dynamic, offset, member, from, to, buckets, progress);
        };
    }

    /** Where bucket {@code b} of {@code n} over {@code r} records starts: {@code floor(b·r/n)}, exactly. */
    static long startOf(long b, long r, long n) {
        long hi = Math.multiplyHigh(b, r);
        long lo = b * r;
        if (hi == 0 && lo >= 0) {
            return lo / n;
        }
        return BigInteger.valueOf(b).multiply(BigInteger.valueOf(r)).divide(BigInteger.valueOf(n)).longValueExact();
    }

    /** The bucket that holds record {@code k} (from the range's start): the last b with startOf(b) ≤ k. */
    static int bucketOf(long k, long r, int n) {
        // floor(((k+1)·n − 1) / r), exactly.
        long hi = Math.multiplyHigh(k + 1, n);
        long lo = (k + 1) * n;
        if (hi == 0 && lo > 0) {
            return (int) ((lo - 1) / r);
        }
        long b = BigInteger.valueOf(k + 1).multiply(BigInteger.valueOf(n)).subtract(BigInteger.ONE)
                .divide(BigInteger.valueOf(r)).longValueExact();
        return (int) b;
    }

    private static SeriesResult fixed(DataSource source, DecoderPlan plan, long offset, MemberPath member, long from,
                                      long to, int buckets, StatsProgress progress) {
        DecoderPlan.Leaf leaf = member.resolve(plan);
        long recordSize = plan.recordSize();
        long total = (source.size() - offset) / recordSize;
        if (from > total) {
            throw new InputException("records", "record " + from + " is past the last record (" + total + " records)");
        }
        long end = Math.min(to, total);
        long r = end - from;
        int n = (int) Math.min(buckets, r);
        SlotStats sums = new SlotStats(member.text(), leaf.node(), n);
        if (n > 0) {
            MemorySegment range = source.slice(offset + from * recordSize, r * recordSize);
            SlotStats.Reader read = new SlotStats.Reader(leaf, recordSize);
            Sources.guard(source, () -> {
                run(range, recordSize, r, n, read, leaf, member.text(), sums, progress);
                return null;
            });
        }
        List<Bucket> out = new ArrayList<>(n);
        for (int b = 0; b < n; b++) {
            long s = startOf(b, r, n);
            out.add(Bucket.of(from + s, startOf(b + 1, r, n) - s, sums.result(b)));
        }
        return new SeriesResult(member.text(), leaf.node().kind(), leaf.node().typeName(), from, r, total, out);
    }

    private static void run(MemorySegment range, long recordSize, long r, int n, SlotStats.Reader read,
                            DecoderPlan.Leaf leaf, String path, SlotStats sums, StatsProgress progress) {
        long perBlock = Math.max(1, BLOCK_BYTES / recordSize);
        int parallelism = Math.max(1, Runtime.getRuntime().availableProcessors());
        // A few ranges per core so that an unlucky slow range does not hold everyone up.
        int tasks = (int) Math.min(Math.max(1, r / perBlock), 4L * parallelism);
        long perTask = (r + tasks - 1) / tasks;
        AtomicLong done = new AtomicLong();
        long totalBytes = r * recordSize;
        record Part(int firstBucket, SlotStats sums) {
        }
        List<Part> parts = IntStream.range(0, tasks).parallel().mapToObj(t -> {
            long r0 = t * perTask;
            long r1 = Math.min(r, r0 + perTask);
            if (r0 >= r1) {
                return null;
            }
            int b0 = bucketOf(r0, r, n);
            int b1 = bucketOf(r1 - 1, r, n);
            SlotStats mine = new SlotStats(path, leaf.node(), b1 - b0 + 1);
            for (int b = b0; b <= b1; b++) {
                long end = Math.min(r1, startOf(b + 1, r, n));
                long count;
                for (long k = Math.max(r0, startOf(b, r, n)); k < end; k += count) {
                    if (progress.cancelled()) {
                        throw new CancellationException("series cancelled");
                    }
                    count = Math.min(perBlock, end - k);
                    mine.fold(read, range, k * recordSize, (int) count, b - b0);
                    progress.update(done.addAndGet(count * recordSize), totalBytes);
                }
            }
            return new Part(b0, mine);
        }).toList();
        for (Part p : parts) {
            if (p != null) {
                p.sums().mergeInto(sums, p.firstBucket());
            }
        }
    }

    private static SeriesResult dynamic(DataSource source, DynamicDecoder decoder, long offset, MemberPath member,
                                        long from, long to, int buckets, StatsProgress progress) {
        long bytes = source.size() - offset;
        RecordCursor first = RecordCursor.open(source, decoder, offset);
        if (!first.next()) {
            throw new InputException(source.name() + ": byte offset " + offset, "no whole record there");
        }
        ScalarNode node = member.nodeIn(holder(source, decoder, offset, member, first.value(), progress));
        // Records are numbered only by walking them: count them first when the end is not given.
        boolean counting = to == TO_END;
        long total = counting ? count(source, decoder, offset, progress, bytes) : to;
        if (from > total) {
            throw new InputException("records", "record " + from + " is past the last record (" + total + " records)");
        }
        long r = total - from;
        int n = (int) Math.min(buckets, r);
        SlotStats sums = new SlotStats(member.text(), node, n);
        long[] seen = {0};
        if (n > 0) {
            RecordCursor c = RecordCursor.open(source, decoder, offset);
            long base = counting ? bytes : 0;
            long span = counting ? 2 * bytes : bytes;
            while (c.index() + 1 < total && c.next()) {
                long k = c.index() - from;
                if ((c.index() & 1023) == 0) {
                    if (progress.cancelled()) {
                        throw new CancellationException("series cancelled");
                    }
                    progress.update(base + c.end() - offset, span);
                }
                if (k < 0) {
                    continue;
                }
                seen[0]++;
                Value v = member.valueIn(c.value());
                if (v != null) {
                    sums.add(bucketOf(k, r, n), v);
                }
            }
            if (seen[0] < r) {
                throw new InputException(source.name(), "the data holds " + (from + seen[0]) + " records, not " + total);
            }
        }
        List<Bucket> out = new ArrayList<>(n);
        for (int b = 0; b < n; b++) {
            long s = startOf(b, r, n);
            out.add(Bucket.of(from + s, startOf(b + 1, r, n) - s, sums.result(b)));
        }
        // Without a count (the range's end was given) the records past it are not known.
        return new SeriesResult(member.text(), node.kind(), node.typeName(), from, r, counting ? total : -1, out);
    }

    /**
     * The first record that holds {@code member}, or {@code first} when none does: records differ
     * (a tagged union holds the alternative its record chose, a counted array its own count), so
     * the first record need not have the member a later one has.
     */
    private static RecordValue holder(DataSource source, DynamicDecoder decoder, long offset, MemberPath member,
                                      RecordValue first, StatsProgress progress) {
        RecordCursor c = RecordCursor.open(source, decoder, offset);
        while (c.next()) {
            if (member.valueIn(c.value()) != null) {
                return c.value();
            }
            if ((c.index() & 1023) == 0 && progress.cancelled()) {
                throw new CancellationException("series cancelled");
            }
        }
        return first;
    }

    private static long count(DataSource source, DynamicDecoder decoder, long offset, StatsProgress progress, long bytes) {
        RecordCursor c = RecordCursor.open(source, decoder, offset);
        long records = 0;
        while (c.next()) {
            records++;
            if ((records & 1023) == 0) {
                if (progress.cancelled()) {
                    throw new CancellationException("series cancelled");
                }
                progress.update(c.end() - offset, 2 * bytes);
            }
        }
        return records;
    }
}
