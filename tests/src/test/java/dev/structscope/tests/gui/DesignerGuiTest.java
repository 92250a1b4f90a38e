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
        /** Types {@code text} into the cell of {@code member} in {@code column}, checks the cell is marked invalid, and returns it. */
        private javafx.scene.control.TableCell<DesignerRow, String> typeRejected(int member, String column, String text) {
            typeInto(member, column, text);
            var cell = cell(rowOfMember(member), column);
            assertTrue(cell.getStyleClass().contains("invalid"), cell.getStyleClass().toString());
            return cell;
        }

        @Test
        void marksTheCellWithTheReasonAndChangesNothing() {
            var before = vm.document.state.get();
            var cell = typeRejected(1, "Type", "uint42_t");
            assertEquals("uint42_t", cell.getText());
            assertEquals("unknown type 'uint42_t'", cell.getTooltip().getText());
            assertEquals(before, vm.document.state.get());
            assertTrue(lookup("#status").queryLabeled().getText().contains("unknown type 'uint42_t'"));
            assertTrue(lookup("#designer-error").queryLabeled().isVisible());
        }

        @Test
        void escapeGivesUpTheRejectedTextAndItsError() {
            String type = cell(rowOfMember(1), "Type").getText();
            typeRejected(1, "Type", "uint42_t");
            // Escape on the marked cell (the table has focus after the rejected commit).
            type(KeyCode.ESCAPE);
            WaitForAsyncUtils.waitForFxEvents();
            var cell = cell(rowOfMember(1), "Type");
            assertFalse(cell.getStyleClass().contains("invalid"), cell.getStyleClass().toString());
            assertEquals(type, cell.getText());
            assertFalse(lookup("#status").queryLabeled().getText().contains("uint42_t"),
                    lookup("#status").queryLabeled().getText());
            assertFalse(lookup("#designer-error").queryLabeled().isVisible());
            // Escape in the cell editor too: the edit and its rejected text are given up together.
            typeInto(1, "Type", "uint42_t");
            doubleClickOn(cell(rowOfMember(1), "Type"));
            type(KeyCode.ESCAPE);
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(type, cell(rowOfMember(1), "Type").getText());
            assertFalse(lookup("#designer-error").queryLabeled().isVisible());
        }

        /**
         * Tab commits a cell and goes on editing the next one, so a member is typed in one go:
         * the type, Tab, the name, Enter. (The next cell's edit used to be started before the
         * table had shown the committed change, which ended it at once: the name typed after Tab
         * went nowhere.) A refused value keeps the keyboard in the table, so Escape still reaches it.
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
        }

        @Test
        void aBitWidthLargerThanItsTypeIsMarked() {
            var cell = typeRejected(4, "Bits", "17"); // flags is int16_t
            assertTrue(cell.getTooltip().getText().contains("width of bit-field"), cell.getTooltip().getText());
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
            assertEquals("5 bytes padding", c.getText());
            assertTrue(c.getTableRow().getStyleClass().contains("padding-row"));
            doubleClickOn(c);
            WaitForAsyncUtils.waitForFxEvents();
            assertTrue(table().getEditingCell() == null);
        }
    }

}
