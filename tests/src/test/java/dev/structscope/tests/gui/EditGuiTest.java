package dev.structscope.tests.gui;

import dev.structscope.tests.hexview.OpenData;
import dev.structscope.app.fields.FieldItem;
import dev.structscope.app.fields.FieldRow;
import dev.structscope.app.hexview.HexPane;
import dev.structscope.app.hexview.HexViewModel;
import javafx.geometry.Point2D;
import javafx.scene.control.TreeItem;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

import java.io.RandomAccessFile;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Editing data in the window (issue 17): values typed into the decoded tree, bytes typed over in
 * the hex pane, undo and redo, Save Data and Save Data As — checked against Python ctypes making
 * the same assignments into a copy of the file (the outside truth) and against the bytes on disk.
 */
class EditGuiTest extends GuiTest {
    @TempDir
    Path dir;
    /** The data file the situation opened, and what it must hold after the situation's edits (where a script wrote that). */
    Path data;
    Path expected;

    static final String HEADER = """
            #include <stdint.h>
            enum Side { BUY = 0, SELL = 1 };
            struct Rec { uint32_t magic; unsigned a : 3; int b : 5; unsigned c : 12; enum Side side;
                         char venue[6]; int32_t id; float price; double qty; };
            """;

    /** Random records, then the same assignments ctypes makes into record 1 of a copy. */
    static final String CTYPES = """
            import ctypes, random, sys
            out, expected = sys.argv[1], sys.argv[2]
            class Rec(ctypes.LittleEndianStructure):
                _fields_ = [("magic", ctypes.c_uint32), ("a", ctypes.c_uint, 3), ("b", ctypes.c_int, 5),
                            ("c", ctypes.c_uint, 12), ("side", ctypes.c_int), ("venue", ctypes.c_char * 6),
                            ("id", ctypes.c_int32), ("price", ctypes.c_float), ("qty", ctypes.c_double)]
            rnd = random.Random(17)
            data = bytearray(rnd.getrandbits(8) for _ in range(3 * ctypes.sizeof(Rec) + 5))
            open(out, "wb").write(data)
            r = Rec.from_buffer(data, ctypes.sizeof(Rec))
            r.b = -3
            r.side = 1
            ctypes.memmove(ctypes.addressof(r) + Rec.venue.offset, b"XNAS".ljust(6, b"\\0"), 6)
            r.id = -12345
            r.price = 101.25
            open(expected, "wb").write(data)
            print(ctypes.sizeof(Rec))
            """;

    HexPane hex;
    final List<String> asked = new ArrayList<>();
    String answer;

    @BeforeEach
    void dataPane() {
        hex = window.dataPane.hexPane;
        interact(() -> hex.saving.setAsker((title, text, options) -> {
            asked.add(title);
            return answer;
        }));
    }

