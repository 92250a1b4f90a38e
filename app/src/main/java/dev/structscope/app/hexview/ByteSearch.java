package dev.structscope.app.hexview;

import dev.structscope.app.fields.Content;

import java.util.Arrays;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

/**
 * Finds a byte pattern in a file's {@link Content} of any size, forward or backward from an
 * offset, reading it in 1 MiB windows copied out of the mapping or the edited pieces (so the scan
 * loop runs over a heap array the JIT vectorises well), each window overlapping the next by the
 * pattern's length less one so that matches across window and piece borders are found, and
 * reporting progress after each window. Plain Java with no toolkit: the
 * GUI runs it on a background thread; tests run it directly on large sparse files.
 *
 * <p>Stateless apart from the buffer; one instance per search, on one thread.
 */
public final class ByteSearch {
    static final int WINDOW = 1 << 20;

    private final byte[] buffer;

    public ByteSearch() {
        buffer = new byte[WINDOW + SearchQuery.MAX_PATTERN];
    }

    /**
     * The first offset {@code >= from} (forward) or the last offset {@code <= from} (backward)
     * where {@code pattern} occurs, or -1.
     *
     * @param progress  told the bytes scanned so far after each window (may be null)
     * @param cancelled polled after each window; when true the search throws
     *                  {@link CancellationException}
     */
    public long find(Content content, byte[] pattern, long from, boolean forward,
                     LongConsumer progress, BooleanSupplier cancelled) {
        long size = content.size();
        int m = pattern.length;
        if (m == 0 || m > SearchQuery.MAX_PATTERN || size < m) {
            return -1;
        }
        // The starts still to look at are [lo, hi]; each window takes the end the search comes from.
        long lo = forward ? Math.max(0, from) : 0;
        long hi = forward ? size - m : Math.min(from, size - m);
        long scanned = 0;
        while (lo <= hi) {
            int starts = (int) Math.min(WINDOW, hi - lo + 1);
            long at = forward ? lo : hi - starts + 1;
            content.copy(at, buffer, starts + m - 1);
            int hit = indexOf(buffer, starts, pattern, forward);
            if (hit >= 0) {
                return at + hit;
            }
            scanned += starts;
            step(progress, cancelled, scanned);
            if (forward) {
                lo += starts;
            } else {
                hi -= starts;
            }
        }
        return -1;
    }

    /** Receives each match of {@link #findAll}, in file order. */
    @FunctionalInterface
    public interface MatchSink {
        void match(long offset);
    }

    /**
     * Visits every offset where {@code pattern} starts, overlapping matches included ("aa" is
     * found twice in "aaa"), in one pass over the segment; returns how many there were.
     *
     * @param progress  told the bytes scanned so far after each window (may be null)
     * @param cancelled polled after each window; when true the scan throws {@link CancellationException}
     */
    public long findAll(Content content, byte[] pattern, MatchSink sink, LongConsumer progress, BooleanSupplier cancelled) {
        long size = content.size();
        int m = pattern.length;
        if (m == 0 || m > SearchQuery.MAX_PATTERN || size < m) {
            return 0;
        }
        long lastStart = size - m;
        long count = 0;
        long scanned = 0;
        for (long at = 0; at <= lastStart; at += WINDOW) {
            int starts = (int) Math.min(WINDOW, lastStart - at + 1);
            content.copy(at, buffer, starts + m - 1);
            for (int i = 0; i < starts; i++) {
                if (matchesAt(buffer, i, pattern)) {
                    sink.match(at + i);
                    count++;
                }
            }
            scanned += starts;
            step(progress, cancelled, scanned);
        }
        return count;
    }

    private static void step(LongConsumer progress, BooleanSupplier cancelled, long scanned) {
        if (progress != null) {
            progress.accept(scanned);
        }
        if (cancelled != null && cancelled.getAsBoolean()) {
            throw new CancellationException("search cancelled");
        }
    }

    /** The first (forward) or last start in {@code [0, starts)} where the pattern matches, or -1. */
    private static int indexOf(byte[] buf, int starts, byte[] p, boolean forward) {
        for (int k = 0; k < starts; k++) {
            int i = forward ? k : starts - 1 - k;
            if (matchesAt(buf, i, p)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether {@code p} stands at {@code i}; the first byte alone rules out most starts. */
    private static boolean matchesAt(byte[] buf, int i, byte[] p) {
        return buf[i] == p[0] && Arrays.equals(buf, i, i + p.length, p, 0, p.length);
    }
}
