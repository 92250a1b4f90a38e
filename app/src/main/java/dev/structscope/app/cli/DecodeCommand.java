package dev.structscope.app.cli;

import dev.structscope.io.decode.DecoderPlan;
import dev.structscope.io.decode.DynamicDecoder;
import dev.structscope.io.decode.RecordFormat;
import dev.structscope.io.decode.RecordReader;
import dev.structscope.io.decode.RecordValue;
import dev.structscope.io.source.DataSource;
import dev.structscope.io.source.Sources;
import dev.structscope.model.InputException;
import dev.structscope.model.layout.RecordLayout;

import java.io.PrintWriter;
import java.lang.foreign.MemorySegment;
import java.util.Locale;

/**
 * {@code structscope decode LAYOUT --type NAME DATA [--abi ABI] [--offset N] [--count N | --all]
 * [--byte-order little|big] [--format json|jsonl|csv|text]}: records read in place from the
 * mapped DATA file and streamed out one at a time.
 */
public final class DecodeCommand extends CliCommand {
    final RecordFileArgs data = new RecordFileArgs();
    long count = 1;
    boolean all;
    String format = "json";
    String bytes = "array";

    public DecodeCommand() {
        super("Decode records of a struct or union from a data file (mapped, not read into memory).");
    }

    @Override
    void declare(CliSpec s) {
        data.declare(s);
        s.exclusive(false, () -> {
            s.option("--count", "N", long.class, v -> count = v, "Records to decode (default 1).");
            s.flag("--all", v -> all = v, "Every whole record to the end of DATA.");
        });
        s.option("--format", "FORMAT", String.class, v -> format = v, "json (default), jsonl, csv, text.");
        s.option("--bytes", "HOW", String.class, v -> bytes = v,
                "uint8_t/unsigned char arrays as JSON arrays of integers (array, default) or as one hex string (hex).");
    }

    @Override
    int run(PrintWriter out, PrintWriter err) {
        RecordFormat writer = RecordFormat.of(format, out, bytesHex(bytes));
        RecordLayout resolved = data.record.resolve(err);
        RecordReader reader = data.record.reader(resolved);
        if (reader instanceof DynamicDecoder dynamic) {
            return decodeDynamic(dynamic, writer, out, err);
        }
        DecoderPlan plan = (DecoderPlan) reader;
        plan.checkPrintable(data.record.layout.limits().maxElements());
        long recordSize = data.record.fixedSize(plan, "decode");
        checkCount();
        try (DataSource source = Sources.open(data.file)) {
            long size = source.size();
            checkOffset(size);
            long available = (size - data.offset) / recordSize;
            long n;
            if (all) {
                n = available;
            } else {
                n = count;
                if (n > available) {
                    throw data.pastEnd(available, recordSize, data.offset + available * recordSize, size);
                }
            }
            MemorySegment whole = source.segment();
            Sources.guard(source, () -> {
                writer.begin();
                for (long i = 0; i < n; i++) {
                    long at = data.offset + i * recordSize;
                    writer.record(i, at, plan.decode(whole, at));
                }
                if (n == 0) {
                    writer.noRecords(plan);
                }
                writer.end();
                return null;
            });
            if (all) {
                warnTrailing(err, data.offset + n * recordSize, size);
            }
        }
        return 0;
    }

    /**
     * Records of a dynamic layout, back to back: each as long as its own content says. With
     * {@code --all}, reading stops at the end of the data or at a record the data ends inside
     * (its bytes are reported as trailing).
     */
    private int decodeDynamic(DynamicDecoder decoder, RecordFormat writer, PrintWriter out, PrintWriter err) {
        checkCount();
        try (DataSource source = Sources.open(data.file)) {
            long size = source.size();
            checkOffset(size);
            MemorySegment whole = source.segment();
            RecordFormat w = writer;
            if (format.equalsIgnoreCase("csv")) {
                // CSV has one header: records whose counts or alternatives differ are read twice,
                // first for every column any of them has, then for the rows under those columns.
                RecordFormat.CsvColumns columns = new RecordFormat.CsvColumns(false, bytesHex(bytes));
                Sources.guard(source, () -> walk(decoder, whole, size, columns::add, null));
                w = columns.writer(out);
            }
            RecordFormat rows = w;
            long end = Sources.guard(source, () -> {
                rows.begin();
                long at = walk(decoder, whole, size, rows::record, err);
                rows.end();
                return at;
            });
            if (all) {
                // Why the walk stopped short of the end: a record the data ends inside may be a
                // short last record, or a count or place read from bytes that are no record at all.
                data.warnTrailing(err, size - end, "(at byte offset " + end + ") were not decoded"
                        + (stoppedBy == null ? "" : ": " + stoppedBy));
            }
        }
        return 0;
    }

    /** Receives each decoded record: its number, its byte offset and its value. */
    @FunctionalInterface
    private interface Rows {
        void record(long index, long offset, RecordValue value);
    }

    /** With {@code --all}: why the last walk stopped before the end of the data, or null. */
    private String stoppedBy;

    /**
     * Decodes the records asked for from {@code --offset}, back to back, into {@code rows}; says
     * each record's warnings on {@code err} (null: not on this pass). Returns where the last one
     * ended. With {@code --all} it stops at the end of the data or at a record the data ends inside
     * ({@link #stoppedBy} says which and why).
     */
    private long walk(DynamicDecoder decoder, MemorySegment whole, long size, Rows rows, PrintWriter err) {
        long pos = data.offset;
        stoppedBy = null;
        for (long i = 0; all || i < count; i++) {
            if (all && pos >= size) {
                break;
            }
            RecordReader.Decoded d;
            try {
                d = decoder.read(whole, pos, size);
            } catch (DynamicDecoder.DataEndsException e) {
                if (all) {
                    stoppedBy = "record " + i + " at byte offset " + pos + " does not fit: " + e.getMessage();
                    break;
                }
                throw new InputException(data.file + ": " + e.where(), "record " + i + ": " + e.getMessage());
            } catch (InputException e) {
                throw new InputException(data.file + ": " + e.where(), "record " + i + ": " + e.getMessage());
            }
            // One record of 0 bytes can be shown; a second would be the same bytes again.
            boolean another = all || i + 1 < count;
            if (d.size() <= 0 && another) {
                throw new InputException(data.file + ": byte offset " + pos, "record " + i
                        + " is 0 bytes long: records of it cannot follow one another");
            }
            rows.record(i, pos, d.value());
            if (err != null) {
                for (String w : d.warnings()) {
                    warn(err, data.file + ": record " + i + ": " + w);
                }
            }
            pos += d.size();
        }
        return pos;
    }

    private void checkCount() {
        if (!all && count < 0) {
            throw new InputException("--count", "must be 0 or more, was " + count);
        }
    }

    private void checkOffset(long size) {
        if (data.offset < 0 || data.offset > size) {
            throw new InputException(data.file + ": byte offset " + data.offset,
                    "--offset is outside the data (" + size + " bytes)");
        }
    }

    /** With {@code --all}: the bytes from {@code end}, where the last whole record ended, to the end of DATA. */
    private void warnTrailing(PrintWriter err, long end, long size) {
        data.warnTrailing(err, size - end, "(at byte offset " + end + ") were not decoded");
    }

    /** {@code --bytes array|hex}. */
    static boolean bytesHex(String how) {
        return switch (how.toLowerCase(Locale.ROOT)) {
            case "array" -> false;
            case "hex" -> true;
            default -> throw new InputException("--bytes", "unknown value '" + how + "'; known: array, hex");
        };
    }
}
