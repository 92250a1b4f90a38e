package dev.structscope.columnar;

import dev.structscope.io.decode.RecordFormat;
import dev.structscope.io.decode.RecordValue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code convert --to csv|jsonl}: the rows as text, through the one flat writer of each format
 * ({@link RecordFormat#flat}), into a buffered file. Used by one thread.
 */
final class TextOut implements ColumnarOut {
    private final PrintWriter out;
    private final RecordFormat format;

    TextOut(String name, Path file) throws IOException {
        this(file, out -> RecordFormat.flat(name, out));
    }

    /** CSV under columns decided beforehand ({@link RecordFormat.CsvColumns}): records of several shapes. */
    TextOut(Path file, RecordFormat.CsvColumns csvColumns) throws IOException {
        this(file, csvColumns::writer);
    }

    private TextOut(Path file, java.util.function.Function<PrintWriter, RecordFormat> format) throws IOException {
        // The text is plain ASCII (JSON escapes) or ISO-8859-1 bytes of char arrays (CSV); UTF-8
        // keeps both readable by every tool.
        this.out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file),
                StandardCharsets.UTF_8), 1 << 16), false);
        this.format = format.apply(out);
        this.format.begin();
    }

    @Override
    public void record(long index, long offset, MemorySegment segment, RecordValue value) {
        format.record(index, offset, value);
    }

    @Override
    public void noRecords(dev.structscope.io.decode.RecordReader reader) {
        format.noRecords(reader);
    }

    @Override
    public void close() throws IOException {
        format.end();
        out.close();
        if (out.checkError()) {
            throw new IOException("writing failed");
        }
    }
}
