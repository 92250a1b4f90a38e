package dev.structscope.app.fields;

import dev.structscope.app.common.TaskRunner;
import dev.structscope.app.common.MemberColors;
import dev.structscope.io.decode.ArrayNode;
import dev.structscope.io.decode.DecoderPlan;
import dev.structscope.io.decode.DynamicDecoder;
import dev.structscope.io.decode.RecordReader;
import dev.structscope.io.decode.PlanNode;
import dev.structscope.io.decode.ScalarNode;
import dev.structscope.io.source.DataSource;
import dev.structscope.io.stats.DynamicStats;
import dev.structscope.io.stats.FieldStats;
import dev.structscope.io.stats.RecordStats;
import dev.structscope.io.stats.StatsProgress;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;

/**
 * "View as array of T from offset X": one row per record, one column per leaf member, cells
 * decoded only when the table shows them. A TableView's items are int-indexed, so the table
 * shows a window of at most {@link #MAX_ROWS} records starting at {@link #firstRecord()}
 * (a "first record" field moves the window); the items are an {@link IndexList}, numbers
 * computed on demand. Below it, a column summary (count/min/max/mean of every leaf over all
 * records) is computed in the background by the engine's stats path ({@link RecordStats}, the one {@code structscope
 * stats} runs) with progress and cancel.
 *
 * <p>Dynamic records (each as long as its content) are first walked in the background by
 * {@link RecordWalk} on the same worker, with progress and cancel; the table keeps their start
 * offsets only and decodes the rows it shows. Their columns are the leaves of the first record,
 * arrays as one column each (their lengths differ from record to record).
 *
 * <p>FX thread only.
 */
public final class RecordTable extends BorderPane {
    /** The most rows one window holds (the rest are reached by moving the window). */
    public static final int MAX_ROWS = 1 << 24;


