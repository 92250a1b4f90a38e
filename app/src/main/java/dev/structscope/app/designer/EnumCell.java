package dev.structscope.app.designer;

import dev.structscope.app.designer.EnumEditorViewModel.CellKey;
import dev.structscope.app.designer.EnumEditorViewModel.Column;

/**
 * An editable cell of the enum editor, with the designer's conventions ({@link MarkedEditCell}).
 * FX thread.
 */
final class EnumCell extends MarkedEditCell<EnumEditorView.Row> {
    private final EnumEditorViewModel vm;
    private final Column column;

    EnumCell(EnumEditorViewModel vm, Column column) {
        this.vm = vm;
        this.column = column;
    }

    @Override
    int rowIndex() {
        EnumEditorView.Row row = getTableRow() == null ? null : getTableRow().getItem();
        return row == null ? -1 : row.index();
    }

    @Override
    Invalid invalid(int row) {
        return vm.invalidCells().get(new CellKey(row, column));
    }

    @Override
    void edit(int row, String value) {
        vm.edit(row, column, value);
    }
}
