package dev.structscope.spark;

import dev.structscope.model.InputException;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.StreamCapabilities;

import java.io.EOFException;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;

/**
 * A split of fixed-size records of a file on a Hadoop file system other than the local one, read
 * into native memory a large block of whole records at a time: the memory a task holds is one
 * block, whatever the split's size. The records of a block are decoded in place from it.
 *
 * <p>Owned by one partition reader; its thread only.
 */
final class BlockReader implements AutoCloseable {
    /** About this many bytes per read (rounded down to whole records, at least one). */
    static final long BLOCK_BYTES = 16L << 20;

    private final FSDataInputStream in;
    private final String name;
    private final long recordSize;
    private final Arena arena = Arena.ofConfined();
    private final MemorySegment buffer;
    private long position;
    private long recordsLeft;

    /** Reads {@code count} records of {@code recordSize} bytes from byte {@code start} of {@code in}. */
    BlockReader(FSDataInputStream in, String name, long start, long recordSize, long count) {
        this.in = in;
        this.name = name;
        this.recordSize = recordSize;
        this.position = start;
        this.recordsLeft = count;
        long perBlock = Math.max(1, Math.min(count, BLOCK_BYTES / recordSize));
        this.buffer = arena.allocate(Math.max(1, perBlock * recordSize), 16);
    }

    /** The next block of whole records, or an empty segment at the end of the split. */
    MemorySegment next() {
        long n = Math.min(recordsLeft, buffer.byteSize() / recordSize);
        MemorySegment block = buffer.asSlice(0, n * recordSize);
        readFully(in, position, block, name);
        position += block.byteSize();
        recordsLeft -= n;
        return block;
    }

    /**
     * Fills {@code into} with the bytes of {@code in} from byte {@code position}: straight into the
     * native segment where the stream can read into a buffer, through a heap chunk where not.
     */
    static void readFully(FSDataInputStream in, long position, MemorySegment into, String name) {
        try {
            if (in.hasCapability(StreamCapabilities.PREADBYTEBUFFER)) {
                for (long done = 0; done < into.byteSize(); done += Integer.MAX_VALUE - 8) {
                    long n = Math.min(into.byteSize() - done, Integer.MAX_VALUE - 8);
                    ByteBuffer bb = into.asSlice(done, n).asByteBuffer();
                    in.readFully(position + done, bb);
                }
                return;
            }
            byte[] chunk = new byte[(int) Math.min(into.byteSize(), 1 << 20)];
            for (long done = 0; done < into.byteSize(); ) {
                int n = (int) Math.min(chunk.length, into.byteSize() - done);
                in.readFully(position + done, chunk, 0, n);
                MemorySegment.copy(chunk, 0, into, java.lang.foreign.ValueLayout.JAVA_BYTE, done, n);
                done += n;
            }
        } catch (EOFException e) {
            throw new InputException(name, "file changed size: it ends before byte offset "
                    + (position + into.byteSize()) + " (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new InputException(name, "cannot be read: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        arena.close();
        try {
            in.close();
        } catch (IOException ignored) {
            // A read-only stream: nothing is lost.
        }
    }
}
