package dev.structscope.app.fields;

import javafx.scene.control.TableCell;
import javafx.scene.control.TextField;

import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * A record-table cell whose value can be typed (double-click or F2) when {@code editable} says
 * so for its row: Enter hands the text to {@code commit} (row index, text → null when written,
 * else why not); a refused value stays in the field, marked, with the reason in its tooltip;
 * Escape cancels. FX thread.
 */
final class EditingCell extends TableCell<Integer, String> {
    private final Predicate<Integer> editable;
    private final BiFunction<Integer, String, String> commit;
    private TextField field;

    EditingCell(Predicate<Integer> editable, BiFunction<Integer, String, String> commit) {
        this.editable = editable;
        this.commit = commit;
    }

    @Override
    public void startEdit() {
        Integer row = getTableRow() == null ? null : getTableRow().getItem();
        if (row == null || !editable.test(row)) {
            return;
        }
        super.startEdit();
        if (!isEditing()) {
            return;
        }
        String text = getItem() == null ? "" : getItem();
        int paren = text.indexOf(" (");
        if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
            text = text.substring(1, text.length() - 1);
        } else if (paren > 0) {
            text = text.substring(0, paren);
        }
        field = new TextField(text);
        field.setId("table-editor");
        dev.structscope.app.common.CommitField.install(field, typed -> commit.apply(row, typed), this::cancelEdit,
                this::cancelEdit);
        setText(null);
        setGraphic(field);
        field.requestFocus();
        field.selectAll();
    }

    @Override
    public void cancelEdit() {
        super.cancelEdit();
        setText(getItem());
        setGraphic(null);
    }

    @Override
    protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        setText(empty ? null : item);
        setGraphic(null);
    }
}