    static List<String> python(Path dir, String script, String... args) throws Exception {
        Path file = dir.resolve("script.py");
        Files.writeString(file, script);
        List<String> cmd = new ArrayList<>(List.of("python3", file.toString()));
        cmd.addAll(List.of(args));
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            assumeTrue(false, "python3 is not installed");
            return List.of();
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "python timed out");
        assertEquals(0, p.exitValue(), "python failed: " + out);
        return out.lines().toList();
    }

    /**
     * Writes {@code header} to {@code stem.h}, runs {@code script} with {@link #data} ({@code stem.bin})
     * and {@link #expected} ({@code stem.expected}) as its arguments (it writes both), opens
     * {@code type} of the header and then the data in the hex pane. Returns the lines the script printed.
     */
    List<String> openWritten(String stem, String header, String type, String script) throws Exception {
        Path h = dir.resolve(stem + ".h");
        Files.writeString(h, header);
        data = dir.resolve(stem + ".bin");
        expected = dir.resolve(stem + ".expected");
        List<String> printed = python(dir, script, data.toString(), expected.toString());
        interact(() -> vm.open(h, type, null));
        settle();
        openData(data);
        return printed;
    }

    /** Opens {@code data} as the data file and waits until the hex pane shows it. */
    void openData(Path data) {
        interact(() -> vm.setDataFile(data));
        await("the hex pane to show " + data, () -> hex.model.source.get() != null
                && hex.model.source.get().name().endsWith(data.getFileName().toString()));
    }

    void waitForSave() {
        await("the save to finish", 120, () -> !hex.edits.saving.get() && !hex.saving.running.get());
    }

    byte[] shown(long offset, int length) {
        return hex.model.source.get().slice(offset, length).toArray(ValueLayout.JAVA_BYTE);
    }

    FieldItem member(String name) {
        TreeItem<FieldRow> root = hex.fieldsView.root();
        assertNotNull(root, "the tree shows a record: " + hex.fieldsView.placeholder.getText());
        for (TreeItem<FieldRow> c : root.getChildren()) {
            if (c.getValue().name().equals(name)) {
                return (FieldItem) c;
            }
        }
        throw new AssertionError("no member " + name);
    }

    /** Selects the member's row, presses F2 and types {@code text} + Enter, as a person would. */
    void typeValue(String name, String text) {
        typeValue(member(name), text);
    }

    /** As {@link #typeValue(String, String)} for any row of the tree (an array element, a nested member). */
    void typeValue(FieldItem item, String text) {
        interact(() -> {
            hex.showPane("decoded");
            hex.fieldsView.tree.getSelectionModel().select(item);
            hex.fieldsView.tree.scrollTo(Math.max(0, hex.fieldsView.tree.getRow(item) - 1));
            hex.fieldsView.tree.requestFocus();
        });
        push(KeyCode.F2);
        WaitForAsyncUtils.waitForFxEvents();
        assertNotNull(lookup("#value-editor").query(), "F2 opened the value's editor");
        assertTrue(lookup("#value-editor").query().isFocused(), "the editor has the focus");
        push(KeyCode.CONTROL, KeyCode.A);
        write(text);
        push(KeyCode.ENTER);
        waitForTree();
    }

    /** Waits until the tree shows the record last asked for (a dynamic record is decoded on the task runner). */
    void waitForTree() {
        dev.structscope.tests.hexview.DecodedTree.await(this, hex.fieldsView);
    }

    String value(String name) {
        return member(name).getValue().value();
    }

    void focusHex() {
        interact(() -> hex.hexView.requestFocus());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Nested
    class ARecordFromCtypes {
        int size;

        @BeforeEach
        void open() throws Exception {
            size = Integer.parseInt(openWritten("rec", HEADER, "Rec", CTYPES).getLast().strip());
            interact(() -> hex.overlayBar.choose("Rec", "0x" + Integer.toHexString(size), false));
            WaitForAsyncUtils.waitForFxEvents();
        }

        @Test
        void valuesTypedInTheTreeChangeTheBytesUndoRedoSaveAndReadBack() throws Exception {
            byte[] before = Files.readAllBytes(data);
            typeValue("id", "-12345");
            assertEquals("-12345", value("id"));
            assertArrayEquals(new byte[] {(byte) 0xC7, (byte) 0xCF, (byte) 0xFF, (byte) 0xFF}, shown(size + 20, 4),
                    "the hex shows the new bytes of id");
            assertTrue(hex.edits.modified.get());
            assertEquals(List.of(new dev.structscope.io.edit.EditOverlay.Range(size + 20, 4)),
                    hex.edits.changedRanges(0, before.length), "the changed bytes are marked");
            assertArrayEquals(before, Files.readAllBytes(data), "nothing is written before Save");

            // Enter gave the focus back to the tree (the field it was typed in is gone): the next
            // keys reach the data, Ctrl+Z included, with no click first.
            assertTrue(hex.fieldsView.tree.isFocused(), "focus after Enter: " + hex.fieldsView.tree.getScene().getFocusOwner());
            push(KeyCode.CONTROL, KeyCode.Z);
            WaitForAsyncUtils.waitForFxEvents();
            assertFalse(hex.edits.modified.get(), "Ctrl+Z right after Enter undid the edit");
            push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Z);
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals("-12345", value("id"));

            focusHex();
            push(KeyCode.CONTROL, KeyCode.Z);
            WaitForAsyncUtils.waitForFxEvents();
            assertArrayEquals(java.util.Arrays.copyOfRange(before, size + 20, size + 24), shown(size + 20, 4), "undone");
            assertFalse(hex.edits.modified.get());
            push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Z);
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals("-12345", value("id"), "redone");
            int members = designer().rows.size();
            clickOn("#undo");
            WaitForAsyncUtils.waitForFxEvents();
            assertFalse(hex.edits.modified.get(), "the toolbar's Undo undid the data edit (the data kept the focus)");
            assertEquals(members, designer().rows.size(), "and left the layout alone");
            clickOn("#redo");
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals("-12345", value("id"), "the toolbar's Redo redid it");

            typeValue("side", "SELL");
            typeValue("venue", "XNAS");
            typeValue("b", "-3");
            typeValue("price", "101.25");
            assertEquals("SELL (1)", value("side"));
            assertEquals("\"XNAS\"", value("venue"));
            assertEquals("101.25", value("price"));

            focusHex();
            push(KeyCode.CONTROL, KeyCode.ALT, KeyCode.S);
            waitForSave();
            assertFalse(hex.edits.modified.get(), "saved: " + hex.editStatus.getText());
            assertArrayEquals(Files.readAllBytes(expected), Files.readAllBytes(data),
                    "the file equals what ctypes made of the same assignments, every other byte unchanged");
            assertFalse(Files.exists(dev.structscope.io.write.Journal.pathFor(data)), "no journal left");

            OpenData.open(EditGuiTest.this, hex, data);
            interact(() -> hex.overlayBar.choose("Rec", "0x" + Integer.toHexString(size), false));
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals("-12345", value("id"), "read back after reopening");
            assertEquals("SELL (1)", value("side"));
        }

        @Test
        void anInvalidValueIsRefusedInPlaceAndEscapeCancels() throws Exception {
            byte[] before = Files.readAllBytes(data);
            typeValue("side", "HOLD");
            var editor = lookup("#value-editor").queryAs(javafx.scene.control.TextField.class);
            assertTrue(editor.isVisible() && editor.getScene() != null, "the editor stays open");
            assertNotNull(editor.getTooltip(), "the reason is on the field");
            assertTrue(editor.getTooltip().getText().contains("HOLD"), editor.getTooltip().getText());
            assertTrue(hex.editStatus.getText().contains("HOLD"), hex.editStatus.getText());
            assertFalse(hex.edits.modified.get());
            push(KeyCode.ESCAPE);
            WaitForAsyncUtils.waitForFxEvents();
            assertNull(hex.fieldsView.tree.getEditingCell(), "Escape cancelled");
            typeValue("venue", "TOOLONG");
            assertTrue(hex.editStatus.getText().contains("does not fit"), hex.editStatus.getText());
            push(KeyCode.ESCAPE);
            assertArrayEquals(before, shown(0, before.length));
        }

        @Test
        void aRecordTableCellIsTypedLikeTheTreeAndMatchesCtypes() throws Exception {
            interact(() -> hex.overlayBar.choose("Rec", "0x0", true));
            WaitForAsyncUtils.waitForFxEvents();
            var table = hex.recordTable.table;
            for (String[] edit : new String[][] {{"id", "-12345"}, {"side", "SELL"}, {"venue", "XNAS"}, {"b", "-3"},
                    {"price", "101.25"}}) {
                interact(() -> {
                    var col = table.getColumns().stream().filter(c -> c.getGraphic() instanceof javafx.scene.control.Label l
                            && l.getText().equals(edit[0])).findFirst().orElseThrow();
                    table.scrollTo(1);
                    table.getSelectionModel().select(1);
                    table.scrollToColumn(col);
                    table.edit(1, col);
                });
                WaitForAsyncUtils.waitForFxEvents();
                assertTrue(lookup("#table-editor").query().isFocused(), "the cell's editor has the focus: " + table.getScene().getFocusOwner() + " / " + lookup("#table-editor").queryAll().size());
                push(KeyCode.CONTROL, KeyCode.A);
                write(edit[1]);
                push(KeyCode.ENTER);
                WaitForAsyncUtils.waitForFxEvents();
                assertNull(table.getEditingCell(), edit[0] + " was accepted: " + hex.editStatus.getText());
            }
            assertArrayEquals(Files.readAllBytes(expected), shown(0, (int) hex.model.size()),
                    "the edited content equals what ctypes made of the same assignments");
        }

        @Test
        void closingWithUnsavedEditsAsks() {
            typeValue("id", "7");
            answer = null; // Cancel
            interact(() -> hex.open(expected));
            assertEquals(List.of("Unsaved data edits"), asked);
            assertTrue(hex.edits.modified.get(), "Cancel keeps the edits");
            interact(() -> stage.fireEvent(new javafx.stage.WindowEvent(stage, javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST)));
            assertEquals(List.of("Unsaved data edits", "Unsaved data edits"), asked, "closing the window asks too");
            assertTrue(stage.isShowing(), "Cancel keeps the window open");
            answer = "Discard";
            interact(() -> assertTrue(hex.saving.confirmDiscard("quitting", () -> { })));
        }
    }

    @Nested
    class ADynamicRecordFromPython {
        static final String DYNAMIC = """
                #include <stdint.h>
                struct Msg { uint8_t kind; uint8_t n; uint8_t lo : 4, hi : 4; int32_t vals[n]; char tag[4]; };
                """;

        /** Two messages as Python's struct packs them; then the same edits made into the first one. */
        static final String PACK = """
                import struct, sys
                out, expected = sys.argv[1], sys.argv[2]
                def msg(kind, lo, hi, vals, tag):
                    head = struct.pack('<BBB', kind, len(vals), lo | hi << 4) + b'\\0'
                    return head + struct.pack('<%di' % len(vals), *vals) + tag.ljust(4, b'\\0')
                d = bytearray(msg(2, 1, 2, [10, 20, 30], b'ab') + msg(1, 5, 6, [99], b'q'))
                open(out, 'wb').write(d)
                struct.pack_into('<i', d, 4 + 4 * 1, -7)          # vals[1] = -7
                d[2] = (d[2] & 0x0F) | (9 << 4)                   # hi = 9, lo kept
                d[16:20] = b'zz\\0\\0'                           # tag = "zz"
                d[1] = 2                                           # n = 2: the record shrinks
                open(expected, 'wb').write(d)
                """;

        @BeforeEach
        void open() throws Exception {
            openWritten("msg", DYNAMIC, "Msg", PACK);
            interact(() -> hex.overlayBar.choose("Msg", "0x0", false));
            waitForTree();
        }

        FieldItem element(String array, int index) {
            for (TreeItem<FieldRow> c : member(array).getChildren()) {
                if (c.getValue().name().equals("[" + index + "]")) {
                    return (FieldItem) c;
                }
            }
            throw new AssertionError("no element " + array + "[" + index + "]");
        }

        @Test
        void membersWhereverTheContentPutThemAreTypedAndACountReshapesTheRecord() throws Exception {
            assertEquals(3, member("vals").getChildren().size());
            interact(() -> member("vals").setExpanded(true));
            typeValue(element("vals", 1), "-7");
            assertEquals("-7", element("vals", 1).getValue().value(), hex.editStatus.getText());
            typeValue("hi", "9");
            typeValue("tag", "zz");
            assertEquals("\"zz\"", value("tag"));
            typeValue("n", "300");
            assertTrue(hex.editStatus.getText().contains("300"), "out of range for uint8_t: " + hex.editStatus.getText());
            push(KeyCode.ESCAPE);
            typeValue("n", "2");
            assertEquals(2, member("vals").getChildren().size(), "the record was decoded again with two values");
            assertArrayEquals(Files.readAllBytes(expected), shown(0, (int) hex.model.size()),
                    "the content equals what Python's struct made of the same edits, every other byte unchanged");
        }

        /** Opens the cell of member {@code path} on row {@code row} of the record table and types {@code text} + Enter. */
        void typeCell(int row, String path, String text) {
            var table = hex.recordTable.table;
            interact(() -> {
                var col = table.getColumns().stream().filter(c -> c.getGraphic() instanceof javafx.scene.control.Label l
                        && l.getText().equals(path)).findFirst().orElseThrow(() -> new AssertionError("no column " + path));
                table.scrollTo(row);
                table.getSelectionModel().select(row);
                table.scrollToColumn(col);
                table.edit(row, col);
            });
            WaitForAsyncUtils.waitForFxEvents();
            assertNotNull(lookup("#table-editor").query(), path + ": the cell's editor opened");
            assertTrue(lookup("#table-editor").query().isFocused(), "the cell's editor has the focus: " + table.getScene().getFocusOwner() + " / " + lookup("#table-editor").queryAll().size());
            push(KeyCode.CONTROL, KeyCode.A);
            write(text);
            push(KeyCode.ENTER);
            waitForTree();
        }

        /** The whole records of Msg that lie back to back in {@code file}, as Python walks them. */
        long pythonWalk(Path file) throws Exception {
            return Long.parseLong(python(dir, """
                    import sys
                    d = open(sys.argv[1], 'rb').read()
                    at = n = 0
                    while at + 4 <= len(d) and at + 4 + 4 * d[at + 1] + 4 <= len(d):
                        at += 4 + 4 * d[at + 1] + 4; n += 1
                    print(n)
                    """, file.toString()).getFirst().strip());
        }

        @Test
        void cellsOfTheRecordTableAreTypedAsTheTreeTypesThemAndACountReshapesTheWalk() throws Exception {
            interact(() -> hex.overlayBar.choose("Msg", "0x0", true));
            waitForTree();
            var table = hex.recordTable.table;
            var records = hex.recordTable.viewModel;
            assertEquals(pythonWalk(data), records.recordCount());
            // An array is one column (its elements differ per record): its element is typed in the tree.
            interact(() -> member("vals").setExpanded(true));
            typeValue(element("vals", 1), "-7");
            typeCell(0, "hi", "9");
            assertNull(table.getEditingCell(), "hi was accepted: " + hex.editStatus.getText());
            typeCell(0, "tag", "zz");
            assertEquals("\"zz\"", records.dynamicCell("tag", 0));
            typeCell(0, "n", "300");
            assertNotNull(table.getEditingCell(), "a value that does not fit stays in its cell");
            assertTrue(hex.editStatus.getText().contains("300"), "out of range for uint8_t: " + hex.editStatus.getText());
            push(KeyCode.ESCAPE);
            WaitForAsyncUtils.waitForFxEvents();
            assertNull(table.getEditingCell(), "Escape cancelled");
            typeCell(0, "n", "2");
            assertNull(table.getEditingCell(), "n was accepted: " + hex.editStatus.getText());
            assertArrayEquals(Files.readAllBytes(expected), shown(0, (int) hex.model.size()),
                    "the content equals what Python's struct made of the same edits, every other byte unchanged");
            for (int i = 0; i < 200 && records.walking(); i++) {
                sleep(25);
            }
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(pythonWalk(expected), records.recordCount(), "the records were found again after the count changed: "
                    + records.info.get());
            assertEquals("2", records.dynamicCell("n", 0));
            for (int i = 0; i < 4; i++) {
                interact(() -> hex.edits.undo());
            }
            WaitForAsyncUtils.waitForFxEvents();
            for (int i = 0; i < 200 && records.walking(); i++) {
                sleep(25);
            }
            WaitForAsyncUtils.waitForFxEvents();
            assertArrayEquals(Files.readAllBytes(data), shown(0, (int) hex.model.size()), "four undos restore the bytes");
            assertEquals(pythonWalk(data), records.recordCount(), "and the records");
        }
    }

    @Nested
    class TypingOverBytes {
        @BeforeEach
        void open() throws Exception {
            data = dir.resolve("bytes.bin");
            byte[] b = new byte[256];
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) i;
            }
            Files.write(data, b);
            openData(data);
        }

        @Test
        void hexDigitsAndAsciiCharactersOverwriteAndSaveInPlace() throws Exception {
            Point2D p = hex.hexView.pointOf(0x10, HexViewModel.Pane.HEX);
            clickOn(hex.hexView.localToScreen(p));
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(0x10, hex.model.caret());
            write("ab9");
            WaitForAsyncUtils.waitForFxEvents();
            assertArrayEquals(new byte[] {(byte) 0xAB, (byte) 0x91}, shown(0x10, 2), "AB, then the high nibble of 0x11");
            assertEquals(0x11, hex.model.caret());
            push(KeyCode.CONTROL, KeyCode.Z);
            WaitForAsyncUtils.waitForFxEvents();
            assertArrayEquals(new byte[] {(byte) 0xAB, 0x11}, shown(0x10, 2), "one undo takes back the half-typed byte");
            push(KeyCode.CONTROL, KeyCode.Z);
            WaitForAsyncUtils.waitForFxEvents();
            assertArrayEquals(new byte[] {0x10, 0x11}, shown(0x10, 2), "and one more the whole byte AB");
            push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Z);
            push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Z);
            WaitForAsyncUtils.waitForFxEvents();
            assertArrayEquals(new byte[] {(byte) 0xAB, (byte) 0x91}, shown(0x10, 2), "redone");
            Point2D a = hex.hexView.pointOf(0x20, HexViewModel.Pane.ASCII);
            clickOn(hex.hexView.localToScreen(a));
            write("Hi");
            WaitForAsyncUtils.waitForFxEvents();
            assertArrayEquals("Hi".getBytes(StandardCharsets.ISO_8859_1), shown(0x20, 2));
            assertEquals(256, hex.model.size(), "overwrite keeps the size");
            assertFalse(hex.edits.changedRanges(0x10, 0x12).isEmpty(), "typed bytes are marked");

            interact(hex::saveData);
            waitForSave();
            byte[] saved = Files.readAllBytes(data);
            assertEquals(256, saved.length);
            assertEquals((byte) 0xAB, saved[0x10]);
            assertEquals((byte) 0x91, saved[0x11]);
            assertEquals('H', saved[0x20]);
            assertEquals('i', saved[0x21]);
            assertEquals((byte) 0x12, saved[0x12], "the bytes around are unchanged");
            assertEquals((byte) 0x1F, saved[0x1F]);
            assertTrue(hex.edits.changedRanges(0, 256).isEmpty(), "no marks after saving");
        }

        /** Opens the inspector's editor of row {@code name} in column {@code columnId} and types {@code text} + Enter. */
        void typeInInspector(String name, String columnId, String text) {
            var table = hex.inspectorView.table;
            interact(() -> {
                hex.showPane("inspector");
                int row = -1;
                for (int i = 0; i < table.getItems().size(); i++) {
                    if (table.getItems().get(i).name().equals(name)) {
                        row = i;
                    }
                }
                table.scrollTo(row);
                table.getSelectionModel().select(row);
                var col = table.getColumns().stream().filter(c -> columnId.equals(c.getId())).findFirst().orElseThrow();
                table.edit(row, col);
            });
            WaitForAsyncUtils.waitForFxEvents();
            assertTrue(lookup("#inspector-editor").query().isFocused(), "the inspector's editor has the focus");
            push(KeyCode.CONTROL, KeyCode.A);
            write(text);
            push(KeyCode.ENTER);
            waitForTree();
        }

        @Test
        void theInspectorSetsTheU32AtTheCaretInEitherByteOrder() {
            interact(() -> hex.model.moveTo(0x30, false));
            typeInInspector("u32", "inspector-little", "0x11223344");
            assertArrayEquals(new byte[] {0x44, 0x33, 0x22, 0x11, 0x34}, shown(0x30, 5));
            typeInInspector("u32", "inspector-big", "0xA1B2C3D4");
            assertArrayEquals(new byte[] {(byte) 0xA1, (byte) 0xB2, (byte) 0xC3, (byte) 0xD4}, shown(0x30, 4));
            typeInInspector("i16", "inspector-little", "40000");
            assertTrue(lookup("#inspector-editor").queryAs(javafx.scene.control.TextField.class).getTooltip().getText()
                    .contains("out of range"), "refused in place");
            push(KeyCode.ESCAPE);
            assertArrayEquals(new byte[] {(byte) 0xA1, (byte) 0xB2}, shown(0x30, 2), "nothing written");
            focusHex();
            push(KeyCode.CONTROL, KeyCode.Z);
            WaitForAsyncUtils.waitForFxEvents();
            assertArrayEquals(new byte[] {0x44, 0x33, 0x22, 0x11}, shown(0x30, 4), "each value is one undo step");
        }

        @Test
        void aSelectionIsFilledAndHexIsPastedAtTheCaret() {
            interact(() -> hex.model.select(0x40, 6));
            interact(() -> assertNull(hex.fillSelection(dev.structscope.app.hexview.SearchQuery.Kind.HEX, "de ad")));
            assertArrayEquals(new byte[] {0x3F, (byte) 0xDE, (byte) 0xAD, (byte) 0xDE, (byte) 0xAD, (byte) 0xDE,
                    (byte) 0xAD, 0x46}, shown(0x3F, 8));
            interact(() -> assertNotNull(hex.fillSelection(dev.structscope.app.hexview.SearchQuery.Kind.HEX, "xyz")));
            interact(() -> hex.model.moveTo(0x80, false));
            focusHex();
            interact(() -> javafx.scene.input.Clipboard.getSystemClipboard().setContent(java.util.Map.of(javafx.scene.input.DataFormat.PLAIN_TEXT, "01 02 03")));
            push(KeyCode.CONTROL, KeyCode.V);
            WaitForAsyncUtils.waitForFxEvents();
            assertArrayEquals(new byte[] {1, 2, 3, (byte) 0x83}, shown(0x80, 4));
            assertEquals(256, hex.model.size(), "pasted over, not inserted");
            push(KeyCode.CONTROL, KeyCode.Z);
            WaitForAsyncUtils.waitForFxEvents();
            assertArrayEquals(new byte[] {(byte) 0x80, (byte) 0x81, (byte) 0x82}, shown(0x80, 3), "one undo step");
        }

        @Test
        void insertKeyTogglesInsertModeNotTheDesigner() {
            int members = designer().rows.size();
            interact(() -> hex.model.moveTo(0, false));
            focusHex();
            push(KeyCode.INSERT);
            WaitForAsyncUtils.waitForFxEvents();
            assertTrue(hex.edits.insertMode.get(), "Insert toggles insert mode in the data");
            assertEquals("INS", lookup("#edit-mode").queryLabeled().getText());
            assertEquals(members, designer().rows.size(), "no member was added to the designer");
            write("7f");
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(257, hex.model.size());
            assertArrayEquals(new byte[] {0x7F, 0x00, 0x01}, shown(0, 3));
        }

        @Test
        void aReadOnlyFileSaysSoBeforeTheFirstEdit() throws Exception {
            Path ro = dir.resolve("ro.bin");
            Files.write(ro, new byte[64]);
            assumeTrue(ro.toFile().setWritable(false) && !Files.isWritable(ro), "cannot make a read-only file here (root?)");
            openData(ro);
            assertTrue(hex.editStatus.getText().contains("read-only"), hex.editStatus.getText());
            focusHex();
            write("ff");
            WaitForAsyncUtils.waitForFxEvents();
            assertArrayEquals(new byte[2], shown(0, 2));
            assertTrue(hex.editStatus.getText().startsWith("Cannot edit"), hex.editStatus.getText());
        }
    }

    @Nested
    class AFileChangedByAnotherProgram {
        @BeforeEach
        void open() throws Exception {
            data = dir.resolve("shared.bin");
            Files.write(data, new byte[64]);
            openData(data);
            interact(() -> hex.model.moveTo(8, false));
            focusHex();
            write("aa");
            WaitForAsyncUtils.waitForFxEvents();
            byte[] theirs = new byte[64];
            theirs[40] = 0x77;
            Files.write(data, theirs);
            Files.setLastModifiedTime(data, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5000));
        }

        @Test
        void isNotOverwrittenWhenThePersonCancels() throws Exception {
            answer = null;
            interact(hex::saveData);
            waitForSave();
            assertEquals(List.of("File changed on disk"), asked);
            byte[] now = Files.readAllBytes(data);
            assertEquals(0, now[8], "not written");
            assertEquals(0x77, now[40], "the other program's byte is kept");
            assertTrue(hex.edits.modified.get(), "the edits are kept");
        }

        @Test
        void getsOnlyTheChangedBytesWhenThePersonSaysSo() throws Exception {
            answer = "Write My Changes over Theirs";
            interact(hex::saveData);
            waitForSave();
            byte[] now = Files.readAllBytes(data);
            assertEquals((byte) 0xAA, now[8], "the typed byte is written: " + hex.editStatus.getText());
            assertEquals(0x77, now[40], "every other byte stays as the other program left it");
        }
    }

    @Nested
    class AnInterruptedSave {
        /** A file of 1..8 whose in-place save of 9 9 at 2 and 7 7 at 5 stopped after the first range, its journal left. */
        Path interrupted() throws Exception {
            Path data = dir.resolve("journaled.bin");
            Files.write(data, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
            class Stop extends RuntimeException {
            }
            try {
                dev.structscope.io.write.InPlaceWriter.write(data,
                        List.of(new dev.structscope.io.write.Change(2, new byte[] {9, 9}),
                                new dev.structscope.io.write.Change(5, new byte[] {7, 7})), null,
                        new dev.structscope.io.write.InPlaceWriter.Hook() {
                            @Override
                            public void changeWritten(int index) {
                                throw new Stop(); // as if killed after the first range
                            }
                        });
            } catch (Stop expected) {
                // the journal stays
            }
            assertTrue(Files.exists(dev.structscope.io.write.Journal.pathFor(data)), "a journal was left");
            assertArrayEquals(new byte[] {1, 2, 9, 9, 5, 6, 7, 8}, Files.readAllBytes(data), "half written");
            return data;
        }

        /** Opens the interrupted file answering {@code reply}: the file, and what is shown, is then {@code now}, with no journal. */
        void openedAnswering(String reply, byte[] now) throws Exception {
            Path data = interrupted();
            answer = reply;
            openData(data);
            assertEquals(List.of("Interrupted save"), asked);
            assertArrayEquals(now, Files.readAllBytes(data), reply);
            assertArrayEquals(now, shown(0, 8), "and shown as it is now");
            assertFalse(Files.exists(dev.structscope.io.write.Journal.pathFor(data)), "the journal is gone");
        }

        @Test
        void isFinishedWhenThePersonSaysSo() throws Exception {
            openedAnswering("Finish the Save", new byte[] {1, 2, 9, 9, 5, 7, 7, 8});
        }

        @Test
        void isOfferedToRollBackWhenTheFileIsOpened() throws Exception {
            openedAnswering("Roll Back", new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        }
    }

    @Nested
    class ALargeSparseFile {
        @Test
        void bytesInsertedInThreeGibibytesAreSavedAsAnotherFile() throws Exception {
            long size = 3L << 30;
            long at = (3L << 29) + 5; // 1.5 GiB + 5
            Path big = dir.resolve("big.bin");
            try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
                f.setLength(size);
                f.seek(at - 2);
                f.write(new byte[] {0x11, 0x22, 0x33, 0x44});
                f.seek(size - 1);
                f.write(0x5A);
            }
            openData(big);
            interact(() -> hex.goTo("0x" + Long.toHexString(at)));
            focusHex();
            assertEquals(at, hex.model.caret());
            push(KeyCode.INSERT);
            write("dead");
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(size + 2, hex.model.size());
            assertArrayEquals(new byte[] {0x11, 0x22, (byte) 0xDE, (byte) 0xAD, 0x33, 0x44}, shown(at - 2, 6));
            Path out = dir.resolve("big-saved.bin");
            interact(() -> hex.saveDataAs(out));
            waitForSave();
            assertTrue(Files.exists(out), "saved as: " + hex.editStatus.getText());
            assertEquals(size + 2, Files.size(out));
            assertEquals(size, Files.size(big), "the original is untouched");
            try (RandomAccessFile f = new RandomAccessFile(out.toFile(), "r")) {
                byte[] around = new byte[8];
                f.seek(at - 3);
                f.readFully(around);
                assertArrayEquals(new byte[] {0, 0x11, 0x22, (byte) 0xDE, (byte) 0xAD, 0x33, 0x44, 0}, around);
                f.seek(size + 1);
                assertEquals(0x5A, f.read(), "the last byte moved by two");
            }
            // The window opens the saved file as the data file on the files lane, after the save.
            await("the saved file to be the data file", () -> out.equals(vm.dataFile.get()));
            assertEquals(out, vm.dataFile.get(), "the saved file is the data file now");
            Files.deleteIfExists(out);
        }

        @Test
        void aCancelledSaveAsLeavesNothingBehind() throws Exception {
            Path big = dir.resolve("big2.bin");
            try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
                f.setLength(3L << 30);
            }
            openData(big);
            interact(() -> hex.model.moveTo(0, false));
            focusHex();
            write("12");
            Path out = dir.resolve("never.bin");
            interact(() -> hex.saveDataAs(out));
            for (int i = 0; i < 2000 && hex.saving.progress.get() <= 0; i++) {
                sleep(5);
            }
            assertTrue(hex.edits.saving.get(), "the save is under way when cancelled");
            interact(() -> hex.saving.cancel());
            waitForSave();
            assertTrue(hex.editStatus.getText().startsWith("Save cancelled"), hex.editStatus.getText());
            assertFalse(Files.exists(out), "no target");
            try (var files = Files.list(dir)) {
                assertEquals(List.of(), files.filter(p -> p.getFileName().toString().endsWith(".structscope-save")).toList(),
                        "no temporary file left");
            }
            assertTrue(hex.edits.modified.get(), "the edits are still there to save");
            assertFalse(hex.edits.saving.get(), "editing is possible again");
        }
    }
}
