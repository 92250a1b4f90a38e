package dev.structscope.tests.gui;

import dev.structscope.app.designer.DesignerRow;
import dev.structscope.model.layout.FieldLayout;
import dev.structscope.model.type.Member;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The designer driven with mouse and keyboard: its numbers against clang-16, its undo, its errors. */
class DesignerGuiTest extends GuiTest {

    @Nested
    class BuildingAStructFromScratch {
        /** Types member {@code member}'s type and name into its row, then each further column and its text. */
        private void typeMember(int member, String type, String name, String... columnsAndTexts) {
            typeInto(member, "Type", type);
            typeInto(member, "Name", name);
            for (int i = 0; i < columnsAndTexts.length; i += 2) {
                typeInto(member, columnsAndTexts[i], columnsAndTexts[i + 1]);
            }
        }

        @Test
        void givesTheOffsetsClangGives() throws Exception {
            assumeTrue(ClangLayouts.available(), "clang-16 is not installed");
            clickOn("#new");
            settle();
            assertEquals("Untitled", vm.document.state.get().selected());
            // The new struct has one int32_t 'value'. Make it a uint8_t 'side', then add four members.
            typeMember(0, "uint8_t", "side");
            clickOn(table()).push(KeyCode.INSERT);
            typeMember(1, "double", "price");
            clickOn("#add-member");
            typeMember(2, "uint16_t", "qty", "Array", "3");
            clickOn("#add-member");
            typeMember(3, "unsigned", "kind", "Bits", "3");
            clickOn("#add-member");
            typeMember(4, "unsigned", "urgent", "Bits", "1");
            clickOn("#add-member");
            typeMember(5, "char", "tag");

            assertEquals(List.of("side", "price", "qty", "kind", "urgent", "tag"),
                    designer().record().members().stream().map(Member::name).toList());
            String c = """
                    #include <stdint.h>
                    struct Untitled { uint8_t side; double price; uint16_t qty[3]; unsigned kind : 3;
                                      unsigned urgent : 1; char tag; };
                    """;
            ClangLayouts.Rec clang = ClangLayouts.layouts(c, "x86_64-unknown-linux-gnu", List.of("struct Untitled"))
                    .get("struct Untitled");
            List<Long> ours = designer().layout.get().fields().stream()
                    .map(f -> f.isBitField() ? f.bits().offset() : f.offset() * 8).toList();
            assertEquals(clang.fieldBitOffsets(), ours);
            assertEquals(clang.size(), designer().layout.get().size());
            // And the table shows them: the offset cell of 'price' reads 0x08 (hex by default).
            assertEquals(String.format("0x%02X", clang.fieldBitOffsets().get(1) / 8), cell(rowOfMember(1), "Offset").getText());
        }
    }

    @Nested
    class ChangingTheAbi {
        @Test
        void relaysOutForI386AsClangDoes() throws Exception {
            assumeTrue(ClangLayouts.available(), "clang-16 is not installed");
            interact(() -> lookup("#abi").queryAs(javafx.scene.control.ChoiceBox.class)
                    .setValue(dev.structscope.model.abi.Abis.I386_LINUX));
            WaitForAsyncUtils.waitForFxEvents();
            String c = cHeader();
            Map<String, ClangLayouts.Rec> clang = ClangLayouts.layouts(c, "i386-unknown-linux-gnu",
                    List.of("struct Tick"));
            assertEquals(clang.get("struct Tick").size(), designer().layout.get().size());
            assertEquals(clang.get("struct Tick").fieldBitOffsets(), designer().layout.get().fields().stream()
                    .map(FieldLayout::offset).map(o -> o * 8).toList());
        }
    }

    @Nested
    class TypingSomethingInvalid {
        /**
         * Types {@code text} into the cell of {@code member} in {@code column} and Enter, checks
         * that the editor stays open on the refused text, marked, with the keyboard in it, and
         * returns the editor.
         */
        private javafx.scene.control.TextField typeRejected(int member, String column, String text) {
            typeInto(member, column, text);
            var editing = table().getEditingCell();
            assertEquals(rowOfMember(member) + " " + column,
                    editing == null ? null : editing.getRow() + " " + editing.getTableColumn().getText(),
                    "the editor stays open on the refused value");
            var field = lookup("#members .cell-editor").queryAs(javafx.scene.control.TextField.class);
            assertEquals(text, field.getText(), "what was typed stays to be corrected");
            assertTrue(field.isFocused(), "the keyboard stays in the editor");
            assertTrue(field.getStyleClass().contains("invalid"), field.getStyleClass().toString());
            return field;
        }

