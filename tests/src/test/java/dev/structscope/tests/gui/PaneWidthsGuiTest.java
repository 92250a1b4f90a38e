package dev.structscope.tests.gui;

import dev.structscope.app.shell.Workspace;
import javafx.geometry.Orientation;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
        selectInLibrary("Elf64_Ehdr");
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

    /**
     * The ELF sample's types have long names ("typedef Elf64_Xword"): the library is as wide as
     * they need, gives way in an 800×560 window and takes that width back when the window widens
     * again (it stayed at its narrow width, the names cut).
     */
    @Test
    void theLibraryTakesBackItsWidthWhenTheWindowWidens() throws Exception {
        interact(() -> vm.openSample(dev.structscope.samples.Samples.ELF, dir));
        settle();
        List<String> cut = new ArrayList<>();
        try {
            await("the library's names shown whole", () -> libraryNamesCut(cut) == 0);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + " in a library " + window.library.getWidth() + " wide: " + cut, e);
        }
        double wide = window.library.getWidth();
        interact(() -> {
            stage.setWidth(800);
            stage.setHeight(560);
        });
        settle();
        await("the library gives way to the designer and the data", () -> window.library.getWidth() <= 800 * 0.2 + 2);
        interact(() -> {
            stage.setWidth(1260);
            stage.setHeight(780);
        });
        settle();
        try {
            await("the library takes its width back", () -> Math.abs(window.library.getWidth() - wide) <= 2);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + ": " + window.library.getWidth() + ", was " + wide, e);
        }
        assertEquals(0, libraryNamesCut(cut), "names cut: " + cut);
    }

    /**
     * A struct with a long tag beside the data: its name ends in "…" (whole in the
     * tooltip) and the designer keeps the width the dividers give it; the name had widened the
     * designer, at the data's cost, or past its pane, cutting the member table and the byte map.
     */
    @Test
    void aLongNameIsShortenedRatherThanWideningTheDesigner() {
        // The test window (1260 wide; Monocle's screen holds no larger one) gives the library a
        // fifth for the long name, and the designer about 380 pixels beside the data.
        String tag = "telemetry_frame_with_a_rather_long_name_indeed";
        var lib = dev.structscope.model.c.HeaderImporter.importText("struct " + tag + " { int seq; short kind; double v; };",
                "long.h", dev.structscope.model.c.HeaderImporter.Options.defaults());
        interact(() -> vm.show(lib, null, "long.h", "struct " + tag));
        settle();
        await("the designer laid out", () -> designer().layout.get() != null && window.designer.getWidth() > 0);
        javafx.scene.control.Label title = lookup("#designer-title").queryAs(javafx.scene.control.Label.class);
        assertEquals("struct " + tag, title.getText());
        assertEquals("struct " + tag, title.getTooltip().getText());
        // The name set the designer's least width, and the split pane took it from the data.
        assertTrue(window.designer.getWidth() < title.prefWidth(-1),
                "the designer is " + window.designer.getWidth() + " wide for a name of " + title.prefWidth(-1));
        assertTrue(title.getWidth() <= window.designer.getWidth(), title.getWidth() + " in " + window.designer.getWidth());
    }

    /** A width the user gives the library by dragging its divider is kept through a narrow window. */
    @Test
    void aDraggedLibraryWidthIsKept() {
        javafx.scene.control.SplitPane split = (javafx.scene.control.SplitPane)
                ((javafx.scene.layout.BorderPane) stage.getScene().getRoot()).getCenter();
        javafx.scene.Node divider = split.getChildrenUnmodifiable().stream()
                .filter(n -> n.getStyleClass().contains("split-pane-divider")).findFirst().orElseThrow();
        double before = window.library.getWidth();
        javafx.geometry.Bounds b = divider.localToScreen(divider.getLayoutBounds());
        drag(new javafx.geometry.Point2D(b.getCenterX(), b.getCenterY()), javafx.scene.input.MouseButton.PRIMARY)
                .dropTo(new javafx.geometry.Point2D(b.getCenterX() + 60, b.getCenterY()));
        settle();
        double dragged = window.library.getWidth();
        assertEquals(before + 60, dragged, 4, "the drag widened the library");
        interact(() -> stage.setWidth(800));
        settle();
        interact(() -> stage.setWidth(1260));
        settle();
        await("the dragged width kept", () -> Math.abs(window.library.getWidth() - dragged) <= 2);
    }

    /** How many of the library's names are shown cut ("typedef Elf64_…"); they go to {@code cut}. */
    private int libraryNamesCut(List<String> cut) {
        cut.clear();
        for (javafx.scene.Node n : lookup("#types .list-cell").queryAll()) {
            if (n instanceof javafx.scene.control.ListCell<?> c && !c.isEmpty() && c.getText() != null && c.isVisible()) {
                for (javafx.scene.Node t : c.getChildrenUnmodifiable()) {
                    if (t instanceof Text shown && !c.getText().equals(shown.getText())) {
                        cut.add(shown.getText());
                    }
                }
            }
        }
        return cut.size();
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

    /**
     * The ELF sample: in the default window the designer's Name column stays in view, the long
     * texts before it cut with their whole text in the tooltip; given room, it reads "at(ehdr.e_phoff)" and
     * "56 × ehdr.e_phnum", not "at(…" and "5…", and "unsigned char", not "unsig…".
     */
    @Test
    void theDesignerShowsComputedOffsetsSizesAndTypesWhole() throws Exception {
        interact(() -> vm.openSample(dev.structscope.samples.Samples.ELF, dir));
        settle();
        await("the ELF layout", () -> designer().layout.get() != null && designer().layout.get().dynamic());
        List<String> columns = List.of("Offset", "Size", "Type", "Name", "Array");
        // In the default window the texts do not all fit: the long ones give way to their titles'
        // widths, cut, whole in their tooltips, so that Name stays in view (it was past a
        // sideways scroll, behind "at(ehdr.e_phoff)" and "56 × ehdr.e_phnum" shown whole).
        try {
            await("the Name column in view", () -> {
                double right = 0;
                for (TableColumn<?, ?> c : table().getVisibleLeafColumns()) {
                    right += c.getWidth();
                    if (c.getText().equals("Name")) {
                        return right <= table().getWidth();
                    }
                }
                return false;
            });
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + ": " + table().getWidth() + " wide, columns "
                    + table().getVisibleLeafColumns().stream().map(c -> c.getText() + "=" + c.getWidth()).toList(), e);
        }
        assertEquals("at(ehdr.e_phoff)", cell(rowOfMember(1), "Offset").getText());
        assertEquals("56 × ehdr.e_phnum", cell(rowOfMember(1), "Size").getText());
        assertEquals("56 × ehdr.e_phnum", cell(rowOfMember(1), "Size").getTooltip().getText());
        // Given room (the data pane's divider moved right), they are whole.
        javafx.scene.control.SplitPane split = (javafx.scene.control.SplitPane)
                ((javafx.scene.layout.BorderPane) stage.getScene().getRoot()).getCenter();
        interact(() -> split.setDividerPosition(1, 0.8));
        assertShownWhole(columns);
        assertReachable();
        selectInLibrary("Elf64_Ehdr");
        await("the plain header", () -> designer().layout.get() != null && !designer().layout.get().dynamic());
        assertEquals("unsigned char", cell(rowOfMember(0), "Type").getText());
        assertShownWhole(columns);
        assertReachable();
    }

    /** Waits (bounded) until every cell of {@code columns} in every row shows its text whole. */
    private void assertShownWhole(List<String> columns) {
        List<String> cut = new ArrayList<>();
        try {
            await("the designer's cells shown whole", () -> {
                cut.clear();
                for (int row = 0; row < table().getItems().size(); row++) {
                    for (String column : columns) {
                        TableCell<?, String> c = cell(row, column);
                        for (javafx.scene.Node n : c.getChildrenUnmodifiable()) {
                            if (n instanceof Text shown && c.getText() != null && !c.getText().equals(shown.getText())) {
                                cut.add(column + " '" + c.getText() + "' shown as '" + shown.getText() + "'");
                            }
                        }
                    }
                }
                return cut.isEmpty();
            });
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + ": " + cut, e);
        }
    }

    /** Columns wider together than the table scroll sideways (a constrained table cannot). */
    private void assertReachable() {
        double columns = table().getVisibleLeafColumns().stream().mapToDouble(TableColumn::getWidth).sum();
        if (columns > table().getWidth()) {
            ScrollBar sideways = table().lookupAll(".scroll-bar").stream()
                    .filter(n -> n instanceof ScrollBar sb && sb.getOrientation() == Orientation.HORIZONTAL)
                    .map(n -> (ScrollBar) n).findFirst().orElseThrow();
            assertTrue(sideways.isVisible() && sideways.getMax() > 0,
                    "columns " + columns + " wide in a table " + table().getWidth() + " wide scroll sideways");
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
