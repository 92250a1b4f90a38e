package dev.structscope.app.inspector;

import dev.structscope.io.source.DataSource;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;

import java.util.Locale;
import java.util.function.Function;

/**
 * The data inspector pane: a table of {@link Inspector} rows for the bytes at the caret, with
 * little- and big-endian columns. Call {@link #show(DataSource, long)} when the caret moves.
 * FX thread; reads at most {@link Inspector#WINDOW} bytes per update.
 */
public final class InspectorView extends BorderPane {
    private final TableView<Inspector.Row> table = new TableView<>();
    private final Label title = new Label("INSPECTOR");

    public InspectorView() {
        getStyleClass().add("inspector-view");
        table.getStyleClass().add(atlantafx.base.theme.Styles.DENSE);
        table.getColumns().add(col("Type", Inspector.Row::name, 120));
        table.getColumns().add(col("Little-endian", Inspector.Row::little, 170));
        table.getColumns().add(col("Big-endian", Inspector.Row::big, 170));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("Open a file: the bytes at the caret appear here as every type."));
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

    public TableView<Inspector.Row> table() {
        return table;
    }

    public void show(DataSource source, long caret) {
        if (source == null || caret < 0 || caret >= source.size()) {
            table.getItems().clear();
            title.setText("INSPECTOR");
            return;
        }
        try {
            // Only the few bytes the rows read: a slice, not the whole mapping.
            long n = Math.min(Inspector.WINDOW, source.size() - caret);
            table.getItems().setAll(Inspector.rows(source.slice(caret, n), 0));
            title.setText(String.format(Locale.ROOT, "INSPECTOR @ 0x%X", caret));
        } catch (InternalError | IllegalStateException e) {
            table.getItems().clear();
            title.setText("INSPECTOR: cannot read the bytes (" + e.getMessage() + ")");
        }
    }
}
