package dev.structscope.app.fields;

import dev.structscope.app.common.Fmt;
import dev.structscope.app.common.TaskRunner;
import dev.structscope.io.decode.ArrayNode;
import dev.structscope.io.decode.DecoderPlan;
import dev.structscope.io.decode.DynamicDecoder;
import dev.structscope.io.decode.PlanNode;
import dev.structscope.io.decode.RecordReader;
import dev.structscope.io.decode.ScalarNode;
import dev.structscope.io.edit.EditOverlay;
import dev.structscope.io.source.DataSource;
import dev.structscope.io.stats.DynamicStats;
import dev.structscope.io.stats.FieldStats;
import dev.structscope.io.stats.RecordStats;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The state and commands of the record table ("view as array of T from offset X"), no nodes:
 * which records are listed (fixed: computed from the size; dynamic: found by a background walk
 * that keeps their start offsets), the window of at most {@link #MAX_ROWS} of them the table
 * shows, the text of each cell, the column summary computed by the engine's stats path, and the
 * one line that says what is shown. Background work (the walk, the summary) goes through the
 * {@link TaskRunner} with progress and cancel, so it also shows in the status bar's task list; so
 * does decoding a large dynamic row whose bytes lie across edited pieces (a copy).
 *
 * <p>Owned by a {@link RecordTable}; FX thread (results arrive there through the runner).
 */
public final class RecordTableViewModel {
    /** The most rows one window holds (the rest are reached by moving the window). */
    public static final int MAX_ROWS = 1 << 24;

    /** What the listed records look like: their columns, type name, and whether each has its own size. */
    public record Shape(Columns.Result columns, String typeName, boolean dynamic) {
    }

    private final TaskRunner runner;
    private final ReadOnlyObjectWrapper<Shape> shapeWrapper = new ReadOnlyObjectWrapper<>(this, "shape");
    /** The listed records' shape; null when nothing is listed. */
    public final ReadOnlyObjectProperty<Shape> shape = shapeWrapper.getReadOnlyProperty();
    private final ReadOnlyLongWrapper firstRecordWrapper = new ReadOnlyLongWrapper(this, "firstRecord");
    public final ReadOnlyLongProperty firstRecord = firstRecordWrapper.getReadOnlyProperty();
    private final ReadOnlyIntegerWrapper rowsWrapper = new ReadOnlyIntegerWrapper(this, "rows");
    /** Rows in the current window. */
    public final ReadOnlyIntegerProperty rows = rowsWrapper.getReadOnlyProperty();
    private final ReadOnlyStringWrapper infoWrapper = new ReadOnlyStringWrapper(this, "info", "");
    public final ReadOnlyStringProperty info = infoWrapper.getReadOnlyProperty();
    /** What the table says when it lists no rows: choose a type, or why the chosen one has none. */
    static final String CHOOSE = "Choose a type and press \"As table\" to list the records from an offset.";
    private final ReadOnlyStringWrapper emptyWrapper = new ReadOnlyStringWrapper(this, "empty", CHOOSE);
    /** What an empty table says (it said "choose a type" while one was chosen and no record fit). */
    public final ReadOnlyStringProperty empty = emptyWrapper.getReadOnlyProperty();
    private final ReadOnlyBooleanWrapper busyWrapper = new ReadOnlyBooleanWrapper(this, "busy");
    /** A walk or a summary is running. */
    public final ReadOnlyBooleanProperty busy = busyWrapper.getReadOnlyProperty();
    private final ReadOnlyDoubleWrapper progressWrapper = new ReadOnlyDoubleWrapper(this, "progress", -1);
    /** How far the running walk or summary got, 0..1, or -1 when unknown. */
    public final ReadOnlyDoubleProperty progress = progressWrapper.getReadOnlyProperty();
    private final ReadOnlyBooleanWrapper summaryShownWrapper = new ReadOnlyBooleanWrapper(this, "summaryShown");
    /** The summary has been asked for (its pane joins the table). */
    public final ReadOnlyBooleanProperty summaryShown = summaryShownWrapper.getReadOnlyProperty();
    private final ReadOnlyStringWrapper summaryStateWrapper = new ReadOnlyStringWrapper(this, "summaryState", "");
    public final ReadOnlyStringProperty summaryState = summaryStateWrapper.getReadOnlyProperty();
    public final ObservableList<FieldStats> summary = FXCollections.observableArrayList();
    /** Bumped when the cells' content changed without the shape changing (edits, a finished walk). */
    private final ReadOnlyLongWrapper revisionWrapper = new ReadOnlyLongWrapper(this, "revision");
    /** Changes when the cells must be read again with the same columns. */
    public final ReadOnlyLongProperty revision = revisionWrapper.getReadOnlyProperty();
    /** Bumped by every {@link #show}: what is listed was replaced. */
    private final ReadOnlyLongWrapper shownWrapper = new ReadOnlyLongWrapper(this, "shown");
    /** Changes with every {@link #show}. */
    public final ReadOnlyLongProperty shown = shownWrapper.getReadOnlyProperty();

    private DataSource source;
    /** The version of the source's bytes the cells read (taken again after every edit); null until asked for. */
    private Content content;
    private RecordReader reader;
    private DecoderPlan plan;
    private long base;
    private long records;
    private RecordWalk.Result walk;
    /** Finding the records of a dynamic layout. */
    private final Job walkJob = new Job();
    /** Stops a walk with the records found so far (cancelling its task would drop them). */
    private AtomicBoolean walkStop = new AtomicBoolean();
    /** Computing the column summary. */
    private final Job statsJob = new Job();
    /** A dynamic row as its cells read it: its leaves by path and the bytes it was decoded from. */
    private record Row(Map<String, Columns.Leaf> leaves, Window window) {
    }

    /** A row being decoded in the background (no members yet: its cells show "…", none is typed into). */
    private static final Row DECODING = new Row(Map.of(), null);
    /** Bumped by {@link #forgetRows}: a row decoded in the background for older bytes is dropped. */
    private long rowsGen;

    /** Each dynamic row by start, for the rows lately shown. */
    private final Map<Long, Row> rowLeaves = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Row> e) {
            return size() > 256;
        }
    };

    public RecordTableViewModel() {
        this(TaskRunner.forApp());
    }

    public RecordTableViewModel(TaskRunner runner) {
        this.runner = runner;
    }

    // ---- what is listed ------------------------------------------------------------------

    /**
     * Lists the records {@code reader} reads back to back from {@code base} of {@code source}:
     * at once for a fixed plan; for a dynamic layout after a background walk finds them.
     */
    public void show(DataSource source, RecordReader reader, long base) {
        cancelSummary();
        cancelWalk();
        this.source = source;
        this.content = null;
        this.reader = reader;
        this.plan = reader instanceof DecoderPlan p ? p : null;
        this.base = base;
        this.walk = null;
        forgetRows();
        summary.clear();
        summaryStateWrapper.set("");
        shownWrapper.set(shownWrapper.get() + 1);
        if (reader != null && reader.dynamic() && source != null && base >= 0 && base < source.size()) {
            showDynamic();
            return;
        }
        emptyWrapper.set(CHOOSE);
        if (source == null || plan == null || plan.recordSize() <= 0 || base < 0 || base >= source.size()) {
            records = 0;
            shapeWrapper.set(null);
            moveWindow(0);
            infoWrapper.set("no records");
            if (source != null && plan != null && plan.recordSize() > 0) {
                emptyWrapper.set(String.format(Locale.ROOT, "No record: 0x%X is at or past the end of the file (%s).",
                        base, Fmt.bytes(source.size())));
            }
            return;
        }
        records = (source.size() - base) / plan.recordSize();
        if (records == 0) {
            emptyWrapper.set(String.format(Locale.ROOT, "No whole record: %s is %s, and the file has %s from 0x%X.",
                    plan.root().typeName(), Fmt.bytes(plan.recordSize()), Fmt.bytes(source.size() - base), base));
        }
        Columns.Result cols = Columns.of(plan.root());
        shapeWrapper.set(new Shape(cols, plan.root().typeName(), false));
        moveWindow(0);
        infoWrapper.set(String.format(Locale.ROOT, "%s of %s (%s) from 0x%X%s", Fmt.count(records, "record"),
                plan.root().typeName(), Fmt.bytes(plan.recordSize()), base, truncated(cols)));
    }

    private static String truncated(Columns.Result cols) {
        return cols.truncated() ? " · first " + Columns.MAX_COLUMNS + " columns" : "";
    }

    /**
     * A dynamic layout: the first record is decoded in the background to learn the columns (its
     * bytes may lie across edited pieces, or be many), then the walk finds the rest. Until then
     * the table shows no columns and the line says what is being read.
     */
    private void showDynamic() {
        records = 0;
        Content c;
        try {
            c = content();
        } catch (dev.structscope.model.InputException e) {
            shapeWrapper.set(null);
            moveWindow(0);
            infoWrapper.set(e.oneLine());
            return;
        }
        shapeWrapper.set(null);
        moveWindow(0);
        RecordReader r = reader;
        long b = base;
        long gen = walkJob.start();
        infoWrapper.set("Reading the first record…");
        TaskRunner.Task t = runner.submit(TaskRunner.Lane.WORK, "Reading the first record",
                p -> RecordAt.decode(c, r, b),
                first -> {
                    if (!walkJob.current(gen)) {
                        return;
                    }
                    walkJob.done();
                    if (!first.ok()) {
                        infoWrapper.set(first.error());
                        return;
                    }
                    shapeWrapper.set(new Shape(Columns.ofInstance(first.root()), first.root().typeName(), true));
                    moveWindow(0);
                    walk(c, 0);
                },
                x -> {
                    if (walkJob.current(gen)) {
                        infoWrapper.set("Reading the first record failed: " + x.getMessage());
                        walkJob.done();
                    }
                });
        walkJob.submitted(gen, t);
    }

    /**
     * Finds the dynamic records in the background; when found, the window starts at record
     * {@code keepFirst} (0 when first shown; where it was when the records are found again after an edit).
     */
    private void walk(Content c, long keepFirst) {
        Shape sh = shapeWrapper.get();
        Columns.Result cols = sh.columns();
        String typeName = sh.typeName();
        RecordReader r = reader;
        long b = base;
        long total = Math.max(1, source.size() - base);
        AtomicBoolean stop = new AtomicBoolean();
        walkStop = stop;
        long gen = walkJob.start();
        infoWrapper.set("Finding the records of " + typeName + " (each as long as its content)…");
        // The columns of every record, not only the first's: a tagged union shows each alternative
        // some record chose (the first record alone showed the protocol's hello, never its trades).
        Columns.Union union = new Columns.Union(cols);
        TaskRunner.Task t = runner.submit(TaskRunner.Lane.WORK, "Finding the records of " + typeName,
                p -> new Walked(RecordWalk.walk(c, r, b, RecordWalk.MAX_RECORDS, done -> p.update(done, total),
                        () -> stop.get() || p.cancelled(), union::add), union.result()),
                found -> {
                    if (!walkJob.current(gen)) {
                        return;
                    }
                    RecordWalk.Result w = found.walk();
                    walk = w;
                    records = w.count();
                    if (!found.columns().equals(cols)) {
                        shapeWrapper.set(new Shape(found.columns(), typeName, true));
                    }
                    forgetRows();
                    moveWindow(keepFirst);
                    infoWrapper.set(String.format(Locale.ROOT, "%s of %s from 0x%X, sizes from their content%s%s",
                            Fmt.count(records, "record"), typeName, base, w.stop() == null ? "" : " · " + w.stop(),
                            truncated(found.columns())));
                    walkJob.done();
                },
                x -> {
                    if (walkJob.current(gen)) {
                        infoWrapper.set("Finding the records failed: " + x.getMessage());
                        walkJob.done();
                    }
                }, this::progressed).cancelWith(this::cancel);
        walkJob.submitted(gen, t);
    }

    /** A walk's records and the columns all of them have. */
    private record Walked(RecordWalk.Result walk, Columns.Result columns) {
    }

    /** Whether a record walk (dynamic layouts) is running. */
    public boolean walking() {
        return walkJob.running;
    }

    /** The dynamic records found, or null. */
    public RecordWalk.Result walk() {
        return walk;
    }

    private void cancelWalk() {
        walkStop.set(true);
        walkJob.cancel();
    }

    // ---- the window ----------------------------------------------------------------------

    /** Moves the window to start at record {@code first} (clamped). */
    public void moveWindow(long first) {
        long max = Math.max(0, records - 1);
        firstRecordWrapper.set(Math.max(0, Math.min(first, max)));
        rowsWrapper.set((int) Math.max(0, Math.min(MAX_ROWS, records - firstRecordWrapper.get())));
        revisionWrapper.set(revisionWrapper.get() + 1);
    }

    /** The window index {@link #moveWindow} would start at to show record {@code index}, and its row. */
    public int rowOf(long index) {
        if (index < firstRecordWrapper.get() || index >= firstRecordWrapper.get() + rowsWrapper.get()) {
            moveWindow(index - index % (MAX_ROWS / 2));
        }
        return (int) (index - firstRecordWrapper.get());
    }

    /** Records from {@code base} to the end of the source (fixed), or found by the walk (dynamic). */
    public long recordCount() {
        return records;
    }

    /** Where the record on window row {@code i} lies: {start, length}, or null when unknown. */
    public long[] rowRange(int i) {
        long r = firstRecordWrapper.get() + i;
        if (plan != null && source != null) {
            return new long[] {base + r * plan.recordSize(), plan.recordSize()};
        }
        if (walk != null && r < walk.count()) {
            return new long[] {walk.start((int) r), walk.size((int) r)};
        }
        return null;
    }

    /** The record index of window row {@code i}. */
    public long index(int i) {
        return firstRecordWrapper.get() + i;
    }

    /** The data the records are read from, or null. */
    public DataSource source() {
        return source;
    }

    /** The reader of the listed records, or null. */
    public RecordReader reader() {
        return reader;
    }

    /** Where the first record starts. */
    public long base() {
        return base;
    }

    /** The runner this view model's work goes through (a plot of its records uses the same). */
    public TaskRunner runner() {
        return runner;
    }

    /** The fixed plan the rows are decoded with, or null (dynamic, nothing shown). */
    public DecoderPlan plan() {
        return plan;
    }

    /** The type name of the listed records ("record" when none). */
    public String typeName() {
        Shape s = shapeWrapper.get();
        return s == null ? "record" : s.typeName();
    }

    // ---- cells ---------------------------------------------------------------------------

    /** The text of window row {@code i}'s cell of {@code leaf} (fixed records). */
    public String cell(Columns.Leaf leaf, int i) {
        long recordStart = base + index(i) * plan.recordSize();
        PlanNode node = leaf.node();
        try {
            Window w = content().window(recordStart, plan.recordSize());
            return ValueText.of(node.read(w.segment(), w.at(recordStart + leaf.base())),
                    node instanceof ScalarNode s ? s : null);
        } catch (InternalError | RuntimeException e) {
            return "⚠";
        }
    }

    /** The text of window row {@code i}'s cell of the leaf at {@code path} (dynamic records: found in each row's own layout). */
    public String dynamicCell(String path, int i) {
        if (walk == null || index(i) >= walk.count()) {
            return "";
        }
        long start = walk.start((int) index(i));
        Row row = rowAt(start, walk.size((int) index(i)));
        if (row == DECODING) {
            return "…";
        }
        Columns.Leaf leaf = row.leaves().get(path);
        if (leaf == null) {
            return "–";
        }
        Window w = row.window();
        try {
            if (leaf.node() instanceof ArrayNode a) {
                long at = start + leaf.offset();
                return "[" + a.length() + "] " + ValueText.raw(w.segment(), w.at(at), a.size(), 8);
            }
            PlanNode node = leaf.node();
            return ValueText.of(node.read(w.segment(), w.at(start + leaf.base())), node instanceof ScalarNode s ? s : null);
        } catch (InternalError | RuntimeException e) {
            return "⚠";
        }
    }

    /**
     * Window row {@code i}'s member {@code path} of a dynamic record as the tree shows a member:
     * where this record's content put it, its size, node and value; null when the row or member
     * is not there. What a value typed into a dynamic cell is encoded against.
     */
    public FieldRow dynamicRow(String path, int i) {
        if (walk == null || index(i) >= walk.count()) {
            return null;
        }
        long start = walk.start((int) index(i));
        Columns.Leaf leaf = rowAt(start, walk.size((int) index(i))).leaves().get(path);
        if (leaf == null) {
            return null;
        }
        PlanNode node = leaf.node();
        return new FieldRow(path, node.typeName(), start + leaf.offset(), node.size(), "", dynamicCell(path, i),
                leaf.color(), node, "");
    }

    /**
     * The row of the record at {@code start} ({@code size} bytes as walked): decoded at once when
     * its bytes are at hand or small, else — a large record across edited pieces, whose window
     * is a copy — in the background, the row's cells saying so ({@link #DECODING}) until it comes.
     */
    private Row rowAt(long start, long size) {
        Row r = rowLeaves.get(start);
        if (r != null) {
            return r;
        }
        Content c = content();
        RecordReader rd = reader;
        if (size <= FieldsViewModel.AT_ONCE_COPY || !c.copies(start, size)) {
            r = row(RecordAt.decode(c, rd, start));
            rowLeaves.put(start, r);
            return r;
        }
        rowLeaves.put(start, DECODING);
        long gen = rowsGen;
        runner.submit(TaskRunner.Lane.WORK, String.format(Locale.ROOT, "Decoding the record at 0x%X", start),
                p -> row(RecordAt.decode(c, rd, start)), row -> {
                    if (gen == rowsGen) {
                        rowLeaves.put(start, row);
                        revisionWrapper.set(revisionWrapper.get() + 1);
                    }
                }, x -> {
                    if (gen == rowsGen) {
                        rowLeaves.remove(start);
                    }
                });
        return rowLeaves.getOrDefault(start, DECODING);
    }

    private static Row row(RecordAt at) {
        Map<String, Columns.Leaf> m = new HashMap<>();
        if (at.ok()) {
            for (Columns.Leaf l : Columns.ofInstance(at.root()).leaves()) {
                m.put(l.path(), l);
            }
        }
        return new Row(m, at.window());
    }

    /** The rows decoded so far are of bytes that changed (or are no longer listed): decode them again when shown. */
    private void forgetRows() {
        rowLeaves.clear();
        rowsGen++;
    }

    /** The bytes the cells read: the source's content as of the last edit. */
    private Content content() {
        if (content == null) {
            content = Content.of(source);
        }
        return content;
    }

    /** The data changed under the rows (an edit, an undo): cells are read again. */
    public void refresh() {
        edited();
        revisionWrapper.set(revisionWrapper.get() + 1);
    }

    /**
     * The bytes changed under the rows (an edit, an undo or redo): cells read the content as it is
     * now when next painted, and dynamic records are found again in the background (their rows
     * follow when found; the window stays at the same record).
     */
    public void edited() {
        edited(null);
    }

    /**
     * As {@link #edited()}, told what changed ({@code edit}; null: unknown). Dynamic records are
     * found again only when the edit can have moved them: an overwrite of the bytes of a few
     * records whose layout places no member elsewhere keeps every boundary when those records,
     * decoded again through exactly their old extent, keep their sizes.
     */
    public void edited(EditOverlay.Edit edit) {
        forgetRows();
        content = null;
        Shape sh = shapeWrapper.get();
        if (sh != null && sh.dynamic() && source != null) {
            if (boundariesKept(edit)) {
                return;
            }
            // A count, a size or an inserted byte may have moved every record after it: find them again.
            long keep = firstRecordWrapper.get();
            cancelWalk();
            try {
                walk(content(), keep);
            } catch (dev.structscope.model.InputException e) {
                infoWrapper.set(e.oneLine());
            }
        }
    }

    /** Most records, and most of their bytes, decoded again on the FX thread to decide that no boundary moved. */
    static final int KEEP_RECORDS = 64;
    static final long KEEP_BYTES = 1 << 20;

    /** Whether {@code edit} left every record the finished walk found where it was (see {@link #edited(EditOverlay.Edit)}). */
    private boolean boundariesKept(EditOverlay.Edit edit) {
        if (edit == null || !edit.inPlace() || walk == null || walkJob.running
                || !(reader instanceof DynamicDecoder dyn) || dyn.placesMembers()) {
            return false;
        }
        long from = edit.offset();
        long to = from + edit.inserted();
        if (to <= base) {
            return true;
        }
        if (to > walk.end()) {
            return false; // past the records found: the trailing bytes, or the record the walk stopped at, may now read otherwise
        }
        int i = java.util.Arrays.binarySearch(walk.starts(), 0, walk.count(), Math.max(from, base));
        int first = i >= 0 ? i : -i - 2;
        long bytes = 0;
        try {
            Content c = content();
            for (int r = first; r < walk.count() && walk.start(r) < to; r++) {
                long start = walk.start(r);
                long size = walk.size(r);
                bytes += size;
                if (r - first >= KEEP_RECORDS || bytes > KEEP_BYTES) {
                    return false;
                }
                Window w = c.window(start, size);
                // Exactly the old extent: a record that now needs one byte more does not fit.
                if (dyn.decodeWindow(w.segment().asSlice(w.at(start), size), start, c.size()).size() != size) {
                    return false;
                }
            }
        } catch (dev.structscope.model.InputException | IndexOutOfBoundsException e) {
            return false;
        }
        return true;
    }

    /** The record at {@code start} as one JSON object, as {@code decode --format json} prints it, or why not. */
    public String recordJson(long start) {
        return RecordTable.recordJson(reader, source, start);
    }

    /** The record's bytes as spaced lower-case hex (at most {@link RecordTable#MAX_COPY} of them). */
    public String recordHex(long start, long length) {
        long n = Math.min(length, Math.min(RecordTable.MAX_COPY, source.size() - start));
        byte[] b = source.slice(start, n).toArray(java.lang.foreign.ValueLayout.JAVA_BYTE);
        String hex = java.util.HexFormat.ofDelimiter(" ").formatHex(b);
        return n < length ? hex + " … (first " + n + " of " + length + " bytes)" : hex;
    }

    // ---- the column summary --------------------------------------------------------------

    /** Starts the column summary (count/min/max/mean of every leaf over all records) in the background. */
    public void computeSummary() {
        if (source == null || reader == null || walkJob.running) {
            return;
        }
        cancelSummary();
        DataSource src;
        try {
            // The version as it is now, read through bounded windows while edits go on.
            src = content().asSource();
        } catch (dev.structscope.model.InputException e) {
            summaryShownWrapper.set(true);
            summaryStateWrapper.set("failed: " + e.oneLine());
            return;
        }
        long b = base;
        RecordReader r = reader;
        DecoderPlan p = plan;
        summaryShownWrapper.set(true);
        summaryStateWrapper.set("computing…");
        long gen = statsJob.start();
        // The engine's dynamic stats walk their own records, reporting bytes walked.
        TaskRunner.Task task = runner.submit(TaskRunner.Lane.WORK, "Column summary of " + typeName(), t -> r instanceof
                DynamicDecoder dyn ? DynamicStats.compute(src, dyn, b, t) : RecordStats.compute(src, p, b, t), result -> {
            if (statsJob.current(gen)) {
                summary.setAll(result.fields());
                summaryStateWrapper.set(Fmt.count(result.records(), "record"));
                statsJob.done();
            }
        }, x -> {
            if (statsJob.current(gen)) {
                summaryStateWrapper.set("failed: " + (x instanceof dev.structscope.model.InputException ie ? ie.oneLine()
                        : x.getMessage()));
                statsJob.done();
            }
        }, this::progressed).cancelWith(this::cancel);
        statsJob.submitted(gen, task);
    }

    /** Whether the column summary is being computed. */
    public boolean summarizing() {
        return statsJob.running;
    }

    private void cancelSummary() {
        if (statsJob.running) {
            summaryStateWrapper.set("cancelled");
            statsJob.cancel();
        }
    }

    /**
     * Cancel (the table's button, the task list): a walk stops with the records found so far; a
     * summary is dropped.
     */
    public void cancel() {
        if (walkJob.running) {
            walkStop.set(true);
        } else {
            cancelSummary();
        }
    }

    private void progressed(TaskRunner.Task t) {
        if (t == walkJob.task || t == statsJob.task) {
            progressWrapper.set(t.fraction());
        }
    }

    /**
     * One kind of background work of this model (the walk, the summary): its task while it runs,
     * for cancelling, and a generation that tells the running work's result from the result of
     * work cancelled or started again since. Either job running shows the model busy. FX thread.
     */
    private final class Job {
        private TaskRunner.Task task;
        private long gen;
        private boolean running;

        /** Starts a run (the model shows busy, progress unknown); returns its generation. */
        long start() {
            running = true;
            busyWrapper.set(true);
            progressWrapper.set(-1);
            return ++gen;
        }

        /** Whether the run of generation {@code g} is still the one running (its result is wanted). */
        boolean current(long g) {
            return running && g == gen;
        }

        /**
         * Keeps the run's task for cancelling, unless it already ended or was followed by another
         * (a direct runner in tests delivers at once, and the first record's result starts the walk).
         */
        void submitted(long g, TaskRunner.Task t) {
            if (current(g)) {
                task = t;
            }
        }

        void done() {
            running = false;
            task = null;
            busyWrapper.set(walkJob.running || statsJob.running);
        }

        /** Cancels a running run; a result it still delivers is dropped. */
        void cancel() {
            if (running) {
                if (task != null) {
                    task.cancel();
                }
                gen++;
                done();
            }
        }
    }

    // ---- properties ----------------------------------------------------------------------

}
