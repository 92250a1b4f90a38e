package dev.structscope.io.net.live;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * Where the live monitor keeps message bodies: native memory, never {@code byte[]}. Bodies are
 * copied once out of the capture's receive buffer (which is reused for the next message) into
 * 1 MiB slabs from automatic arenas, bump-allocated; a slab is freed by the garbage collector
 * once the store has evicted, and the table dropped, every message in it. So native memory in use
 * stays within the store's budget plus about one slab. Bodies larger than a quarter slab get an
 * arena of their own. Owned by the capture thread of one session.
 */
final class NativeSlabs {
    static final long SLAB = 1 << 20;
    private MemorySegment slab;
    private long used;

    /** A read-only native copy of {@code src}. */
    MemorySegment copy(MemorySegment src) {
        long n = src.byteSize();
        MemorySegment dst;
        if (n > SLAB / 4) {
            dst = Arena.ofAuto().allocate(Math.max(1, n), 8).asSlice(0, n);
        } else {
            if (slab == null || used + n > SLAB) {
                slab = Arena.ofAuto().allocate(SLAB, 8);
                used = 0;
            }
            dst = slab.asSlice(used, n);
            used += (n + 7) & ~7L;
        }
        MemorySegment.copy(src, 0, dst, 0, n);
        return dst.asReadOnly();
    }
}
