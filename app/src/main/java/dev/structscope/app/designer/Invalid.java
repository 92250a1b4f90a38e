package dev.structscope.app.designer;

import javafx.scene.control.Cell;
import javafx.scene.control.Tooltip;

/**
 * Text a cell of the designer or the enum editor refused, and why: the view models keep it so
 * that the cell goes on showing what was typed, marked, until it is fixed or discarded.
 * Immutable; any thread.
 */
public record Invalid(String text, String reason) {
    /**
     * Shows {@code item} in {@code cell}, or, when {@code bad} is not null, the refused text
     * (a warning sign for none) marked {@code invalid} with the reason as its tooltip. FX thread.
     */
    static void show(Cell<?> cell, Invalid bad, String item) {
        if (bad != null) {
            cell.setText(bad.text().isEmpty() ? "⚠" : bad.text());
            cell.getStyleClass().add("invalid");
            cell.setTooltip(new Tooltip(bad.reason()));
        } else {
            cell.setText(item);
        }
    }
}
