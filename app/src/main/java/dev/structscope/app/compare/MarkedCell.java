package dev.structscope.app.compare;

import javafx.scene.control.TableCell;

import java.util.function.Predicate;

/**
 * A text cell of the comparison and portability tables that carries a style class where its row
 * says the value differs ({@code compare-changed}, {@code portability-differs}). Owned by its table
 * column; FX thread.
 *
 * @param <S> the table's row type
 */
final class MarkedCell<S> extends TableCell<S, String> {
    private final String styleClass;
    private final Predicate<S> marked;

    MarkedCell(String styleClass, Predicate<S> marked) {
        this.styleClass = styleClass;
        this.marked = marked;
    }

    @Override
    protected void updateItem(String s, boolean emptyCell) {
        super.updateItem(s, emptyCell);
        setText(emptyCell ? null : s);
        getStyleClass().remove(styleClass);
        S row = emptyCell ? null : getTableRow().getItem();
        if (row != null && marked.test(row)) {
            getStyleClass().add(styleClass);
        }
    }
}
