package dev.structscope.app.cli;

import dev.structscope.io.net.PcapngReader;
import dev.structscope.io.net.PcapngWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A recording far larger than the heap replays: 600,000 messages (about 55 MB of pcapng) through
 * {@code capture --replay} in a JVM limited to {@code -Xmx32m} (the reader once kept a heap entry
 * and a string per message and died here), and random access lands on the right message.
 */
class LargeRecordingTest {
    private static final int N = 600_000;

    @TempDir
    Path dir;

    @Test
    void replaysInAHeapSmallerThanItsIndexWouldBe() throws Exception {
        Path rec = dir.resolve("big.pcapng");
        try (PcapngWriter w = new PcapngWriter(rec); Arena arena = Arena.ofConfined()) {
            MemorySegment m = arena.allocate(16);
            for (int i = 0; i < N; i++) {
                m.set(ValueLayout.JAVA_INT_UNALIGNED, 0, i);
                m.set(ValueLayout.JAVA_INT_UNALIGNED, 4, -i);
                m.set(ValueLayout.JAVA_DOUBLE_UNALIGNED, 8, i / 2.0);
                w.write(i, 1_700_000_000_000_000_000L + i * 1000L, "127.0.0.1:" + (40000 + i % 7), m);
            }
        }
        try (PcapngReader r = new PcapngReader(rec)) {
            assertEquals(N, r.messageCount());
            Random rnd = new Random(3);
            for (int k = 0; k < 2000; k++) {
                int i = k < 1000 ? rnd.nextInt(N) : N - 1 - (k - 1000) * 3; // random, then backwards
                var msg = r.message(i);
                assertEquals(i, msg.bytes().get(ValueLayout.JAVA_INT_UNALIGNED, 0));
                assertEquals(1_700_000_000_000_000_000L + i * 1000L, msg.epochNanos());
                assertEquals("127.0.0.1:" + (40000 + i % 7), msg.peer());
            }
        }
        Path h = dir.resolve("p.h");
        Files.writeString(h, "struct P { int x, y; double z; };\n");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx32m", "-cp", System.getProperty("java.class.path"),
                "dev.structscope.app.Main", "capture", h.toString(), "--type", "P", "--replay", rec.toString(),
                "--format", "none").redirectError(dir.resolve("err.txt").toFile()).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(300, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), Files.readString(dir.resolve("err.txt")));
        String err = Files.readString(dir.resolve("err.txt"));
        assertTrue((out + err).contains("messages=600000 "), out + err);
    }
}
