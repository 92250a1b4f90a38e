package dev.structscope.app.fields;

import dev.structscope.app.common.CommitField;
import javafx.scene.control.TreeTableCell;

import java.util.function.Supplier;

/**
 * The decoded tree's Value cell: shows the value, and edits it (double-click, F2 or Enter on the
 * row) when the tree has a {@link FieldsView.ValueEditor}. Enter commits through the editor; a
 * value it refuses stays in the field, marked, with the reason in a tooltip (the editor also
 * tells the status bar); Escape or leaving the field cancels. FX thread.
 */
final class ValueCell extends TreeTableCell<FieldRow, String> {
    private final Supplier<FieldsView.ValueEditor> editor;
    private final CommitField field = new CommitField(this, "value-editor").endOnFocusLoss();
    /** Told after each layout (the tree's columns fit what the cells show). */
    private final java.util.function.Consumer<ValueCell> laidOut;

    ValueCell(Supplier<FieldsView.ValueEditor> editor, java.util.function.Consumer<ValueCell> laidOut) {
        this.editor = editor;
        this.laidOut = laidOut;
        getStyleClass().add("value-cell");
    }

    private FieldItem item() {
        return getTableRow() == null || !(getTableRow().getTreeItem() instanceof FieldItem f) ? null : f;
    }

    @Override
    public void startEdit() {
        FieldItem item = item();
        if (editor.get() == null || item == null || !ValueEdit.editable(item.getValue())) {
            return;
        }
        super.startEdit();
        if (isEditing()) {
            field.start(ValueEdit.initialText(item.getValue()), text -> {
                FieldItem now = item();
                FieldsView.ValueEditor ed = editor.get();
                return now == null || ed == null ? "nothing to edit" : ed.apply(now, text);
            });
        }
    }

    @Override
    protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        field.show();
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        laidOut.accept(this);
    }
}
