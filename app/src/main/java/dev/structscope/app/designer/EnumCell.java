package dev.structscope.app.designer;

import dev.structscope.app.designer.EnumEditorViewModel.CellKey;
import dev.structscope.app.designer.EnumEditorViewModel.Column;

/**
 * An editable cell of the enum editor, with the designer's conventions ({@link MarkedEditCell}).
 * FX thread.
 */
final class EnumCell extends MarkedEditCell<EnumEditorView.Row> {
    EnumCell(EnumEditorViewModel vm, Column column) {
        super(row -> vm.invalidCells.get(new CellKey(row, column)), (text, row) -> vm.edit(row, column, text));
    }

    @Override
    int rowIndex() {
        EnumEditorView.Row row = getTableRow() == null ? null : getTableRow().getItem();
        return row == null ? -1 : row.index();
    }
}