    private final TableView<Integer> table = new TableView<>();
    private final Label info = new Label();
    private final TextField firstField = new TextField("0");
    private final Button summaryButton = new Button("Column summary");
    private final Button cancelButton = new Button("Cancel");
    private final ProgressBar progress = new ProgressBar(0);
    private final TableView<FieldStats> summary = new TableView<>();
    private final Label summaryState = new Label();
    private final javafx.scene.control.SplitPane split = new javafx.scene.control.SplitPane();
    private DataSource source;
    private DecoderPlan plan;
    private CellEditor cellEditor;
    private RecordReader reader;
    private RecordWalk.Result walk;
    private Task<RecordWalk.Result> walkTask;
    /** Cancel of a walk: stops it with the records found so far (a task's own cancel would drop them). */
    private java.util.concurrent.atomic.AtomicBoolean walkStop = new java.util.concurrent.atomic.AtomicBoolean();
    private final java.util.Map<Long, java.util.Map<String, Columns.Leaf>> rowLeaves = new java.util.LinkedHashMap<>(
            64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<Long, java.util.Map<String, Columns.Leaf>> e) {
            return size() > 256;
        }
    };
    private long base;
    private long records;
    private long firstRecord;
    private Task<RecordStats.Result> statsTask;
    private BiConsumer<Long, Long> onRecordSelected = (o, l) -> { };
    private RowActions rowActions;
    private final Button plotButton = new Button("Plot");
    /** The plot of columns over the records, under the rows while it is open; null when closed. */
    private dev.structscope.app.plot.PlotView plot;

    /** What a row's context menu can ask of the pane around the table (the hex pane implements it). */
    public interface RowActions {
        /** Shows the record's bytes in the hex view, selected. */
        void showBytes(long start, long length);

        /** Bookmarks the record's bytes under {@code name}. */
        void bookmark(String name, long start, long length);
    }

    /** Bytes of a record copied as hex at most (a bigger record is cut, and the copy says so). */
    static final int MAX_COPY = 1 << 20;

    public RecordTable() {
        getStyleClass().add("record-table");
        table.setPlaceholder(new Label("Choose a type and press \"As table\" to list the records from an offset."));
        table.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> {
            int i = b.intValue();
            if (i >= 0 && plot != null) {
                plot.model().mark(firstRecord + i);
            }
            if (i >= 0 && plan != null) {
                onRecordSelected.accept(base + (firstRecord + i) * plan.recordSize(), plan.recordSize());
            } else if (i >= 0 && walk != null && firstRecord + i < walk.count()) {
                int r = (int) (firstRecord + i);
                onRecordSelected.accept(walk.start(r), walk.size(r));
            }
        });
        // The row under the pointer (the press already selected it), or the selected one from the keyboard.
        dev.structscope.app.common.ContextMenus.install(table, picked -> {
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
                moveWindow(Long.parseLong(firstField.getText().strip().replace("_", "")));
                firstField.setStyle("");
            } catch (NumberFormatException ex) {
                firstField.setStyle("-fx-border-color: #d1242f;");
            }
        });
        summaryButton.setOnAction(e -> computeSummary());
        cancelButton.setOnAction(e -> {
            if (walkTask != null && walkTask.isRunning()) {
                walkStop.set(true);
            } else if (statsTask != null) {
                statsTask.cancel(false);
            }
        });
        cancelButton.setDisable(true);
        // Cancel takes room only while there is something to cancel.
        cancelButton.visibleProperty().bind(cancelButton.disabledProperty().not());
        cancelButton.managedProperty().bind(cancelButton.visibleProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        table.getStyleClass().add(atlantafx.base.theme.Styles.DENSE);
        summary.getStyleClass().add(atlantafx.base.theme.Styles.DENSE);
        progress.setVisible(false);
        progress.setPrefWidth(140);
        info.setMinWidth(0);
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
        javafx.scene.layout.FlowPane bar = new javafx.scene.layout.FlowPane(8, 4, info, new Label("First record:"),
                firstField, summaryButton, plotButton, progress, cancelButton, summaryState);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 6, 4, 6));
        summary.setPlaceholder(new Label("Column summary: press \"Column summary\" to compute count/min/max/mean."));
        summary.getColumns().setAll(List.of(statCol("Member", FieldStats::path), statCol("Count", s -> Long.toString(s.count())),
                statCol("Min", s -> s.min() == null ? "–" : s.min()), statCol("Max", s -> s.max() == null ? "–" : s.max()),
                statCol("Mean", s -> s.count() - s.nanCount() == 0 ? "–" : s.meanJson())));
        summary.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        summary.setMinHeight(0);
        table.setMinHeight(0);
        // The rows get most of the room; the summary below them can be dragged taller.
        // The summary joins once it is asked for: until then the rows have all the room.
        split.getItems().setAll(table);
        split.setOrientation(javafx.geometry.Orientation.VERTICAL);
        setTop(bar);
        setCenter(split);
    }

    private static TableColumn<FieldStats, String> statCol(String title, java.util.function.Function<FieldStats, String> f) {
        TableColumn<FieldStats, String> c = new TableColumn<>(title);
        c.setCellValueFactory(p -> new ReadOnlyStringWrapper(f.apply(p.getValue())));
        c.setSortable(false);
        return c;
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

    /** Turns on typing values into the cells of fixed-size records (null: read-only). */
    public void setCellEditor(CellEditor editor) {
        this.cellEditor = editor;
        table.setEditable(editor != null);
    }

    public TableView<Integer> table() {
        return table;
    }

    public TableView<FieldStats> summaryTable() {
        return summary;
    }

    /** The column of the cell under the pointer, or null (keyboard, row header, empty space). */
    private static TableColumn<Integer, ?> columnAt(javafx.scene.Node n) {
        for (; n != null; n = n.getParent()) {
            if (n instanceof javafx.scene.control.TableCell<?, ?> c) {
                @SuppressWarnings("unchecked")
                TableColumn<Integer, ?> col = (TableColumn<Integer, ?>) c.getTableColumn();
                return col;
            }
        }
        return null;
    }

    private static int rowAt(javafx.scene.Node n) {
        for (; n != null; n = n.getParent()) {
            if (n instanceof javafx.scene.control.TableRow<?> r) {
                return r.isEmpty() ? -1 : r.getIndex();
            }
        }
        return -1;
    }

    /** Turns on the row menu's Show Bytes and Bookmark (null: not offered). */
    public void setRowActions(RowActions actions) {
        this.rowActions = actions;
    }

    /** Where the record on table row {@code i} lies: {start, length}, or null when unknown. */
    long[] rowRange(int i) {
        if (plan != null && source != null) {
            return new long[] {base + (firstRecord + i) * plan.recordSize(), plan.recordSize()};
        }
        if (walk != null && firstRecord + i < walk.count()) {
            int r = (int) (firstRecord + i);
            return new long[] {walk.start(r), walk.size(r)};
        }
        return null;
    }

    /**
     * The context menu of table row {@code i}: copy the cell, the record as JSON (as {@code
     * decode} prints it) or as hex, show its bytes, bookmark it.
     */
    public javafx.scene.control.ContextMenu rowMenu(int i, TableColumn<Integer, ?> col) {
        long[] range = rowRange(i);
        long index = firstRecord + i;
        javafx.scene.control.ContextMenu m = new javafx.scene.control.ContextMenu();
        if (range == null) {
            m.getItems().add(new javafx.scene.control.MenuItem("The records are still being found"));
            return m;
        }
        String what = col == null ? "" : col.getGraphic() instanceof Label l ? l.getText() : col.getText();
        javafx.scene.control.MenuItem cell = new javafx.scene.control.MenuItem(
                col == null ? "Copy Value" : "Copy Value of " + what);
        cell.setDisable(col == null);
        cell.setOnAction(e -> copy(String.valueOf(col.getCellData(i))));
        javafx.scene.control.MenuItem json = new javafx.scene.control.MenuItem("Copy Record as JSON");
        json.setOnAction(e -> copy(recordJson(range[0])));
        javafx.scene.control.MenuItem hex = new javafx.scene.control.MenuItem("Copy Record as Hex");
        hex.setOnAction(e -> copy(recordHex(range[0], range[1])));
        m.getItems().addAll(cell, json, hex);
        // Leaf columns carry their path as a header label; # and Offset do not.
        if (col != null && col.getGraphic() instanceof Label header) {
            javafx.scene.control.MenuItem plotItem = new javafx.scene.control.MenuItem("Plot " + header.getText());
            plotItem.setOnAction(e -> plot(header.getText()));
            m.getItems().addAll(new javafx.scene.control.SeparatorMenuItem(), plotItem);
        }
        if (rowActions != null) {
            javafx.scene.control.MenuItem bytes = new javafx.scene.control.MenuItem(
                    String.format(Locale.ROOT, "Show Bytes (0x%X, %,d B)", range[0], range[1]));
            bytes.setOnAction(e -> rowActions.showBytes(range[0], range[1]));
            javafx.scene.control.MenuItem mark = new javafx.scene.control.MenuItem("Bookmark Record " + index);
            String type = reader instanceof DecoderPlan p ? p.root().typeName() : "record";
            mark.setOnAction(e -> rowActions.bookmark(type + " #" + index, range[0], range[1]));
            m.getItems().addAll(new javafx.scene.control.SeparatorMenuItem(), bytes, mark);
        }
        return m;
    }

    /** The record at {@code start} as one JSON object, as {@code decode --format json} prints it, or why not. */
    String recordJson(long start) {
        try {
            StringBuilder sb = new StringBuilder();
            dev.structscope.io.decode.JsonText.append(sb, reader.read(source.segment(), start, source.size()).value());
            return sb.toString();
        } catch (dev.structscope.model.InputException e) {
            return "cannot decode the record at " + String.format(Locale.ROOT, "0x%X", start) + ": " + e.oneLine();
        } catch (InternalError | RuntimeException e) {
            return "cannot read the record at " + String.format(Locale.ROOT, "0x%X", start) + ": " + e.getMessage();
        }
    }

    /** The record's bytes as spaced lower-case hex (at most {@link #MAX_COPY} of them). */
    String recordHex(long start, long length) {
        long n = Math.min(length, Math.min(MAX_COPY, source.size() - start));
        byte[] b = source.slice(start, n).toArray(java.lang.foreign.ValueLayout.JAVA_BYTE);
        String hex = java.util.HexFormat.ofDelimiter(" ").formatHex(b);
        return n < length ? hex + " … (first " + n + " of " + length + " bytes)" : hex;
    }

    private static void copy(String text) {
        javafx.scene.input.ClipboardContent c = new javafx.scene.input.ClipboardContent();
        c.putString(text);
        javafx.scene.input.Clipboard.getSystemClipboard().setContent(c);
    }

    /** Told (file offset, length) of a record when the user selects its row. */
    public void setOnRecordSelected(BiConsumer<Long, Long> handler) {
        this.onRecordSelected = handler;
    }

    /** Records from {@code base} to the end of the source. */
    public long recordCount() {
        return records;
    }

    public long firstRecord() {
        return firstRecord;
    }

    /**
     * Lists the records {@code reader} reads back to back from {@code base} of {@code source}:
     * at once for a fixed plan; for a dynamic layout after a background walk finds them.
     */
    public void show(DataSource source, RecordReader reader, long base) {
        cancelSummary();
        cancelWalk();
        closePlot();
        this.source = source;
        this.reader = reader;
        this.plan = reader instanceof DecoderPlan p ? p : null;
        this.base = base;
        this.walk = null;
        rowLeaves.clear();
        summary.getItems().clear();
        summaryState.setText("");
        if (reader != null && reader.dynamic() && source != null && base >= 0 && base < source.size()) {
            showDynamic();
            return;
        }
        if (source == null || plan == null || plan.recordSize() <= 0 || base < 0 || base >= source.size()) {
            records = 0;
            table.getColumns().clear();
            table.setItems(new IndexList(0));
            info.setText("no records");
            return;
        }
        records = (source.size() - base) / plan.recordSize();
        Columns.Result cols = Columns.of(plan.root());
        table.getColumns().clear();
        TableColumn<Integer, String> idx = new TableColumn<>("#");
        idx.setCellValueFactory(p -> new ReadOnlyStringWrapper(Long.toString(firstRecord + p.getValue())));
        idx.setSortable(false);
        idx.setPrefWidth(90);
        table.getColumns().add(idx);
        TableColumn<Integer, String> off = new TableColumn<>("Offset");
        off.setCellValueFactory(p -> new ReadOnlyStringWrapper(String.format(Locale.ROOT, "0x%X",
                base + (firstRecord + p.getValue()) * plan.recordSize())));
        off.setSortable(false);
        off.setPrefWidth(110);
        table.getColumns().add(off);
        for (Columns.Leaf leaf : cols.leaves()) {
            table.getColumns().add(leafColumn(leaf));
        }
        moveWindow(0);
        info.setText(String.format(Locale.ROOT, "%,d records of %s (%d bytes) from 0x%X%s", records,
                plan.root().typeName(), plan.recordSize(), base,
                cols.truncated() ? " · first " + Columns.MAX_COLUMNS + " columns" : ""));
    }

    private void showDynamic() {
        records = 0;
        table.getColumns().clear();
        table.setItems(new IndexList(0));
        RecordAt first = RecordAt.decode(source, reader, base);
        if (!first.ok()) {
            info.setText(first.error());
            return;
        }
        Columns.Result cols = Columns.ofInstance(first.root());
        String typeName = first.root().typeName();
        addIndexColumns(i -> walk == null ? "" : String.format(Locale.ROOT, "0x%X", walk.start(i)));
        TableColumn<Integer, String> size = new TableColumn<>("Size");
        size.setCellValueFactory(p -> new ReadOnlyStringWrapper(walk == null ? ""
                : Long.toString(walk.size((int) (firstRecord + p.getValue())))));
        size.setSortable(false);
        size.setPrefWidth(60);
        table.getColumns().add(size);
        for (Columns.Leaf leaf : cols.leaves()) {
            table.getColumns().add(dynamicColumn(leaf));
        }
        DataSource src = source;
        RecordReader r = reader;
        long b = base;
        long total = Math.max(1, source.size() - base);
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        walkStop = stop;
        Task<RecordWalk.Result> t = new Task<>() {
            @Override
            protected RecordWalk.Result call() {
                return RecordWalk.walk(src, r, b, RecordWalk.MAX_RECORDS, done -> updateProgress(done, total),
                        () -> stop.get() || isCancelled());
            }
        };
        walkTask = t;
        progress.progressProperty().bind(t.progressProperty());
        progress.setVisible(true);
        cancelButton.setDisable(false);
        summaryButton.setDisable(true);
        info.setText("Finding the records of " + typeName + " (each as long as its content)…");
        t.setOnSucceeded(e -> {
            if (walkTask != t) {
                return;
            }
            walk = t.getValue();
            records = walk.count();
            moveWindow(0);
            info.setText(String.format(Locale.ROOT, "%,d records of %s from 0x%X, sizes from their content%s%s",
                    records, typeName, base, walk.stop() == null ? "" : " · " + walk.stop(),
                    cols.truncated() ? " · first " + Columns.MAX_COLUMNS + " columns" : ""));
            done();
        });
        t.setOnFailed(e -> {
            if (walkTask == t) {
                info.setText("Finding the records failed: " + t.getException().getMessage());
                done();
            }
        });
        TaskRunner.forApp().executor(TaskRunner.Lane.WORK).execute(t);
    }

    /** The record walk running or done (dynamic layouts), for tests; null otherwise. */
    public Task<RecordWalk.Result> walkTask() {
        return walkTask;
    }

    /** The dynamic records found, or null. */
    public RecordWalk.Result walk() {
        return walk;
    }

    private void cancelWalk() {
        walkStop.set(true);
        if (walkTask != null && walkTask.isRunning()) {
            walkTask.cancel(false);
        }
        if (walkTask != null) {
            done();
        }
        walkTask = null;
    }

    private void addIndexColumns(java.util.function.IntFunction<String> offset) {
        TableColumn<Integer, String> idx = new TableColumn<>("#");
        idx.setCellValueFactory(p -> new ReadOnlyStringWrapper(Long.toString(firstRecord + p.getValue())));
        idx.setSortable(false);
        idx.setPrefWidth(70);
        table.getColumns().add(idx);
        TableColumn<Integer, String> off = new TableColumn<>("Offset");
        off.setCellValueFactory(p -> new ReadOnlyStringWrapper(offset.apply((int) (firstRecord + p.getValue()))));
        off.setSortable(false);
        off.setPrefWidth(100);
        table.getColumns().add(off);
    }

    /** A column of a dynamic record's leaf, found by path in each row's own instance plan. */
    private TableColumn<Integer, String> dynamicColumn(Columns.Leaf first) {
        TableColumn<Integer, String> c = styledColumn(first);
        String path = first.path();
        c.setCellValueFactory(p -> {
            if (walk == null) {
                return new ReadOnlyStringWrapper("");
            }
            long start = walk.start((int) (firstRecord + p.getValue()));
            Columns.Leaf leaf = leavesOf(start).get(path);
            if (leaf == null) {
                return new ReadOnlyStringWrapper("–");
            }
            return new ReadOnlyStringWrapper(cellText(leaf, start));
        });
        return c;
    }

    private java.util.Map<String, Columns.Leaf> leavesOf(long start) {
        return rowLeaves.computeIfAbsent(start, s -> {
            java.util.Map<String, Columns.Leaf> m = new java.util.HashMap<>();
            RecordAt at = RecordAt.decode(source, reader, s);
            if (at.ok()) {
                for (Columns.Leaf l : Columns.ofInstance(at.root()).leaves()) {
                    m.put(l.path(), l);
                }
            }
            return m;
        });
    }

    private String cellText(Columns.Leaf leaf, long recordStart) {
        try {
            if (leaf.node() instanceof ArrayNode a) {
                long at = recordStart + leaf.offset();
                return "[" + a.length() + "] " + ValueText.raw(source.segment(), at, a.size(), 8);
            }
            PlanNode node = leaf.node();
            return ValueText.of(node.read(source.segment(), recordStart + leaf.base()),
                    node instanceof ScalarNode s ? s : null);
        } catch (InternalError | RuntimeException e) {
            return "⚠";
        }
    }

    private TableColumn<Integer, String> styledColumn(Columns.Leaf leaf) {
        TableColumn<Integer, String> c = new TableColumn<>(leaf.path());
        c.setSortable(false);
        c.setPrefWidth(Math.max(70, leaf.path().length() * 8 + 20));
        Label header = new Label(leaf.path());
        header.setStyle("-fx-border-color: " + MemberColors.tintCss(leaf.color(), 1.0) + "; -fx-border-width: 0 0 3 0;");
        c.setGraphic(header);
        c.setText("");
        return c;
    }

    private TableColumn<Integer, String> leafColumn(Columns.Leaf leaf) {
        TableColumn<Integer, String> c = new TableColumn<>(leaf.path());
        c.setSortable(false);
        c.setPrefWidth(Math.max(70, leaf.path().length() * 8 + 20));
        c.setStyle("-fx-border-color: transparent transparent " + MemberColors.tintCss(leaf.color(), 0.9)
                + " transparent; -fx-border-width: 0 0 0 0;");
        Label header = new Label(leaf.path());
        header.setStyle("-fx-border-color: " + MemberColors.tintCss(leaf.color(), 1.0) + "; -fx-border-width: 0 0 3 0;");
        c.setGraphic(header);
        c.setText("");
        PlanNode node = leaf.node();
        c.setEditable(node instanceof ScalarNode || node instanceof dev.structscope.io.decode.StringNode);
        c.setCellFactory(col -> new dev.structscope.app.common.EditingCell<Integer>("table-editor",
                row -> cellEditor != null && c.isEditable(), dev.structscope.app.common.EditingCell::bare, (row, text) -> {
            DecoderPlan p = plan;
            return cellEditor.apply(p, base + (firstRecord + row) * p.recordSize(), leaf.path(), node, text);
        }));
        c.setCellValueFactory(p -> {
            long recordStart = base + (firstRecord + p.getValue()) * plan.recordSize();
            String text;
            try {
                text = ValueText.of(node.read(source.segment(), recordStart + leaf.base()),
                        node instanceof ScalarNode s ? s : null);
            } catch (InternalError | IllegalStateException e) {
                text = "⚠";
            }
            return new ReadOnlyStringWrapper(text);
        });
        return c;
    }

    /** Moves the window to start at record {@code first} (clamped). */
    public void moveWindow(long first) {
        long max = Math.max(0, records - 1);
        firstRecord = Math.max(0, Math.min(first, max));
        int rows = (int) Math.min(MAX_ROWS, records - firstRecord);
        table.setItems(new IndexList(Math.max(0, rows)));
        firstField.setText(Long.toString(firstRecord));
        table.refresh();
    }

    /** Shows record {@code index} (moving the window if needed) and selects its row. */
    public void showRecord(long index) {
        if (index < firstRecord || index >= firstRecord + table.getItems().size()) {
            moveWindow(index - index % (MAX_ROWS / 2));
        }
        int row = (int) (index - firstRecord);
        table.scrollTo(Math.max(0, row - 3));
    }

    /**
     * Plots member {@code path} over every record (opening the plot under the rows, or adding the
     * member to the open one); a click on the plot selects that record here. Returns the plot, or
     * null when there are no records.
     */
    public dev.structscope.app.plot.PlotView plot(String path) {
        if (source == null || reader == null || path == null) {
            return null;
        }
        if (plot == null || !plot.model().reads(source, reader, base)) {
            closePlot();
            var vm = new dev.structscope.app.plot.PlotViewModel(TaskRunner.forApp(), source, reader, base);
            vm.setOnSelect(this::selectRecord);
            plot = new dev.structscope.app.plot.PlotView(vm, leafPaths(), this::closePlot);
            split.getItems().add(1, plot);
            split.setDividerPositions(split.getItems().size() == 2 ? new double[] {0.45} : new double[] {0.4, 0.75});
        }
        plot.model().addMember(path);
        return plot;
    }

    /** The open plot, or null. */
    public dev.structscope.app.plot.PlotView plotView() {
        return plot;
    }

    private void closePlot() {
        if (plot != null) {
            plot.model().cancel();
            split.getItems().remove(plot);
            plot = null;
        }
    }

    /** The paths of the leaf columns shown (what a plot can offer to add). */
    private List<String> leafPaths() {
        return table.getColumns().stream().map(TableColumn::getGraphic).filter(g -> g instanceof Label)
                .map(g -> ((Label) g).getText()).toList();
    }

    /** Shows record {@code index} and selects its row (which selects its bytes in the hex view). */
    public void selectRecord(long index) {
        if (index < 0 || index >= records) {
            return;
        }
        showRecord(index);
        table.getSelectionModel().clearAndSelect((int) (index - firstRecord));
    }

    /** Starts the column summary in the background. */
    public void computeSummary() {
        if (source == null || reader == null) {
            return;
        }
        if (reader instanceof DynamicDecoder dyn) {
            computeDynamicSummary(dyn);
            return;
        }
        cancelSummary();
        DataSource src = source;
        DecoderPlan p = plan;
        long b = base;
        runSummary(new StatsTask() {
            @Override
            protected RecordStats.Result call() {
                return RecordStats.compute(src, p, b, progress());
            }
        }, true);
    }

    /** A column-summary run that hands the engine its progress bar and Cancel (both thread-safe). */
    private abstract static class StatsTask extends Task<RecordStats.Result> {
        StatsProgress progress() {
            return new StatsProgress() {
                @Override
                public void update(long done, long total) {
                    updateProgress(done, total);
                }

                @Override
                public boolean cancelled() {
                    return isCancelled();
                }
            };
        }
    }

    /** The engine's dynamic stats walk their own records, reporting bytes walked. */
    private void computeDynamicSummary(DynamicDecoder dyn) {
        cancelSummary();
        DataSource src = source;
        long b = base;
        runSummary(new StatsTask() {
            @Override
            protected RecordStats.Result call() {
                return DynamicStats.compute(src, dyn, b, progress());
            }
        }, true);
    }

    /** Shows the summary pane busy and runs {@code t} on the table's worker; {@code progress}: the task reports it. */
    private void runSummary(Task<RecordStats.Result> t, boolean reportsProgress) {
        statsTask = t;
        showSummaryPane();
        if (reportsProgress) {
            progress.progressProperty().bind(t.progressProperty());
        } else {
            progress.progressProperty().unbind();
            progress.setProgress(-1);
        }
        progress.setVisible(true);
        cancelButton.setDisable(false);
        summaryButton.setDisable(true);
        summaryState.setText("computing…");
        t.setOnSucceeded(e -> {
            summary.getItems().setAll(t.getValue().fields());
            summaryState.setText(String.format(Locale.ROOT, "%,d records", t.getValue().records()));
            done();
        });
        t.setOnCancelled(e -> {
            summaryState.setText("cancelled");
            done();
        });
        t.setOnFailed(e -> {
            Throwable x = t.getException();
            summaryState.setText("failed: " + (x instanceof dev.structscope.model.InputException ie ? ie.oneLine()
                    : x.getMessage()));
            done();
        });
        TaskRunner.forApp().executor(TaskRunner.Lane.WORK).execute(t);
    }

    private void showSummaryPane() {
        if (!split.getItems().contains(summary)) {
            split.getItems().add(summary);
            split.setDividerPositions(0.65);
        }
    }

    /** The running summary task, for tests and the status bar; null when none ran. */
    public Task<RecordStats.Result> summaryTask() {
        return statsTask;
    }

    private void cancelSummary() {
        if (statsTask != null && statsTask.isRunning()) {
            statsTask.cancel(false);
        }
    }

    private void done() {
        progress.progressProperty().unbind();
        progress.setVisible(false);
        cancelButton.setDisable(true);
        // Cancel takes room only while there is something to cancel.
        cancelButton.visibleProperty().bind(cancelButton.disabledProperty().not());
        cancelButton.managedProperty().bind(cancelButton.visibleProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        table.getStyleClass().add(atlantafx.base.theme.Styles.DENSE);
        summary.getStyleClass().add(atlantafx.base.theme.Styles.DENSE);
        summaryButton.setDisable(false);
    }
}
