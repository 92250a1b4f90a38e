package dev.structscope.tests.hexview;

import dev.structscope.app.fields.FieldItem;
import dev.structscope.app.fields.FieldRow;
import dev.structscope.app.fields.RecordTable;
import dev.structscope.app.hexview.HexPane;
import dev.structscope.app.hexview.HexViewModel;
import dev.structscope.app.hexview.SearchQuery;
import dev.structscope.io.source.Sources;
import dev.structscope.io.stats.FieldStats;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableRow;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.io.RandomAccessFile;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hex explorer driven by mouse and keys, headless under Monocle, against gcc-written data. */
class HexPaneGuiTest extends HexPaneGuiBase {
    @Override
    protected Parent root(HexPane pane) {
        return withDemoTypes(pane);
    }

    private static Path sparse(Path file, long size, long at, byte[] content) throws Exception {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(size);
            if (content != null) {
                f.seek(at);
                f.write(content);
            }
        }
        return file;
    }

    private FieldItem child(TreeItem<FieldRow> parent, String name) {
        for (TreeItem<FieldRow> c : parent.getChildren()) {
            if (c.getValue().name().equals(name)) {
                return (FieldItem) c;
            }
        }
        throw new AssertionError("no member " + name);
    }

    @Test
    void gccTicksDecodeInTheTreeAndTheSummaryMatchesGcc(FxRobot robot) throws Exception {
        Path file = dir.resolve("ticks.bin");
        Map<String, String[]> truth = Gcc.ticks(dir, file, 1000, 7);
        assertEquals("56", truth.get("sizeof")[0]);
        long base = 7 * 56;
        OpenData.open(robot, pane, file);
        robot.interact(() -> {
            pane.overlayBar.choose("Tick", "7*56", false);
        });
        FieldItem root = pane.fieldsView.root();
        assertNotNull(root);
        for (String m : new String[]{"ts", "id", "flags"}) {
            FieldRow row = child(root, m).getValue();
            assertEquals(truth.get(m)[1], row.value(), m);
            assertEquals(base + Long.parseLong(truth.get(m)[0]), row.offset(), m + " offset");
        }
        assertEquals(Float.parseFloat(truth.get("price")[1]), Float.parseFloat(child(root, "price").getValue().value()));
        assertEquals(Double.parseDouble(truth.get("qty")[1]), Double.parseDouble(child(root, "qty").getValue().value()));
        assertEquals("\"" + truth.get("sym")[1] + "\"", child(root, "sym").getValue().value());
        assertEquals("SELL (" + truth.get("side")[1] + ")", child(root, "side").getValue().value());
        assertTrue(child(root, "kind").getValue().value().startsWith(truth.get("kind")[1] + " "), "kind bit-field");
        assertTrue(child(root, "level").getValue().value().startsWith(truth.get("level")[1] + " "), "level bit-field");
        FieldItem samples = child(root, "samples");
        assertEquals(truth.get("samples")[1], child(samples, "[2]").getValue().value());
        assertEquals(base + Long.parseLong(truth.get("samples")[0]) + 8, child(samples, "[2]").getValue().offset());

        // Opening the Records tab with a type on the overlay lists the records from the overlay's base.
        robot.clickOn(robot.lookup(".tab-label").match(
                (Node n) -> n instanceof javafx.scene.control.Labeled l && "Records".equals(l.getText())).<Node>query());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1000 - 7, pane.recordTable.recordCount());
        // The columns fit their values: no cell the user sees ends in "…".
        for (Node n : robot.lookup(".record-table .table-cell").queryAll()) {
            var cell = (javafx.scene.control.TableCell<?, ?>) n;
            for (Node c : cell.getChildrenUnmodifiable()) {
                if (c instanceof javafx.scene.text.Text shown && cell.getText() != null && !cell.getText().isEmpty()) {
                    assertEquals(cell.getText(), shown.getText(), "a cut cell");
                }
            }
        }

        // As a table: 1000 records, and the column summary agrees with gcc's own figures.
        robot.interact(() -> pane.overlayBar.choose("Tick", "0", true));
        RecordTable table = pane.recordTable;
        assertEquals(1000, table.recordCount());
        assertEquals(1000, table.table.getItems().size());
        robot.interact(table::computeSummary);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !table.summaryTable.getItems().isEmpty());
        FieldStats id = table.summaryTable.getItems().stream().filter(s -> s.path().equals("id")).findFirst().orElseThrow();
        assertEquals(truth.get("minId")[1], id.min());
        assertEquals(truth.get("maxId")[1], id.max());
        FieldStats qty = table.summaryTable.getItems().stream().filter(s -> s.path().equals("qty")).findFirst().orElseThrow();
        assertEquals(Double.parseDouble(truth.get("meanQty")[1]), qty.mean(), 1e-9);

        // The caret entering another record in the bytes decodes that record in the tree, and
        // the member under the caret is the one selected there.
        robot.interact(() -> pane.model.moveTo(5 * 56 + 17, false));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(5 * 56, pane.fieldsView.root().getValue().offset());
        assertEquals("qty", pane.fieldsView.tree.getSelectionModel().getSelectedItem().getValue().name());
    }

    @Test
    void selectingAMemberSelectsItsBytesAndClickingAByteSelectsItsMember(FxRobot robot) throws Exception {
        Path file = dir.resolve("ticks.bin");
        Gcc.ticks(dir, file, 50, 0);
        long base = 3 * 56;
        OpenData.open(robot, pane, file);
        robot.interact(() -> {
            pane.overlayBar.choose("Tick", "0xA8", false);
        });
        // Tree → hex: click the "qty" row.
        Node qtyRow = robot.lookup(".tree-table-row-cell").match(n -> n instanceof TreeTableRow<?> r
                && r.getItem() instanceof FieldRow f && f.name().equals("qty")).query();
        robot.clickOn(qtyRow);
        HexViewModel m = pane.model;
        assertEquals(base + 16, m.selectionStart());
        assertEquals(8, m.selectionLength());
        // Hex → tree: click the third byte of "price" in the hex pane, then in the ASCII pane.
        for (HexViewModel.Pane p : HexViewModel.Pane.values()) {
            Point2D at = pane.hexView.pointOf(base + 14, p);
            assertNotNull(at, "price is on screen");
            robot.clickOn(pane.hexView.localToScreen(at));
            assertEquals(base + 14, m.caret(), p + " click");
            assertEquals(p, m.pane.get());
            assertEquals("price", pane.fieldsView.tree.getSelectionModel().getSelectedItem().getValue().name());
        }
        // Keys move the caret and the tree follows: two rows down is base+46 → samples[1].
        assertTrue(pane.hexView.isFocused(), "a click focuses the hex view; focus is on " + pane.getScene().getFocusOwner());
        robot.type(KeyCode.DOWN, 2);
        assertEquals(base + 46, m.caret());
        assertEquals("[1]", pane.fieldsView.tree.getSelectionModel().getSelectedItem().getValue().name());
    }

    @Test
    void goToPast4GiBOnASparseFile(FxRobot robot) throws Exception {
        Path file = sparse(dir.resolve("sparse.bin"), 5L << 30, 0x100000018L, new byte[]{0x5A});
        OpenData.open(robot, pane, file);
        robot.press(KeyCode.CONTROL, KeyCode.G).release(KeyCode.G, KeyCode.CONTROL);
        robot.write("0x100000000+24").type(KeyCode.ENTER);
        HexViewModel m = pane.model;
        assertEquals(0x100000018L, m.caret());
        long row = m.caret() / m.bytesPerRow.get();
        assertTrue(row >= m.topRow.get() && row < m.topRow.get() + m.visibleRows(), "the caret's row is on screen");
        assertEquals("", pane.gotoError.getText());
        assertEquals("90", pane.inspectorView.table.getItems().stream()
                .filter(r -> r.name().equals("u8")).findFirst().orElseThrow().little(), "the inspector reads 0x5A");
        robot.interact(() -> pane.gotoField.setText("0x10 + "));
        robot.clickOn(pane.gotoField).type(KeyCode.ENTER);
        assertFalse(pane.gotoError.getText().isEmpty(), "the error is shown next to the field");
        assertEquals(0x100000018L, m.caret());
    }

    @Test
    void recordTableOverALargeFileIsWindowedAndMovesTheHexView(FxRobot robot) throws Exception {
        long size = 2L << 30;
        Path file = sparse(dir.resolve("big.bin"), size, 0, null);
        OpenData.open(robot, pane, file);
        robot.interact(() -> {
            pane.overlayBar.choose("Tick", "0", true);
        });
        RecordTable t = pane.recordTable;
        assertEquals(size / 56, t.recordCount());
        assertEquals(RecordTable.MAX_ROWS, t.table.getItems().size(), "the int-indexed list is a window");
        robot.interact(() -> {
            t.moveWindow(t.recordCount() - 10);
            t.table.getSelectionModel().select(9);
        });
        assertEquals((t.recordCount() - 1) * 56, pane.model.selectionStart(), "the last record is selected in hex");
        assertEquals(10, t.table.getItems().size());
    }

    @Test
    void aRecordRowsMenuCopiesTheRecordAsGccWroteItShowsItsBytesAndBookmarksIt(FxRobot robot) throws Exception {
        Path file = dir.resolve("ticks.bin");
        Map<String, String[]> truth = Gcc.ticks(dir, file, 40, 5);
        OpenData.open(robot, pane, file);
        robot.interact(() -> {
            pane.overlayBar.choose("Tick", "0", true);
        });
        RecordTable table = pane.recordTable;
        robot.interact(() -> table.table.scrollTo(5));
        WaitForAsyncUtils.waitForFxEvents();
        Node row5 = robot.from(table.table).lookup(".table-row-cell").match(n -> n instanceof javafx.scene.control.TableRow<?> r
                && r.getIndex() == 5).query();
        robot.rightClickOn(row5);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(menuText(robot, "Copy Record as JSON"));
        String[] json = new String[1];
        robot.interact(() -> json[0] = javafx.scene.input.Clipboard.getSystemClipboard().getString());
        com.fasterxml.jackson.databind.JsonNode rec = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json[0]);
        assertEquals(truth.get("id")[1], rec.get("id").asText());
        assertEquals(truth.get("ts")[1], rec.get("ts").asText());
        assertEquals(truth.get("sym")[1], rec.get("sym").asText());
        assertEquals(Double.parseDouble(truth.get("qty")[1]), rec.get("qty").asDouble());

        robot.rightClickOn(row5);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(menuText(robot, "Copy Record as Hex"));
        robot.interact(() -> json[0] = javafx.scene.input.Clipboard.getSystemClipboard().getString());
        byte[] all = Files.readAllBytes(file);
        assertEquals(java.util.HexFormat.ofDelimiter(" ").formatHex(all, 5 * 56, 6 * 56), json[0]);

        robot.rightClickOn(row5);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(menuText(robot, "Bookmark Record 5"));
        assertTrue(pane.bookmarks.items.stream().anyMatch(b -> b.offset() == 5 * 56 && b.length() == 56),
                String.valueOf(pane.bookmarks.items));
        robot.rightClickOn(row5);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(menuText(robot, "Show Bytes (0x118, 56 B)"));
        assertEquals(5 * 56, pane.model.selectionStart());
        assertEquals(56, pane.model.selectionLength());

        // A number's column offers a plot; a string's does not (it was offered, then refused).
        java.util.List<String> qty = new java.util.ArrayList<>();
        java.util.List<String> sym = new java.util.ArrayList<>();
        robot.interact(() -> {
            for (var c : table.table.getColumns()) {
                if (c.getGraphic() instanceof javafx.scene.control.Label l && (l.getText().equals("qty") || l.getText().equals("sym"))) {
                    @SuppressWarnings("unchecked")
                    var col = (javafx.scene.control.TableColumn<Integer, ?>) c;
                    table.rowMenu(5, col).getItems().forEach(item -> (l.getText().equals("qty") ? qty : sym).add(item.getText()));
                }
            }
        });
        assertTrue(qty.contains("Plot qty"), qty.toString());
        assertTrue(sym.contains("Copy Value of sym"), sym.toString());
        assertTrue(sym.stream().noneMatch(t -> t != null && t.startsWith("Plot")), sym.toString());
    }

    @Test
    void aHexSelectionCopiesAsHexPythonAndJsonAndFollowsAPointer(FxRobot robot) throws Exception {
        Path file = dir.resolve("ticks.bin");
        Map<String, String[]> truth = Gcc.ticks(dir, file, 40, 1);
        byte[] all = Files.readAllBytes(file);
        OpenData.open(robot, pane, file);
        robot.interact(() -> {
            pane.overlayBar.choose("Tick", "0", false);
            pane.model.select(56, 56);
        });
        // Ctrl+C in the hex column: the selection as spaced hex.
        robot.interact(() -> pane.hexView.requestFocus());
        robot.press(KeyCode.CONTROL, KeyCode.C).release(KeyCode.C, KeyCode.CONTROL);
        String[] clip = new String[1];
        robot.interact(() -> clip[0] = javafx.scene.input.Clipboard.getSystemClipboard().getString());
        assertEquals(java.util.HexFormat.ofDelimiter(" ").formatHex(all, 56, 112), clip[0]);

        // A right click inside the selection keeps it; Copy as › Python Bytes evaluates to those bytes.
        Point2D inside = pane.hexView.localToScreen(pane.hexView.pointOf(60, HexViewModel.Pane.HEX));
        robot.rightClickOn(inside);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(56, pane.model.selectionStart());
        assertEquals(56, pane.model.selectionLength());
        subMenuItem(robot, "Copy as", "Python Bytes");
        robot.interact(() -> clip[0] = javafx.scene.input.Clipboard.getSystemClipboard().getString());
        Path lit = dir.resolve("lit.txt");
        Files.writeString(lit, clip[0]);
        Process py = new ProcessBuilder("python3", "-c",
                "import sys, ast\nprint(ast.literal_eval(open(sys.argv[1]).read()) == open(sys.argv[2], 'rb').read()[56:112])",
                lit.toString(), file.toString()).redirectErrorStream(true).start();
        String said = new String(py.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
        assertTrue(py.waitFor(30, TimeUnit.SECONDS));
        assertEquals("True", said);

        // Copy as › Tick Record as JSON: record 1 as gcc wrote it.
        robot.rightClickOn(inside);
        WaitForAsyncUtils.waitForFxEvents();
        subMenuItem(robot, "Copy as", "Tick Record as JSON");
        robot.interact(() -> clip[0] = javafx.scene.input.Clipboard.getSystemClipboard().getString());
        com.fasterxml.jackson.databind.JsonNode rec = new com.fasterxml.jackson.databind.ObjectMapper().readTree(clip[0]);
        assertEquals(truth.get("id")[1], rec.get("id").asText());
        assertEquals(truth.get("ts")[1], rec.get("ts").asText());

        // Follow: the u32 at the selection start, read little-endian, names an offset; the caret goes there.
        long target = Integer.toUnsignedLong(java.nio.ByteBuffer.wrap(all, 56, 4).order(ByteOrder.LITTLE_ENDIAN).getInt());
        robot.rightClickOn(inside);
        WaitForAsyncUtils.waitForFxEvents();
        String label = target < all.length ? String.format("u32 LE → 0x%X", target) : String.format("u32 LE = 0x%x — outside the data", target);
        subMenuItem(robot, "Follow Pointer at 0x38", label);
        if (target < all.length) {
            assertEquals(target, pane.model.caret());
        } else {
            robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
            robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        }

        // Bookmark from the menu.
        robot.interact(() -> pane.model.select(56, 56));
        robot.rightClickOn(inside);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(menuText(robot, "Bookmark 56 B at 0x38 (Ctrl+B)"));
        assertTrue(pane.bookmarks.items.stream().anyMatch(b -> b.offset() == 56 && b.length() == 56),
                String.valueOf(pane.bookmarks.items));
    }

    /**
     * Opens submenu {@code menu} and clicks its {@code item}: the pointer goes sideways onto the
     * submenu's first row before it goes down, so it never crosses the parent menu's other rows
     * (which would close the submenu).
     */
    private static void subMenuItem(FxRobot robot, String menu, String item) {
        Node parent = menuText(robot, menu);
        robot.clickOn(parent);
        Node target = menuText(robot, item);
        javafx.geometry.Bounds p = parent.localToScreen(parent.getBoundsInLocal());
        javafx.geometry.Bounds t = target.localToScreen(target.getBoundsInLocal());
        robot.moveTo(new Point2D(t.getCenterX(), p.getCenterY()));
        robot.clickOn(menuText(robot, item));
    }

    /** A context menu's item once it shows (menus open a pulse or two after the click). */
    private static Node menuText(FxRobot robot, String text) {
        for (int i = 0; i < 80; i++) {
            var hit = robot.lookup(n -> n instanceof javafx.scene.control.Labeled l && text.equals(l.getText()) && n.isVisible()
                            && n.getScene() != null && n.getScene().getWindow() != null && n.getScene().getWindow().isShowing())
                    .tryQuery();
            if (hit.isPresent()) {
                return hit.get();
            }
            robot.sleep(25);
        }
        throw new AssertionError("no menu item " + text);
    }

    @Test
    void findAllCountsEveryMatchAndTheListGoesToEach(FxRobot robot) throws Exception {
        byte[] data = new byte[3 << 20];
        long[] at = {7, 1 << 20, (2 << 20) + 3, (3 << 20) - 6};
        for (long a : at) {
            System.arraycopy("NEEDLE".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, data, (int) a, 6);
        }
        Path file = dir.resolve("n.bin");
        Files.write(file, data);
        OpenData.open(robot, pane, file);
        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        robot.write("NEEDLE");
        robot.clickOn("#hex-find-all");
        awaitSearch();
        assertEquals(at.length, pane.search.matchCount.get());
        assertEquals("4 matches", pane.search.status.message.get());
        javafx.scene.control.ListView<?> list = robot.lookup("#search-matches").queryAs(javafx.scene.control.ListView.class);
        assertTrue(list.isVisible(), "Find All brings the list to the front");
        robot.interact(() -> list.getSelectionModel().select(2));
        assertEquals(at[2], pane.model.selectionStart());
        assertEquals(6, pane.model.selectionLength());
        assertEquals("match 3 of 4 at 0x200003", pane.search.status.message.get());
        robot.type(KeyCode.F3);
        awaitSearch();
        assertEquals(at[3], pane.model.selectionStart());
        assertTrue(pane.search.status.message.get().startsWith("match 4 of 4"), pane.search.status.message.get());
    }

    @Test
    void searchFindsEveryMatchForwardAndBackward(FxRobot robot) throws Exception {
        byte[] v = SearchQuery.parse(SearchQuery.Kind.VALUE, "u32be=3405691582").pattern(); // CA FE BA BE
        long[] at = {0x123, 40L << 20, (64L << 20) - 4};
        Path file = dir.resolve("s.bin");
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(64L << 20);
            for (long a : at) {
                f.seek(a);
                f.write(v);
            }
        }
        OpenData.open(robot, pane, file);
        robot.interact(() -> {
            pane.search.kind.set(SearchQuery.Kind.HEX);
        });
        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        robot.write("ca fe ba be");
        for (long a : at) {
            robot.type(KeyCode.F3);
            WaitForAsyncUtils.waitForFxEvents();
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !pane.search.status.running.get()
                    && !pane.search.status.message.get().startsWith("searching"));
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(a, pane.model.selectionStart(), pane.search.status.message.get());
            assertEquals(4, pane.model.selectionLength());
        }
        // Past the last match, F3 goes round to the first one and says so; Shift+F3 goes back round.
        robot.type(KeyCode.F3);
        awaitSearch();
        assertEquals(at[0], pane.model.selectionStart());
        assertEquals("found at 0x123 (wrapped past the end)", pane.search.status.message.get());
        robot.press(KeyCode.SHIFT).type(KeyCode.F3).release(KeyCode.SHIFT);
        awaitSearch();
        assertEquals(at[2], pane.model.selectionStart());
        assertTrue(pane.search.status.message.get().endsWith("(wrapped past the start)"),
                pane.search.status.message.get());
        robot.press(KeyCode.SHIFT).type(KeyCode.F3).release(KeyCode.SHIFT);
        awaitSearch();
        assertEquals(at[1], pane.model.selectionStart());
        // A pattern the file does not hold: said once, for the whole file.
        robot.interact(() -> pane.search.text.set("de ad be ef"));
        robot.type(KeyCode.F3);
        awaitSearch();
        assertEquals("not found in the file", pane.search.status.message.get());
        assertEquals(at[1], pane.model.selectionStart());
    }

    private void awaitSearch() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !pane.search.status.running.get()
                && !pane.search.status.message.get().startsWith("searching"));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theInspectorReadsAtTheStartOfTheSelectionWhicheverEndTheCaretIsAt(FxRobot robot) throws Exception {
        byte[] bytes = new byte[64];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (0x10 + i);
        }
        Path file = Files.write(dir.resolve("counting.bin"), bytes);
        OpenData.open(robot, pane, file);
        robot.interact(() -> pane.model.moveTo(4, false));
        robot.clickOn(pane.hexView);
        robot.interact(() -> pane.model.moveTo(4, false));
        robot.press(KeyCode.SHIFT).type(KeyCode.RIGHT, 3).release(KeyCode.SHIFT);
        assertEquals(7, pane.model.caret());
        assertEquals("20", u8(), "byte 4 (0x14 = 20), where the selection starts, not byte 7 under the caret");
        robot.interact(() -> pane.model.moveTo(12, false));
        robot.press(KeyCode.SHIFT).type(KeyCode.LEFT, 2).release(KeyCode.SHIFT);
        assertEquals("26", u8(), "selected backwards: byte 10 (0x1A)");
    }

    private String u8() {
        return pane.inspectorView.table.getItems().stream()
                .filter(r -> r.name().equals("u8")).findFirst().orElseThrow().little();
    }

    @Test
    void emptyMissingAndChangedFilesGetMessagesInThePane(FxRobot robot) throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.bin"));
        OpenData.open(robot, pane, empty);
        assertTrue(pane.messageLabel.isVisible());
        assertTrue(pane.messageLabel.getText().contains("empty"), pane.messageLabel.getText());
        // The decoded tab says why too (it said "Open a file to decode its bytes." with one open).
        assertTrue(pane.fieldsView.placeholder.getText().contains("is empty"), pane.fieldsView.placeholder.getText());
        OpenData.open(robot, pane, dir);
        assertTrue(pane.messageLabel.getText().contains("directory"), pane.messageLabel.getText());
        Path grows = Files.write(dir.resolve("grows.bin"), new byte[100]);
        OpenData.open(robot, pane, grows);
        assertFalse(pane.messageLabel.isVisible());
        assertFalse(pane.bannerShown());
        Files.write(grows, new byte[200]);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> pane.bannerShown());
        assertTrue(pane.bannerText().contains("changed size"), pane.bannerText());
        robot.clickOn("Reload");
        assertFalse(pane.bannerShown());
        assertEquals(200, pane.model.size());
    }

    /** Counting, not timing: the first screen of a 16 GiB file reads only its visible rows. */
    @Test
    void hugeFileFirstScreenTouchesOnlyTheVisibleRows(FxRobot robot) throws Exception {
        long size = 16L << 30;
        Path file = sparse(dir.resolve("huge.bin"), size, size - 1, new byte[]{1});
        CountingSource src = new CountingSource(Sources.open(file));
        try {
            long paintsBefore = pane.hexView.paintCount();
            robot.interact(() -> pane.setSource(src));
            WaitForAsyncUtils.waitForFxEvents();
            HexViewModel m = pane.model;
            int visible = m.visibleRows();
            long paints = pane.hexView.paintCount() - paintsBefore;
            assertTrue(visible > 10, "rows on screen: " + visible);
            assertTrue(pane.hexView.rowsPaintedLast() <= visible + 1, "painted " + pane.hexView.rowsPaintedLast());
            // Each paint reads one slice of at most visible+1 rows; the inspector one of 64 bytes.
            long bound = paints * (visible + 1L) * m.bytesPerRow.get() + 64L * 4;
            assertTrue(src.bytes.get() <= bound, "read " + src.bytes.get() + " bytes, bound " + bound);
            assertEquals(size / 16, m.rowCount());
            long before = src.bytes.get();
            long paintsMid = pane.hexView.paintCount();
            robot.clickOn(pane.hexView).press(KeyCode.CONTROL, KeyCode.END).release(KeyCode.END, KeyCode.CONTROL);
            assertEquals(size - 1, m.caret());
            long readAtEnd = src.bytes.get() - before;
            long paintsAtEnd = pane.hexView.paintCount() - paintsMid;
            assertTrue(readAtEnd <= paintsAtEnd * (visible + 1L) * 16 + 64L * 4, "jumping to the end read " + readAtEnd);
            assertTrue(pane.hexView.rowsPaintedLast() <= visible + 1);
        } finally {
            robot.interact(() -> pane.setSource(null));
            src.close();
        }
    }
}
