package dev.structscope.app.fields;

import dev.structscope.app.common.CommitField;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeTableCell;

import java.util.function.Supplier;

/**
 * The decoded tree's Value cell: shows the value, and edits it (double-click, F2 or Enter on the
 * row) when the tree has a {@link FieldsView.ValueEditor}. Enter commits through the editor; a
 * value it refuses stays in the field, marked, with the reason in a tooltip (the editor also
 * tells the status bar); Escape cancels. FX thread.
 */
final class ValueCell extends TreeTableCell<FieldRow, String> {
    private final Supplier<FieldsView.ValueEditor> editor;
    private TextField field;

    ValueCell(Supplier<FieldsView.ValueEditor> editor) {
        this.editor = editor;
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
        if (!isEditing()) {
            return;
        }
        if (field == null) {
            field = new TextField();
            field.setId("value-editor");
            CommitField.install(field, text -> {
                FieldItem now = item();
                FieldsView.ValueEditor ed = editor.get();
                return now == null || ed == null ? "nothing to edit" : ed.apply(now, text);
            }, () -> {
                if (isEditing()) {
                    cancelEdit();
                }
            }, this::cancelEdit);
            field.focusedProperty().addListener((o, a, f) -> {
                if (!f && isEditing()) {
                    cancelEdit();
                }
            });
        }
        field.setText(ValueEdit.initialText(item.getValue()));
        CommitField.mark(field, null);
        CommitField.showField(this, field);
    }

    /** Why the last value typed here was refused (tests), or null. */
    String error() {
        return field == null ? null : (String) field.getProperties().get("error");
    }

    @Override
    public void cancelEdit() {
        super.cancelEdit();
        CommitField.showText(this, getItem());
    }

    @Override
    protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        if (!empty && isEditing()) {
            // A cell reused while it edits keeps its field (the tree scrolled or was refreshed).
            setText(null);
            setGraphic(field);
        } else {
            CommitField.showText(this, empty ? null : item);
        }
    }
}
