package dev.structscope.app.compare;

import dev.structscope.app.common.Fmt;
import dev.structscope.app.common.MemberColors;
import dev.structscope.model.compare.MemberChange.Kind;
import dev.structscope.model.compare.MemberView;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.shape.Rectangle;

import java.util.List;
import java.util.function.Function;

/**
 * The compare view's member table: one row per member matched by name, this layout's offset, size
 * and type beside the other's, the changed value in bold, the row drawn with its mark
 * ({@code compare-row-moved}…) and the change old → new. Selecting a row marks the member on both
 * rulers; a click on a ruler block selects its row. Binds to a {@link CompareViewModel}. FX thread.
 */
final class CompareTable extends TableView<CompareRow> {
    private final CompareViewModel vm;
    private final BooleanProperty hex;

    CompareTable(CompareViewModel vm, BooleanProperty hex) {
        this.vm = vm;
        this.hex = hex;
        setId("compare-table");
        getStyleClass().add("compare-table");
        setItems(vm.rows);
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        setPlaceholder(placeholder());
        setFixedCellSize(28);

        TableColumn<CompareRow, String> member = new TableColumn<>("Member");
        member.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().path()));
        member.setCellFactory(c -> new MemberCell());
        member.setPrefWidth(110);
        TableColumn<CompareRow, String> oldSide = side(r -> r.oldLabel(), CompareRow::old);
        TableColumn<CompareRow, String> newSide = side(r -> r.newLabel(), CompareRow::now);
        TableColumn<CompareRow, String> change = new TableColumn<>("Change");
        change.setId("compare-change");
        change.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().describe(hex.get())));
        change.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String s, boolean emptyCell) {
                super.updateItem(s, emptyCell);
                getStyleClass().removeIf(k -> k.startsWith("compare-mark-"));
                CompareRow row = emptyCell ? null : getTableRow().getItem();
                setText(emptyCell ? null : s);
                setTooltip(emptyCell || s == null ? null : new Tooltip(s));
                if (row != null) {
                    getStyleClass().add("compare-mark-" + row.mark().word());
                }
            }
        });
        change.setPrefWidth(240);
        getColumns().addAll(List.of(member, oldSide, newSide, change));
        setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(CompareRow r, boolean emptyRow) {
                super.updateItem(r, emptyRow);
                getStyleClass().removeIf(k -> k.startsWith("compare-row-"));
                if (!emptyRow && r != null) {
                    getStyleClass().add("compare-row-" + r.mark().word());
                }
            }
        });
        getSelectionModel().selectedItemProperty().addListener((o, a, b) -> vm.selectRow(b));
        // A click on a ruler block selects that member's row (and so marks it on the other ruler too).
        vm.oldMember.addListener((o, a, b) -> selectRowOf(b.intValue(), true));
        vm.newMember.addListener((o, a, b) -> selectRowOf(b.intValue(), false));
        hex.addListener((o, a, b) -> refresh());
    }

    private void selectRowOf(int member, boolean oldSide) {
        CompareRow current = getSelectionModel().getSelectedItem();
        if (member < 0 || current != null && (oldSide ? current.oldColour() : current.newColour()) == member) {
            return;
        }
        for (CompareRow r : vm.rows) {
            if ((oldSide ? r.oldColour() : r.newColour()) == member) {
                getSelectionModel().select(r);
                scrollTo(r);
                return;
            }
        }
    }

    /** The columns of one side: its offset, size and type, under the side's label. */
    private TableColumn<CompareRow, String> side(Function<CompareViewModel.Result, String> label,
                                                 Function<CompareRow, MemberView> side) {
        TableColumn<CompareRow, String> col = new TableColumn<>();
        col.textProperty().bind(Bindings.createStringBinding(() -> vm.result.get() == null ? ""
                : label.apply(vm.result.get()), vm.result));
        col.getColumns().addAll(List.of(
                value("Offset", side, m -> offset(m.offset()), Kind.MOVED, 56),
                value("Size", side, m -> m.bitWidth() >= 0 ? m.bitWidth() + " bits" : size(m.size()), Kind.RESIZED, 52),
                value("Type", side, MemberView::type, Kind.RETYPED, 90)));
        return col;
    }

    /** A column of one side's value; the cell is marked where that value is what changed. */
    private TableColumn<CompareRow, String> value(String title, Function<CompareRow, MemberView> side,
                                                  Function<MemberView, String> text, Kind kind, double width) {
        TableColumn<CompareRow, String> col = new TableColumn<>(title);
        col.setCellValueFactory(c -> {
            MemberView m = side.apply(c.getValue());
            return new ReadOnlyStringWrapper(m == null ? "—" : text.apply(m));
        });
        col.setCellFactory(c -> new MarkedCell<>("compare-changed", row -> row.has(kind)));
        col.getStyleClass().add("mono");
        col.setPrefWidth(width);
        col.setSortable(false);
        return col;
    }

    private String offset(long v) {
        return v < 0 ? "data" : Fmt.offset(v, hex.get());
    }

    private static String size(long v) {
        return v < 0 ? "data" : Long.toString(v);
    }

    /** Both sides' member colours (as on the rulers below), then the dotted path. */
    private static final class MemberCell extends TableCell<CompareRow, String> {
        private final Rectangle oldSwatch = swatch();
        private final Rectangle newSwatch = swatch();
        private final HBox swatches = new HBox(2, oldSwatch, newSwatch);

        MemberCell() {
            swatches.setAlignment(Pos.CENTER_LEFT);
        }

        private static Rectangle swatch() {
            Rectangle r = new Rectangle(8, 10);
            r.setArcWidth(3);
            r.setArcHeight(3);
            return r;
        }

        @Override
        protected void updateItem(String s, boolean emptyCell) {
            super.updateItem(s, emptyCell);
            CompareRow row = emptyCell ? null : getTableRow().getItem();
            if (row == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            setText(s);
            oldSwatch.setFill(row.oldColour() < 0 ? javafx.scene.paint.Color.TRANSPARENT : MemberColors.of(row.oldColour()));
            newSwatch.setFill(row.newColour() < 0 ? javafx.scene.paint.Color.TRANSPARENT : MemberColors.of(row.newColour()));
            setGraphic(swatches);
        }
    }

    private Label placeholder() {
        Label l = empty("");
        l.textProperty().bind(Bindings.createStringBinding(() -> {
            if (vm.busy.get()) {
                return "Comparing…";
            }
            if (!vm.error.get().isEmpty()) {
                return ""; // the error above says it, once
            }
            if (vm.result.get() == null) {
                return "Compare this layout with another file (Other File…)\nor with itself on another ABI (choose it above)";
            }
            return vm.selected.get() == null ? "Choose a record on the left" : "This record has no members";
        }, vm.busy, vm.error, vm.result, vm.selected));
        return l;
    }

    static Label empty(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("empty-state");
        l.setWrapText(true);
        return l;
    }
}
