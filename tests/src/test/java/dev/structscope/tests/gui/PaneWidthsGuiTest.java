package dev.structscope.tests.gui;

import dev.structscope.app.shell.Workspace;
import javafx.scene.control.TableColumn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The layout library keeps its width in pixels and the designer's table stays readable: after a
 * dynamic record (the ELF sample) a plain one showed the Dynamic fields still, which squeezed its
 * table to a few rows; a narrow window and Designer Only made the library a quarter, then a third
 * of the window; a narrowed table read "A…" over its columns.
 */
class PaneWidthsGuiTest extends GuiTest {
    @TempDir
    Path dir;

    @Test
    void theDynamicFieldsShowForADynamicRecordOnly() throws Exception {
        interact(() -> vm.openSample(dev.structscope.samples.Samples.ELF, dir));
        settle();
        await("the ELF layout", () -> designer().layout.get() != null && designer().layout.get().dynamic());
        javafx.scene.control.ToggleButton dynamic = lookup("#dynamic-toggle").queryAs(javafx.scene.control.ToggleButton.class);
        assertTrue(dynamic.isSelected(), "a dynamic record shows what data decides");
        selectInLibrary("struct Elf64_Ehdr");
        await("the plain header", () -> designer().layout.get() != null && !designer().layout.get().dynamic());
        assertFalse(dynamic.isSelected(), "a plain record does not");
        clickOn(dynamic);
        interact(designer()::addMember);
        settle();
        assertTrue(dynamic.isSelected(), "an edit keeps what the user chose for the record at hand");
    }

    @Test
    void theLibraryKeepsItsWidthThroughNarrowWindowsAndDesignerOnly() {
        double before = window.library.getWidth();
        interact(() -> stage.setWidth(800));
        settle();
        interact(() -> stage.setWidth(1260));
        settle();
        assertEquals(before, window.library.getWidth(), 2, "back at 1260 pixels");
        interact(() -> vm.workspace.set(Workspace.DESIGNER));
        settle();
        assertEquals(before, window.library.getWidth(), 2, "designer only");
        interact(() -> vm.workspace.set(Workspace.BOTH));
        settle();
        assertEquals(before, window.library.getWidth(), 2, "both again");
        assertTrue(before >= 120 && before <= 200, "a sensible width: " + before);
    }

    @Test
    void noDesignerColumnIsNarrowerThanItsTitle() {
        // 1260 pixels (Monocle's screen is 1280): the designer is narrower here than at 1366.
        for (TableColumn<?, ?> c : table().getVisibleLeafColumns()) {
            if (!c.getText().equals("Comment")) {
                javafx.scene.text.Text t = new javafx.scene.text.Text(c.getText());
                t.setFont(javafx.scene.text.Font.font(javafx.scene.text.Font.getDefault().getFamily(),
                        javafx.scene.text.FontWeight.BOLD, 14));
                assertTrue(c.getWidth() >= t.getLayoutBounds().getWidth() + 10, c.getText() + " is " + c.getWidth() + " wide");
            }
        }
    }

    /** The record's settings stay on its name's line beside the data; the size and alignment wrap first. */
    @Test
    void theDesignerHeaderKeepsItsSettingsOnOneLine() {
        javafx.scene.Node title = lookup("#designer-title").query();
        javafx.scene.Node aligned = lookup("#aligned").query();
        double titleY = title.localToScene(title.getLayoutBounds()).getCenterY();
        double alignedY = aligned.localToScene(aligned.getLayoutBounds()).getCenterY();
        assertEquals(titleY, alignedY, 6, "Aligned beside the record's name");
    }
}
