package dev.structscope.io.columns;

import dev.structscope.io.decode.DecoderPlan;
import dev.structscope.io.decode.DynamicDecoder;
import dev.structscope.io.decode.RecordReader;
import dev.structscope.io.decode.RecordValue;
import dev.structscope.io.source.DataSource;
import dev.structscope.io.source.Sources;
import dev.structscope.model.InputException;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

/**
 * Every whole record of a source, in order, from a byte offset: fixed records {@code sizeof}
 * apart, dynamic ones each as long as its own content. What {@code convert} walks for every output
 * format (the columnar writers through {@link RowFeeder}, the text formats through
 * {@code RecordFormat}). Reading stops at the end of the data, or at a record the data ends
 * inside; the bytes left are reported as trailing, as {@code decode --all} does. Nothing is read
 * into the heap: each record is a lazy view of the mapped bytes, valid during the visit only.
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
        long size = source.size();
        if (offset < 0 || offset > size) {
            throw new InputException(source.name() + ": byte offset " + offset,
                    "--offset is outside the data (" + size + " bytes)");
        }
        MemorySegment all = source.segment();
        return Sources.guard(source, () -> reader instanceof DecoderPlan plan
                ? fixed(source, plan, all, offset, visitor, progress)
                : dynamic(source, (DynamicDecoder) reader, all, offset, visitor, progress));
    }

    private static Result fixed(DataSource source, DecoderPlan plan, MemorySegment all, long offset, Visitor visitor,
                                Progress progress) {
        long size = all.byteSize();
        long recordSize = plan.recordSize();
        if (recordSize <= 0) {
            throw new InputException("--type", "'" + plan.root().typeName()
                    + "' has size 0; there are no records to read");
        }
        long count = (size - offset) / recordSize;
        long total = size - offset;
        long every = Math.max(1, PROGRESS_BYTES / recordSize);
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

    private static Result dynamic(DataSource source, DynamicDecoder decoder, MemorySegment all, long offset,
                                  Visitor visitor, Progress progress) {
        long size = all.byteSize();
        long total = size - offset;
        List<String> warnings = new ArrayList<>();
        long pos = offset;
        long nextReport = offset + PROGRESS_BYTES;
        long i = 0;
        for (; pos < size; i++) {
            RecordReader.Decoded d;
            try {
                d = decoder.read(all, pos, size);
            } catch (DynamicDecoder.DataEndsException e) {
                break;
            } catch (InputException e) {
                throw new InputException(source.name() + ": " + e.where(), "record " + i + ": " + e.getMessage());
            }
            if (d.size() <= 0) {
                throw new InputException(source.name() + ": byte offset " + pos, "record " + i
                        + " is 0 bytes long: records of it cannot follow one another");
            }
            visitor.record(i, pos, all, d.value());
            for (String w : d.warnings()) {
                if (warnings.size() < 16) {
                    warnings.add("record " + i + ": " + w);
                }
            }
            pos += d.size();
            if (pos >= nextReport) {
                progress.update(pos - offset, total);
                nextReport = pos + PROGRESS_BYTES;
            }
        }
        progress.update(pos - offset, total);
        return new Result(i, pos, size - pos, warnings);
    }
}