        @Test
        void keepsTheEditorOpenOnItWithTheReasonAndChangesNothing() {
            var before = vm.document.state.get();
            var field = typeRejected(1, "Type", "uint42_t");
            assertEquals("unknown type 'uint42_t'", field.getTooltip().getText());
            assertEquals(before, vm.document.state.get());
            assertTrue(lookup("#status").queryLabeled().getText().contains("unknown type 'uint42_t'"));
            assertTrue(lookup("#designer-error").queryLabeled().isVisible());
            // Corrected in place, as in the decoded tree: Enter again commits and ends the edit.
            push(KeyCode.CONTROL, KeyCode.A);
            write("uint32_t");
            push(KeyCode.ENTER);
            WaitForAsyncUtils.waitForFxEvents();
            assertTrue(table().getEditingCell() == null, "the corrected value ended the edit");
            assertEquals("uint32_t", designer().record().members().get(1).type().spelling());
            assertFalse(lookup("#designer-error").queryLabeled().isVisible());
        }

        @Test
        void escapeGivesUpTheRejectedTextAndItsError() {
            String type = cell(rowOfMember(1), "Type").getText();
            typeRejected(1, "Type", "uint42_t");
            // Escape in the open editor: the edit and its rejected text are given up together.
            type(KeyCode.ESCAPE);
            WaitForAsyncUtils.waitForFxEvents();
            assertTrue(table().getEditingCell() == null, "Escape ended the edit");
            var cell = cell(rowOfMember(1), "Type");
            assertFalse(cell.getStyleClass().contains("invalid"), cell.getStyleClass().toString());
            assertEquals(type, cell.getText());
            assertFalse(lookup("#status").queryLabeled().getText().contains("uint42_t"),
                    lookup("#status").queryLabeled().getText());
            assertFalse(lookup("#designer-error").queryLabeled().isVisible());
            // An edit left by a click elsewhere keeps the refused text in the cell, marked; Escape
            // on the marked cell (the table has the focus) gives it up as well.
            typeRejected(1, "Type", "uint42_t");
            clickOn(cell(rowOfMember(0), "Offset"));
            WaitForAsyncUtils.waitForFxEvents();
            var marked = cell(rowOfMember(1), "Type");
            assertEquals("uint42_t", marked.getText());
            assertTrue(marked.getStyleClass().contains("invalid"), marked.getStyleClass().toString());
            assertEquals("unknown type 'uint42_t'", marked.getTooltip().getText());
            clickOn(marked);
            type(KeyCode.ESCAPE);
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(type, cell(rowOfMember(1), "Type").getText());
            assertFalse(lookup("#designer-error").queryLabeled().isVisible());
        }

        /**
         * Tab commits a cell and goes on editing the next one, so a member is typed in one go:
         * the type, Tab, the name, Enter. (The next cell's edit used to be started before the
         * table had shown the committed change, which ended it at once: the name typed after Tab
         * went nowhere.) A refused value keeps the editor, and Tab does not move on from it.
         */
        @Test
        void tabMovesTheEditToTheNextCell() {
            int row = rowOfMember(0);
            var typeCell = cell(row, "Type");
            clickOn(typeCell);
            doubleClickOn(typeCell);
            WaitForAsyncUtils.waitForFxEvents();
            push(KeyCode.CONTROL, KeyCode.A);
            write("uint8_t");
            push(KeyCode.TAB);
            WaitForAsyncUtils.waitForFxEvents();
            var editing = table().getEditingCell();
            assertEquals(row + " Name", editing == null ? null : editing.getRow() + " " + editing.getTableColumn().getText(),
                    "Tab went on to edit the name");
            push(KeyCode.CONTROL, KeyCode.A);
            write("zz");
            push(KeyCode.ENTER);
            WaitForAsyncUtils.waitForFxEvents();
            var m = designer().record().members().getFirst();
            assertEquals("zz", m.name());
            assertEquals("uint8_t", m.type().spelling());
            // A refused value and Tab: the editor stays where the value is to be corrected.
            clickOn(cell(row, "Type"));
            doubleClickOn(cell(row, "Type"));
            WaitForAsyncUtils.waitForFxEvents();
            push(KeyCode.CONTROL, KeyCode.A);
            write("uint42_t");
            push(KeyCode.TAB);
            WaitForAsyncUtils.waitForFxEvents();
            editing = table().getEditingCell();
            assertEquals(row + " Type", editing == null ? null : editing.getRow() + " " + editing.getTableColumn().getText(),
                    "Tab stays on the refused type");
            type(KeyCode.ESCAPE);
        }

