package dev.structscope.columnar;

import org.apache.parquet.bytes.ByteBufferAllocator;

import java.nio.ByteBuffer;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The heap buffers (slabs) a row group's {@link ChunkPages} keeps compressed pages in until the
 * group is written ({@link ParquetOut}), reused from group to group: allocating (and zeroing) new
 * ones cost about as much as compressing the pages into them (measured when parquet-java's page
 * store allocated one per page, and this pool first served it). Buffers are kept in size
 * classes of eighths of a power of two (so a page of 100,000 bytes gets 106,496), at most
 * {@code retainBytes} of them; beyond that a released buffer is left to the garbage collector.
 *
 * <p>Shared by the threads that build row groups (allocate) and the thread that writes them
 * (release): thread-safe.
 */
final class PageBuffers implements ByteBufferAllocator {
    private final ConcurrentHashMap<Integer, ConcurrentLinkedQueue<ByteBuffer>> free = new ConcurrentHashMap<>();
    private final AtomicLong retained = new AtomicLong();
    private final long retainBytes;

    PageBuffers(long retainBytes) {
        this.retainBytes = retainBytes;
    }

    /** The capacity a buffer of {@code size} bytes gets: {@code size} rounded up to an eighth of its power of two. */
    static int capacity(int size) {
        if (size <= 4096) {
            return 4096;
        }
        int step = Integer.highestOneBit(size - 1) >>> 3;
        long rounded = ((long) size + step - 1) / step * step;
        return (int) Math.min(Integer.MAX_VALUE - 8, rounded);
    }

    @Override
    public ByteBuffer allocate(int size) {
        int cap = capacity(size);
        ConcurrentLinkedQueue<ByteBuffer> q = free.get(cap);
        ByteBuffer b = q == null ? null : q.poll();
        if (b == null) {
            b = ByteBuffer.allocate(cap);
        } else {
            retained.addAndGet(-cap);
        }
        // Exactly size bytes remain, as in a fresh buffer of that size.
        return b.clear().limit(size);
    }

    @Override
    public void release(ByteBuffer b) {
        int cap = b.capacity();
        if (b.isDirect() || cap != capacity(cap)) {
            return;
        }
        if (retained.addAndGet(cap) > retainBytes) {
            retained.addAndGet(-cap);
            return;
        }
        free.computeIfAbsent(cap, k -> new ConcurrentLinkedQueue<>()).add(b);
    }

    @Override
    public boolean isDirect() {
        return false;
    }
}
