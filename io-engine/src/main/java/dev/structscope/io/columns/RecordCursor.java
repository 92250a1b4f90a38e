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
 * The records of a source one at a time, on request: the pull form of {@link RecordScan}, for a
 * consumer that asks for the next record rather than being handed all of them (the Spark data
 * source's partition reader). The same records and the same messages as the scan: fixed records
 * {@code sizeof} apart, dynamic ones each as long as its own content, ending at the end of the data
 * or at a record the data ends inside. A fixed-record cursor may be limited to a range of record
 * numbers (one task's split of a file).
 *
 * <p>Not thread-safe: one consumer thread. Records are lazy views of the source, valid until the
 * source is closed.
 */
public final class RecordCursor {
    private final DataSource source;
    private final RecordReader reader;
    private final MemorySegment all;
    private final long size;
    private final long last;
    private final List<String> warnings = new ArrayList<>();
    private long index;
    private long next;
    private long at = -1;
    private RecordValue value;

    private RecordCursor(DataSource source, RecordReader reader, long start, long first, long last) {
        this.source = source;
        this.reader = reader;
        this.all = source.segment();
        this.size = all.byteSize();
        this.index = first - 1;
        this.last = last;
        this.next = reader instanceof DecoderPlan plan ? start + first * plan.recordSize() : start;
    }

    /**
     * Every whole record of {@code source} from byte {@code offset}.
     *
     * @throws InputException for an offset outside the data or a record type of size 0
     */
    public static RecordCursor open(DataSource source, RecordReader reader, long offset) {
        checkStart(source.name(), source.size(), reader, offset);
        return new RecordCursor(source, reader, offset, 0, Long.MAX_VALUE);
    }

    /**
     * Fixed records number {@code first} up to {@code first + count} (exclusive) of those that start at
     * byte {@code offset}, fewer when the data ends first.
     *
     * @throws IllegalArgumentException for a dynamic reader: its records cannot be numbered without reading them
     */
    public static RecordCursor range(DataSource source, DecoderPlan plan, long offset, long first, long count) {
        checkStart(source.name(), source.size(), plan, offset);
        if (first < 0 || count < 0) {
            throw new IllegalArgumentException("record range " + first + " + " + count);
        }
        return new RecordCursor(source, plan, offset, first, first + count - 1);
    }

    /**
     * The checks before reading records from byte {@code offset} of {@code size} bytes: the same
     * messages {@code decode --all}, {@code stats} and {@code convert} give.
     */
    public static void checkStart(String name, long size, RecordReader reader, long offset) {
        if (offset < 0 || offset > size) {
            throw new InputException(name + ": byte offset " + offset, "--offset is outside the data (" + size + " bytes)");
        }
        if (reader instanceof DecoderPlan plan && plan.recordSize() <= 0) {
            throw new InputException("--type", "'" + plan.root().typeName() + "' has size 0; there are no records to read");
        }
    }

    /**
     * Moves to the next record.
     *
     * @return false at the end: no whole record left (or the range is done)
     * @throws InputException for a dynamic record the layout cannot describe (named by file, record
     *                        and offset), or a mapped file changed on disk
     */
    public boolean next() {
        if (index >= last) {
            return false;
        }
        return Sources.guard(source, () -> reader instanceof DecoderPlan plan ? fixed(plan) : dynamic((DynamicDecoder) reader));
    }

    private boolean fixed(DecoderPlan plan) {
        long recordSize = plan.recordSize();
        if (next > size - recordSize) {
            return false;
        }
        index++;
        at = next;
        value = plan.decode(all, at);
        next = at + recordSize;
        return true;
    }

    private boolean dynamic(DynamicDecoder decoder) {
        if (next >= size) {
            return false;
        }
        long i = index + 1;
        RecordReader.Decoded d;
        try {
            d = decoder.read(all, next, size);
        } catch (DynamicDecoder.DataEndsException e) {
            return false;
        } catch (InputException e) {
            throw new InputException(source.name() + ": " + e.where(), "record " + i + ": " + e.getMessage());
        }
        if (d.size() <= 0) {
            throw new InputException(source.name() + ": byte offset " + next, "record " + i
                    + " is 0 bytes long: records of it cannot follow one another");
        }
        for (String w : d.warnings()) {
            if (warnings.size() < 16) {
                warnings.add("record " + i + ": " + w);
            }
        }
        index = i;
        at = next;
        value = d.value();
        next = at + d.size();
        return true;
    }

    /** The current record's number, from 0 at the start offset. */
    public long index() {
        return index;
    }

    /** The byte at which the current record starts. */
    public long offset() {
        return at;
    }

    /** The current record, a lazy view of {@link #segment()}. */
    public RecordValue value() {
        return value;
    }

    /** The whole source, which {@link #value()} reads from. */
    public MemorySegment segment() {
        return all;
    }

    /** The byte just past the last record read (where the first would start, before it). */
    public long end() {
        return next;
    }

    /** What dynamic decodes reported though records decoded (at most 16). */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }
}
