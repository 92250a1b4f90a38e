package dev.structscope.app.cli;

import dev.structscope.model.InputException;

import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * What the commands that read or write the records of a data file take: the
 * record type ({@link RecordArgs}: LAYOUT, {@code --type}, {@code --abi}, {@code --byte-order}),
 * DATA (the second positional) and {@code --offset} of the first record; and the messages about
 * where records lie in DATA that those commands share.
 */
final class RecordFileArgs {
    final RecordArgs record = new RecordArgs();
    Path file;
    long offset;

    void declare(CliSpec s) {
        record.declare(s);
        s.positional(1, "DATA", Path.class, v -> file = v, "The file holding the records.");
        s.option("--offset", "N", long.class, new ByteOffset(), v -> offset = v,
                "Byte offset of the first record (default 0; 0x for hex).");
    }

    /** A byte offset as people write them: decimal, or hexadecimal after 0x (as the window's Go to takes them). */
    static final class ByteOffset implements picocli.CommandLine.ITypeConverter<Long> {
        @Override
        public Long convert(String text) {
            String t = text.strip();
            boolean hex = t.regionMatches(true, 0, "0x", 0, 2);
            try {
                return hex ? Long.parseLong(t.substring(2), 16) : Long.parseLong(t);
            } catch (NumberFormatException e) {
                throw new picocli.CommandLine.TypeConversionException("'" + text
                        + "' is not a byte offset (a whole number, or hexadecimal after 0x)");
            }
        }
    }

    /** Record {@code index}, {@code recordSize} bytes from byte {@code at}, does not fit in DATA's {@code dataSize} bytes. */
    InputException pastEnd(long index, long recordSize, long at, long dataSize) {
        return new InputException(file + ": byte offset " + at, "record " + index + " (" + recordSize
                + " bytes from byte offset " + at + ") runs past the end of the data (" + dataSize + " bytes)");
    }

    /** Says on {@code err} that {@code bytes} after the last whole record were left; {@code rest} says how. */
    void warnTrailing(PrintWriter err, long bytes, String rest) {
        if (bytes > 0) {
            err.println("structscope: " + file + ": " + bytes + " trailing bytes after the last whole record " + rest);
        }
    }
}
