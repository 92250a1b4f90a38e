package dev.structscope.columnar;

import dev.structscope.io.columns.ColumnSchema;
import dev.structscope.io.columns.RecordScan;
import dev.structscope.io.columns.RowFeeder;
import dev.structscope.io.decode.RecordFormat;
import dev.structscope.io.decode.RecordReader;
import dev.structscope.io.file.AtomicFile;
import dev.structscope.io.source.DataSource;
import dev.structscope.model.InputException;
import dev.structscope.model.layout.RecordLayout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code structscope convert}: every whole record of a source written as one row of a Parquet,
 * Arrow IPC, CSV or JSON Lines file. The file is written under a temporary name beside OUT and
 * renamed to OUT only when complete, so that a failure or a Ctrl-C (a shutdown hook deletes the
 * temporary file) never leaves a half file under OUT's name. Streams: memory is bounded by the
 * writer's batch or row group, not by the data's size.
 *
 * <p>Stateless; a conversion runs on the calling thread.
 */
public final class Converter {
    private Converter() {
    }

    /** The output formats of {@code --to}. */
    public enum Format {
        PARQUET, ARROW, CSV, JSONL;

        /** The format called {@code name} ({@code parquet}, {@code arrow}, {@code csv}, {@code jsonl}). */
        public static Format of(String name) {
            return switch (name.toLowerCase(Locale.ROOT)) {
                case "parquet" -> PARQUET;
                case "arrow" -> ARROW;
                case "csv" -> CSV;
                case "jsonl" -> JSONL;
                default -> throw new InputException("--to", "unknown format '" + name
                        + "'; known: parquet, arrow, csv, jsonl");
            };
        }
    }

    /**
     * What a conversion did.
     *
     * @param records       rows written (one per whole record)
     * @param trailingBytes bytes after the last whole record, not converted
     * @param warnings      what dynamic decodes reported though records decoded
     */
    public record Result(long records, long trailingBytes, List<String> warnings) {
        public Result {
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * Converts every whole record of {@code source} from byte {@code offset}, read by
     * {@code reader} (compiled from {@code layout}), into {@code out}.
     *
     * @throws InputException for bad input (as {@link RecordScan#scan}) and for an OUT that cannot
     *                        be written; OUT is then left as it was
     */
    public static Result convert(DataSource source, RecordReader reader, RecordLayout layout, long offset,
                                 Format format, Path out, RecordScan.Progress progress) {
        // The schema first: a type with no column form is refused before any file is made.
        ColumnSchema schema = format == Format.PARQUET || format == Format.ARROW ? ColumnSchema.of(layout) : null;
        AtomicFile.checkTarget(out, "-o " + out);
        Path part;
        try {
            // Beside what OUT names (same file system, so the rename is atomic), hidden, unique to
            // this process; for a FIFO or a device, which is written through, in the temporary folder.
            Path target = AtomicFile.isSpecial(out) ? Path.of(System.getProperty("java.io.tmpdir"), "structscope-convert")
                    : AtomicFile.destination(out);
            part = target.resolveSibling("." + target.getFileName() + "." + ProcessHandle.current().pid() + ".part");
        } catch (IOException e) {
            throw new InputException("-o " + out, "cannot follow its link: " + e.getMessage(), e);
        }
        // Classes needed later that are slow to initialise, on another thread meanwhile (Preload);
        // only once the arguments are known to be good, so that a refused command loads nothing.
        switch (format) {
            case PARQUET -> Preload.start("org.xerial.snappy.Snappy",
                    "org.apache.parquet.hadoop.metadata.ParquetMetadata");
            case ARROW -> Preload.start("org.apache.arrow.vector.types.pojo.Schema");
            default -> {
            }
        }
        Thread cleanup = new Thread(() -> deleteQuietly(part), "convert-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        boolean done = false;
        try {
            RecordScan.Result scanned;
            // CSV has one header: records whose counts or alternatives differ are read twice,
            // first for the columns any of them has, then for the rows under those columns.
            RecordFormat.CsvColumns csvColumns = format == Format.CSV && reader.dynamic() ? csvColumns(source, reader, offset, progress) : null;
            try (ColumnarOut writer = csvColumns != null ? new TextOut(part, csvColumns)
                    : open(format, schema == null ? null : new RowFeeder(schema, reader), part)) {
                scanned = RecordScan.scan(source, reader, offset, writer, progress);
                if (scanned.records() == 0) {
                    writer.noRecords(reader);
                }
            }
            AtomicFile.install(part, out);
            done = true;
            return new Result(scanned.records(), scanned.trailingBytes(), scanned.warnings());
        } catch (IOException | UncheckedIOException e) {
            throw new InputException("-o " + out, "writing failed: " + e.getMessage(), e);
        } finally {
            if (!done) {
                deleteQuietly(part);
            }
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running or has run; it deletes what is left.
            }
        }
    }

    private static RecordFormat.CsvColumns csvColumns(DataSource source, RecordReader reader, long offset,
                                                      RecordScan.Progress progress) {
        RecordFormat.CsvColumns columns = new RecordFormat.CsvColumns();
        RecordScan.scan(source, reader, offset, (index, at, segment, value) -> columns.add(index, at, value), progress);
        return columns;
    }

    private static ColumnarOut open(Format format, RowFeeder feeder, Path file) throws IOException {
        return switch (format) {
            case PARQUET -> new ParquetOut(feeder, file);
            case ARROW -> new ArrowOut(feeder, file);
            case CSV -> new TextOut("csv", file);
            case JSONL -> new TextOut("jsonl", file);
        };
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // Nothing more can be done for a temporary file that cannot be deleted.
        }
    }
}
