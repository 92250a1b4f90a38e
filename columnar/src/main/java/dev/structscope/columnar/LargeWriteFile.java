package dev.structscope.columnar;

import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The file a Parquet file is written to ({@link ParquetOut}), in writes of {@value #BUFFER} bytes:
 * parquet-java hands its column chunks over in pieces of 8 KiB (it goes through
 * {@code Channels.newChannel(OutputStream)}), and {@code LocalOutputFile}'s 4 KiB buffer passed
 * each piece to its own {@code write(2)} — about 100,000 system calls per gigabyte and a copy
 * into a temporary direct buffer each. Here the pieces are gathered in one direct buffer and
 * written when it is full. Used by the one thread that writes the file.
 */
final class LargeWriteFile implements OutputFile {
    static final int BUFFER = 1 << 20;

    private final Path path;

    LargeWriteFile(Path path) {
        this.path = path;
    }

    @Override
    public PositionOutputStream create(long blockSizeHint) throws IOException {
        return open(StandardOpenOption.CREATE_NEW);
    }

    @Override
    public PositionOutputStream createOrOverwrite(long blockSizeHint) throws IOException {
        return open(StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
    }

    private PositionOutputStream open(StandardOpenOption... how) throws IOException {
        StandardOpenOption[] options = new StandardOpenOption[how.length + 1];
        options[0] = StandardOpenOption.WRITE;
        System.arraycopy(how, 0, options, 1, how.length);
        return new Out(FileChannel.open(path, options));
    }

    @Override
    public boolean supportsBlockSize() {
        return false;
    }

    @Override
    public long defaultBlockSize() {
        return -1;
    }

    @Override
    public String getPath() {
        return path.toString();
    }

    private static final class Out extends PositionOutputStream {
        private final FileChannel channel;
        private final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER);
        /** Bytes written to the channel (the buffer's come after them). */
        private long flushed;
        private boolean closed;

        Out(FileChannel channel) {
            this.channel = channel;
        }

        @Override
        public long getPos() {
            return flushed + buffer.position();
        }

        @Override
        public void write(int b) throws IOException {
            if (!buffer.hasRemaining()) {
                drain();
            }
            buffer.put((byte) b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            java.util.Objects.checkFromIndexSize(off, len, b.length);
            while (len > 0) {
                if (!buffer.hasRemaining()) {
                    drain();
                }
                int n = Math.min(len, buffer.remaining());
                buffer.put(b, off, n);
                off += n;
                len -= n;
            }
        }

        private void drain() throws IOException {
            buffer.flip();
            while (buffer.hasRemaining()) {
                flushed += channel.write(buffer);
            }
            buffer.clear();
        }

        @Override
        public void flush() throws IOException {
            drain();
        }

        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            try (channel) {
                drain();
            }
        }
    }
}
