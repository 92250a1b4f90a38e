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
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.lang.foreign.MemorySegment;
import java.util.Locale;

/**
 * {@code structscope decode LAYOUT --type NAME DATA [--abi ABI] [--offset N] [--count N | --all]
 * [--byte-order little|big] [--format json|jsonl|csv|text]}: records read in place from the
 * mapped DATA file and streamed out one at a time.
 */
@Command(name = "decode", description = "Decode records of a struct or union from a data file (mapped, not read into memory).")
public final class DecodeCommand extends CliCommand {
    @Mixin
    RecordFileArgs data;

    @ArgGroup(exclusive = true)
    HowMany howMany = new HowMany();

    static final class HowMany {
        @Option(names = "--count", paramLabel = "N", defaultValue = "1", description = "Records to decode (default 1).")
        long count = 1;

        @Option(names = "--all", description = "Every whole record to the end of DATA.")
        boolean all;
    }

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "json", description = "json (default), jsonl, csv, text.")
    String format;

    @Option(names = "--bytes", paramLabel = "HOW", defaultValue = "array",
            description = "uint8_t/unsigned char arrays as JSON arrays of integers (array, default) or as one hex string (hex).")
    String bytes;

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
            long count;
            if (howMany.all) {
                count = available;
            } else {
                count = howMany.count;
                if (count > available) {
                    throw data.pastEnd(available, recordSize, data.offset + available * recordSize, size);
                }
            }
            MemorySegment all = source.segment();
            Sources.guard(source, () -> {
                writer.begin();
                for (long i = 0; i < count; i++) {
                    long at = data.offset + i * recordSize;
                    writer.record(i, at, plan.decode(all, at));
                }
                if (count == 0) {
                    writer.noRecords(plan);
                }
                writer.end();
                return null;
            });
            if (howMany.all) {
                warnTrailing(err, data.offset + count * recordSize, size);
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
            MemorySegment all = source.segment();
            RecordFormat w = writer;
            if (format.equalsIgnoreCase("csv")) {
                // CSV has one header: records whose counts or alternatives differ are read twice,
                // first for every column any of them has, then for the rows under those columns.
                RecordFormat.CsvColumns columns = new RecordFormat.CsvColumns(false, bytesHex(bytes));
                Sources.guard(source, () -> walk(decoder, all, size, columns::add, null));
                w = columns.writer(out);
            }
            RecordFormat rows = w;
            long end = Sources.guard(source, () -> {
                rows.begin();
                long at = walk(decoder, all, size, rows::record, err);
                rows.end();
                return at;
            });
            if (howMany.all) {
                warnTrailing(err, end, size);
            }
        }
        return 0;
    }

    /** Receives each decoded record: its number, its byte offset and its value. */
    @FunctionalInterface
    private interface Rows {
        void record(long index, long offset, RecordValue value);
    }

    /**
     * Decodes the records asked for from {@code --offset}, back to back, into {@code rows}; says
     * each record's warnings on {@code err} (null: not on this pass). Returns where the last one
     * ended. With {@code --all} it stops at the end of the data or at a record the data ends inside.
     */
    private long walk(DynamicDecoder decoder, MemorySegment all, long size, Rows rows, PrintWriter err) {
        long pos = data.offset;
        for (long i = 0; howMany.all || i < howMany.count; i++) {
            if (howMany.all && pos >= size) {
                break;
            }
            RecordReader.Decoded d;
            try {
                d = decoder.read(all, pos, size);
            } catch (DynamicDecoder.DataEndsException e) {
                if (howMany.all) {
                    break;
                }
                throw new InputException(data.file + ": " + e.where(), "record " + i + ": " + e.getMessage());
            } catch (InputException e) {
                throw new InputException(data.file + ": " + e.where(), "record " + i + ": " + e.getMessage());
            }
            // One record of 0 bytes can be shown; a second would be the same bytes again.
            boolean another = howMany.all || i + 1 < howMany.count;
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
        if (!howMany.all && howMany.count < 0) {
            throw new InputException("--count", "must be 0 or more, was " + howMany.count);
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
