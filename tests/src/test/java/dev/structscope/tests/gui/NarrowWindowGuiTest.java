package dev.structscope.tests.gui;

import javafx.geometry.Bounds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A window narrower than the data pane's toolbars need beside the designer (1024 pixels): the hex
 * explorer is laid out from the pane's left edge and clipped at its right one. (Its overflow was
 * centred, so its left part — the file name, the offsets — lay under the designer.)
 */
class NarrowWindowGuiTest extends GuiTest {
    @TempDir
    Path dir;

    @Test
    void theHexExplorerStartsAtTheDataPanesLeftEdge() throws Exception {
        Path data = Files.write(dir.resolve("bytes.bin"), new byte[4096]);
        interact(() -> vm.setDataFile(data));
        await("the data file", () -> window.dataPane.getCenter() == window.dataPane.hexPane);
        interact(() -> stage.setWidth(1024));
        settle();
        Bounds b = window.dataPane.hexPane.getBoundsInParent();
        assertEquals(0, b.getMinX(), 0.5, "the explorer's left edge is the pane's");
        assertTrue(window.dataPane.getClip() != null
                && window.dataPane.getClip().getLayoutBounds().getWidth() == window.dataPane.getWidth(),
                "what lies past the pane's edge is clipped, not painted over the designer");
    }
}
