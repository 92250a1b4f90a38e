package dev.structscope.app.common;

import dev.structscope.model.abi.Abis;
import org.junit.jupiter.api.Test;

import java.nio.ByteOrder;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What counts as an unsaved change: the byte order does (documents save it), the selection does not. */
class DocumentTest {
    @Test
    void byteOrderChangeIsUnsavedUntilSavedOrUndone() {
        Document doc = Document.empty();
        doc.apply(doc.state.get().withByteOrder(ByteOrder.BIG_ENDIAN));
        assertTrue(doc.dirty.get(), "a changed byte order would be lost on close");
        doc.undo();
        assertFalse(doc.dirty.get());
        doc.redo();
        doc.markSaved(Path.of("t.json"));
        assertFalse(doc.dirty.get());
        doc.apply(doc.state.get().withAbi(Abis.ARM_LINUX));
        assertTrue(doc.dirty.get());
    }

    @Test
    void selectingARecordIsNotAnEdit() {
        Document doc = Document.empty();
        doc.select("Tick");
        assertFalse(doc.dirty.get());
    }
}
