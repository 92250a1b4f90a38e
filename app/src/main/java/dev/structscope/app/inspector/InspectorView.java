package dev.structscope.app.inspector;

import dev.structscope.io.source.DataSource;
import javafx.beans.property.ReadOnlyStringWrapper;
import dev.structscope.model.InputException;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;

import java.nio.ByteOrder;
import java.util.Locale;
import java.util.function.Function;

/**
 * The data inspector pane: a table of {@link Inspector} rows for the bytes at the caret, with
 * little- and big-endian columns. Call {@link #show(DataSource, long)} when the caret moves.
 * FX thread; reads at most {@link Inspector#WINDOW} bytes per update.
 */
public final class InspectorView extends BorderPane {
    /** Writes a value typed into a row at the caret (the hex pane implements it through the data's edits). */
    @FunctionalInterface
    public interface ValueEditor {
        /** Writes {@code bytes} at the inspected offset; null when done, else why it was refused. */
        String write(byte[] bytes);
    }

    private final TableView<Inspector.Row> table = new TableView<>();
    private ValueEditor editor;
    private final Label title = new Label("INSPECTOR");

    public InspectorView() {
        getStyleClass().add("inspector-view");
        table.getStyleClass().add(atlantafx.base.theme.Styles.DENSE);
        table.getColumns().add(col("Type", Inspector.Row::name, 120));
        table.getColumns().add(editable(col("Little-endian", Inspector.Row::little, 170), ByteOrder.LITTLE_ENDIAN));
        table.getColumns().add(editable(col("Big-endian", Inspector.Row::big, 170), ByteOrder.BIG_ENDIAN));
        table.setEditable(true);
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

    /**
     * A value column whose integer and float cells can be typed (double-click or F2): Enter
     * encodes the text in the column's byte order and writes it at the caret; a value that does
     * not fit stays in the field, marked, with the reason in its tooltip; Escape cancels.
     */
    private TableColumn<Inspector.Row, String> editable(TableColumn<Inspector.Row, String> c, ByteOrder order) {
        c.setId(order == ByteOrder.LITTLE_ENDIAN ? "inspector-little" : "inspector-big");
        c.setEditable(true);
        c.setCellFactory(col -> new dev.structscope.app.common.EditingCell<Inspector.Row>("inspector-editor",
                r -> editor != null && Inspector.editable(r.name()), shown -> shown, (r, text) -> {
                    try {
                        return editor.write(Inspector.encode(r.name(), text, order));
                    } catch (InputException x) {
                        return x.getMessage();
                    }
                }));
        return c;
    }

    /** Turns on typing values at the caret (null: read-only). */
    public void setValueEditor(ValueEditor editor) {
        this.editor = editor;
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
