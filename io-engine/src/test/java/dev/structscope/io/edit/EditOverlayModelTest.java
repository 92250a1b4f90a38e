package dev.structscope.io.edit;

import dev.structscope.io.source.DataSource;
import dev.structscope.io.source.Sources;
import dev.structscope.io.write.Expected;
import dev.structscope.io.write.Journal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The piece table against the plainest model there is, a byte array rebuilt on every edit:
 * random overwrite/insert/delete sequences with undo and redo, reads of random ranges (inside one
 * piece and across pieces), and both saves (in place when the size is unchanged, streamed and
 * renamed otherwise): the saved file equals the model byte for byte.
 */
class EditOverlayModelTest {
    @TempDir
    Path dir;

    @Test
    void randomEditsUndoRedoAndSavesMatchTheModel() throws Exception {
        long seed = Long.getLong("overlay.seed", System.nanoTime() % 1_000_000);
        Random rnd = new Random(seed);
        for (int round = 0; round < 40; round++) {
            byte[] start = new byte[rnd.nextInt(3000)];
            rnd.nextBytes(start);
            Path file = Files.write(dir.resolve("f" + round + ".bin"), start);
            Expected opened = Expected.of(file);
            byte[] model;
            try (DataSource base = Sources.open(file)) {
                EditOverlay o = new EditOverlay(base);
                model = start.clone();
                Deque<byte[]> undo = new ArrayDeque<>();
                Deque<byte[]> redo = new ArrayDeque<>();
                boolean sameSizeOnly = round % 2 == 0; // half the rounds exercise the in-place save
                OverlayContent held = o.content();
                byte[] heldModel = model;
                for (int step = 0; step < 200; step++) {
                    String what = "seed " + seed + " round " + round + " step " + step;
                    int op = rnd.nextInt(sameSizeOnly ? 3 : 6);
                    int at = rnd.nextInt(model.length + 1);
                    byte[] bytes = new byte[1 + rnd.nextInt(40)];
                    rnd.nextBytes(bytes);
                    byte[] next = null;
                    switch (op) {
                        case 0 -> {
                            if (sameSizeOnly) {
                                bytes = Arrays.copyOf(bytes, Math.min(bytes.length, model.length - at));
                            }
                            if (bytes.length > 0) {
                                o.overwrite(at, bytes);
                                next = Arrays.copyOf(model, Math.max(model.length, at + bytes.length));
                                System.arraycopy(bytes, 0, next, at, bytes.length);
                            }
                        }
                        case 1 -> model = undoOrRedo(o.undo(), undo, redo, model, what);
                        case 2 -> model = undoOrRedo(o.redo(), redo, undo, model, what);
                        case 3 -> {
                            o.insert(at, bytes);
                            ByteArrayOutputStream b = new ByteArrayOutputStream();
                            b.write(model, 0, at);
                            b.write(bytes);
                            b.write(model, at, model.length - at);
                            next = b.toByteArray();
                        }
                        default -> {
                            int n = 1 + rnd.nextInt(Math.min(60, model.length - at) + 1);
                            if (n > model.length - at) {
                                break; // nothing to delete at the end (deleting 0 bytes is no edit)
                            }
                            o.delete(at, n);
                            ByteArrayOutputStream b = new ByteArrayOutputStream();
                            b.write(model, 0, at);
                            b.write(model, at + n, model.length - at - n);
                            next = b.toByteArray();
                        }
                    }
                    if (next != null) {
                        undo.push(model);
                        redo.clear();
                        model = next;
                    }
                    assertEquals(model.length, o.size(), what);
                    int from = rnd.nextInt(model.length + 1);
                    int len = rnd.nextInt(model.length - from + 1);
                    assertArrayEquals(Arrays.copyOfRange(model, from, from + len),
                            o.slice(from, len).toArray(ValueLayout.JAVA_BYTE), what);
                    // A content taken earlier (what a background reader holds) stays as it was.
                    assertArrayEquals(heldModel, held.slice(0, held.size()).toArray(ValueLayout.JAVA_BYTE), what);
                    if (step % 25 == 0) {
                        held = o.content();
                        heldModel = model;
                    }
                }
                assertArrayEquals(model, o.segment().toArray(ValueLayout.JAVA_BYTE), "seed " + seed);
                o.save(file, opened, OverlaySaver.Progress.NONE, () -> false);
            }
            assertArrayEquals(model, Files.readAllBytes(file), "saved file, seed " + seed + " round " + round);
            assertFalse(Files.exists(Journal.pathFor(file)));
            try (var files = Files.list(dir)) {
                assertEquals(0, files.filter(p -> p.getFileName().toString().endsWith(".structscope-save")).count());
            }
        }
    }

    @Test
    void aCancelledOrRefusedStreamedSaveLeavesTheFileAsItWas() throws Exception {
        byte[] start = new byte[5 << 20];
        new Random(3).nextBytes(start);
        Path file = Files.write(dir.resolve("big.bin"), start);
        Expected opened = Expected.of(file);
        try (DataSource base = Sources.open(file)) {
            EditOverlay o = new EditOverlay(base);
            o.insert(10, new byte[] {1, 2, 3});
            long[] calls = {0};
            try {
                o.save(file, opened, (done, total) -> calls[0]++, () -> calls[0] >= 2);
            } catch (java.util.concurrent.CancellationException expected) {
                // cancelled after two chunks
            }
            assertEquals(2, calls[0]);
            assertArrayEquals(start, Files.readAllBytes(file));
            // someone else changes the file: the save is refused
            Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(12345));
            try {
                o.save(file, opened, OverlaySaver.Progress.NONE, () -> false);
                throw new AssertionError("saved over a file changed on disk");
            } catch (dev.structscope.model.InputException expected) {
                assertTrue(expected.getMessage().contains("changed on disk"), expected.getMessage());
            }
            assertArrayEquals(start, Files.readAllBytes(file));
        }
    }

    @Test
    void aFileTruncatedByAnotherProcessWhileEditingIsNotOverwritten() throws Exception {
        byte[] start = new byte[3 << 20];
        new Random(4).nextBytes(start);
        for (boolean sameSize : new boolean[] {true, false}) {
            Path file = Files.write(dir.resolve("cut" + sameSize + ".bin"), start);
            Expected opened = Expected.of(file);
            try (DataSource base = Sources.open(file)) {
                EditOverlay o = new EditOverlay(base);
                if (sameSize) {
                    o.overwrite(100, new byte[] {1, 2});
                } else {
                    o.insert(100, new byte[] {1, 2});
                }
                try (var ch = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE)) {
                    ch.truncate(1000); // another program cuts the file short
                }
                var e = org.junit.jupiter.api.Assertions.assertThrows(dev.structscope.model.InputException.class,
                        () -> o.save(file, opened, OverlaySaver.Progress.NONE, () -> false));
                assertTrue(e.getMessage().contains("changed on disk"), e.getMessage());
            }
            assertArrayEquals(Arrays.copyOf(start, 1000), Files.readAllBytes(file), "the other program's file was overwritten");
        }
    }

    /**
     * The expected bytes after an undo or redo: when the overlay did one ({@code done}), the model
     * taken from {@code from} and the current one kept on {@code to}; when it did none, there was none to do.
     */
    private static byte[] undoOrRedo(boolean done, Deque<byte[]> from, Deque<byte[]> to, byte[] model, String what) {
        if (!done) {
            assertTrue(from.isEmpty(), what);
            return model;
        }
        to.push(model);
        return from.pop();
    }
}
