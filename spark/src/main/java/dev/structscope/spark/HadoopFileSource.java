package dev.structscope.spark;

import dev.structscope.io.source.DataSource;
import dev.structscope.model.InputException;
import org.apache.hadoop.fs.FSDataInputStream;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * A file of a Hadoop file system other than the local one (HDFS, S3, ...) read whole into native
 * memory, in large blocks: the source of a file of dynamic records, which one task reads from
 * start to end (record boundaries are known only by reading). Files of fixed-size records are not
 * read this way but a split at a time ({@link BlockReader}). Holds the file's bytes until closed.
 *
 * <p>Owned by one partition reader; readable from any thread, closed by its owner.
 */
final class HadoopFileSource implements DataSource {
    private final String name;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment bytes;

    HadoopFileSource(String name, FSDataInputStream in, long size) {
        this.name = name;
        try {
            MemorySegment all = arena.allocate(Math.max(1, size), 16).asSlice(0, size);
            BlockReader.readFully(in, 0, all, name);
            bytes = all.asReadOnly();
        } catch (RuntimeException e) {
            arena.close();
            throw e;
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long size() {
        ensureOpen();
        return bytes.byteSize();
    }

    @Override
    public MemorySegment slice(long offset, long length) {
        ensureOpen();
        if (offset < 0 || length < 0 || offset > bytes.byteSize() || length > bytes.byteSize() - offset) {
            throw new InputException(name + ": byte offset " + offset, length + " bytes from byte offset "
                    + offset + " run past the end of the data (" + bytes.byteSize() + " bytes)");
        }
        return bytes.asSlice(offset, length);
    }

    @Override
    public void checkUnchanged() {
        ensureOpen();
    }

    @Override
    public synchronized void close() {
        if (arena.scope().isAlive()) {
            arena.close();
        }
    }

    private void ensureOpen() {
        if (!arena.scope().isAlive()) {
            throw new IllegalStateException(name + ": source is closed");
        }
    }
}
