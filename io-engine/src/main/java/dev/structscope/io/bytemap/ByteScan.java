package dev.structscope.io.bytemap;

import dev.structscope.io.source.DataSource;
import dev.structscope.io.source.Sources;
import dev.structscope.io.stats.StatsProgress;
import dev.structscope.model.InputException;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * The one pass behind the byte map and the byte histogram: counts the bytes of a range of a
 * source in place (the mapped segment is read eight bytes at a time, nothing is copied to the
 * heap) and folds the counts into per-block classes and entropy ({@link #map}) or one 256-bin
 * histogram ({@link #histogram}).
 *
 * <p>How it stays at memory speed: the range is cut into a few contiguous pieces per core run on
 * the common fork-join pool; each piece is counted in chunks of at most {@link #CHUNK} bytes into
 * four interleaved tables of int counters (byte k of each 8-byte word goes to table k mod 4), so
 * a run of equal bytes (zero fill) does not make every increment wait for the one before it.
 * A block wholly inside a piece is finished there; a block split between pieces has its
 * histogram merged afterwards, so the result does not depend on the split. Progress is reported
 * and cancellation obeyed once per chunk (a {@link CancellationException}). Heap use is a few
 * kilobytes per piece plus the result, whatever the range's size. Stateless; any thread.
 */
public final class ByteScan {
    private ByteScan() {
    }

    /** Bytes counted between two looks at the progress (and the most an int table counts). */
    static final int CHUNK = 1 << 20;

    /**
     * The strip's smallest block. Entropy measured over few bytes reads low: n bytes cannot reach
     * more than log2(n) bits, and 256 random bytes come out at about 7.2 bits, 1 KiB at 7.8,
     * so blocks below 1 KiB would paint random data like machine code.
     */
    public static final long MIN_BLOCK = 1024;

    private static final ValueLayout.OfLong WORD = ValueLayout.JAVA_LONG_UNALIGNED;
    private static final int CLASSES = ByteClass.values().length;
    private static final double LN2 = Math.log(2);

    /** The block size a map of {@code length} bytes in at most {@code maxBlocks} blocks uses. */
    public static long blockSize(long length, int maxBlocks, long minBlock) {
        if (maxBlocks < 1 || minBlock < 1) {
            throw new IllegalArgumentException("maxBlocks " + maxBlocks + ", minBlock " + minBlock);
        }
        return Math.max(minBlock, Math.ceilDiv(Math.max(1, length), (long) maxBlocks));
    }

    /**
     * Maps {@code length} bytes of {@code source} from {@code offset} in at most {@code maxBlocks}
     * blocks of at least {@code minBlock} bytes (fewer blocks for a short range).
     */
    public static ByteMap map(DataSource source, long offset, long length, int maxBlocks, long minBlock,
                              StatsProgress progress) {
        long blockSize = blockSize(length, maxBlocks, minBlock);
        int blocks = (int) Math.ceilDiv(length, blockSize);
        double[] entropy = new double[blocks];
        long[] counts = new long[blocks * CLASSES];
        MemorySegment seg = range(source, offset, length);
        if (length == 0) {
            return new ByteMap(offset, 0, blockSize, entropy, counts);
        }
        ConcurrentHashMap<Integer, long[]> split = new ConcurrentHashMap<>();
        Sources.guard(source, () -> {
            run(seg, length, blockSize, progress, (block, hist, whole) -> {
                if (whole) {
                    finish(block, hist, entropy, counts);
                } else {
                    split.merge(block, hist, ByteScan::add);
                }
            });
            return null;
        });
        split.forEach((block, hist) -> finish(block, hist, entropy, counts));
        return new ByteMap(offset, length, blockSize, entropy, counts);
    }

    /** How many bytes of each value 0..255 lie in {@code length} bytes of {@code source} from {@code offset}. */
    public static long[] histogram(DataSource source, long offset, long length, StatsProgress progress) {
        long[] total = new long[256];
        MemorySegment seg = range(source, offset, length);
        if (length == 0) {
            return total;
        }
        Sources.guard(source, () -> {
            run(seg, length, length, progress, (block, hist, whole) -> {
                synchronized (total) {
                    add(total, hist);
                }
            });
            return null;
        });
        return total;
    }

    /**
     * The bytes to scan, from the source's {@link DataSource#segment()} (the mapping itself for a
     * file; for a source being edited, the one segment its decoders read too) rather than a
     * {@link DataSource#slice}, which an edited source may assemble from pieces.
     */
    private static MemorySegment range(DataSource source, long offset, long length) {
        long size = source.size();
        if (offset < 0 || length < 0 || offset > size || length > size - offset) {
            throw new InputException(source.name() + ": byte offset " + offset, length + " bytes from byte offset "
                    + offset + " are outside the data (" + size + " bytes)");
        }
        return length == 0 ? MemorySegment.NULL : source.segment().asSlice(offset, length);
    }

    /** Shannon entropy in bits per byte of a histogram: -sum p log2 p over the values present. */
    public static double entropy(long[] hist) {
        long n = 0;
        for (long c : hist) {
            n += c;
        }
        if (n == 0) {
            return 0;
        }
        double h = 0;
        for (long c : hist) {
            if (c > 0) {
                double p = (double) c / n;
                h -= p * Math.log(p) / LN2;
            }
        }
        // Rounding can leave a hair below 0 for a single value.
        return Math.max(0, h);
    }

    /** Receives the histogram of a block, or of the part of it one piece covered ({@code whole} false). */
    private interface BlockSink {
        void accept(int block, long[] hist, boolean whole);
    }

    private static void run(MemorySegment seg, long length, long blockSize, StatsProgress progress, BlockSink sink) {
        int parallelism = Math.max(1, Runtime.getRuntime().availableProcessors());
        // A few pieces per core so that one slow piece (a page fault storm) does not hold the rest up.
        long pieces = Math.min(4L * parallelism, Math.ceilDiv(length, CHUNK));
        long perPiece = Math.ceilDiv(length, pieces);
        AtomicLong done = new AtomicLong();
        IntStream.range(0, (int) pieces).parallel().forEach(p -> {
            long from = p * perPiece;
            long to = Math.min(length, from + perPiece);
            int[] tables = new int[4 * 256];
            long[] hist = new long[256];
            long at = from;
            while (at < to) {
                int block = (int) (at / blockSize);
                long blockStart = block * blockSize;
                long blockEnd = Math.min(length, blockStart + blockSize);
                long end = Math.min(to, blockEnd);
                while (at < end) {
                    if (progress.cancelled()) {
                        throw new CancellationException("byte scan cancelled");
                    }
                    long stop = Math.min(end, at + CHUNK);
                    count(seg, at, stop, tables);
                    fold(tables, hist);
                    progress.update(done.addAndGet(stop - at), length);
                    at = stop;
                }
                boolean whole = blockStart >= from && blockEnd <= to;
                sink.accept(block, hist, whole);
                hist = new long[256];
            }
        });
    }

    /** Adds the bytes of {@code [from, to)} (at most {@link #CHUNK}) to the four tables. */
    private static void count(MemorySegment seg, long from, long to, int[] t) {
        long i = from;
        for (long last = to - 8; i <= last; i += 8) {
            long v = seg.get(WORD, i);
            t[(int) (v & 0xFF)]++;
            t[256 + (int) ((v >>> 8) & 0xFF)]++;
            t[512 + (int) ((v >>> 16) & 0xFF)]++;
            t[768 + (int) ((v >>> 24) & 0xFF)]++;
            t[(int) ((v >>> 32) & 0xFF)]++;
            t[256 + (int) ((v >>> 40) & 0xFF)]++;
            t[512 + (int) ((v >>> 48) & 0xFF)]++;
            t[768 + (int) (v >>> 56)]++;
        }
        for (; i < to; i++) {
            t[seg.get(ValueLayout.JAVA_BYTE, i) & 0xFF]++;
        }
    }

    /** Moves the four tables' counts into {@code hist} and clears them. */
    private static void fold(int[] t, long[] hist) {
        for (int b = 0; b < 256; b++) {
            hist[b] += (long) t[b] + t[256 + b] + t[512 + b] + t[768 + b];
            t[b] = 0;
            t[256 + b] = 0;
            t[512 + b] = 0;
            t[768 + b] = 0;
        }
    }

    private static long[] add(long[] into, long[] more) {
        for (int b = 0; b < 256; b++) {
            into[b] += more[b];
        }
        return into;
    }

    private static void finish(int block, long[] hist, double[] entropy, long[] counts) {
        entropy[block] = entropy(hist);
        for (int b = 0; b < 256; b++) {
            counts[block * CLASSES + ByteClass.of(b).ordinal()] += hist[b];
        }
    }
}
