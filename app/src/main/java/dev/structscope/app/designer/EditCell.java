package dev.structscope.app.designer;

import dev.structscope.app.designer.DesignerViewModel.CellKey;
import dev.structscope.app.designer.DesignerViewModel.Column;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.TextField;

import java.util.Locale;
import java.util.function.Function;

/**
 * An editable designer cell ({@link MarkedEditCell}'s keys and marking of rejected text). Escape also
 * discards a kept rejected text; the type column completes over the primitives and the document's
 * types, the expression columns over earlier members. Padding rows are never editable. FX thread.
 */
final class EditCell extends MarkedEditCell<DesignerRow> {
    private final DesignerViewModel vm;
    private final Column column;
    private final Function<DesignerRow.MemberRow, String> text;
    private ContextMenu completions;

    EditCell(DesignerViewModel vm, Column column, Function<DesignerRow.MemberRow, String> text) {
        super(row -> vm.invalidCells.get(new CellKey(row, column)), (value, row) -> vm.edit(row, column, value));
        this.vm = vm;
        this.column = column;
        this.text = text;
    }

    private DesignerRow.MemberRow memberRow() {
        DesignerRow r = getTableRow() == null ? null : getTableRow().getItem();
        return r instanceof DesignerRow.MemberRow m ? m : null;
    }

    @Override
    int rowIndex() {
        DesignerRow.MemberRow m = memberRow();
        return m == null ? -1 : m.index();
    }


    @Override
    String editText(int row) {
        return text.apply(memberRow());
    }

    @Override
    boolean editable() {
        return getTableView().isEditable();
    }

    @Override
    void refused() {
        // Padding rows are not editable: undo the table's notion that this cell is being edited.
        var tv = getTableView();
        javafx.application.Platform.runLater(() -> {
            if (tv.getEditingCell() != null && tv.getEditingCell().getRow() == getIndex()) {
                tv.edit(-1, null);
            }
        });
    }

    @Override
    void escaped(int row) {
        // Escape gives up the edit, a rejected text included: the member's value shows again.
        vm.discardInvalid(row, column);
    }

    @Override
    void editorShown(TextField field, int row) {
        if (column == Column.TYPE) {
            field.textProperty().addListener((o, a, b) -> suggest(b));
        } else if (EXPRESSIONS.contains(column)) {
            MemberCompletion.attach(field, () -> vm.expressionSuggestions(row));
        }
    }

    @Override
    void editEnded() {
        if (completions != null) {
            completions.hide();
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
        MemberCompletion.offer(completions, field(), vm.typeSuggestions().stream()
                .filter(s -> !t.isEmpty() && s.toLowerCase(Locale.ROOT).startsWith(t) && !s.equalsIgnoreCase(t))
                .limit(12).toList(), s -> {
                    field().setText(s);
                    commit(s);
                });
    }
}
