package dev.structscope.app.hexview;

import dev.structscope.io.edit.EditOverlay;
import dev.structscope.io.source.DataSource;
import dev.structscope.io.source.Sources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Typing over bytes as a view model, without a toolkit: nibbles, insert mode, undo steps, refusals. */
class DataEditsTest {
    @TempDir
    Path dir;

    private static byte[] bytes(DataSource s, long at, int n) {
        return s.slice(at, n).toArray(ValueLayout.JAVA_BYTE);
    }

    @Test
    void twoHexDigitsMakeOneByteAndOneUndoStep() throws Exception {
        Path f = dir.resolve("d.bin");
        Files.write(f, new byte[] {0x10, 0x11, 0x12, 0x13});
        HexViewModel hex = new HexViewModel();
        DataEdits edits = new DataEdits(hex);
        try (DataSource base = Sources.open(f)) {
            DataSource s = edits.attach(base, f, DataEdits.Access.probe(f));
            hex.source.set(s);
            hex.moveTo(1, false);
            assertTrue(edits.typeHex('a'));
            assertArrayEquals(new byte[] {(byte) 0xA1}, bytes(s, 1, 1), "the high nibble first");
            assertEquals(1, hex.caret(), "the caret waits for the low nibble");
            assertTrue(edits.typeHex('B'));
            assertArrayEquals(new byte[] {(byte) 0xAB}, bytes(s, 1, 1));
            assertEquals(2, hex.caret());
            assertFalse(edits.typeHex('g'), "not a hex digit");
            assertEquals(List.of(new EditOverlay.Range(1, 1)), edits.changedRanges(0, 4));
            assertEquals("Changed: 1 byte at 0x1 · not saved", edits.message.get());
            assertTrue(edits.undo());
            assertFalse(edits.modified.get(), "one byte typed, one step undone");
            assertArrayEquals(new byte[] {0x10, 0x11, 0x12, 0x13}, bytes(s, 0, 4));
            // What the message under the bytes says follows undo and redo (it named the undone edit).
            assertEquals("Undone: 1 byte at 0x1 · as saved", edits.message.get());
            assertTrue(edits.redo());
            assertEquals("Redone: 1 byte at 0x1 · not saved", edits.message.get());
            edits.insertMode.set(true);
            hex.moveTo(0, false);
            edits.typeChar('Z');
            assertEquals("Changed: 1 byte inserted at 0x0 · not saved", edits.message.get());
            assertArrayEquals(new byte[] {'Z', 0x10, (byte) 0xAB, 0x12, 0x13}, bytes(s, 0, 5));
            assertFalse(edits.typeChar('€'), "not one Latin-1 byte");
            assertTrue(edits.message.get().contains("Latin-1"), edits.message.get());
            long size = s.size();
            assertFalse(edits.insert(size + 10, new byte[] {1}), "an insert past the end is refused, and says so");
            assertTrue(edits.message.get().startsWith("Cannot edit"), edits.message.get());
            assertFalse(edits.write(size + 10, new byte[] {1}), "so is a write past the end");
            assertEquals(size, s.size(), "nothing was added");
            edits.detach();
            edits.closeRetired();
        }
        assertArrayEquals(new byte[] {0x10, 0x11, 0x12, 0x13}, Files.readAllBytes(f), "never written without a save");
    }

    @Test
    void bytesThatAreNotAFileAreRefusedWithTheReason() {
        HexViewModel hex = new HexViewModel();
        DataEdits edits = new DataEdits(hex);
        DataSource s = edits.attach(Sources.of("message", new byte[8]), null, null);
        hex.source.set(s);
        assertFalse(edits.typeHex('f'));
        assertTrue(edits.message.get().startsWith("Cannot edit: these bytes are not a file"),
                edits.message.get());
        assertFalse(edits.write(0, new byte[] {1}));
        assertArrayEquals(new byte[8], bytes(s, 0, 8));
    }
}
