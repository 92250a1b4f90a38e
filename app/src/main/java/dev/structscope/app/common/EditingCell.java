package dev.structscope.app.common;

import javafx.scene.control.TableCell;

import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A table cell whose value can be typed (double-click or F2) when {@code editable} says so for
 * its row — the record table's values, the inspector's numbers. The field starts from
 * {@code initial} of the shown text; Enter hands the text to {@code commit} (row, text → null
 * when written, else why not) through {@link CommitField}: a refused value stays, marked, with the
 * reason; Escape cancels. FX thread.
 *
 * @param <S> the table's row type
 */
public final class EditingCell<S> extends TableCell<S, String> {
    private final Predicate<S> editable;
    private final BiFunction<S, String, String> commit;
    private final Function<String, String> initial;
    private final CommitField field;

    /**
     * @param id      the field's node id while editing
     * @param initial the text the field starts with, from the text the cell shows
     */
    public EditingCell(String id, Predicate<S> editable, Function<String, String> initial,
                       BiFunction<S, String, String> commit) {
        this.editable = editable;
        this.initial = initial;
        this.commit = commit;
        this.field = new CommitField(this, id);
    }

    /** The shown text without decoration: a string's quotes, a value's "(…)" note. */
    public static String bare(String shown) {
        String text = shown == null ? "" : shown;
        int paren = text.indexOf(" (");
        if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
            return text.substring(1, text.length() - 1);
        }
        return paren > 0 ? text.substring(0, paren) : text;
    }

    @Override
    public void startEdit() {
        S row = getTableRow() == null ? null : getTableRow().getItem();
        if (row == null || getItem() == null || getItem().isEmpty() || !editable.test(row)) {
            return;
        }
        super.startEdit();
        if (isEditing()) {
            field.start(initial.apply(getItem()), typed -> commit.apply(row, typed));
        }
    }

    @Override
    protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        field.show();
    }
}
