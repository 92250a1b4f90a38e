package dev.structscope.tests.gui;

import dev.structscope.app.binary.BinaryImportDialog;
import dev.structscope.app.binary.BinaryImportViewModel;
import dev.structscope.model.layout.LayoutEngine;
import dev.structscope.tests.hexview.Gcc;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * File ▸ Import from Binary… as a person uses it: the dialog opens from the menu, a gcc object
 * built for i386 fills the list (read off the FX thread), typing in the filter narrows it, and
 * Import brings the chosen struct into the document with the compiler's offsets and the binary's
 * ABI.
 */
class BinaryImportGuiTest extends GuiTest {
    @TempDir
    Path dir;

    private void waitFor(java.util.function.BooleanSupplier done) {
        for (int i = 0; i < 800 && !done.getAsBoolean(); i++) {
            sleep(25);
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertTrue(done.getAsBoolean(), "timed out");
    }

    @Test
    void filterAndImportAStructFromAnObject() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/gcc")), "gcc is not installed");
        Files.writeString(dir.resolve("wire.c"), """
                #include <stdint.h>
                struct WireHeader { uint8_t version; uint32_t length; double stamp; };
                struct WireTrailer { uint16_t crc; };
                struct Unrelated { int x; };
                struct WireHeader h; struct WireTrailer t; struct Unrelated u;
                """);
        Gcc.run(dir, List.of("gcc", "-m32", "-g", "-c", "-o", "wire.o", "wire.c"));

        clickOn("_File"); // the menu's text holds its mnemonic
        clickOn("Import from Binary…");
        BinaryImportDialog d = (BinaryImportDialog) lookup(".binary-import-dialog").query().getProperties()
                .get(BinaryImportDialog.class);
        interact(() -> d.load(dir.resolve("wire.o"))); // what "Choose Binary…" does with the chosen file
        @SuppressWarnings("unchecked")
        ListView<BinaryImportViewModel.Entry> list = lookup("#binary-types").queryAs(ListView.class);
        waitFor(() -> list.getItems().size() == 3);
        clickOn("#binary-filter").write("wire");
        waitFor(() -> list.getItems().size() == 2);
        assertEquals("2 of 3", lookup("#binary-count").queryAs(Label.class).getText());
        clickOn("struct WireHeader  (16 bytes)");
        clickOn("#binary-import");
        waitFor(() -> vm.document.state.get().library().findRecord("WireHeader").isPresent());
        var state = vm.document.state.get();
        assertEquals("i386-linux", state.abi().name());
        assertTrue(state.library().findRecord("Unrelated").isEmpty());
        // i386: the double is 4-aligned
        assertEquals(8, LayoutEngine.layout("WireHeader", state.library(), state.abi()).fields().get(2).offset());
        assertTrue(vm.status.get().startsWith("Imported 1 record"), vm.status.get());
    }
}
