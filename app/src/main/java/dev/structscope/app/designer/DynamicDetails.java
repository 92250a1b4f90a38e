package dev.structscope.app.designer;

import dev.structscope.app.designer.DesignerViewModel.CellKey;
import dev.structscope.app.designer.DesignerViewModel.Column;
import dev.structscope.model.layout.FieldLayout;
import dev.structscope.model.type.Expr;
import dev.structscope.model.type.Member;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

import java.util.EnumMap;
import java.util.Map;

/**
 * The dynamic parts of the selected member, in full width under the member table: its array
 * dimensions with counts ({@code [ehdr.e_shnum]}), placement, switch, when values and size.
 * Enter applies the text through the view model, as an undoable edit; text
 * it rejects stays in the field, marked, with the reason beside it. Member names complete while
 * typing. FX thread.
 */
final class DynamicDetails extends GridPane {
    private final DesignerViewModel vm;
    private final Map<Column, TextField> fields = new EnumMap<>(Column.class);
    private final Label title = new Label();
    private final Label reason = new Label();
    private boolean filling;

    DynamicDetails(DesignerViewModel vm) {
        this.vm = vm;
        setId("dynamic-details");
        getStyleClass().add("dynamic-details");
        setHgap(6);
        setVgap(4);
        setPadding(new Insets(4, 8, 4, 8));
        title.getStyleClass().add("section-label");
        add(title, 0, 0, 4, 1);
        // The prompt is an example short enough to show whole in a narrow window; the tooltip says what it means.
        field(Column.ARRAY, "Array", "[name_len]", "Array dimensions: [4], [] (to the end) or a count, [name_len] or name_len", 0, 1);
        field(Column.AT, "At", "ehdr.e_shoff", "Placed at this offset from the record's start, e.g. ehdr.e_shoff", 2, 1);
        field(Column.SWITCH, "Switch", "tag", "On a union member: the value that chooses the alternative, e.g. tag", 0, 2);
        field(Column.WHEN, "When", "1, 2", "On an alternative: the switch values that choose it, e.g. 1, 2 or \"fmt \"", 2, 2);
        field(Column.SIZE, "Size", "chunk_size", "The bytes the member occupies, e.g. chunk_size", 0, 3);
        reason.getStyleClass().add("dynamic-reason");
        reason.setWrapText(true);
        reason.setStyle("-fx-text-fill: -color-danger-fg;");
        add(reason, 2, 3, 2, 1);
        for (int c = 0; c < 4; c++) {
            ColumnConstraints cc = new ColumnConstraints();
            if (c % 2 == 1) {
                cc.setHgrow(Priority.ALWAYS);
                cc.setMinWidth(80);
            }
            getColumnConstraints().add(cc);
        }
        vm.selectedMember.addListener((o, a, b) -> fill());
        vm.layout.addListener((o, a, b) -> fill());
        vm.invalidCells.addListener((javafx.collections.MapChangeListener<CellKey, Invalid>)
                ch -> fill());
        fill();
    }

    /** The field editing {@code column} of the selected member (for tests). */
    TextField field(Column column) {
        return fields.get(column);
    }

    private void field(Column column, String label, String prompt, String tooltip, int col, int row) {
        TextField f = new TextField();
        f.setId("dynamic-" + column.name().toLowerCase());
        f.setPromptText(prompt);
        f.getStyleClass().add("mono");
        f.setTooltip(new Tooltip(tooltip));
        // Enter applies (as in the table); leaving the field keeps the text until Enter or Escape,
        // so that selecting another member never applies it to the wrong one.
        f.setOnAction(e -> apply(column, f));
        f.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                vm.discardInvalid(vm.selectedMember.get(), column);
                fill();
                e.consume();
            }
        });
        if (column != Column.WHEN) {
            MemberCompletion.attach(f, () -> vm.expressionSuggestions(vm.selectedMember.get()));
        }
        fields.put(column, f);
        Label l = new Label(label);
        l.setMinWidth(Label.USE_PREF_SIZE); // the field gives way, the word stays whole
        l.setLabelFor(f);
        add(l, col, row);
        add(f, col + 1, row);
    }

    private void apply(Column column, TextField f) {
        int i = vm.selectedMember.get();
        if (filling || i < 0 || vm.record() == null || i >= vm.record().members().size()) {
            return;
        }
        String now = text(column, vm.layout.get().fields().get(i));
        CellKey key = new CellKey(i, column);
        if (f.getText().strip().equals(now) && !vm.invalidCells.containsKey(key)) {
            return;
        }
        vm.edit(i, column, f.getText());
    }

    private static String text(Column column, FieldLayout fl) {
        Member m = fl.member();
        return switch (column) {
            case ARRAY -> DynamicText.dimsText(m.type());
            case AT -> expr(m.dynamic().at());
            case SWITCH -> expr(m.dynamic().switchOn());
            case WHEN -> DynamicText.whenText(m.dynamic().when());
            case SIZE -> expr(m.dynamic().size());
            default -> "";
        };
    }

    private static String expr(Expr e) {
        return e == null ? "" : e.text();
    }

    private void fill() {
        filling = true;
        try {
            int i = vm.selectedMember.get();
            boolean has = vm.layout.get() != null && i >= 0 && i < vm.layout.get().fields().size();
            setDisable(!has);
            FieldLayout fl = has ? vm.layout.get().fields().get(i) : null;
            title.setText(fl == null ? "DATA DECIDES · select a member" : "DATA DECIDES · "
                    + (fl.name() == null ? "(unnamed)" : fl.name()));
            String why = "";
            for (Map.Entry<Column, TextField> e : fields.entrySet()) {
                TextField f = e.getValue();
                Invalid bad = has ? vm.invalidCells.get(new CellKey(i, e.getKey())) : null;
                f.getStyleClass().remove("invalid");
                if (bad != null) {
                    f.setText(bad.text());
                    f.getStyleClass().add("invalid");
                    why = e.getKey().name().toLowerCase() + ": " + bad.reason();
                } else {
                    f.setText(fl == null ? "" : text(e.getKey(), fl));
                }
            }
            reason.setText(why);
        } finally {
            filling = false;
        }
    }
}
