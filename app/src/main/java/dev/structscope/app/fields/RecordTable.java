package dev.structscope.app.fields;

import dev.structscope.app.common.ContextMenus;
import dev.structscope.app.common.EditingCell;
import dev.structscope.app.common.MemberColors;
import dev.structscope.io.decode.DecoderPlan;
import dev.structscope.io.decode.PlanNode;
import dev.structscope.io.decode.RecordReader;
import dev.structscope.io.decode.ScalarNode;
import dev.structscope.io.decode.StringNode;
import dev.structscope.io.source.DataSource;
import dev.structscope.io.stats.FieldStats;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;

import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * "View as array of T from offset X": one row per record, one column per leaf member, cells
 * decoded only when the table shows them. A TableView's items are int-indexed, so the table
 * shows a window of at most {@link #MAX_ROWS} records starting at {@link #firstRecord()}
 * (a "first record" field moves the window); the items are an {@link IndexList}, numbers
 * computed on demand. Below it, a column summary (count/min/max/mean of every leaf over all
 * records) computed in the background by the engine's stats path with progress and cancel.
 * Dynamic records (each as long as its content) are first walked in the background; their
 * columns are the leaves of the first record, arrays as one column each.
 *
 * <p>The view: its state and commands live in {@link RecordTableViewModel}; this class builds
 * the columns for the view model's shape, binds the bar and the summary, and offers the row
 * menu. FX thread only.
 */
public final class RecordTable extends BorderPane {
    /** The most rows one window holds (the rest are reached by moving the window). */
    public static final int MAX_ROWS = RecordTableViewModel.MAX_ROWS;

    /** Bytes of a record copied as hex at most (a bigger record is cut, and the copy says so). */
    static final int MAX_COPY = 1 << 20;

    public final RecordTableViewModel viewModel;
    public final TableView<Integer> table = new TableView<>();
    private final Label info = new Label() {
        @Override
        protected double computePrefWidth(double height) {
            double pref = super.computePrefWidth(height);
            return getParent() instanceof Region bar && bar.getWidth() > 0
                    ? Math.min(pref, bar.getWidth() - bar.snappedLeftInset() - bar.snappedRightInset()) : pref;
        }

        /** As tall as the text wrapped at the width above (the flow asks with no width). */
        @Override
        protected double computePrefHeight(double width) {
            return super.computePrefHeight(width < 0 ? prefWidth(-1) : width);
        }
    };
    private final TextField firstField = new TextField("0");
    private final Button summaryButton = new Button("Column summary");
    private final Button cancelButton = new Button("Cancel");
    private final ProgressBar progress = new ProgressBar(0);
    public final TableView<FieldStats> summaryTable = new TableView<>();
    private final Label summaryState = new Label();
    private final SplitPane split = new SplitPane();
    private CellEditor cellEditor;
    private MemberEditor memberEditor;
    private BiConsumer<Long, Long> onRecordSelected = (o, l) -> { };
    private RowActions rowActions;
    private final Button plotButton = new Button("Plot");
    /** The plot of columns over the records, under the rows while it is open; null when closed. */
    private dev.structscope.app.plot.PlotView plot;
    /** The columns of the current shape were fitted to their first values (once: then they are the user's). */
    private boolean fitted;

    /** What a row's context menu can ask of the pane around the table (the hex pane implements it). */
    public interface RowActions {
        /** Shows the record's bytes in the hex view, selected. */
        void showBytes(long start, long length);

        /** Bookmarks the record's bytes under {@code name}. */
        void bookmark(String name, long start, long length);
    }

    /** Writes a value typed into a cell of a fixed-size record (the hex pane implements it). */
    @FunctionalInterface
    public interface CellEditor {
        /**
         * Writes {@code text} as member {@code path} (as {@code patch --set} names it) of the record
         * {@code plan} reads at {@code recordStart}; null when done, else why it was refused.
         */
        String apply(DecoderPlan plan, long recordStart, String path, PlanNode node, String text);
    }

    /** Writes a value typed into a cell of a dynamic record, as the tree writes a member (the hex pane implements it). */
    @FunctionalInterface
    public interface MemberEditor {
        /** Writes {@code text} as {@code member}'s value where it lies; null when done, else why it was refused. */
        String apply(FieldRow member, String text);
    }

    public RecordTable() {
        this(new RecordTableViewModel());
    }

    public RecordTable(RecordTableViewModel viewModel) {
        this.viewModel = viewModel;
        getStyleClass().add("record-table");
        Label empty = new Label();
        empty.setWrapText(true);
        empty.textProperty().bind(viewModel.empty);
        table.setPlaceholder(empty);
        table.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> {
            if (b.intValue() >= 0 && plot != null) {
                plot.model.mark(viewModel.index(b.intValue()));
            }
            long[] range = b.intValue() < 0 ? null : viewModel.rowRange(b.intValue());
            if (range != null) {
                onRecordSelected.accept(range[0], range[1]);
            }
        });
        // The row under the pointer (the press already selected it), or the selected one from the keyboard.
        ContextMenus.install(table, picked -> {
            int i = picked == null ? table.getSelectionModel().getSelectedIndex() : rowAt(picked);
            if (i < 0 || i >= table.getItems().size()) {
                return null;
            }
            table.getSelectionModel().select(i);
            return rowMenu(i, columnAt(picked));
        });
        firstField.setPrefColumnCount(12);
        firstField.setOnAction(e -> {
            try {
                viewModel.moveWindow(Long.parseLong(firstField.getText().strip().replace("_", "")));
                firstField.setStyle("");
            } catch (NumberFormatException ex) {
                firstField.setStyle("-fx-border-color: #d1242f;");
            }
        });
        summaryButton.setOnAction(e -> viewModel.computeSummary());
        cancelButton.setOnAction(e -> viewModel.cancel());
        // Cancel and the progress bar take room only while there is something running.
        cancelButton.visibleProperty().bind(viewModel.busy);
        cancelButton.managedProperty().bind(cancelButton.visibleProperty());
        progress.visibleProperty().bind(viewModel.busy);
        progress.managedProperty().bind(progress.visibleProperty());
        progress.progressProperty().bind(viewModel.progress);
        summaryButton.disableProperty().bind(viewModel.busy.or(viewModel.shape.isNull()));
        plotButton.disableProperty().bind(viewModel.shape.isNull());
        info.textProperty().bind(viewModel.info);
        summaryState.textProperty().bind(viewModel.summaryState);
        table.getStyleClass().add(atlantafx.base.theme.Styles.DENSE);
        summaryTable.getStyleClass().add(atlantafx.base.theme.Styles.DENSE);
        progress.setPrefWidth(140);
        info.setMinWidth(0);
        info.setId("record-info");
        plotButton.setId("record-plot");
        plotButton.setTooltip(new javafx.scene.control.Tooltip(
                "Plot the selected cell's column (or the first numeric one) over every record: mean line, min/max band"));
        plotButton.setOnAction(e -> {
            var focused = table.getFocusModel().getFocusedCell();
            String path = focused != null && focused.getTableColumn() != null
                    && focused.getTableColumn().getGraphic() instanceof Label l ? l.getText() : null;
            plot(path != null ? path : leafPaths().stream().findFirst().orElse(null));
        });
        // A flow, not a row: in a narrow data pane the tools wrap instead of being cut off.
        FlowPane bar = new FlowPane(8, 4, info, new Label("First record:"),
                firstField, summaryButton, plotButton, progress, cancelButton, summaryState);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 6, 4, 6));
        // A line longer than the pane (a walk's stop reason, trailing bytes) wraps within it, whole
        // in its tooltip too: a flow gives each child its preferred width, so the label asks for no
        // more than the flow has, and wraps there (the reason a walk stopped is worth reading).
        info.setWrapText(true);
        bar.widthProperty().addListener((o, a, b) -> info.requestLayout());
        javafx.scene.control.Tooltip whole = new javafx.scene.control.Tooltip();
        whole.textProperty().bind(viewModel.info);
        info.setTooltip(whole);
        summaryTable.setPlaceholder(new Label("Column summary: press \"Column summary\" to compute count/min/max/mean."));
        summaryTable.getColumns().setAll(List.of(statCol("Member", FieldStats::path), statCol("Count", s -> Long.toString(s.count())),
                statCol("Min", s -> s.min() == null ? "–" : s.min()), statCol("Max", s -> s.max() == null ? "–" : s.max()),
                statCol("Mean", s -> s.count() - s.nanCount() == 0 ? "–" : s.meanJson())));
        summaryTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        summaryTable.setItems(viewModel.summary);
        summaryTable.setMinHeight(0);
        // While a plot shares the height, the rows keep their header and about three rows (the
        // plot keeps its own minimum): squeezed to nothing, the table hid the record a click selects.
        table.minHeightProperty().bind(plotShown.map(shown -> shown
                ? 4 * 2.3 * javafx.scene.text.Font.getDefault().getSize() : 0.0));
        // The rows get most of the room; the summary joins below them once it is asked for.
        split.getItems().setAll(table);
        split.setOrientation(Orientation.VERTICAL);
        viewModel.summaryShown.addListener((o, a, shown) -> {
            if (shown && !split.getItems().contains(summaryTable)) {
                split.getItems().add(summaryTable);
                split.setDividerPositions(0.65);
            }
        });
        viewModel.shape.addListener((o, a, shape) -> buildColumns(shape));
        // Whatever is shown next (another type, file or offset) is not what the plot reads.
        viewModel.shown.addListener((o, a, b) -> closePlot());
        viewModel.revision.addListener((o, a, b) -> {
            table.setItems(new IndexList(viewModel.rows.get()));
            firstField.setText(Long.toString(viewModel.firstRecord.get()));
            table.refresh();
            if (!fitted && !table.getItems().isEmpty()) {
                fitted = true;
                fitColumns();
            }
        });
        setTop(bar);
        setCenter(split);
    }

    private static TableColumn<FieldStats, String> statCol(String title, Function<FieldStats, String> f) {
        TableColumn<FieldStats, String> c = new TableColumn<>(title);
        c.setCellValueFactory(p -> new ReadOnlyStringWrapper(f.apply(p.getValue())));
        c.setSortable(false);
        return c;
    }

    // ---- columns -------------------------------------------------------------------------

    private void buildColumns(RecordTableViewModel.Shape shape) {
        table.getColumns().clear();
        fitted = false;
        if (shape == null) {
            return;
        }
        table.getColumns().add(textColumn("#", shape.dynamic() ? 70 : 90, i -> Long.toString(viewModel.index(i))));
        table.getColumns().add(textColumn("Offset", shape.dynamic() ? 100 : 110, i -> {
            long[] r = viewModel.rowRange(i);
            return r == null ? "" : String.format(Locale.ROOT, "0x%X", r[0]);
        }));
        if (shape.dynamic()) {
            table.getColumns().add(textColumn("Size", 60, i -> {
                long[] r = viewModel.rowRange(i);
                return r == null ? "" : Long.toString(r[1]);
            }));
        }
        for (Columns.Leaf leaf : shape.columns().leaves()) {
            table.getColumns().add(shape.dynamic() ? dynamicColumn(leaf) : leafColumn(leaf));
        }
    }

    /**
     * Widens each member column to its header and the first rows' values (as a double click on a
     * column border would), up to {@link #FIT_MAX} pixels: guessing from the member's name cut
     * 19-digit timestamps and enum names to "…" beside empty space. Once per shape, on the FX
     * thread; the rows read are the window already in memory.
     */
    private void fitColumns() {
        javafx.scene.text.Text probe = new javafx.scene.text.Text();
        probe.setFont(javafx.scene.text.Font.getDefault());
        int rows = Math.min(FIT_ROWS, table.getItems().size());
        for (TableColumn<Integer, ?> c : table.getColumns()) {
            String title = c.getGraphic() instanceof Label l ? l.getText() : c.getText();
            probe.setText(title);
            // The header is a label with a coloured underline inside the header's own padding.
            double w = probe.getLayoutBounds().getWidth() * 1.15 + 16;
            // The first rows have the smallest numbers and offsets: room for those of later rows.
            if (c.getText().equals("#") || c.getText().equals("Offset")) {
                probe.setText(c.getText().equals("#") ? "0000000" : "0x00000000");
                w = Math.max(w, probe.getLayoutBounds().getWidth());
            }
            for (int i = 0; i < rows; i++) {
                Object v = c.getCellData(i);
                probe.setText(v == null ? "" : v.toString());
                w = Math.max(w, probe.getLayoutBounds().getWidth());
            }
            c.setPrefWidth(Math.min(FIT_MAX, Math.max(44, Math.ceil(w * 1.08) + 24)));
        }
    }

    /** Rows looked at, and the widest a column gets, when columns are fitted to their values. */
    private static final int FIT_ROWS = 50;
    private static final double FIT_MAX = 320;

    private static TableColumn<Integer, String> textColumn(String title, double width, java.util.function.IntFunction<String> text) {
        TableColumn<Integer, String> c = new TableColumn<>(title);
        c.setCellValueFactory(p -> new ReadOnlyStringWrapper(text.apply(p.getValue())));
        c.setSortable(false);
        c.setPrefWidth(width);
        return c;
    }

    /** A column of a dynamic record's leaf, found by path in each row's own instance plan. */
    private TableColumn<Integer, String> dynamicColumn(Columns.Leaf first) {
        TableColumn<Integer, String> c = styledColumn(first);
        String path = first.path();
        // Typed as the tree types a dynamic record's member: where this row's content put it.
        c.setEditable(first.node() instanceof ScalarNode || first.node() instanceof StringNode);
        c.setCellFactory(col -> new EditingCell<Integer>("table-editor", row -> memberEditor != null && c.isEditable()
                && ValueEdit.editable(viewModel.dynamicRow(path, row)), EditingCell::bare, (row, text) -> {
            FieldRow member = viewModel.dynamicRow(path, row);
            return member == null ? "the record is no longer there" : memberEditor.apply(member, text);
        }));
        c.setCellValueFactory(p -> new ReadOnlyStringWrapper(viewModel.dynamicCell(path, p.getValue())));
        return c;
    }

    private TableColumn<Integer, String> leafColumn(Columns.Leaf leaf) {
        TableColumn<Integer, String> c = styledColumn(leaf);
        c.setStyle("-fx-border-color: transparent transparent " + MemberColors.tintCss(leaf.color(), 0.9)
                + " transparent; -fx-border-width: 0 0 0 0;");
        PlanNode node = leaf.node();
        c.setEditable(node instanceof ScalarNode || node instanceof StringNode);
        c.setCellFactory(col -> new EditingCell<Integer>("table-editor",
                row -> cellEditor != null && c.isEditable(), EditingCell::bare, (row, text) -> {
            long[] r = viewModel.rowRange(row);
            return cellEditor.apply(viewModel.plan(), r[0], leaf.path(), node, text);
        }));
        c.setCellValueFactory(p -> new ReadOnlyStringWrapper(viewModel.cell(leaf, p.getValue())));
        return c;
    }

    private static TableColumn<Integer, String> styledColumn(Columns.Leaf leaf) {
        TableColumn<Integer, String> c = new TableColumn<>(leaf.path());
        c.setSortable(false);
        c.setPrefWidth(Math.max(70, leaf.path().length() * 8 + 20));
        Label header = new Label(leaf.path());
        header.setStyle("-fx-border-color: " + MemberColors.tintCss(leaf.color(), 1.0) + "; -fx-border-width: 0 0 3 0;");
        c.setGraphic(header);
        c.setText("");
        return c;
    }

    // ---- the row menu --------------------------------------------------------------------

    /** The column of the cell under the pointer, or null (keyboard, row header, empty space). */
    private static TableColumn<Integer, ?> columnAt(Node n) {
        for (; n != null; n = n.getParent()) {
            if (n instanceof TableCell<?, ?> c) {
                @SuppressWarnings("unchecked")
                TableColumn<Integer, ?> col = (TableColumn<Integer, ?>) c.getTableColumn();
                return col;
            }
        }
        return null;
    }

    private static int rowAt(Node n) {
        for (; n != null; n = n.getParent()) {
            if (n instanceof TableRow<?> r) {
                return r.isEmpty() ? -1 : r.getIndex();
            }
        }
        return -1;
    }

    /**
     * The context menu of table row {@code i}: copy the cell, the record as JSON (as {@code
     * decode} prints it) or as hex, show its bytes, bookmark it.
     */
    public ContextMenu rowMenu(int i, TableColumn<Integer, ?> col) {
        long[] range = viewModel.rowRange(i);
        long index = viewModel.index(i);
        ContextMenu m = new ContextMenu();
        if (range == null) {
            m.getItems().add(new MenuItem("The records are still being found"));
            return m;
        }
        String what = col == null ? "" : col.getGraphic() instanceof Label l ? l.getText() : col.getText();
        MenuItem cell = new MenuItem(col == null ? "Copy Value" : "Copy Value of " + what);
        cell.setDisable(col == null);
        cell.setOnAction(e -> copy(String.valueOf(col.getCellData(i))));
        MenuItem json = new MenuItem("Copy Record as JSON");
        json.setOnAction(e -> copy(viewModel.recordJson(range[0])));
        MenuItem hex = new MenuItem("Copy Record as Hex");
        hex.setOnAction(e -> copy(viewModel.recordHex(range[0], range[1])));
        m.getItems().addAll(cell, json, hex);
        // Leaf columns carry their path as a header label; # and Offset do not.
        // Only a number can be plotted: a byte array, a string or a struct shown whole cannot.
        if (col != null && col.getGraphic() instanceof Label header && plottable(header.getText())) {
            MenuItem plotItem = new MenuItem("Plot " + header.getText());
            plotItem.setOnAction(e -> plot(header.getText()));
            m.getItems().addAll(new SeparatorMenuItem(), plotItem);
        }
        if (rowActions != null) {
            MenuItem bytes = new MenuItem(String.format(Locale.ROOT, "Show Bytes (0x%X, %,d B)", range[0], range[1]));
            bytes.setOnAction(e -> rowActions.showBytes(range[0], range[1]));
            MenuItem mark = new MenuItem("Bookmark Record " + index);
            String type = viewModel.typeName();
            mark.setOnAction(e -> rowActions.bookmark(type + " #" + index, range[0], range[1]));
            m.getItems().addAll(new SeparatorMenuItem(), bytes, mark);
        }
        return m;
    }

    /** Whether the column at {@code path} holds one number per record (a scalar leaf). */
    private boolean plottable(String path) {
        var shape = viewModel.shape.get();
        return shape != null && shape.columns().leaves().stream()
                .anyMatch(l -> l.path().equals(path) && l.node() instanceof dev.structscope.io.decode.ScalarNode);
    }

    /**
     * The record {@code reader} decodes at {@code start} of {@code source} as one JSON object, as
     * {@code decode --format json} prints it, or one line saying why not (the table's and the hex
     * selection's "Copy … as JSON").
     */
    public static String recordJson(RecordReader reader, DataSource source, long start) {
        try {
            StringBuilder sb = new StringBuilder();
            dev.structscope.io.decode.JsonText.append(sb, Content.of(source).read(reader, start).decoded().value());
            return sb.toString();
        } catch (dev.structscope.model.InputException e) {
            return "cannot decode the record at " + String.format(Locale.ROOT, "0x%X", start) + ": " + e.oneLine();
        } catch (InternalError | RuntimeException e) {
            return "cannot read the record at " + String.format(Locale.ROOT, "0x%X", start) + ": " + e.getMessage();
        }
    }

    private static void copy(String text) {
        ClipboardContent c = new ClipboardContent();
        c.putString(text);
        Clipboard.getSystemClipboard().setContent(c);
    }

    // ---- what the hex pane calls -----------------------------------------------------------

    /** Turns on typing values into the cells of fixed-size records (null: read-only). */
    public void setCellEditor(CellEditor editor) {
        this.cellEditor = editor;
        table.setEditable(cellEditor != null || memberEditor != null);
    }

    /** Turns on typing values into the cells of dynamic records (null: read-only). */
    public void setMemberEditor(MemberEditor editor) {
        this.memberEditor = editor;
        table.setEditable(cellEditor != null || memberEditor != null);
    }

    /** Turns on the row menu's Show Bytes and Bookmark (null: not offered). */
    public void setRowActions(RowActions actions) {
        this.rowActions = actions;
    }

    /** Whether a plot shows under the rows; the pane around this one gives the records more height while it does. */
    public final javafx.beans.property.ReadOnlyBooleanWrapper plotShown =
            new javafx.beans.property.ReadOnlyBooleanWrapper(this, "plotShown");

    /** Told (file offset, length) of a record when the user selects its row. */

    public void setOnRecordSelected(BiConsumer<Long, Long> handler) {
        this.onRecordSelected = handler;
    }

    /** As {@link RecordTableViewModel#show}. */
    public void show(DataSource source, RecordReader reader, long base) {
        viewModel.show(source, reader, base);
    }

    /** Records from {@code base} to the end of the source. */
    public long recordCount() {
        return viewModel.recordCount();
    }

    public long firstRecord() {
        return viewModel.firstRecord.get();
    }

    /** The dynamic records found, or null. */
    public RecordWalk.Result walk() {
        return viewModel.walk();
    }

    /** Moves the window to start at record {@code first} (clamped). */
    public void moveWindow(long first) {
        viewModel.moveWindow(first);
    }

    /**
     * Plots member {@code path} over every record (opening the plot under the rows, or adding the
     * member to the open one); a click on the plot selects that record here. Returns the plot, or
     * null when there are no records.
     */
    public dev.structscope.app.plot.PlotView plot(String path) {
        if (viewModel.source() == null || viewModel.reader() == null || path == null) {
            return null;
        }
        if (plot == null || !plot.model.reads(viewModel.source(), viewModel.reader(), viewModel.base())) {
            closePlot();
            var pvm = new dev.structscope.app.plot.PlotViewModel(viewModel.runner(), viewModel.source(), viewModel.reader(), viewModel.base());
            pvm.setOnSelect(this::selectRecord);
            plot = new dev.structscope.app.plot.PlotView(pvm, leafPaths(), this::closePlot);
            split.getItems().add(1, plot);
            // The plot is what was asked for: it gets the larger share, the rows above keep a few.
            split.setDividerPositions(split.getItems().size() == 2 ? new double[] {0.35} : new double[] {0.3, 0.8});
            plotShown.set(true);
        }
        plot.model.addMember(path);
        return plot;
    }

    /** The open plot, or null. */
    public dev.structscope.app.plot.PlotView plotView() {
        return plot;
    }

    private void closePlot() {
        if (plot != null) {
            plot.model.cancel();
            split.getItems().remove(plot);
            plot = null;
            plotShown.set(false);
        }
    }

    /** The paths of the leaf columns shown (what a plot can offer to add). */
    private List<String> leafPaths() {
        return table.getColumns().stream().map(TableColumn::getGraphic).filter(g -> g instanceof Label)
                .map(g -> ((Label) g).getText()).toList();
    }

    /** Shows record {@code index} and selects its row (which selects its bytes in the hex view). */
    public void selectRecord(long index) {
        if (index < 0 || index >= viewModel.recordCount()) {
            return;
        }
        int row = viewModel.rowOf(index);
        table.scrollTo(Math.max(0, row - 3));
        table.getSelectionModel().clearAndSelect(row);
    }

    /** Starts the column summary in the background. */
    public void computeSummary() {
        viewModel.computeSummary();
    }
}
