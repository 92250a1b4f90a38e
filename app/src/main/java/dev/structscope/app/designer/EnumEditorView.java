package dev.structscope.app.designer;

import dev.structscope.app.common.Banners;
import dev.structscope.app.common.Converters;
import dev.structscope.app.common.Icons;
import dev.structscope.app.designer.EnumEditorViewModel.Column;
import dev.structscope.icons.IconPaths;
import dev.structscope.model.type.EnumType;
import dev.structscope.model.type.Enumerator;
import dev.structscope.model.type.Prim;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.MapChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The enum editor, shown in the designer's place when an enum is selected in the library: the
 * enum's name, size and alignment on the ABI, fixed underlying type, packed flag and comment, and
 * a table of its enumerators (name, value, hex, comment) edited in place like the member table
 * (Insert adds, Delete removes, Alt+Up/Down reorders). Binds to {@link EnumEditorViewModel}; FX
 * thread.
 */
public final class EnumEditorView extends BorderPane {
    /** One table row: an enumerator and its position. */
    public record Row(int index, Enumerator enumerator) {
    }

    private static final List<Prim> UNDERLYING = List.of(Prim.INT8, Prim.UINT8, Prim.INT16, Prim.UINT16,
            Prim.INT32, Prim.UINT32, Prim.INT64, Prim.UINT64, Prim.INT, Prim.UNSIGNED_INT);

    private final EnumEditorViewModel vm;
    public final TableView<Row> table = new TableView<>();
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private boolean syncing;

    public EnumEditorView(EnumEditorViewModel vm) {
        this.vm = vm;
        getStyleClass().add("designer");
        setId("enum-editor");

        Label keyword = new Label("enum");
        keyword.getStyleClass().addAll("pane-title", "title-4");
        TextField name = new TextField();
        name.setId("enum-name");
        name.setPrefColumnCount(12);
        name.setTooltip(new Tooltip("The enum's tag; members of this type follow a rename (Enter)"));
        name.setOnAction(e -> {
            if (!vm.rename(name.getText())) {
                name.getStyleClass().add("invalid");
            }
        });
        name.focusedProperty().addListener((o, a, focused) -> {
            if (!focused && vm.enumType.get() != null && !name.getText().equals(vm.enumType.get().tag())) {
                name.fireEvent(new javafx.event.ActionEvent());
            }
        });
        Label sizes = new Label();
        sizes.setId("enum-size");
        sizes.getStyleClass().add("muted");
        sizes.textProperty().bind(vm.sizeText);

        ChoiceBox<Prim> underlying = new ChoiceBox<>();
        underlying.setId("enum-underlying");
        underlying.getItems().add(null);
        underlying.getItems().addAll(UNDERLYING);
        underlying.setConverter(Converters.showing(p -> p == null ? "compiler's choice" : p.cName()));
        underlying.setTooltip(new Tooltip("C23 fixed underlying type (enum E : uint8_t); otherwise the ABI picks"));
        CheckBox packed = new CheckBox("Packed");
        packed.setId("enum-packed");
        packed.setTooltip(new Tooltip("__attribute__((packed)): the smallest integer that holds every value (not on Windows)"));
        underlying.valueProperty().addListener((o, a, p) -> {
            if (!syncing) {
                if (!vm.setUnderlying(p)) {
                    sync(vm.enumType.get(), name, underlying, packed);
                }
            }
        });
        packed.selectedProperty().addListener((o, a, p) -> {
            if (!syncing) {
                vm.setPacked(p);
            }
        });

        HBox header = new HBox(8, keyword, name, sizes);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("pane-header");
        keyword.setMinWidth(Region.USE_PREF_SIZE);
        name.setMinWidth(80);

        Button add = Icons.tool(IconPaths.ADD, "Add enumerator (Insert)", "add-enumerator", vm::add);
        Button del = Icons.tool(IconPaths.REMOVE, "Delete enumerator (Delete)", "delete-enumerator", vm::delete);
        Button up = Icons.tool(IconPaths.UP, "Move up (Alt+Up)", "enumerator-up", () -> vm.move(-1));
        Button down = Icons.tool(IconPaths.DOWN, "Move down (Alt+Down)", "enumerator-down", () -> vm.move(1));
        var none = vm.selected.lessThan(0);
        del.disableProperty().bind(none);
        up.disableProperty().bind(none);
        down.disableProperty().bind(none);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        Label underLabel = new Label("Underlying");
        HBox tools = new HBox(4, add, del, up, down, grow, underLabel, underlying, packed);
        tools.setAlignment(Pos.CENTER_LEFT);
        tools.getStyleClass().add("pane-tools");
        HBox.setMargin(packed, new Insets(0, 0, 0, 6));
        for (Region r : List.of(underLabel, underlying, packed)) {
            r.setMinWidth(Region.USE_PREF_SIZE);
        }

        TextField comment = new TextField();
        comment.setId("enum-comment");
        comment.setPromptText("Comment on the enum (carried to exports)");
        comment.setOnAction(e -> vm.setComment(comment.getText()));
        comment.focusedProperty().addListener((o, a, f) -> {
            if (!f) {
                vm.setComment(comment.getText());
            }
        });
        VBox.setMargin(comment, new Insets(0, 8, 6, 8));

        Label banner = Banners.error("enum-error", vm.error);

        buildTable();
        vm.enumType.addListener((o, a, e) -> {
            sync(e, name, underlying, packed);
            comment.setText(e == null || e.comment() == null ? "" : e.comment());
        });
        sync(vm.enumType.get(), name, underlying, packed);
        vm.invalidCells.addListener((MapChangeListener<EnumEditorViewModel.CellKey, Invalid>)
                c -> {
                    if (MarkedEditCell.mayRefresh(table)) {
                        table.refresh();
                    }
                });

        setTop(new VBox(header, tools, comment, banner));
        setMinWidth(0);
        setCenter(table);
        BorderPane.setMargin(table, new Insets(0, 8, 8, 8));
    }

