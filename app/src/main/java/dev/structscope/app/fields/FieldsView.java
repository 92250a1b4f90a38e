package dev.structscope.app.fields;

import dev.structscope.app.common.MemberColors;
import dev.structscope.io.decode.DecoderPlan;
import dev.structscope.io.source.DataSource;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.shape.Rectangle;

import java.util.Locale;
import java.util.function.Function;

/**
 * The decoded-fields tree: member, type, offset, raw bytes and value of the record at a base
 * offset, children built lazily ({@link FieldItem}). {@link #selectedRangeProperty()} is the
 * byte range of the selected row (the hex view selects it); {@link #reveal(long)} selects the
 * deepest member holding a byte (the other direction). Shows a message instead of the tree when
 * there is nothing to decode.
 *
 * <p>FX thread only; reads only the bytes of rows that are created.
 */
public final class FieldsView extends BorderPane {
    /** A byte range of the file. */
    public record Range(long offset, long length) {
    }

    private final TreeTableView<FieldRow> tree = new TreeTableView<>();
    private final Label placeholder = new Label("Choose a type for the overlay to decode the bytes.");
    private final ObjectProperty<Range> selectedRange = new SimpleObjectProperty<>(this, "selectedRange");
    private final ReadOnlyObjectWrapper<FieldItem> rootItem = new ReadOnlyObjectWrapper<>(this, "root");
    private boolean revealing;

    public FieldsView() {
        getStyleClass().add("fields-view");
        // Dense rows, as in the designer: the tree often shares a narrow column with the bytes.
        tree.getStyleClass().add(atlantafx.base.theme.Styles.DENSE);
        tree.setShowRoot(true);
        tree.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TreeTableColumn<FieldRow, String> name = column("Member", FieldRow::name, 150);
        name.setCellFactory(c -> new TreeTableCell<>() {
            private final Rectangle swatch = new Rectangle(10, 10);

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                FieldRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
                if (row == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                setText(item);
                if (row.color() >= 0) {
                    swatch.setFill(MemberColors.of(row.color()));
                    setGraphic(swatch);
                } else {
                    setGraphic(null);
                }
            }
        });
        tree.getColumns().add(name);
        tree.getColumns().add(column("Type", FieldRow::type, 110));
        tree.getColumns().add(column("Offset", r -> String.format(Locale.ROOT, "0x%X", r.offset())
                + (r.bitText().isEmpty() ? "" : " " + r.bitText()), 90));
        TreeTableColumn<FieldRow, String> raw = column("Raw", FieldRow::raw, 150);
        raw.setStyle("-fx-font-family: 'Monospaced';");
        tree.getColumns().add(raw);
        tree.getColumns().add(column("Value", FieldRow::value, 160));
        tree.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null && !revealing) {
                FieldRow r = b.getValue();
                selectedRange.set(new Range(r.offset(), Math.max(1, r.size())));
            }
        });
        placeholder.setWrapText(true);
        placeholder.getStyleClass().add("empty-state");
        setCenter(placeholder);
    }

    private static TreeTableColumn<FieldRow, String> column(String title, Function<FieldRow, String> f, double w) {
        TreeTableColumn<FieldRow, String> c = new TreeTableColumn<>(title);
        c.setPrefWidth(w);
        c.setSortable(false);
        c.setCellValueFactory(p -> new SimpleStringProperty(p.getValue() == null || p.getValue().getValue() == null
                ? "" : f.apply(p.getValue().getValue())));
        return c;
    }

    public TreeTableView<FieldRow> tree() {
        return tree;
    }

    /** The record of {@code plan} at file offset {@code base} of {@code source}. */
    public void show(DataSource source, DecoderPlan plan, long base) {
        if (source == null || plan == null) {
            clear("Choose a type for the overlay to decode the bytes.");
            return;
        }
        if (base < 0 || base > source.size() || source.size() - base < plan.recordSize()) {
            clear(plan.root().typeName() + " (" + plan.recordSize() + " bytes) at offset "
                    + String.format(Locale.ROOT, "0x%X", base) + " runs past the end of the file ("
                    + source.size() + " bytes).");
            return;
        }
        FieldItem root = FieldItem.root(plan.root(), source.segment(), base);
        root.setExpanded(true);
        tree.setRoot(root);
        rootItem.set(root);
        setCenter(tree);
    }

    /** Shows {@code message} instead of the tree. */
    public void clear(String message) {
        tree.setRoot(null);
        rootItem.set(null);
        placeholder.setText(message);
        setCenter(placeholder);
    }

    public FieldItem root() {
        return rootItem.get();
    }

    /** The selected row's bytes (set when the user selects a row). */
    public ObjectProperty<Range> selectedRangeProperty() {
        return selectedRange;
    }

    /**
     * Selects the deepest member holding file byte {@code offset}, expanding (and so creating)
     * only the items on the way; clears the selection when no member holds it.
     *
     * @return the selected item, or null
     */
    public FieldItem reveal(long offset) {
        FieldItem root = rootItem.get();
        if (root == null) {
            return null;
        }
        FieldItem hit = root.deepest(offset);
        revealing = true;
        try {
            if (hit == null) {
                tree.getSelectionModel().clearSelection();
                return null;
            }
            for (TreeItem<FieldRow> p = hit.getParent(); p != null; p = p.getParent()) {
                p.setExpanded(true);
            }
            tree.getSelectionModel().select(hit);
            int row = tree.getRow(hit);
            if (row >= 0) {
                tree.scrollTo(Math.max(0, row - 3));
            }
            return hit;
        } finally {
            revealing = false;
        }
    }
}
