package dev.structscope.app.common;

import javafx.scene.control.Cell;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

import java.util.function.Function;

/**
 * The field a cell types its value in, and how a typed value is committed — the one place for
 * the decoded tree's, the record table's and the inspector's cells. Enter hands the text to the
 * edit's {@code commit}, which answers null when the value was written or the reason it was
 * refused; a written value ends the edit; a refused one stays in the field, outlined, with the
 * reason in its tooltip and in its {@code "error"} property (for tests); Escape cancels.
 * <p>
 * The cell shows its item as text, and this field in its place while it edits — also when it is
 * updated while editing (the view scrolled or was refreshed): it follows the cell's editing state
 * itself, and the cell calls {@link #show()} from its {@code updateItem}. One per cell, made by
 * the cell; the field is made on the first edit. FX thread.
 */
public final class CommitField {
    private final Cell<String> cell;
    private final String id;
    private TextField field;
    private Function<String, String> commit;
    private boolean endOnFocusLoss;

    /** @param id the field's node id */
    public CommitField(Cell<String> cell, String id) {
        this.cell = cell;
        this.id = id;
        cell.editingProperty().addListener((o, was, editing) -> show());
    }

    /**
     * Shows the field, focused, starting from {@code text} selected to be typed over; Enter hands
     * what is typed to {@code commit} (text → null when written, else why not). Called by the cell
     * after it started editing.
     */
    public void start(String text, Function<String, String> commit) {
        this.commit = commit;
        if (field == null) {
            field = new TextField();
            field.setId(id);
            field.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
                if (e.getCode() == KeyCode.ENTER) {
                    String why = this.commit.apply(field.getText());
                    mark(why);
                    if (why == null) {
                        end();
                    }
                    e.consume();
                } else if (e.getCode() == KeyCode.ESCAPE) {
                    end();
                    e.consume();
                }
            });
            if (endOnFocusLoss) {
                field.focusedProperty().addListener((o, had, has) -> {
                    if (!has) {
                        end();
                    }
                });
            }
        }
        field.setText(text);
        mark(null);
        show();
        field.requestFocus();
        field.selectAll();
    }

    /** Makes the edit end when the field loses the focus (the decoded tree: nothing else ends it there). */
    public CommitField endOnFocusLoss() {
        endOnFocusLoss = true;
        return this;
    }

    /** Shows the cell's item as text, or the field in its place while the cell edits. */
    public void show() {
        if (cell.isEditing() && !cell.isEmpty() && field != null) {
            cell.setText(null);
            cell.setGraphic(field);
        } else {
            cell.setText(cell.isEmpty() ? null : cell.getItem());
            cell.setGraphic(null);
        }
    }

    /**
     * Ends the edit; when it ends from the keyboard (Enter, Escape) the focus goes back to the
     * table or tree the cell is in, as a committed cell does: the field it was in is gone, and the
     * keys that follow (Ctrl+Z, the arrows) would otherwise reach nothing.
     */
    private void end() {
        boolean focused = field != null && field.isFocused();
        if (cell.isEditing()) {
            cell.cancelEdit();
        }
        if (focused) {
            for (javafx.scene.Node n = cell.getParent(); n != null; n = n.getParent()) {
                if (n instanceof javafx.scene.control.Control c && !(n instanceof Cell<?>)) {
                    c.requestFocus();
                    break;
                }
            }
        }
    }

    private void mark(String why) {
        field.setTooltip(why == null ? null : new Tooltip(why));
        field.setStyle(why == null ? "" : "-fx-border-color: #d1242f; -fx-border-width: 2;");
        field.getProperties().put("error", why);
    }
}
