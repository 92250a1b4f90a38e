package dev.structscope.app.designer;

import dev.structscope.app.designer.EnumEditorViewModel.CellKey;
import dev.structscope.app.designer.EnumEditorViewModel.Column;
import javafx.scene.control.TableCell;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;

/**
 * An editable cell of the enum editor, with the designer's conventions: Enter commits, Escape
 * cancels, Tab commits and moves on; refused text stays in the cell, marked, with the reason in a
 * tooltip. FX thread.
 */
final class EnumCell extends TableCell<EnumEditorView.Row, String> {
    private final EnumEditorViewModel vm;
    private final Column column;
    private TextField field;

    EnumCell(EnumEditorViewModel vm, Column column) {
        this.vm = vm;
        this.column = column;
        getStyleClass().add("edit-cell");
    }

    @Override
    public void startEdit() {
        EnumEditorView.Row row = getTableRow() == null ? null : getTableRow().getItem();
        if (row == null) {
            return;
        }
        super.startEdit();
        if (!isEditing()) {
            return;
        }
        Invalid bad = vm.invalidCells().get(new CellKey(row.index(), column));
        field = new TextField(bad != null ? bad.text() : getItem());
        field.getStyleClass().add("cell-editor");
        field.setOnAction(e -> commit(field.getText()));
        field.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                cancelEdit();
                e.consume();
            } else if (e.getCode() == KeyCode.TAB) {
                commit(field.getText());
                e.consume();
                var cols = getTableView().getVisibleLeafColumns();
                int dir = e.isShiftDown() ? -1 : 1;
                for (int i = cols.indexOf(getTableColumn()) + dir; i >= 0 && i < cols.size(); i += dir) {
                    if (cols.get(i).isEditable()) {
                        getTableView().edit(getIndex(), cols.get(i));
                        break;
                    }
                }
            }
        });
        setText(null);
        setGraphic(field);
        field.requestFocus();
        field.selectAll();
    }

    private void commit(String value) {
        EnumEditorView.Row row = getTableRow() == null ? null : getTableRow().getItem();
        super.cancelEdit();
        if (row != null) {
            vm.edit(row.index(), column, value);
        }
        getTableView().refresh();
        getTableView().requestFocus();
    }

    @Override
    public void cancelEdit() {
        super.cancelEdit();
        updateItem(getItem(), isEmpty());
    }

    @Override
    protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        getStyleClass().remove("invalid");
        setTooltip(null);
        if (isEditing()) {
            return;
        }
        setGraphic(null);
        EnumEditorView.Row row = getTableRow() == null ? null : getTableRow().getItem();
        Invalid bad = empty || row == null ? null : vm.invalidCells().get(new CellKey(row.index(), column));
        Invalid.show(this, bad, empty ? null : item);
    }
}
