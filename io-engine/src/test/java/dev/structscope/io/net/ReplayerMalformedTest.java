package dev.structscope.io.net;

import dev.structscope.model.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Broken recordings: every one is either replayed or refused with an {@link InputException} that
 * names the byte offset of the bad block; nothing else escapes, nothing hangs.
 */
class ReplayerMalformedTest {
    @TempDir
    Path dir;

    private byte[] goodRecording(int n) throws Exception {
        Path file = dir.resolve("good.pcapng");
        try (PcapngWriter w = new PcapngWriter(file); Arena a = Arena.ofConfined()) {
            for (int i = 0; i < n; i++) {
                MemorySegment m = a.allocate(3 + i);
                m.fill((byte) (0x40 + i));
                w.write(i, 1_700_000_000_000_000_000L + i * 1000L, "10.0.0.1:" + i, m);
            }
        }
        return Files.readAllBytes(file);
    }

    /** Opens and replays at full speed; returns the messages, or rethrows what went wrong. */
    private long replay(byte[] bytes) throws Exception {
        Path file = Files.write(dir.resolve("t.pcapng"), bytes);
        try (Replayer r = new Replayer(file)) {
            return r.run(m -> { }, Double.POSITIVE_INFINITY).messages();
        }
    }

    @Test
    void everyTruncationIsReplayedWholeOrRefusedAtAnOffset() throws Exception {
        byte[] good = goodRecording(4);
        int full = 0;
        for (int len = 0; len < good.length; len++) {
            byte[] cut = Arrays.copyOf(good, len);
            try {
                long n = replay(cut);
                assertTrue(n < 4, "a cut file has fewer messages");
                full++;
            } catch (InputException e) {
                assertTrue(e.where().matches(".*t\\.pcapng @\\d+"), len + ": " + e.where() + ": " + e.getMessage());
            }
        }
        // Cuts exactly between blocks are valid, shorter recordings: after the section header,
        // after the interface description and after each of the first three messages.
        assertEquals(5, full);
    }

    @Test
    void aCutInTheMiddleOfAMessageNamesItsBlock() throws Exception {
        byte[] good = goodRecording(2);
        InputException e = assertThrows(InputException.class, () -> replay(Arrays.copyOf(good, good.length - 10)));
        // The last block starts where the one before it ends; its offset is named.
        int lastBlock = good.length - ByteBuffer.wrap(good, good.length - 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        assertTrue(e.where().endsWith(" @" + lastBlock), e.where());
    }

    @Test
    void corruptBytesNeverEscapeAsAnythingButInputException() throws Exception {
        byte[] good = goodRecording(3);
        Random random = new Random(42);
        for (int i = 0; i < good.length; i++) {
            for (int v : new int[] {0x00, 0xFF, 0x7F, random.nextInt(256)}) {
                byte[] bad = good.clone();
                bad[i] = (byte) v;
                try {
                    replay(bad);
                } catch (InputException expected) {
                    assertTrue(expected.where().contains("@"), i + ": " + expected.where());
                }
            }
        }
    }

    @Test
    void aSimplePacketBlockTooShortForItsHeaderIsRefused() throws Exception {
        byte[] good = goodRecording(0);
        ByteBuffer spb = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        spb.putInt(3).putInt(12).putInt(12);
        byte[] bad = Arrays.copyOf(good, good.length + 12);
        System.arraycopy(spb.array(), 0, bad, good.length, 12);
        InputException e = assertThrows(InputException.class, () -> replay(bad));
        assertTrue(e.where().endsWith(" @" + good.length), e.where());
    }
}
