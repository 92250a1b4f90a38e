package dev.structscope.io.columns;

import dev.structscope.io.decode.DecoderPlan;
import dev.structscope.io.decode.RecordReader;
import dev.structscope.io.decode.RecordValue;
import dev.structscope.io.source.DataSource;
import dev.structscope.io.source.Sources;
import dev.structscope.model.InputException;

import java.lang.foreign.MemorySegment;
import java.util.List;

/**
 * Every whole record of a source, in order, from a byte offset: fixed records {@code sizeof}
 * apart, dynamic ones each as long as its own content. What {@code convert} walks for every output
 * format (the columnar writers through {@link RowFeeder}, the text formats through
 * {@code RecordFormat}). Reading stops at the end of the data, or at a record the data ends
 * inside; the bytes left are reported as trailing, as {@code decode --all} does. Nothing is read
 * into the heap: each record is a lazy view of the mapped bytes, valid during the visit only.
 *
 * {@link RecordCursor} is its pull form, one record per call.
 *
 * <p>Stateless; the scan runs on the calling thread.
 */
public final class RecordScan {
    private RecordScan() {
    }

    /** Receives each record. */
    @FunctionalInterface
    public interface Visitor {
        /** Record number {@code index} (from 0), which starts at byte {@code offset} of {@code segment}. */
        void record(long index, long offset, MemorySegment segment, RecordValue value);
    }

    /**
     * A visitor that may take fixed records a range at a time: the scan then hands it every
     * block of consecutive records at once instead of decoding each into a {@link RecordValue}
     * (a writer that fills whole columns needs their place only). The default visits them one by
     * one as {@link Visitor} does.
     */
    public interface RangeVisitor extends Visitor {
        /**
         * Records {@code first} up to {@code first + count} (exclusive) of {@code plan}, the first
         * starting at byte {@code offset} of {@code segment}, each {@code plan.recordSize()} bytes.
         */
        default void records(long first, long offset, MemorySegment segment, DecoderPlan plan, int count) {
            long size = plan.recordSize();
            for (int i = 0; i < count; i++) {
                long at = offset + i * size;
                record(first + i, at, segment, plan.decode(segment, at));
            }
        }
    }

    /** Told how far the scan is; called about every 4 MiB of records, on the scanning thread. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (done, total) -> {
        };

        /** {@code done} bytes of records of {@code total} (from the start offset to the end of the data) are read. */
        void update(long done, long total);
    }

    /**
     * What a scan found.
     *
     * @param records       how many whole records were read
     * @param end           the byte offset just past the last of them
     * @param trailingBytes bytes after it that are not a whole record
     * @param warnings      what a dynamic decode reported though records decoded (at most 16)
     */
    public record Result(long records, long end, long trailingBytes, List<String> warnings) {
        public Result {
            warnings = List.copyOf(warnings);
        }
    }

    private static final long PROGRESS_BYTES = 4L << 20;

    /**
     * Visits every whole record of {@code source} from byte {@code offset}.
     *
     * @throws InputException for an offset outside the data, a record type of size 0, or a dynamic
     *                        record the layout cannot describe (named by file, record and offset)
     */
    public static Result scan(DataSource source, RecordReader reader, long offset, Visitor visitor, Progress progress) {
        RecordCursor.checkStart(source.name(), source.size(), reader, offset);
        MemorySegment all = source.segment();
        return Sources.guard(source, () -> reader instanceof DecoderPlan plan
                ? fixed(source, plan, all, offset, visitor, progress)
                : dynamic(RecordCursor.open(source, reader, offset), all.byteSize(), offset, visitor, progress));
    }

    private static Result fixed(DataSource source, DecoderPlan plan, MemorySegment all, long offset, Visitor visitor,
                                Progress progress) {
        long size = all.byteSize();
        long recordSize = plan.recordSize();
        long count = (size - offset) / recordSize;
        long total = size - offset;
        long every = Math.max(1, PROGRESS_BYTES / recordSize);
        if (visitor instanceof RangeVisitor ranges) {
            for (long i = 0; i < count; i += every) {
                int n = (int) Math.min(every, count - i);
                long at = offset + i * recordSize;
                ranges.records(i, at, all, plan, n);
                progress.update(at + n * recordSize - offset, total);
            }
            long end = offset + count * recordSize;
            progress.update(end - offset, total);
            return new Result(count, end, size - end, List.of());
        }
        for (long i = 0; i < count; i++) {
            long at = offset + i * recordSize;
            visitor.record(i, at, all, plan.decode(all, at));
            if ((i + 1) % every == 0) {
                progress.update(at + recordSize - offset, total);
            }
        }
        long end = offset + count * recordSize;
        progress.update(end - offset, total);
        return new Result(count, end, size - end, List.of());
    }

    private static Result dynamic(RecordCursor records, long size, long offset, Visitor visitor, Progress progress) {
        long total = size - offset;
        long nextReport = offset + PROGRESS_BYTES;
        while (records.next()) {
            visitor.record(records.index(), records.offset(), records.segment(), records.value());
            if (records.end() >= nextReport) {
                progress.update(records.end() - offset, total);
                nextReport = records.end() + PROGRESS_BYTES;
            }
        }
        long end = records.end();
        progress.update(end - offset, total);
        return new Result(records.index() + 1, end, size - end, records.warnings());
    }
}
