package dev.structscope.app.fields;

import dev.structscope.io.decode.DynamicDecoder;
import dev.structscope.io.decode.RecordReader;
import dev.structscope.io.source.DataSource;
import dev.structscope.model.InputException;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

/**
 * Finds where dynamic records lie back to back from an offset (each as long as its own content
 * says), for the record table. Only the start offsets are kept, in a growing {@code long[]} of at
 * most {@code cap} entries (8 bytes a record; no decoded record is kept), so memory stays bounded
 * however large the file is; past the cap the walk stops and says so. Plain Java; call it from a
 * background thread.
 */
public final class RecordWalk {
    /** The most records one walk lists (16 MiB of offsets). */
    public static final int MAX_RECORDS = 1 << 21;

    /** Records between progress reports and cancel checks. */
    static final int REPORT_EVERY = 1024;

    private RecordWalk() {
    }

    /**
     * The records found.
     *
     * @param starts file offsets of the records, {@code count} of them used
     * @param count  records found
     * @param end    the offset just after the last record found
     * @param stop   why the walk stopped before the end of the data, or null when the last record
     *               ends exactly at the end
     */
    public record Result(long[] starts, int count, long end, String stop) {
        public long start(int i) {
            return starts[i];
        }

        /** Bytes of record {@code i}. */
        public long size(int i) {
            return (i + 1 < count ? starts[i + 1] : end) - starts[i];
        }
    }

    /**
     * Walks the records {@code reader} reads from {@code base} to the end of {@code source}.
     *
     * @param progress  told the bytes walked so far, now and then
     * @param cancelled polled now and then; when true the walk stops with what it found
     */
    public static Result walk(DataSource source, RecordReader reader, long base, int cap,
                              LongConsumer progress, BooleanSupplier cancelled) {
        return walk(Content.of(source), reader, base, cap, progress, cancelled);
    }

    /**
     * As above over {@code content}: each record is read through its own bounded window
     * ({@link Content#read}), so an edited file of any size is walked without copying it.
     */
    public static Result walk(Content content, RecordReader reader, long base, int cap,
                              LongConsumer progress, BooleanSupplier cancelled) {
        return walk(content, reader, base, cap, progress, cancelled, node -> {
        });
    }

    /** As above, showing {@code each} every record's instance plan as it is found (on the walking thread). */
    public static Result walk(Content content, RecordReader reader, long base, int cap,
                              LongConsumer progress, BooleanSupplier cancelled,
                              java.util.function.Consumer<dev.structscope.io.decode.RecordNode> each) {
        long limit = content.size();
        long[] starts = new long[16];
        int n = 0;
        long at = base;
        String stop = null;
        while (at < limit) {
            if (n % REPORT_EVERY == 0) {
                if (cancelled.getAsBoolean()) {
                    stop = String.format(Locale.ROOT, "cancelled after %,d records", n);
                    break;
                }
                progress.accept(at - base);
            }
            if (n >= cap) {
                stop = String.format(Locale.ROOT, "listing stops at %,d records (at 0x%X); "
                        + "overlay the type at a later offset to see more", cap, at);
                break;
            }
            long size;
            dev.structscope.io.decode.RecordNode node;
            try {
                var decoded = content.read(reader, at).decoded();
                size = decoded.size();
                node = decoded.value().node();
            } catch (DynamicDecoder.DataEndsException e) {
                // With what did not fit: a short last record and a count read from bytes that are no
                // record (a whole-file type walked on past its one record) look alike otherwise.
                stop = String.format(Locale.ROOT, "%,d trailing bytes at 0x%X are not a whole record: %s", limit - at, at,
                        e.getMessage());
                break;
            } catch (InputException e) {
                stop = String.format(Locale.ROOT, "record %,d: %s", n, e.oneLine());
                break;
            }
            if (size <= 0) {
                stop = String.format(Locale.ROOT, "record %,d at 0x%X is empty: the walk cannot advance", n, at);
                break;
            }
            if (n == starts.length) {
                starts = Arrays.copyOf(starts, (int) Math.min(cap, (long) n * 2));
            }
            each.accept(node);
            starts[n++] = at;
            at += size;
        }
        progress.accept(at - base);
        return new Result(starts, n, at, stop);
    }
}
