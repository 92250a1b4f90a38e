package dev.structscope.tests.gui;

import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Ctrl+G and Ctrl+F work from anywhere in the window (the Data menu's accelerators), not only inside the hex pane. */
class DataMenuGuiTest extends GuiTest {
    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path dir;

    @Test
    void withoutDataItSaysWhatToOpen() {
        clickOn(table());
        push(KeyCode.CONTROL, KeyCode.G);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(lookup("#status").queryLabeled().getText().startsWith("Open a data file first"),
                lookup("#status").queryLabeled().getText());
    }

    @Test
    void goToFromTheDesignerMovesTheHexCaret() throws Exception {
        java.nio.file.Path data = dir.resolve("data.bin");
        java.nio.file.Files.write(data, new byte[4096]);
        interact(() -> vm.setDataFile(data));
        settle();
        for (int i = 0; i < 200 && window.dataPane.hexPane.model.source.get() == null; i++) {
            sleep(25);
        }
        clickOn(table());
        push(KeyCode.CONTROL, KeyCode.G);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(window.dataPane.hexPane.gotoField.isFocused(), "Ctrl+G puts the caret in Go to");
        write("0x40+8");
        push(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0x48, window.dataPane.hexPane.model.caret());
        clickOn(table());
        push(KeyCode.CONTROL, KeyCode.F);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(lookup("#hex-find").query().isFocused(), "Ctrl+F puts the caret in Find");
    }
}
