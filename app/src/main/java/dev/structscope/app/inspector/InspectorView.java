package dev.structscope.app.inspector;

import dev.structscope.app.common.EditingCell;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;

import java.nio.ByteOrder;
import java.util.function.Function;

/**
 * The data inspector pane: a table of {@link Inspector} rows for the bytes at the start of the
 * selection, with little- and big-endian columns (both typeable) and the bytes each row reads.
 * Binds to its {@link InspectorViewModel}; FX thread.
 */
public final class InspectorView extends BorderPane {
    public final InspectorViewModel model;
    public final TableView<Inspector.Row> table = new TableView<>();

    public InspectorView(InspectorViewModel model) {
        this.model = model;
        getStyleClass().add("inspector-view");
        table.getStyleClass().add(atlantafx.base.theme.Styles.DENSE);
        table.getColumns().add(col("Type", Inspector.Row::name, 120));
        table.getColumns().add(editable(col("Little-endian", Inspector.Row::little, 160), ByteOrder.LITTLE_ENDIAN));
        table.getColumns().add(editable(col("Big-endian", Inspector.Row::big, 160), ByteOrder.BIG_ENDIAN));
        TableColumn<Inspector.Row, String> hex = col("Bytes", Inspector.Row::hex, 150);
        hex.setId("inspector-hex");
        hex.setStyle("-fx-font-family: monospace;");
        table.getColumns().add(hex);
        table.setEditable(true);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("Open a file: the bytes at the caret appear here as every type."));
        table.setItems(model.rows());
        Label title = new Label();
        title.textProperty().bind(model.title);
        title.setStyle("-fx-font-weight: bold; -fx-padding: 3 6 3 6;");
        setTop(title);
        setCenter(table);
    }

    private static TableColumn<Inspector.Row, String> col(String t, Function<Inspector.Row, String> f, double w) {
        TableColumn<Inspector.Row, String> c = new TableColumn<>(t);
        c.setPrefWidth(w);
        c.setSortable(false);
        c.setCellValueFactory(p -> new ReadOnlyStringWrapper(f.apply(p.getValue())));
        return c;
    }

    /**
     * A value column whose integer and float cells can be typed (double-click or F2): Enter
     * encodes the text in the column's byte order and writes it at the caret; a value that does
     * not fit stays in the field, marked, with the reason in its tooltip; Escape cancels.
     */
    private TableColumn<Inspector.Row, String> editable(TableColumn<Inspector.Row, String> c, ByteOrder order) {
        c.setId(order == ByteOrder.LITTLE_ENDIAN ? "inspector-little" : "inspector-big");
        c.setEditable(true);
        c.setCellFactory(col -> new EditingCell<Inspector.Row>("inspector-editor",
                model::canEdit, shown -> shown, (r, text) -> model.write(r, text, order)));
        return c;
    }

}
