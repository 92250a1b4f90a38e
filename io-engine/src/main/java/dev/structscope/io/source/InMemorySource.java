package dev.structscope.io.source;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Objects;

/**
 * Bytes held in native memory owned by this source: a copy of a buffer, for tests, pasted data
 * and captured messages. It keeps the whole {@link DataSource} contract, including views that
 * stop working after {@link #close()} (the copy lives in a shared arena this source closes).
 * Thread-safe for reads.
 */
public final class InMemorySource implements DataSource {
    private final String name;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment bytes;

    /** Copies {@code content} (any segment, heap or native) into memory this source owns. */
    public InMemorySource(String name, MemorySegment content) {
        this.name = Objects.requireNonNull(name);
        MemorySegment copy = arena.allocate(Math.max(1, content.byteSize()), 16)
                .asSlice(0, content.byteSize());
        copy.copyFrom(content);
        this.bytes = copy.asReadOnly();
    }

    public InMemorySource(String name, byte[] content) {
        this(name, MemorySegment.ofArray(content));
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
        Sources.checkRange(name, bytes.byteSize(), offset, length);
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