        /** The QA report's case: a bit width wider than its type (an invalid array size is refused alike). */
        @Test
        void aBitWidthLargerThanItsTypeStaysInTheEditorMarked() {
            var field = typeRejected(4, "Bits", "17"); // flags is int16_t
            assertTrue(field.getTooltip().getText().contains("width of bit-field"), field.getTooltip().getText());
            assertTrue(lookup("#designer-error").queryLabeled().getText().contains("width of bit-field"),
                    lookup("#designer-error").queryLabeled().getText());
            type(KeyCode.ESCAPE);
            WaitForAsyncUtils.waitForFxEvents();
            assertTrue(table().getEditingCell() == null);
            assertFalse(designer().record().members().get(4).isBitField(), "nothing changed");
        }

        @Test
        void anArraySizeThatIsNoNumberStaysInTheEditorMarked() {
            var field = typeRejected(2, "Array", "x3");
            assertTrue(field.getTooltip() != null && !field.getTooltip().getText().isEmpty());
        }
    }

    @Nested
    class UndoingAndRedoing {
        @Test
        void theToolbarAndTheKeysStepThroughEdits() {
            var s0 = vm.document.state.get();
            typeInto(0, "Name", "timestamp");
            var s1 = vm.document.state.get();
            assertEquals("timestamp", designer().record().members().get(0).name());
            assertTrue(stage.getTitle().endsWith("•"), stage.getTitle());
            clickOn("#undo");
            assertEquals(s0, vm.document.state.get());
            assertFalse(stage.getTitle().endsWith("•"), stage.getTitle());
            clickOn("#redo");
            assertEquals(s1, vm.document.state.get());
            clickOn(table()).push(KeyCode.CONTROL, KeyCode.Z);
            assertEquals(s0, vm.document.state.get());
            push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Z);
            assertEquals(s1, vm.document.state.get());
        }

        @Test
        void deleteDuplicateAndMoveAreKeysToo() {
            int rowOfId = rowOfMember(1);
            clickOn(cell(rowOfId, "Offset"));
            push(KeyCode.CONTROL, KeyCode.D);
            assertEquals(List.of("ts", "id", "id_copy", "price", "qty", "flags", "side"), names());
            push(KeyCode.ALT, KeyCode.UP);
            assertEquals(List.of("ts", "id_copy", "id", "price", "qty", "flags", "side"), names());
            push(KeyCode.DELETE);
            assertEquals(List.of("ts", "id", "price", "qty", "flags", "side"), names());
        }

        private List<String> names() {
            return designer().record().members().stream().map(Member::name).toList();
        }
    }

    @Nested
    class TogglingHex {
        @Test
        void showsOffsetsInDecimalAndBack() {
            assertEquals("0x10", cell(rowOfMember(3), "Offset").getText());
            clickOn("#hex-toggle");
            assertEquals("16", cell(rowOfMember(3), "Offset").getText());
            clickOn("#hex-toggle");
            assertEquals("0x10", cell(rowOfMember(3), "Offset").getText());
        }
    }

    @Nested
    class PaddingRows {
        @Test
        void areDistinctAndNotEditable() {
            var rows = designer().rows;
            int pad = -1;
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i) instanceof DesignerRow.PaddingRow) {
                    pad = i;
                }
            }
            assertTrue(pad >= 0);
            var c = cell(pad, "Type");
            assertEquals("padding", c.getText());
            assertEquals("5", cell(pad, "Size").getText());
            assertTrue(c.getTableRow().getStyleClass().contains("padding-row"));
            doubleClickOn(c);
            WaitForAsyncUtils.waitForFxEvents();
            assertTrue(table().getEditingCell() == null);
        }
    }

}
