package dev.structscope.app.designer;

import dev.structscope.app.designer.DesignerViewModel.CellKey;
import dev.structscope.app.designer.DesignerViewModel.Column;
import javafx.geometry.Side;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * An editable designer cell: Enter commits, Escape cancels, Tab commits and moves on. Text the
 * view model rejects stays in the cell, marked ({@code invalid} style class) with the reason in a
 * tooltip. The type column completes over the primitives and the document's types. Padding rows
 * are never editable. FX thread.
 */
final class EditCell extends TableCell<DesignerRow, String> {
    private final DesignerViewModel vm;
    private final Column column;
    private final Function<DesignerRow.MemberRow, String> text;
    private TextField field;
    private ContextMenu completions;

    EditCell(DesignerViewModel vm, Column column, Function<DesignerRow.MemberRow, String> text) {
        this.vm = vm;
        this.column = column;
        this.text = text;
        getStyleClass().add("edit-cell");
    }

    private DesignerRow.MemberRow memberRow() {
        DesignerRow r = getTableRow() == null ? null : getTableRow().getItem();
        return r instanceof DesignerRow.MemberRow m ? m : null;
    }

    @Override
    public void startEdit() {
        DesignerRow.MemberRow m = memberRow();
        if (m == null || !getTableView().isEditable()) {
            // Padding rows are not editable: undo the table's notion that this cell is being edited.
            var tv = getTableView();
            javafx.application.Platform.runLater(() -> {
                if (tv.getEditingCell() != null && tv.getEditingCell().getRow() == getIndex()) {
                    tv.edit(-1, null);
                }
            });
            return;
        }
        super.startEdit();
        if (!isEditing()) {
            return;
        }
        Invalid bad = vm.invalidCells().get(new CellKey(m.index(), column));
        field = new TextField(bad != null ? bad.text() : text.apply(m));
        field.getStyleClass().add("cell-editor");
        field.setOnAction(e -> commit(field.getText()));
        field.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                // Escape gives up the edit, a rejected text included: the member's value shows again.
                vm.discardInvalid(m.index(), column);
                cancelEdit();
                getTableView().refresh();
                e.consume();
            } else if (e.getCode() == KeyCode.TAB) {
                commit(field.getText());
                e.consume();
                moveOn(e.isShiftDown() ? -1 : 1);
            }
        });
        if (column == Column.TYPE) {
            field.textProperty().addListener((o, a, b) -> suggest(b));
        } else if (EXPRESSIONS.contains(column)) {
            int index = m.index();
            MemberCompletion.attach(field, () -> vm.expressionSuggestions(index));
        }
        setText(null);
        setGraphic(field);
        field.requestFocus();
        field.selectAll();
    }

    private void moveOn(int dir) {
        var cols = getTableView().getVisibleLeafColumns();
        int i = cols.indexOf(getTableColumn()) + dir;
        while (i >= 0 && i < cols.size()) {
            if (cols.get(i).isEditable()) {
                getTableView().edit(getIndex(), cols.get(i));
                return;
            }
            i += dir;
        }
    }

    /** Columns whose text is an expression over earlier members (completed by member name). */
    private static final java.util.Set<Column> EXPRESSIONS = java.util.EnumSet.of(Column.ARRAY, Column.AT,
            Column.SWITCH, Column.SIZE);

    private void suggest(String typed) {
        if (completions == null) {
            completions = new ContextMenu();
            completions.getStyleClass().add("completions");
        }
        String t = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        List<String> matches = vm.typeSuggestions().stream()
                .filter(s -> !t.isEmpty() && s.toLowerCase(Locale.ROOT).startsWith(t) && !s.equalsIgnoreCase(t))
                .limit(12).toList();
        if (matches.isEmpty()) {
            completions.hide();
            return;
        }
        completions.getItems().clear();
        for (String s : matches) {
            CustomMenuItem item = new CustomMenuItem(new Label(s), true);
            item.setOnAction(e -> {
                field.setText(s);
                commit(s);
            });
            completions.getItems().add(item);
        }
        if (!completions.isShowing() && field.getScene() != null) {
            completions.show(field, Side.BOTTOM, 0, 0);
        }
    }

    private void commit(String value) {
        DesignerRow.MemberRow m = memberRow();
        if (completions != null) {
            completions.hide();
        }
        if (m == null) {
            cancelEdit();
            return;
        }
        vm.edit(m.index(), column, value);
        // Either way the edit ends: a rejected value is shown marked by updateItem.
        super.cancelEdit();
        getTableView().refresh();
        getTableView().requestFocus();
    }

    @Override
    public void cancelEdit() {
        super.cancelEdit();
        if (completions != null) {
            completions.hide();
        }
        updateItem(getItem(), isEmpty());
    }

    @Override
    protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        getStyleClass().remove("invalid");
        setTooltip(null);
        if (isEditing()) {
            return;
        }
        setGraphic(null);
        DesignerRow.MemberRow m = memberRow();
        if (empty || m == null) {
            setText(empty ? null : item);
            return;
        }
        Invalid bad = vm.invalidCells().get(new CellKey(m.index(), column));
        Invalid.show(this, bad, item);
    }
}
