package dev.structscope.app.designer;

import javafx.scene.control.TableCell;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;

import java.util.function.IntFunction;
import java.util.function.ObjIntConsumer;

/**
 * The editable text cell of the designer ({@link EditCell}) and the enum editor ({@link EnumCell}),
 * with their one set of conventions: Enter commits, Escape cancels, Tab commits and moves on to the
 * next editable column (Shift+Tab back). Text the view model refuses keeps the editor open on it,
 * marked, with the reason in a tooltip (and in the view's banner and the status bar), as the
 * decoded tree's value editor does; Escape then gives it up. An edit that ends otherwise (a click
 * elsewhere) leaves the refused text in the cell, marked ({@link Invalid#show}). Subclasses say
 * which view-model row the cell edits and hand the text to their view model. Owned by its table
 * column; FX thread.
 *
 * @param <S> the table's row type
 */
abstract class MarkedEditCell<S> extends TableCell<S, String> {
    private final IntFunction<Invalid> invalid;
    private final ObjIntConsumer<String> edit;
    private TextField field;

    /**
     * @param invalid the refused text kept for this cell's column at a view-model row, or null
     * @param edit hands committed text for a row to the view model, which keeps it as {@link Invalid}
     *             if it refuses it
     */
    MarkedEditCell(IntFunction<Invalid> invalid, ObjIntConsumer<String> edit) {
        this.invalid = invalid;
        this.edit = edit;
        getStyleClass().add("edit-cell");
    }

    /** The view-model index of this cell's row, or -1 when there is none or it cannot be edited. */
    abstract int rowIndex();

    /** The text the editor starts from when no refused text is kept. */
    String editText(int row) {
        return getItem();
    }

    /** Whether the cell may be edited now, beyond having a row ({@link #rowIndex}). */
    boolean editable() {
        return true;
    }

    /** Called when {@code startEdit} is refused (no row, or not {@link #editable}). */
    void refused() {
    }

    /** Called when Escape gives up the edit, before the cell shows its value again. */
    void escaped(int row) {
    }

    /** Lets a subclass add completion to the editor {@code field} of {@code row}. */
    void editorShown(TextField field, int row) {
    }

    /** Called whenever the edit ends (committed or cancelled), e.g. to hide completions. */
    void editEnded() {
    }

    /** The editor, while editing. */
    final TextField field() {
        return field;
    }

    @Override
    public void startEdit() {
        int row = rowIndex();
        if (row < 0 || !editable()) {
            refused();
            return;
        }
        super.startEdit();
        if (!isEditing()) {
            return;
        }
        Invalid bad = invalid.apply(row);
        field = new TextField(bad != null ? bad.text() : editText(row));
        field.getStyleClass().add("cell-editor");
        if (bad != null) {
            markRefused(bad);
        }
        field.setOnAction(e -> commit(field.getText()));
        field.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                escaped(row);
                cancelEdit();
                getTableView().refresh();
                e.consume();
            } else if (e.getCode() == KeyCode.TAB) {
                // Where to go on, taken before the commit: the table makes its cells anew for the
                // committed change (refresh), this one included, at its next layout, and a cell it
                // throws away cancels whatever edit the table holds. So it is laid out now, and the
                // next cell's edit starts in the cells that stay.
                javafx.scene.control.TableView<S> table = getTableView();
                int index = getIndex();
                var next = nextEditable(e.isShiftDown() ? -1 : 1);
                e.consume();
                if (!commit(field.getText())) {
                    return; // refused: the editor stays on it
                }
                table.layout();
                if (next != null) {
                    table.edit(index, next);
                }
            }
        });
        editorShown(field, row);
        setText(null);
        setGraphic(field);
        field.requestFocus();
        field.selectAll();
    }

    /** The next editable column in direction {@code dir} (1 right, -1 left), or null at the end. */
    private javafx.scene.control.TableColumn<S, ?> nextEditable(int dir) {
        var cols = getTableView().getVisibleLeafColumns();
        for (int i = cols.indexOf(getTableColumn()) + dir; i >= 0 && i < cols.size(); i += dir) {
            if (cols.get(i).isEditable()) {
                return cols.get(i);
            }
        }
        return null;
    }

    /**
     * Commits {@code value} (a completion's or the editor's text). Answers whether the edit ended:
     * a value the view model refuses stays in the open editor, marked, for the person to correct
     * (or give up with Escape) without having to find and reopen the cell.
     */
    final boolean commit(String value) {
        int row = rowIndex();
        editEnded();
        if (row >= 0) {
            edit.accept(value, row);
            Invalid bad = invalid.apply(row);
            if (bad != null && isEditing() && field != null) {
                markRefused(bad);
                field.requestFocus();
                return false;
            }
        }
        super.cancelEdit();
        // The table makes its cells anew, this one with the committed value.
        getTableView().refresh();
        getTableView().requestFocus();
        return true;
    }

    /** Marks the open editor (and its cell) as holding refused text, the reason in the tooltip. */
    private void markRefused(Invalid bad) {
        if (!field.getStyleClass().contains("invalid")) {
            field.getStyleClass().add("invalid");
        }
        if (!getStyleClass().contains("invalid")) {
            getStyleClass().add("invalid");
        }
        Tooltip why = new Tooltip(bad.reason());
        field.setTooltip(why);
        setTooltip(why);
    }

    /**
     * Whether a view may refresh {@code table} now: not while one of its cells edits. A refresh
     * makes the cells anew and the one thrown away ends the edit, which must stay open on a
     * refused value; the edited cell shows its own refusal, and the edit's end refreshes.
     */
    static boolean mayRefresh(javafx.scene.control.TableView<?> table) {
        return table.getEditingCell() == null;
    }

    @Override
    public void cancelEdit() {
        super.cancelEdit();
        editEnded();
        updateItem(getItem(), isEmpty());
    }

    @Override
    protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        getStyleClass().remove("invalid");
        setTooltip(null);
        if (isEditing()) {
            if (field != null && field.getStyleClass().contains("invalid")) {
                getStyleClass().add("invalid"); // the open editor still holds the refused text
                setTooltip(field.getTooltip());
            }
            return;
        }
        setGraphic(null);
        int row = empty ? -1 : rowIndex();
        Invalid.show(this, row < 0 ? null : invalid.apply(row), empty ? null : item);
    }
}
