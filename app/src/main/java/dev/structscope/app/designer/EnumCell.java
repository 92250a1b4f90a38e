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
        super(row -> vm.invalidCells.get(new CellKey(row, column)), (text, row) -> vm.edit(row, column, text));
        this.vm = vm;
        this.column = column;
    }

    @Override
    void escaped(int row) {
        // As in the designer: Escape gives up the edit and its refused text together.
        vm.discardInvalid(row, column);
    }

    @Override
    int rowIndex() {
        EnumEditorView.Row row = getTableRow() == null ? null : getTableRow().getItem();
        return row == null ? -1 : row.index();
    }
}
