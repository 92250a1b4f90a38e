package dev.structscope.columnar;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reused page buffers of the Parquet writer's page stores. */
class PageBuffersTest {
    @Test
    void sizeClassesHoldTheSizeWithinAnEighthAndAreStable() {
        for (int size = 1; size < 3_000_000; size += size < 10_000 ? 1 : 97) {
            int cap = PageBuffers.capacity(size);
            assertTrue(cap >= size, "size " + size);
            assertTrue(size <= 4096 ? cap == 4096 : cap <= size + size / 8 + 1, "size " + size + " got " + cap);
            assertEquals(cap, PageBuffers.capacity(cap), "size " + size);
        }
    }

    @Test
    void aBufferHasExactlyItsSizeAndIsReusedForASizeOfItsClassOnly() {
        PageBuffers pool = new PageBuffers(1 << 20);
        ByteBuffer a = pool.allocate(100_000);
        assertEquals(0, a.position());
        assertEquals(100_000, a.remaining());
        assertFalse(a.isDirect());
        a.put(new byte[100_000]).flip();
        pool.release(a);
        ByteBuffer b = pool.allocate(99_000);
        assertSame(a, b);
        assertEquals(0, b.position());
        assertEquals(99_000, b.remaining());
        pool.release(b);
        ByteBuffer c = pool.allocate(60_000);
        assertNotSame(a, c);
        assertEquals(60_000, c.remaining());
    }

    @Test
    void keepsNoMoreThanItsBound() {
        int size = 100_000;
        int cap = PageBuffers.capacity(size);
        int bound = 5 * cap + cap / 2;
        PageBuffers pool = new PageBuffers(bound);
        List<ByteBuffer> first = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            first.add(pool.allocate(size));
        }
        first.forEach(pool::release);
        Set<ByteBuffer> old = Collections.newSetFromMap(new IdentityHashMap<>());
        old.addAll(first);
        int reused = 0;
        for (int i = 0; i < 20; i++) {
            if (old.contains(pool.allocate(size))) {
                reused++;
            }
        }
        assertEquals(5, reused);
    }
}