    private void sync(EnumType e, TextField name, ChoiceBox<Prim> underlying, CheckBox packed) {
        syncing = true;
        try {
            name.getStyleClass().remove("invalid");
            name.setText(e == null ? "" : e.tag());
            underlying.setValue(e == null ? null : e.underlying());
            packed.setSelected(e != null && e.packed());
            List<Row> next = new ArrayList<>();
            if (e != null) {
                for (int i = 0; i < e.enumerators().size(); i++) {
                    next.add(new Row(i, e.enumerators().get(i)));
                }
            }
            rows.setAll(next);
            int sel = vm.selected.get();
            if (sel >= 0 && sel < rows.size()) {
                table.getSelectionModel().select(sel);
            }
        } finally {
            syncing = false;
        }
    }

    private void buildTable() {
        table.setId("enumerators");
        table.setItems(rows);
        table.setEditable(true);
        table.setPlaceholder(new Label("Select an enum in the library"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(editable("Name", 180, Column.NAME, r -> r.enumerator().name()));
        table.getColumns().add(editable("Value", 110, Column.VALUE, r -> Long.toString(r.enumerator().value())));
        TableColumn<Row, String> hex = new TableColumn<>("Hex");
        hex.setPrefWidth(130);
        hex.setSortable(false);
        hex.setEditable(false);
        hex.setCellValueFactory(c -> new ReadOnlyStringWrapper("0x" + Long.toHexString(c.getValue().enumerator().value())
                .toUpperCase(java.util.Locale.ROOT)));
        hex.getStyleClass().add("mono");
        table.getColumns().add(hex);
        table.getColumns().add(editable("Comment", 200, Column.COMMENT,
                r -> r.enumerator().comment() == null ? "" : r.enumerator().comment()));
        table.getSelectionModel().selectedIndexProperty().addListener((o, a, i) -> {
            if (!syncing) {
                vm.selected.set(i.intValue());
            }
        });
        table.setOnKeyPressed(e -> {
            if (table.getEditingCell() != null) {
                return;
            }
            if (e.getCode() == KeyCode.INSERT) {
                vm.add();
            } else if (e.getCode() == KeyCode.DELETE) {
                vm.delete();
            } else if (e.isAltDown() && e.getCode() == KeyCode.UP) {
                vm.move(-1);
            } else if (e.isAltDown() && e.getCode() == KeyCode.DOWN) {
                vm.move(1);
            } else {
                return;
            }
            e.consume();
        });
    }

    private TableColumn<Row, String> editable(String title, double width, Column column, Function<Row, String> value) {
        TableColumn<Row, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setSortable(false);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(value.apply(cd.getValue())));
        c.setCellFactory(col -> new EnumCell(vm, column));
        return c;
    }

}
