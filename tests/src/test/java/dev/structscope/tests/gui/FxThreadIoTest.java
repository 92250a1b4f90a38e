package dev.structscope.tests.gui;

import dev.structscope.app.exporter.ImportDialog;
import dev.structscope.tests.fxio.FxIoWatch;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The FX thread never touches a file: a scripted session (open a layout, open a data file, the
 * file changes on disk and is reloaded, a byte is typed and saved, import a header from a file,
 * save the layout) runs with
 * {@link FxIoWatch} as the JVM's file-system provider, and every file operation the JavaFX
 * application thread made is a failure, listed with where in the app it came from.
 *
 * <p>Runs in its own test JVM (the tests module's {@code fx-thread-io} surefire execution), the
 * only one with the detector installed.
 */
class FxThreadIoTest extends GuiTest {
    @TempDir
    Path dir;

    private void waitFor(String what, BooleanSupplier done) {
        for (int i = 0; i < 400 && !done.getAsBoolean(); i++) {
            sleep(25);
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertTrue(done.getAsBoolean(), "timed out waiting for " + what);
    }

    @Test
    void aScriptedSessionDoesNoFileIoOnTheFxThread() throws Exception {
        // The fx-thread-io execution sets the property: there a missing detector is a failure, not a skip.
        if (Boolean.getBoolean("structscope.fxio.required")) {
            assertTrue(FxIoWatch.installed(), "the detector is not the default file-system provider");
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(FxIoWatch.installed(), "runs in the fx-thread-io execution");
        Path header = dir.resolve("wire.h");
        Files.writeString(header, "#include \"inner.h\"\nstruct Wire { struct Inner in; int n; };\n");
        Files.writeString(dir.resolve("inner.h"), "struct Inner { short a; char b; };\n");
        Path data = dir.resolve("wire.bin");
        Files.write(data, new byte[4096]);
        DataPaneAccess pane = new DataPaneAccess();

        FxIoWatch.arm();
        try {
            interact(() -> vm.open(header, "Wire", null));
            settle();
            waitFor("the layout", () -> vm.document.state.get().library().findRecord("Wire").isPresent());

            interact(() -> vm.setDataFile(data));
            waitFor("the data file", () -> pane.size() == 4096);

            Files.write(data, new byte[100], StandardOpenOption.APPEND);
            waitFor("the changed-on-disk banner", () -> pane.hex().bannerShown());
            clickOn("Reload");
            waitFor("the reloaded file", () -> pane.size() == 4196);

            // Type two hex digits over byte 0 and Save Data: checked, journaled and written off the FX thread.
            interact(() -> {
                pane.hex().model.moveTo(0, false);
                pane.hex().edits.typeHex('a');
                pane.hex().edits.typeHex('b');
                pane.hex().saveData();
            });
            waitFor("the saved byte", () -> {
                try {
                    return Files.readAllBytes(data)[0] == (byte) 0xAB;
                } catch (java.io.IOException e) {
                    return false;
                }
            });
            settle();

            clickOn("#import");
            ImportDialog d = (ImportDialog) lookup(".import-dialog").query().getProperties().get(ImportDialog.class);
            interact(() -> d.load(header));
            CodeArea editor = lookup("#import-editor").queryAs(CodeArea.class);
            waitFor("the header in the editor", () -> editor.getText().contains("struct Wire"));
            interact(d::runImport);
            waitFor("the import", () -> vm.status.get().startsWith("Imported"));

            Path saved = dir.resolve("saved.json");
            interact(() -> vm.saveAs(saved, null));
            settle();
            waitFor("the save", () -> Files.exists(saved));
        } finally {
            List<FxIoWatch.Touch> touches = FxIoWatch.disarm();
            assertEquals(List.of(), touches.stream().map(FxIoWatch.Touch::toString).toList(),
                    "file operations on the FX thread");
        }
    }

    /** The data pane's hex view, read on the FX thread. */
    private final class DataPaneAccess {
        dev.structscope.app.hexview.HexPane hex() {
            return lookup("#data-pane").queryAs(dev.structscope.app.shell.DataPane.class).hexPane;
        }

        long size() {
            long[] out = {-1};
            interact(() -> out[0] = hex().model.source.get() == null ? -1 : hex().model.source.get().size());
            return out[0];
        }
    }
}
