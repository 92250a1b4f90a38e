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
public final class InMemorySource extends ArenaSource {
    /** Copies {@code content} (any segment, heap or native) into memory this source owns. */
    public InMemorySource(String name, MemorySegment content) {
        this(name, content.byteSize(), copy -> copy.copyFrom(content));
    }

    private InMemorySource(String name, long size, Consumer<MemorySegment> fill) {
        Objects.requireNonNull(name);
        Arena arena = Arena.ofShared();
        MemorySegment all;
        try {
            all = arena.allocate(Math.max(1, size), 16).asSlice(0, size);
            fill.accept(all);
        } catch (RuntimeException | Error e) {
            arena.close();
            throw e;
        }
        super(name, arena, all);
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
    public void checkUnchanged() {
        ensureOpen();
    }
}
