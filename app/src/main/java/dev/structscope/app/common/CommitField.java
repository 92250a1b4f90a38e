package dev.structscope.app.common;

import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

import java.util.function.Function;

/**
 * How every value typed in a cell is committed (the decoded tree, the record table, the
 * inspector): Enter hands the text to {@code commit}, which answers null when the value was
 * written or the reason it was refused; a refused value stays in the field, outlined, with the
 * reason in its tooltip and in its {@code "error"} property (for tests); Escape cancels. FX thread.
 */
public final class CommitField {
    private CommitField() {
    }

    /**
     * @param commit text → null when written, else why not
     * @param done   runs after a value was written (the cell leaves editing)
     * @param cancel runs on Escape
     */
    public static void install(TextField field, Function<String, String> commit, Runnable done, Runnable cancel) {
        field.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER) {
                String why = commit.apply(field.getText());
                if (why == null) {
                    mark(field, null);
                    done.run();
                } else {
                    mark(field, why);
                }
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                cancel.run();
                e.consume();
            }
        });
    }

    /** Shows {@code field} in {@code cell} in place of its text, focused, its text selected to be typed over. */
    public static void showField(Labeled cell, TextField field) {
        cell.setText(null);
        cell.setGraphic(field);
        field.requestFocus();
        field.selectAll();
    }

    /** Shows {@code text} in {@code cell} again in place of a field (editing ended, or the cell shows another item). */
    public static void showText(Labeled cell, String text) {
        cell.setText(text);
        cell.setGraphic(null);
    }

    /** Marks {@code field} refused with {@code why}, or clears the mark (null). */
    public static void mark(TextField field, String why) {
        field.setTooltip(why == null ? null : new Tooltip(why));
        field.setStyle(why == null ? "" : "-fx-border-color: #d1242f; -fx-border-width: 2;");
        field.getProperties().put("error", why);
    }
}
