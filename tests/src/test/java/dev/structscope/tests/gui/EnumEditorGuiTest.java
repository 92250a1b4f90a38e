package dev.structscope.tests.gui;

import dev.structscope.app.designer.EnumEditorView;
import dev.structscope.model.type.EnumType;
import dev.structscope.model.type.Enumerator;
import dev.structscope.model.type.Prim;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The enum editor as a person uses it: select an enum, edit in place, add and delete by keys. */
class EnumEditorGuiTest extends GuiTest {
    private TableView<EnumEditorView.Row> enumTable() {
        return window.enumEditor.table;
    }

    private EnumType side() {
        return vm.document.state.get().library().enumByTag("Side").orElseThrow();
    }

    @Test
    void selectingAnEnumOpensItsEditorAndARecordGoesBack() {
        selectInLibrary("enum Side");
        assertTrue(lookup("#enum-editor").query().isVisible());
        assertFalse(lookup("#designer").query().isVisible());
        assertEquals(2, enumTable().getItems().size());
        assertEquals("size 1 · align 1 on x86_64-linux", lookup("#enum-size").queryLabeled().getText(),
                "the sample's Side is packed");
        assertEquals("Which side of the book.", lookup("#enum-comment").queryTextInputControl().getText(),
                "the header's comment came along");
        selectInLibrary("struct Tick");
        assertFalse(lookup("#enum-editor").query().isVisible());
        assertTrue(lookup("#designer").query().isVisible());
    }

    @Test
    void editsValuesInPlaceAndAddsAndDeletesByKeys() {
        selectInLibrary("enum Side");
        typeIntoEnum(1, "Value", "0x80");
        assertEquals(new Enumerator("SIDE_SELL", 128, null), side().enumerators().get(1));
        clickOn(enumCell(0, "Hex"));
        push(KeyCode.DOWN);
        push(KeyCode.INSERT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(3, side().enumerators().size());
        assertEquals(129, side().enumerators().get(2).value(), "a new enumerator follows the one above");
        typeIntoEnum(2, "Name", "SIDE_CROSS");
        assertEquals("SIDE_CROSS", side().enumerators().get(2).name());
        assertEquals("0x81", enumCell(2, "Hex").getText());
        clickOn(enumCell(2, "Hex"));
        push(KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("SIDE_BUY", "SIDE_SELL"), side().enumerators().stream().map(Enumerator::name).toList());
        assertTrue(vm.document.dirty.get());
    }

    @Test
    void aValueTheUnderlyingTypeCannotHoldIsMarkedWithTheReason() {
        selectInLibrary("enum Side");
        @SuppressWarnings("unchecked")
        ChoiceBox<Prim> under = (ChoiceBox<Prim>) lookup("#enum-underlying").query();
        interact(() -> under.setValue(Prim.INT8));
        assertEquals(Prim.INT8, side().underlying());
        var before = vm.document.state.get();
        typeIntoEnum(0, "Value", "200");
        TableCell<?, ?> c = enumCell(0, "Value");
        assertTrue(c.getStyleClass().contains("invalid"));
        assertEquals("200", lookup("#enumerators .cell-editor").queryAs(javafx.scene.control.TextField.class).getText(),
                "the editor stays open on the refused value");
        assertTrue(c.getTooltip().getText().contains("does not fit the underlying type int8_t"), c.getTooltip().getText());
        assertTrue(lookup("#enum-error").queryLabeled().isVisible());
        assertEquals(before, vm.document.state.get());
        // Escape in the open editor gives the refused value up, as in the designer.
        type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(enumCell(0, "Value").getStyleClass().contains("invalid"));
        assertFalse(lookup("#enum-error").queryLabeled().isVisible());
        typeIntoEnum(0, "Value", "-5");
        assertEquals(-5, side().enumerators().get(0).value());
        assertFalse(enumCell(0, "Value").getStyleClass().contains("invalid"));
    }

    private TableCell<?, ?> enumCell(int row, String column) {
        for (Node n : lookup(".table-cell").queryAll()) {
            if (n instanceof TableCell<?, ?> c && c.getTableView() == enumTable() && c.getIndex() == row
                    && c.getTableColumn() != null && column.equals(c.getTableColumn().getText())) {
                return c;
            }
        }
        throw new AssertionError("no enum cell at row " + row + ", column " + column);
    }

    private void typeIntoEnum(int row, String column, String text) {
        TableCell<?, ?> c = enumCell(row, column);
        clickOn(c);
        doubleClickOn(c);
        WaitForAsyncUtils.waitForFxEvents();
        if (enumTable().getEditingCell() == null) {
            interact(() -> enumTable().edit(row, enumTable().getColumns().stream()
                    .filter(col -> col.getText().equals(column)).findFirst().orElseThrow()));
        }
        push(KeyCode.CONTROL, KeyCode.A);
        write(text);
        push(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
