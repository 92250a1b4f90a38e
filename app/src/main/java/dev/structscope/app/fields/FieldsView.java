package dev.structscope.app.fields;

import dev.structscope.app.common.MemberColors;
import dev.structscope.io.decode.RecordReader;
import dev.structscope.io.source.DataSource;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.shape.Rectangle;

import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * The decoded-fields tree: member, type, offset, raw bytes and value of the record at a base
 * offset, children built lazily ({@link FieldItem}). {@link #selectedRange} is the
 * byte range of the selected row (the hex view selects it); {@link #reveal(long)} selects the
 * deepest member holding a byte (the other direction). Shows a message instead of the tree when
 * there is nothing to decode. The view: what is decoded lives in {@link FieldsViewModel}; this
 * class binds the tree and the message to it and offers editing, the context menu and reveal.
 *
 * <p>FX thread only; reads only the bytes of rows that are created.
 */
public final class FieldsView extends BorderPane {
    /** A byte range of the file. */
    public record Range(long offset, long length) {
    }

    /** What following an integer member does (the hex pane implements it). */
    public interface Follow {
        /** Moves the caret to file offset {@code offset}. */
        void goTo(long offset);

        /** Overlays record type {@code type} at file offset {@code offset}. */
        void overlay(String type, long offset);

        /** The record types that can be overlaid. */
        List<String> types();
    }

    /** Writes a value typed into the tree (the hex pane implements it through the data's edits). */
    @FunctionalInterface
    public interface ValueEditor {
        /** Writes {@code text} as {@code item}'s new value; null when done, else why it was refused. */
        String apply(FieldItem item, String text);
    }

    public final TreeTableView<FieldRow> tree = new TreeTableView<>();
    public final FieldsViewModel viewModel;
    /** The selected row's bytes (set when the user selects a row). */
    public final ObjectProperty<Range> selectedRange;
    /** The message shown instead of the tree (when there is no tree). */
    public final Label placeholder = new Label();
    /** What the decoder warned of the record shown, above its tree; hidden when nothing. */
    public final Label warning = new Label();
    /** The context menu of the tree's rows (filled for the selected row when it shows). */
    public final ContextMenu contextMenu = new ContextMenu();
    private final TreeTableColumn<FieldRow, String> name;
    /** Fits the columns to the texts shown. */
    private final TreeColumnWidths widths;
    private boolean revealing;
    private Follow follow;
    private ValueEditor valueEditor;

    public FieldsView() {
        this(new FieldsViewModel());
    }

    public FieldsView(FieldsViewModel viewModel) {
        this.viewModel = viewModel;
        this.selectedRange = viewModel.selectedRange;
        getStyleClass().add("fields-view");
        // Dense rows, as in the designer: the tree often shares a narrow column with the bytes.
        tree.getStyleClass().add(atlantafx.base.theme.Styles.DENSE);
        tree.setShowRoot(true);
        tree.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        name = column("Member", FieldRow::name, TreeColumnWidths.NAME_WIDTH);
        name.setCellFactory(c -> new NameCell());
        tree.getColumns().add(name);
        TreeTableColumn<FieldRow, String> type = column("Type", FieldRow::type, 110);
        type.setCellFactory(c -> new FitCell());
        tree.getColumns().add(type);
        TreeTableColumn<FieldRow, String> offset = column("Offset", r -> String.format(Locale.ROOT, "0x%X", r.offset())
                + (r.bitText().isEmpty() ? "" : " " + r.bitText()), 90);
        offset.setCellFactory(c -> new FitCell());
        tree.getColumns().add(offset);
        TreeTableColumn<FieldRow, String> raw = column("Raw", FieldRow::raw, 150);
        raw.setStyle("-fx-font-family: 'Monospaced';");
        raw.setCellFactory(c -> new FitCell());
        tree.getColumns().add(raw);
        TreeTableColumn<FieldRow, String> value = column("Value", FieldRow::value, 160);
        value.setId("value-column");
        value.setCellFactory(c -> new ValueCell(() -> valueEditor, this::laidOut));
        value.setEditable(true);
        tree.getColumns().add(value);
        // A tree shown while the next record is decoded in the background is not typed into.
        tree.editableProperty().bind(viewModel.decoding.not());
        for (TreeTableColumn<FieldRow, ?> c : tree.getColumns()) {
            c.setEditable(c == value);
        }
        // F2 or Enter on a row edits its value (double-click on the value does too).
        tree.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if ((e.getCode() == javafx.scene.input.KeyCode.F2 || e.getCode() == javafx.scene.input.KeyCode.ENTER)
                    && tree.getEditingCell() == null && valueEditor != null) {
                int row = tree.getSelectionModel().getSelectedIndex();
                TreeItem<FieldRow> item = tree.getSelectionModel().getSelectedItem();
                if (row >= 0 && item != null && ValueEdit.editable(item.getValue())) {
                    tree.edit(row, value);
                    e.consume();
                }
            }
        });
        tree.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null && !revealing) {
                FieldRow r = b.getValue();
                viewModel.selectedRange.set(new Range(r.offset(), Math.max(1, r.size())));
            }
        });
        dev.structscope.app.common.ContextMenus.install(tree, picked -> {
            fillMenu();
            return contextMenu;
        });
        placeholder.setWrapText(true);
        placeholder.getStyleClass().add("empty-state");
        placeholder.textProperty().bind(viewModel.message);
        // The decoder's warning above the tree, in place (the tree alone shows a cut record as a
        // shorter one and says nothing).
        warning.textProperty().bind(viewModel.warning.map(w -> w.isEmpty() ? "" : "⚠ " + w));
        warning.visibleProperty().bind(viewModel.warning.isNotEmpty().and(viewModel.root.isNotNull()));
        warning.managedProperty().bind(warning.visibleProperty());
        warning.setWrapText(true);
        warning.setMaxWidth(Double.MAX_VALUE);
        warning.getStyleClass().add("decode-warning");
        setTop(warning);
        tree.rootProperty().bind(viewModel.root);
        // The columns fit the names, types, offsets, bytes and values they show.
        widths = new TreeColumnWidths(tree, name, type, offset, raw, value);
        centerProperty().bind(javafx.beans.binding.Bindings.when(viewModel.root.isNull())
                .<javafx.scene.Node>then(placeholder).otherwise(tree));
    }

    /** Tells the column widths that {@code cell} was laid out (it may show its text cut). */
    private void laidOut(TreeTableCell<FieldRow, ?> cell) {
        widths.laidOut(cell);
    }

    /** A Type, Offset or Raw cell: asks its column to grow when, after its layout, its text is cut. */
    private final class FitCell extends TreeTableCell<FieldRow, String> {
        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty ? null : item);
        }

        @Override
        protected void layoutChildren() {
            super.layoutChildren();
            widths.laidOut(this);
        }
    }

    /**
     * A Member cell: the name and its member's colour swatch. After each layout it asks the column
     * to grow when its name — after its row's indentation, disclosure arrow and the swatch — is cut.
     */
    private final class NameCell extends TreeTableCell<FieldRow, String> {
        private final Rectangle swatch = new Rectangle(10, 10);

        NameCell() {
            getStyleClass().add("decoded-name-cell");
        }

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

        @Override
        protected void layoutChildren() {
            super.layoutChildren();
            widths.laidOut(this);
        }
    }

    private static TreeTableColumn<FieldRow, String> column(String title, Function<FieldRow, String> f, double w) {
        TreeTableColumn<FieldRow, String> c = new TreeTableColumn<>(title);
        c.setPrefWidth(w);
        c.setSortable(false);
        c.setCellValueFactory(p -> new SimpleStringProperty(p.getValue() == null || p.getValue().getValue() == null
                ? "" : f.apply(p.getValue().getValue())));
        return c;
    }

    /**
     * The record {@code reader} reads at file offset {@code base} of {@code source}: a fixed
     * plan's record, or a dynamic record as its bytes decide (its counts, placed members and
     * chosen alternatives). A record that cannot be decoded shows why instead of the tree.
     *
     * @return what was decoded (null when nothing was asked for)
     */
    public RecordAt show(DataSource source, RecordReader reader, long base) {
        return viewModel.show(source, reader, base);
    }

    /**
     * As above; {@code then} is told what was decoded once the tree shows it (a dynamic record is
     * decoded in the background: see {@link FieldsViewModel}).
     *
     * @return what was decoded, or null while it is decoded in the background
     */
    public RecordAt show(DataSource source, RecordReader reader, long base, java.util.function.Consumer<RecordAt> then) {
        return viewModel.show(source, reader, base, then);
    }

    /** Shows {@code message} instead of the tree. */
    public void clear(String message) {
        viewModel.clear(message);
    }

    /** The record shown, or null. */
    public RecordAt shown() {
        return viewModel.shown();
    }

    /** Turns on editing values in the tree (null: read-only). */
    public void setValueEditor(ValueEditor editor) {
        this.valueEditor = editor;
    }

    /** Turns on "follow" in the context menu of integer members. */
    public void setFollow(Follow follow) {
        this.follow = follow;
    }

    /** Fills the context menu for the selected row: copy, and follow for integers. */
    void fillMenu() {
        contextMenu.getItems().clear();
        TreeItem<FieldRow> sel = tree.getSelectionModel().getSelectedItem();
        FieldRow row = sel == null ? null : sel.getValue();
        if (row == null) {
            MenuItem none = new MenuItem("Select a member first");
            none.setDisable(true);
            contextMenu.getItems().add(none);
            return;
        }
        MenuItem copy = new MenuItem("Copy Value");
        copy.setOnAction(e -> javafx.scene.input.Clipboard.getSystemClipboard().setContent(
                java.util.Map.of(javafx.scene.input.DataFormat.PLAIN_TEXT, row.value().isEmpty() ? row.raw() : row.value())));
        MenuItem goStart = new MenuItem(String.format(Locale.ROOT, "Go to 0x%X (start of %s)", row.offset(), row.name()));
        goStart.setOnAction(e -> viewModel.selectedRange.set(new Range(row.offset(), Math.max(1, row.size()))));
        contextMenu.getItems().addAll(copy, goStart);
        noMnemonics(contextMenu.getItems());
        OptionalLong target = viewModel.followTarget(row);
        if (follow == null || !(row.node() instanceof dev.structscope.io.decode.ScalarNode)) {
            return;
        }
        contextMenu.getItems().add(new javafx.scene.control.SeparatorMenuItem());
        if (target.isEmpty()) {
            MenuItem no = new MenuItem("Go to This Value as an Offset (" + row.value() + " is outside the file)");
            no.setDisable(true);
            contextMenu.getItems().add(no);
            noMnemonics(contextMenu.getItems());
            return;
        }
        long off = target.getAsLong();
        MenuItem go = new MenuItem(String.format(Locale.ROOT, "Go to This Value as an Offset (0x%X)", off));
        go.setOnAction(e -> follow.goTo(off));
        Menu overlay = new Menu(String.format(Locale.ROOT, "Overlay a Type There (0x%X)", off));
        for (String t : follow.types()) {
            MenuItem item = new MenuItem("Overlay " + t + " There");
            item.setOnAction(e -> follow.overlay(t, off));
            overlay.getItems().add(item);
        }
        if (overlay.getItems().isEmpty()) {
            overlay.setDisable(true);
        }
        contextMenu.getItems().addAll(go, overlay);
        noMnemonics(contextMenu.getItems());
    }

    /** Member and type names hold underscores, which menus would otherwise take for mnemonics. */
    private static void noMnemonics(List<MenuItem> items) {
        for (MenuItem i : items) {
            i.setMnemonicParsing(false);
            if (i instanceof Menu m) {
                noMnemonics(m.getItems());
            }
        }
    }

    public FieldItem root() {
        return viewModel.root.get();
    }

    /**
     * Selects the deepest member holding file byte {@code offset}, expanding (and so creating)
     * only the items on the way; clears the selection when no member holds it.
     *
     * @return the selected item, or null
     */
    public FieldItem reveal(long offset) {
        FieldItem root = viewModel.root.get();
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
