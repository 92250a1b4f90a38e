package dev.structscope.io.source;

import dev.structscope.model.InputException;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@link DataSource} contract; every implementation has a subclass that only says how to
 * open a source over given bytes.
 */
abstract class DataSourceContractTest {

    /** A source whose bytes are exactly {@code content}. */
    abstract DataSource open(byte[] content) throws Exception;

    static byte[] randomBytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    @Test
    void sizeAndContentMatch() throws Exception {
        byte[] content = randomBytes(10_000, 1);
        try (DataSource s = open(content)) {
            assertEquals(content.length, s.size());
            assertArrayEquals(content, s.segment().toArray(ValueLayout.JAVA_BYTE));
            MemorySegment mid = s.slice(1234, 100);
            assertEquals(100, mid.byteSize());
            for (int i = 0; i < 100; i++) {
                assertEquals(content[1234 + i], mid.get(ValueLayout.JAVA_BYTE, i));
            }
        }
    }

    @Test
    void viewsAreReadOnly() throws Exception {
        try (DataSource s = open(randomBytes(64, 2))) {
            assertTrue(s.slice(0, 64).isReadOnly());
        }
    }

    @Test
    void boundsAreChecked() throws Exception {
        try (DataSource s = open(randomBytes(100, 3))) {
            assertEquals(0, s.slice(100, 0).byteSize());
            assertEquals(1, s.slice(99, 1).byteSize());
            InputException past = assertThrows(InputException.class, () -> s.slice(99, 2));
            assertTrue(past.oneLine().contains("byte offset 99"), past.oneLine());
            assertThrows(InputException.class, () -> s.slice(101, 0));
            assertThrows(InputException.class, () -> s.slice(-1, 1));
            assertThrows(InputException.class, () -> s.slice(0, -1));
            assertThrows(InputException.class, () -> s.slice(Long.MAX_VALUE, 1));
            assertThrows(InputException.class, () -> s.slice(1, Long.MAX_VALUE));
        }
    }

    @Test
    void closedSourceAndItsViewsRefuseReads() throws Exception {
        DataSource s = open(randomBytes(100, 4));
        MemorySegment view = s.slice(0, 10);
        s.close();
        s.close(); // twice is harmless
        assertThrows(IllegalStateException.class, s::size);
        assertThrows(IllegalStateException.class, () -> s.slice(0, 1));
        assertThrows(IllegalStateException.class, s::checkUnchanged);
        assertThrows(IllegalStateException.class, () -> view.get(ValueLayout.JAVA_BYTE, 0));
    }

    @Test
    void concurrentReadersSeeTheSameBytes() throws Exception {
        byte[] content = randomBytes(1 << 20, 5);
        long expected = 0;
        for (byte b : content) {
            expected += b;
        }
        try (DataSource s = open(content); ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<Long>> sums = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                sums.add(pool.submit(() -> {
                    long sum = 0;
                    MemorySegment all = s.segment();
                    for (long i = 0; i < all.byteSize(); i++) {
                        sum += all.get(ValueLayout.JAVA_BYTE, i);
                    }
                    return sum;
                }));
            }
            for (Future<Long> f : sums) {
                assertEquals(expected, f.get());
            }
        }
    }
}
