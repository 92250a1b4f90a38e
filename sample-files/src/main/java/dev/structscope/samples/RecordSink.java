package dev.structscope.samples;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file of fixed-size records through one direct little-endian buffer, whatever the
 * file's size: put each record, whole, into {@link #next()}; {@link #close()} writes the rest.
 * What {@link RecordFileGenerator} and the big-file tests write their records with. One thread.
 */
public final class RecordSink implements Closeable {
    /** Records the buffer holds: 4 MiB of 32-byte records. */
    private static final int RECORDS_PER_BUFFER = 131072;

    private final FileChannel ch;
    private final ByteBuffer buf;

    /** Creates {@code out}, or empties it, for records of {@code recordSize} bytes. */
    public RecordSink(Path out, int recordSize) throws IOException {
        buf = ByteBuffer.allocateDirect(recordSize * RECORDS_PER_BUFFER).order(ByteOrder.LITTLE_ENDIAN);
        ch = FileChannel.open(out, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
    }

    /** The buffer to put the next record in; a full buffer is written out first. */
    public ByteBuffer next() throws IOException {
        if (!buf.hasRemaining()) {
            drain();
        }
        return buf;
    }

    private void drain() throws IOException {
        buf.flip();
        while (buf.hasRemaining()) {
            ch.write(buf);
        }
        buf.clear();
    }

    /** Writes what the buffer still holds and closes the file. */
    @Override
    public void close() throws IOException {
        try (ch) {
            drain();
        }
    }
}
