package dev.structscope.io.net;

import dev.structscope.model.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Recordings: written as pcapng, read back by our reader and by Wireshark's tshark. */
class PcapngTest {
    @TempDir
    Path dir;

    private Path record(int n) throws Exception {
        Path file = dir.resolve("cap.pcapng");
        try (PcapngWriter w = new PcapngWriter(file); Arena a = Arena.ofConfined()) {
            for (int i = 0; i < n; i++) {
                MemorySegment m = a.allocate(5 + i);
                m.fill((byte) i);
                w.write(i, 1_700_000_000_123_456_789L + i, "127.0.0.1:" + (4000 + i), m);
            }
        }
        return file;
    }

    @Test
    void replaysEveryMessageWithItsTimeAndPeer() throws Exception {
        try (PcapngReader r = new PcapngReader(record(7))) {
            assertEquals(7, r.messageCount());
            for (int i = 0; i < 7; i++) {
                Message m = r.message(i);
                assertEquals(5 + i, m.bytes().byteSize());
                byte[] expected = new byte[5 + i];
                java.util.Arrays.fill(expected, (byte) i);
                assertArrayEquals(expected, m.bytes().toArray(ValueLayout.JAVA_BYTE));
                assertEquals(1_700_000_000_123_456_789L + i, m.epochNanos());
                assertEquals("127.0.0.1:" + (4000 + i), m.peer());
            }
        }
    }

    @Test
    void tsharkListsEveryMessage() throws Exception {
        assumeTrue(onPath("tshark"), "tshark is not installed");
        Path file = record(4);
        Process p = new ProcessBuilder("tshark", "-r", file.toString(), "-T", "fields", "-e", "frame.len",
                "-e", "frame.time_epoch", "-e", "frame.comment").redirectErrorStream(false).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        List<String> lines = out.lines().toList();
        assertEquals(4, lines.size(), out);
        for (int i = 0; i < 4; i++) {
            String[] cols = lines.get(i).split("\t");
            assertEquals(String.valueOf(5 + i), cols[0]);
            assertEquals(String.format("1700000000.%09d", 123_456_789 + i), cols[1]);
            assertTrue(cols[2].contains("peer=127.0.0.1:" + (4000 + i)), cols[2]);
        }
    }

    @Test
    void aTruncatedRecordingIsOneClearError() throws Exception {
        Path file = record(3);
        byte[] all = Files.readAllBytes(file);
        Path cut = dir.resolve("cut.pcapng");
        Files.write(cut, java.util.Arrays.copyOf(all, all.length - 10));
        InputException e = assertThrows(InputException.class, () -> new PcapngReader(cut));
        assertTrue(e.where().startsWith(cut + " @"), e.where());
    }

    @Test
    void aFileThatIsNotPcapngIsRefused() throws Exception {
        Path junk = dir.resolve("junk.bin");
        Files.write(junk, new byte[64]);
        InputException e = assertThrows(InputException.class, () -> new PcapngReader(junk));
        assertTrue(e.getMessage().contains("not a pcapng file"), e.getMessage());
    }

    private static boolean onPath(String tool) {
        try {
            return new ProcessBuilder("which", tool).start().waitFor() == 0;
        } catch (Exception e) {
            return false;
        }
    }
}
