package dev.structscope.app.compare;

import dev.structscope.app.common.Banners;
import dev.structscope.app.common.Fmt;
import dev.structscope.model.abi.Abi;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;

/**
 * The Portability view, shown in the designer's place: for one record, its {@code sizeof} and
 * alignment and every member's offset and size on the five ABIs, one column each, the cells that
 * differ from the first ABI marked, and the verdict line above. Escape or Close returns. Binds to
 * a {@link PortabilityViewModel}. FX thread.
 */
public final class PortabilityView extends BorderPane {
    private final PortabilityViewModel vm;
    public final TableView<PortabilityTable.Row> table = new TableView<>();
    public final BooleanProperty hex = new SimpleBooleanProperty(this, "hex", true);
    public final Label verdict = new Label();

    public PortabilityView(PortabilityViewModel vm) {
        this.vm = vm;
        getStyleClass().addAll("designer", "portability-view");
        setId("portability-view");

        Label title = new Label("Portability");
        title.getStyleClass().addAll("pane-title", "title-4");
        ComboBox<String> record = new ComboBox<>(vm.records);
        record.setId("portability-record");
        record.setTooltip(new Tooltip("The struct or union shown"));
        record.valueProperty().bindBidirectional(vm.record);
        record.setVisibleRowCount(16);
        HBox header = PaneHeader.of(List.of(title, record), List.of(), "portability-close", "Back (Escape)", vm::close);
        title.setMinWidth(Region.USE_PREF_SIZE);

        verdict.setId("portability-verdict");
        verdict.setWrapText(true);
        verdict.setMaxWidth(Double.MAX_VALUE);
        verdict.textProperty().bind(vm.verdict);
        verdict.visibleProperty().bind(vm.verdict.isNotEmpty());
        verdict.managedProperty().bind(verdict.visibleProperty());
        vm.table.addListener((o, a, t) -> {
            verdict.getStyleClass().removeAll("portability-same", "portability-differs");
            if (t != null) {
                verdict.getStyleClass().add(t.portable() ? "portability-same" : "portability-differs");
            }
        });
        Label hint = new Label("Each cell: offset · size in bytes (the sizeof row: size · align). "
                + "Marked cells differ from the first column.");
        hint.getStyleClass().add("muted");
        hint.setWrapText(true);
        Label banner = Banners.error("portability-error", vm.error);
        VBox info = new VBox(6, verdict, hint);
        info.getStyleClass().add("pane-tools");
        setTop(new VBox(header, banner, info));

        table.setId("portability-table");
        table.getStyleClass().add("portability-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setFixedCellSize(28);
        Label empty = new Label("No struct or union to show: add one (Layout › New Struct) or open a header (Ctrl+O)");
        empty.getStyleClass().add("empty-state");
        empty.setWrapText(true);
        table.setPlaceholder(empty);
        vm.table.addListener((o, a, t) -> show(t));
        setCenter(table);
        show(vm.table.get());

        ClosablePanes.install(this, vm::close, vm.showing, table);
        hex.addListener((o, a, b) -> table.refresh());
    }

    private void show(PortabilityTable t) {
        table.getColumns().clear();
        if (t == null) {
            table.setItems(FXCollections.observableArrayList());
            return;
        }
        TableColumn<PortabilityTable.Row, String> member = new TableColumn<>("Member");
        member.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().label()));
        member.setPrefWidth(120);
        member.setSortable(false);
        TableColumn<PortabilityTable.Row, String> type = new TableColumn<>("Type");
        type.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().type()));
        type.setPrefWidth(100);
        type.setSortable(false);
        type.getStyleClass().add("mono");
        List<TableColumn<PortabilityTable.Row, ?>> cols = new ArrayList<>(List.of(member, type));
        for (int i = 0; i < t.abis().size(); i++) {
            cols.add(abiColumn(t, t.abis().get(i), i));
        }
        table.getColumns().setAll(cols);
        List<PortabilityTable.Row> rows = new ArrayList<>();
        rows.add(t.size());
        rows.addAll(t.rows());
        table.setItems(FXCollections.observableArrayList(rows));
        table.setRowFactory(tv -> new TableRow<>() {
            @Override
            protected void updateItem(PortabilityTable.Row r, boolean emptyRow) {
                super.updateItem(r, emptyRow);
                getStyleClass().removeAll("portability-size-row", "portability-row-differs");
                if (!emptyRow && r != null) {
                    if (r == t.size()) {
                        getStyleClass().add("portability-size-row");
                    }
                    if (r.differs()) {
                        getStyleClass().add("portability-row-differs");
                    }
                }
            }
        });
    }

    private TableColumn<PortabilityTable.Row, String> abiColumn(PortabilityTable t, Abi abi, int index) {
        String model = PortabilityVerdict.model(abi);
        TableColumn<PortabilityTable.Row, String> col = new TableColumn<>(abi.name() + (model == null ? "" : "\n" + model));
        col.setUserData(abi);
        col.setSortable(false);
        col.setPrefWidth(96);
        col.getStyleClass().add("mono");
        col.setCellValueFactory(c -> new ReadOnlyStringWrapper(text(c.getValue(), c.getValue().cells().get(index),
                c.getValue() == t.size())));
        col.setCellFactory(c -> new MarkedCell<>("portability-differs", row -> row.cells().get(index).differs()));
        return col;
    }

    /** "0x08 · 8" for a member, "32 · 8" (size · align) for the sizeof row. */
    private String text(PortabilityTable.Row row, PortabilityTable.Cell c, boolean sizeRow) {
        if (sizeRow) {
            return (c.size() < 0 ? "data" : c.size()) + " · " + c.offset();
        }
        if (c.offset() < 0 && c.size() < 0) {
            return "—";
        }
        return (c.offset() < 0 ? "data" : Fmt.offset(c.offset(), hex.get())) + " · " + (c.size() < 0 ? "data" : c.size());
    }
}
