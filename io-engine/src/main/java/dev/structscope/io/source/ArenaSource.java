package dev.structscope.io.source;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Objects;

/**
 * A source whose bytes are one read-only segment in a shared arena that the source owns: the size,
 * the bounds-checked slices and the closed check of both kinds are written here once. Closing
 * closes the arena, so views handed out before then become inaccessible (reads raise
 * {@link IllegalStateException}) rather than touching freed or unmapped memory. Shared because
 * views are read from background threads and fork-join pools; thread-safe for reads.
 */
abstract sealed class ArenaSource implements DataSource permits InMemorySource, MappedFileSource {
    private final String name;
    private final Arena arena;
    private final MemorySegment bytes;

    /** Takes ownership of {@code arena}; {@code bytes} (read-only) lives in it. */
    ArenaSource(String name, Arena arena, MemorySegment bytes) {
        this.name = Objects.requireNonNull(name);
        this.arena = arena;
        this.bytes = bytes.asReadOnly();
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final long size() {
        ensureOpen();
        return bytes.byteSize();
    }

    @Override
    public final MemorySegment slice(long offset, long length) {
        ensureOpen();
        Sources.checkRange(name, bytes.byteSize(), offset, length);
        return bytes.asSlice(offset, length);
    }

    @Override
    public final synchronized void close() {
        if (arena.scope().isAlive()) {
            arena.close();
            released();
        }
    }

    /** Frees what the source holds besides its arena, once, after the arena is closed. */
    void released() {
    }

    final void ensureOpen() {
        if (!arena.scope().isAlive()) {
            throw new IllegalStateException(name + ": source is closed");
        }
    }
}
