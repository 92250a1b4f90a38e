package dev.structscope.tests.gui;

import javafx.geometry.Bounds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A window narrower than the data pane's toolbars need beside the designer (1024 pixels): the hex
 * explorer is laid out from the pane's left edge and clipped at its right one. (Its overflow was
 * centred, so its left part — the file name, the offsets — lay under the designer.) At the
 * smallest window the status bar, the designer's controls and the hex rows all stay reachable.
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

    /**
     * With the data pane as wide as at 1366×768, on the bundled sample, its tools take two rows over the bytes, not
     * three: the file's name and size moved from the tools' row to the tabs' row, right of Hex
     * and Records, whole and clear of them.
     */
    @Test
    void at1366TheDataToolsTakeTwoRowsAndTheFileLabelSitsBesideTheTabs() throws Exception {
        ticksAt1366();
        javafx.scene.Parent root = stage.getScene().getRoot();
        javafx.scene.Node go = window.dataPane.hexPane.gotoField;
        javafx.scene.layout.Region tools = (javafx.scene.layout.Region) go.getParent();
        assertTrue(tools.getHeight() < 3 * go.getBoundsInParent().getHeight() + 16,
                "two rows of tools: " + tools.getHeight() + " high for fields " + go.getBoundsInParent().getHeight() + " high");
        javafx.scene.control.Label file = (javafx.scene.control.Label) root.lookup("#data-file-label");
        assertTrue(file.isVisible() && file.getText().startsWith("ticks.bin"), file.getText());
        javafx.scene.text.Text shown = (javafx.scene.text.Text) file.lookup(".text");
        assertEquals(file.getText(), shown.getText(), "the label whole");
        Bounds text = shown.localToScene(shown.getLayoutBounds());
        double tabsRight = root.lookupAll(".tab").stream()
                .filter(t -> t.getParent() != null && t.getParent().getParent() != null
                        && javafx.scene.control.TabPane.class.isInstance(t.getParent().getParent().getParent())
                        && ((javafx.scene.control.TabPane) t.getParent().getParent().getParent()).getTabs().stream()
                                .anyMatch(x -> x.getText().equals("Records")))
                .mapToDouble(t -> t.localToScene(t.getLayoutBounds()).getMaxX()).max().orElseThrow();
        assertTrue(text.getMinX() > tabsRight, "the label (from " + text.getMinX() + ") right of the tabs (to " + tabsRight + ")");
        Bounds hex = window.dataPane.hexPane.hexView.localToScene(window.dataPane.hexPane.hexView.getLayoutBounds());
        assertTrue(text.getMaxY() <= hex.getMinY(), "over the bytes, not on them");
    }

    /**
     * The documented smallest window, 800×560, designer beside data on the ELF sample (a dynamic
     * record, so the designer shows its expression fields too): the panes' minimum heights had
     * pushed the status bar off the bottom, and the hex rows lost their right part with no way
     * to scroll to it; the data pane's toolbar was held wider than the pane by the one-row
     * overlay chooser, and Find, At caret and As table lay past its edge.
     */
    /**
     * With the data pane as wide as at 1366×768, the decoded tree shows the tick's types and values
     * whole ("uint64_t", "1700000000003931341"); the raw bytes, which the hex view beside shows
     * selected, are what gives way. Type gave way first before, and read "uint…".
     */
    @Test
    void at1366TheDecodedTreeCutsTheRawBytesBeforeTheTypes() throws Exception {
        ticksAt1366();
        var tree = window.dataPane.hexPane.fieldsView.tree;
        List<String> cut = new ArrayList<>();
        await("types and values whole", () -> {
            cut.clear();
            int rows = 0;
            for (javafx.scene.Node n : tree.lookupAll(".tree-table-cell")) {
                if (n instanceof javafx.scene.control.TreeTableCell<?, ?> c && c.getTableColumn() != null
                        && List.of("Type", "Value").contains(c.getTableColumn().getText()) && c.isVisible() && !c.isEmpty()
                        && c.getText() != null && c.getTableRow() != null && c.getTableRow().isVisible()) {
                    rows += c.getText().equals("uint64_t") || c.getText().equals("1700000000003931341") ? 1 : 0;
                    javafx.scene.text.Text shown = (javafx.scene.text.Text) c.lookup(".text");
                    if (shown != null && !c.getText().equals(shown.getText())) {
                        cut.add(c.getText() + " as " + shown.getText());
                    }
                }
            }
            return rows == 2 && cut.isEmpty();
        });
        var raw = tree.getVisibleLeafColumns().stream().filter(c -> c.getText().equals("Raw")).findFirst().orElseThrow();
        assertTrue(raw.getWidth() < 200, "the raw bytes gave way: " + raw.getWidth());
    }

    /** Opens the bundled ticks sample with the data pane as wide as at 1366×768 (Monocle's screen is 1280 pixels wide). */
    private void ticksAt1366() throws Exception {
        interact(() -> vm.openSample(dev.structscope.samples.Samples.TICKS, dir));
        settle();
        await("the ticks data", () -> window.dataPane.getCenter() == window.dataPane.hexPane);
        javafx.scene.control.SplitPane split = (javafx.scene.control.SplitPane)
                ((javafx.scene.layout.BorderPane) stage.getScene().getRoot()).getCenter();
        interact(() -> split.setDividerPosition(1, 1 - 683 / split.getWidth()));
        settle();
        assertEquals(683, window.dataPane.getWidth(), 4);
    }

    @Test
    void atTheMinimumSizeEverythingStaysReachable() throws Exception {
        interact(() -> vm.openSample(dev.structscope.samples.Samples.ELF, dir));
        settle();
        await("the ELF data", () -> window.dataPane.getCenter() == window.dataPane.hexPane);
        interact(() -> {
            stage.setWidth(800);
            stage.setHeight(560);
        });
        settle();
        javafx.scene.Parent root = stage.getScene().getRoot();
        Bounds scene = new javafx.geometry.BoundingBox(0, 0, stage.getScene().getWidth(), stage.getScene().getHeight());
        for (String id : List.of(".status-bar", "#add-enum", "#designer-title", "#aligned", "#dynamic-toggle",
                "#hex-toggle", "#designer-summary", "#pack-tightly", "#edit-mode")) {
            assertShown(root.lookup(id), id, scene);
        }
        assertTrue(table().getHeight() >= 120, "the member table keeps a few rows: " + table().getHeight());
        // The data pane's own tools (go to, find, the overlay's At caret and As table) wrap inside
        // the pane: they lay past its right edge, cut by its clip.
        Bounds pane = window.dataPane.localToScene(window.dataPane.getLayoutBounds());
        List<String> outside = new java.util.ArrayList<>();
        toolsOutside(window.dataPane.hexPane.getTop(), pane, outside);
        assertTrue(outside.isEmpty(), "tools past the data pane's edge " + pane + ": " + outside);
        assertShown(root.lookup("#hex-find"), "#hex-find", scene);
        var hex = window.dataPane.hexPane.hexView;
        javafx.scene.control.ScrollBar sideways = hex.getChildrenUnmodifiable().stream()
                .filter(n -> n instanceof javafx.scene.control.ScrollBar sb
                        && sb.getOrientation() == javafx.geometry.Orientation.HORIZONTAL)
                .map(n -> (javafx.scene.control.ScrollBar) n).findFirst().orElseThrow();
        assertTrue(hex.getWidth() < hex.prefWidth(-1), "the rows are wider than the pane here");
        assertTrue(sideways.isVisible() && sideways.getMax() > 0, "so they scroll sideways");
        // The last byte of a row in the text column: the caret there scrolls it into view.
        interact(() -> {
            hex.model.pane.set(dev.structscope.app.hexview.HexViewModel.Pane.ASCII);
            hex.model.moveTo(hex.model.bytesPerRow.get() - 1, false);
        });
        javafx.geometry.Point2D p = hex.pointOf(hex.model.bytesPerRow.get() - 1,
                dev.structscope.app.hexview.HexViewModel.Pane.ASCII);
        assertTrue(p != null && p.getX() > 0 && p.getX() < hex.getWidth(), "the row's last character shows at " + p);
    }

    /**
     * At 800×560 the decoded tab under the bytes showed its header and no row: the divider's share
     * of a pane that its tools take half of left it the tab header. It keeps the tree's header and
     * rows now, and the bytes keep rows too, and take their share back in a taller window.
     */
    @Test
    void atTheMinimumSizeTheDecodedTreeShowsRows() throws Exception {
        interact(() -> vm.openSample(dev.structscope.samples.Samples.ELF, dir));
        settle();
        await("the ELF data", () -> window.dataPane.getCenter() == window.dataPane.hexPane);
        var fields = window.dataPane.hexPane.fieldsView;
        await("the decoded record", () -> fields.root() != null && !fields.viewModel.decoding.get());
        var hex = window.dataPane.hexPane.hexView;
        double bytesHigh = hex.getHeight();
        interact(() -> {
            stage.setWidth(800);
            stage.setHeight(560);
        });
        settle();
        Bounds scene = new javafx.geometry.BoundingBox(0, 0, stage.getScene().getWidth(), stage.getScene().getHeight());
        List<String> rows = new java.util.ArrayList<>();
        try {
            await("decoded rows shown", () -> rowsShown(fields.tree, ".tree-table-row-cell", scene, rows) >= 2);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + ": " + rows + " in a tree " + fields.tree.getHeight() + " high", e);
        }
        assertTrue(hex.model.visibleRows() >= 2, "the bytes keep rows too: " + hex.model.visibleRows());
        // Back in the first window the bytes have their share again (the squeeze is not kept).
        interact(() -> {
            stage.setWidth(1260);
            stage.setHeight(780);
        });
        settle();
        await("the bytes' height back", () -> Math.abs(hex.getHeight() - bytesHigh) <= 2);
    }

    /**
     * The rows (nodes of style class {@code style} with an item, under {@code view}) that lie
     * wholly inside the view, the window and every split pane around it; their texts go to {@code shown}.
     */
    private static int rowsShown(javafx.scene.Parent view, String style, Bounds window, List<String> shown) {
        shown.clear();
        Bounds area = view.localToScene(view.getLayoutBounds());
        for (javafx.scene.Node n : view.lookupAll(style)) {
            if (!(n instanceof javafx.scene.control.IndexedCell<?> c) || c.isEmpty() || c.getItem() == null || !c.isVisible()) {
                continue;
            }
            Bounds b = c.localToScene(c.getLayoutBounds());
            boolean inside = area.contains(b) && window.contains(b);
            for (javafx.scene.Parent p = view.getParent(); p != null && inside; p = p.getParent()) {
                if (p instanceof javafx.scene.control.SplitPane sp) {
                    inside = sp.localToScene(sp.getLayoutBounds()).contains(b);
                }
            }
            if (inside) {
                shown.add(c.getItem() instanceof javafx.scene.control.TreeItem<?> t
                        && t.getValue() instanceof dev.structscope.app.fields.FieldRow r ? r.name() : String.valueOf(c.getItem()));
            }
        }
        return shown.size();
    }

    /** Adds each visible control under {@code n} that does not lie wholly inside {@code area}. */
    private static void toolsOutside(javafx.scene.Node n, Bounds area, List<String> outside) {
        if (!n.isVisible()) {
            return;
        }
        if (n instanceof javafx.scene.control.Control c) {
            Bounds b = c.localToScene(c.getLayoutBounds());
            if (b.getWidth() > 0 && !(b.getMinX() >= area.getMinX() - 0.5 && b.getMaxX() <= area.getMaxX() + 0.5)) {
                outside.add((c instanceof javafx.scene.control.Labeled l ? "'" + l.getText() + "'"
                        : c instanceof javafx.scene.control.TextField t ? "'" + t.getPromptText() + "'"
                        : c.getClass().getSimpleName()) + " at " + b.getMinX() + ".." + b.getMaxX());
            }
            return;
        }
        if (n instanceof javafx.scene.Parent p) {
            for (javafx.scene.Node c : p.getChildrenUnmodifiable()) {
                toolsOutside(c, area, outside);
            }
        }
    }

    /**
     * Asserts that {@code n} can be seen: it, or the scroll pane it scrolls in, lies inside the
     * window and inside every split pane around it (a split pane's item clips what overflows it).
     */
    private static void assertShown(javafx.scene.Node n, String what, Bounds window) {
        javafx.scene.Node shown = n;
        for (javafx.scene.Parent p = n.getParent(); p != null; p = p.getParent()) {
            if (p instanceof javafx.scene.control.ScrollPane) {
                shown = p;
                break;
            }
        }
        Bounds b = shown.localToScene(shown.getLayoutBounds());
        assertTrue(n.isVisible() && window.contains(b), what + " at " + b + " lies inside the window " + window);
        for (javafx.scene.Parent p = shown.getParent(); p != null; p = p.getParent()) {
            if (p instanceof javafx.scene.control.SplitPane sp) {
                Bounds area = sp.localToScene(sp.getLayoutBounds());
                assertTrue(area.contains(b), what + " at " + b + " lies inside its split pane " + area);
            }
        }
    }
}
