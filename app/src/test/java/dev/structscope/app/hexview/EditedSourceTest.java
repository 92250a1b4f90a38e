package dev.structscope.app.hexview;

import dev.structscope.app.fields.Content;
import dev.structscope.app.fields.Window;
import dev.structscope.io.edit.EditOverlay;
import dev.structscope.io.source.DataSource;
import dev.structscope.io.source.Sources;
import dev.structscope.model.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What decoders read while a file is edited: the whole segment always equals the overlay's bytes. */
class EditedSourceTest {
    @TempDir
    Path dir;

    private static byte[] all(DataSource s) {
        return s.segment().toArray(ValueLayout.JAVA_BYTE);
    }

    private static byte[] slices(DataSource s) {
        return s.slice(0, s.size()).toArray(ValueLayout.JAVA_BYTE);
    }

    @Test
    void randomOverwritesUndosAndRedosShowInTheSegmentAndNeverReachTheFile() throws Exception {
        Path file = dir.resolve("d.bin");
        byte[] original = new byte[50_000];
        new Random(1).nextBytes(original);
        Files.write(file, original);
        Random rnd = new Random(2);
        try (DataSource base = Sources.open(file)) {
            EditedSource s = new EditedSource(new EditOverlay(base), file, java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.READ, java.nio.file.StandardOpenOption.WRITE));
            for (int step = 0; step < 300; step++) {
                int op = rnd.nextInt(10);
                if (op < 6) {
                    byte[] b = new byte[1 + rnd.nextInt(40)];
                    rnd.nextBytes(b);
                    s.overlay().overwrite(rnd.nextInt(original.length - b.length), b);
                } else if (op < 8) {
                    s.overlay().undo();
                } else {
                    s.overlay().redo();
                }
                s.edited();
                assertTrue(s.overlay().inPlace());
                assertArrayEquals(slices(s), all(s), "step " + step);
            }
            while (s.overlay().undo()) {
                s.edited();
            }
            assertArrayEquals(original, all(s), "all undone: the base's bytes again");
            s.close();
        }
        assertArrayEquals(original, Files.readAllBytes(file), "the file was never written");
    }

    @Test
    void afterAnInsertTheSegmentIsTheShiftedContentAndLargeFilesAreReadInWindows() throws Exception {
        Path file = dir.resolve("small.bin");
        Files.write(file, new byte[] {1, 2, 3, 4});
        try (DataSource base = Sources.open(file)) {
            EditedSource s = new EditedSource(new EditOverlay(base), file, java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.READ, java.nio.file.StandardOpenOption.WRITE));
            s.overlay().insert(2, new byte[] {9});
            s.edited();
            assertArrayEquals(new byte[] {1, 2, 9, 3, 4}, all(s));
            assertEquals(5, s.size());
            s.close();
        }
        Path big = dir.resolve("big.bin");
        try (var f = new java.io.RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(Content.MAX_COPY + 10);
            f.seek(Content.MAX_COPY);
            f.write(7);
        }
        try (DataSource base = Sources.open(big)) {
            EditedSource s = new EditedSource(new EditOverlay(base), big, java.nio.channels.FileChannel.open(big, java.nio.file.StandardOpenOption.READ, java.nio.file.StandardOpenOption.WRITE));
            s.overlay().delete(0, 1);
            s.edited();
            assertEquals(Content.MAX_COPY + 9, s.segment().byteSize(), "one piece: a view of the mapping, not a copy");
            s.overlay().insert(1, new byte[] {5});
            s.edited();
            InputException e = assertThrows(InputException.class, s::segment, "the whole is never copied");
            assertTrue(e.getMessage().contains("save"), e.getMessage());
            Window w = s.content().window(Content.MAX_COPY, 1);
            assertEquals(7, w.segment().get(ValueLayout.JAVA_BYTE, w.at(Content.MAX_COPY)), "windows read the shifted bytes");
            s.close();
        }
    }
}
