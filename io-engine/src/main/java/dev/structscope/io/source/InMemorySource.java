package dev.structscope.io.source;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Bytes held in native memory owned by this source: a copy of a buffer, for tests, pasted data
 * and captured messages, or bytes written straight into that memory ({@link #filled}: a file of
 * another file system read whole). It keeps the whole {@link DataSource} contract, including views that
 * stop working after {@link #close()} (the copy lives in a shared arena this source closes).
 * Thread-safe for reads.
 */
public final class InMemorySource implements DataSource {
    private final String name;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment bytes;

    /** Copies {@code content} (any segment, heap or native) into memory this source owns. */
    public InMemorySource(String name, MemorySegment content) {
        this(name, content.byteSize(), copy -> copy.copyFrom(content));
    }

    private InMemorySource(String name, long size, Consumer<MemorySegment> fill) {
        this.name = Objects.requireNonNull(name);
        try {
            MemorySegment all = arena.allocate(Math.max(1, size), 16).asSlice(0, size);
            fill.accept(all);
            this.bytes = all.asReadOnly();
        } catch (RuntimeException | Error e) {
            arena.close();
            throw e;
        }
    }

    /**
     * {@code size} bytes that {@code fill} writes, on the caller's thread, into memory this source
     * owns (so they are never copied on the way). When {@code fill} throws, the memory is freed
     * and the exception passes on.
     */
    public static InMemorySource filled(String name, long size, Consumer<MemorySegment> fill) {
        return new InMemorySource(name, size, fill);
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
