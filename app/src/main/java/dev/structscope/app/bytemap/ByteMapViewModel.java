package dev.structscope.app.bytemap;

import dev.structscope.app.common.TaskRunner;
import dev.structscope.io.bytemap.ByteMap;
import dev.structscope.io.bytemap.ByteScan;
import dev.structscope.io.source.DataSource;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;

import java.util.function.Consumer;

/**
 * The byte pictures of the hex explorer's file: the map the strip beside the hex view shows (the
 * whole file in at most {@link #STRIP_BLOCKS} blocks), maps of a range at more detail for the
 * larger view, and the byte histogram of the selection. Every scan runs on the task runner's
 * work lane over the mapped segment, with progress and cancel; a newer request (another file, an
 * edit, another selection) cancels the one before, so only the latest result is published.
 *
 * <p>Owned by the {@link dev.structscope.app.hexview.HexPane}, which tells it the source and the
 * selection; the strip, the larger view and the histogram view bind to it. FX thread.
 */
public final class ByteMapViewModel {
    /** Blocks of the strip's map: more than any strip is tall, few enough to paint in a blink. */
    public static final int STRIP_BLOCKS = 4096;

    /**
     * Files up to this size are mapped as soon as they open (a pass over 1 GiB takes a fraction of
     * a second on two cores); a larger one waits for a press on the strip or the larger view, so
     * opening a 100 GiB image does not start minutes of reading nobody asked for.
     */
    public static final long AUTO_MAX = 1L << 30;

    /**
     * The larger view's smallest block when zoomed in: the strip's. Finer blocks were tried
     * (256 bytes): compressed data then measured about 7.2 bits and was painted like code, which
     * misleads more than the lost detail helps.
     */
    public static final long ZOOM_MIN_BLOCK = ByteScan.MIN_BLOCK;

    /**
     * What the strip shows, as one value so that it changes (and the strip paints) once per step:
     * the whole file's map (null while none is computed: no file, or scanning), how far its scan
     * is (0..1; -1 when none runs) and why there is no map ("" when there is one or no file).
     */
    public record Strip(ByteMap map, double progress, String message) {
        static final Strip NONE = new Strip(null, -1, "");

        static Strip saying(String message) {
            return new Strip(null, -1, message);
        }

        /** A scan of the strip's map runs. */
        public boolean scanning() {
            return progress >= 0;
        }
    }

    /** The byte histogram of a range: {@code counts[b]} bytes of value b in {@code [offset, offset + length)}. */
    public record Histogram(long offset, long length, boolean wholeFile, long[] counts) {
        public Histogram {
            counts = counts.clone();
        }

        @Override
        public long[] counts() {
            return counts.clone();
        }

        public long count(int b) {
            return counts[b];
        }

        /** The largest count (the tallest bar). */
        public long max() {
            long m = 0;
            for (long c : counts) {
                m = Math.max(m, c);
            }
            return m;
        }

        /** How many of the 256 values occur at all. */
        public int distinct() {
            int n = 0;
            for (long c : counts) {
                n += c > 0 ? 1 : 0;
            }
            return n;
        }
    }

    private final TaskRunner runner;
    private final ReadOnlyObjectWrapper<Strip> stripWrapper = new ReadOnlyObjectWrapper<>(this, "strip", Strip.NONE);
    /** What the strip shows: the whole file's map, or how far its scan is, or why there is none. */
    public final ReadOnlyObjectProperty<Strip> strip = stripWrapper.getReadOnlyProperty();
    /** Colour by entropy (true) or by byte class (false); shared by the strip and the larger view. */
    public final BooleanProperty byEntropy = new SimpleBooleanProperty(this, "byEntropy");
    /** Whether the histogram is on screen: it is computed only then. */
    public final BooleanProperty histogramWanted = new SimpleBooleanProperty(this, "histogramWanted");
    private final ReadOnlyObjectWrapper<Histogram> histogramWrapper = new ReadOnlyObjectWrapper<>(this, "histogram");
    /** The histogram of the selection (of the whole file while one byte is selected); null before the first. */
    public final ReadOnlyObjectProperty<Histogram> histogram = histogramWrapper.getReadOnlyProperty();
    private final ReadOnlyDoubleWrapper histogramProgressWrapper = new ReadOnlyDoubleWrapper(this, "histogramProgress", -1);
    /** How far the histogram's scan is, 0..1; -1 when none runs. */
    public final ReadOnlyDoubleProperty histogramProgress = histogramProgressWrapper.getReadOnlyProperty();
    private DataSource source;
    private TaskRunner.Task mapTask;
    private TaskRunner.Task histogramTask;
    private long selStart;
    private long selLength;
    private long scans;
    private boolean requested;

    public ByteMapViewModel(TaskRunner runner) {
        this.runner = runner;
        histogramWanted.addListener((o, a, b) -> {
            if (b) {
                refreshHistogram();
            } else {
                cancelHistogram();
            }
        });
    }

    /** The whole file's map; null while none is computed (no file, or scanning). */
    public ByteMap map() {
        return stripWrapper.get().map();
    }

    public DataSource source() {
        return source;
    }

    /** Scans started since creation (maps and histograms), for tests that count the work. */
    public long scans() {
        return scans;
    }

    /** Shows {@code s} (null: none): its map is scanned afresh, and the histogram if wanted. */
    public void setSource(DataSource s) {
        source = s;
        selStart = 0;
        selLength = 0;
        requested = false;
        refresh();
    }

    /** Scans the strip's map again (after an edit changed the bytes). */
    public void refresh() {
        cancel(mapTask);
        stripWrapper.set(Strip.NONE);
        histogramWrapper.set(null);
        refreshHistogram();
        DataSource s = source;
        if (s == null || s.size() == 0) {
            return;
        }
        if (s.size() > AUTO_MAX && !requested) {
            stripWrapper.set(Strip.saying(String.format(java.util.Locale.ROOT, "Not mapped yet (%s): press the strip to map the "
                    + "file's bytes", dev.structscope.app.common.Fmt.binary(s.size()))));
            return;
        }
        stripWrapper.set(new Strip(null, 0, ""));
        scans++;
        mapTask = runner.submit(TaskRunner.Lane.WORK, "byte map", p -> ByteScan.map(s, 0, s.size(), STRIP_BLOCKS,
                ByteScan.MIN_BLOCK, p), m -> stripWrapper.set(new Strip(m, -1, "")),
                e -> stripWrapper.set(Strip.saying("No byte map: " + e.getMessage())),
                t -> stripWrapper.set(new Strip(null, Math.max(0, t.fraction()), "")));
    }

    /** Maps the file now, whatever its size (a press on an unmapped strip). */
    public void mapNow() {
        requested = true;
        if (map() == null && !stripWrapper.get().scanning()) {
            refresh();
        }
    }

    /** Whether the strip has neither a map nor a scan under way (a large file waiting for a press). */
    public boolean waiting() {
        return source != null && source.size() > 0 && map() == null && !stripWrapper.get().scanning();
    }

    /** Stops the strip's scan; the strip says so and a press starts it again. */
    public void cancelMap() {
        if (stripWrapper.get().scanning()) {
            cancel(mapTask);
            requested = false;
            stripWrapper.set(Strip.saying("Byte map stopped: press the strip to map the file's bytes"));
        }
    }

    /**
     * Maps {@code length} bytes from {@code offset} in at most {@code blocks} blocks for the
     * larger view; {@code done} gets the map on the FX thread unless the returned task is cancelled.
     */
    public TaskRunner.Task mapRange(long offset, long length, int blocks, Consumer<ByteMap> done,
                                    Consumer<String> failed, Consumer<TaskRunner.Task> onProgress) {
        DataSource s = source;
        if (s == null) {
            failed.accept("no file is open");
            return null;
        }
        scans++;
        return runner.submit(TaskRunner.Lane.WORK, "byte map of a range", p -> ByteScan.map(s, offset, length, blocks,
                ZOOM_MIN_BLOCK, p), done, e -> failed.accept(e.getMessage()), onProgress);
    }

    /** The selection moved: the histogram follows it when it is on screen. */
    public void setSelection(long start, long length) {
        if (start == selStart && length == selLength) {
            return;
        }
        selStart = start;
        selLength = length;
        refreshHistogram();
    }

    private void refreshHistogram() {
        cancelHistogram();
        DataSource s = source;
        if (!histogramWanted.get() || s == null || s.size() == 0) {
            return;
        }
        // One byte selected (just the caret): the whole file, which is what a person asks first.
        boolean whole = selLength <= 1 || selStart < 0 || selStart + selLength > s.size();
        long from = whole ? 0 : selStart;
        long len = whole ? s.size() : selLength;
        histogramProgressWrapper.set(0);
        scans++;
        histogramTask = runner.submit(TaskRunner.Lane.WORK, "byte histogram", p -> ByteScan.histogram(s, from, len,
                p), counts -> {
                    histogramProgressWrapper.set(-1);
                    histogramWrapper.set(new Histogram(from, len, whole, counts));
                }, e -> histogramProgressWrapper.set(-1), t -> histogramProgressWrapper.set(Math.max(0, t.fraction())));
    }

    private void cancelHistogram() {
        cancel(histogramTask);
        histogramTask = null;
        histogramProgressWrapper.set(-1);
    }

    /** Stops any scan (the pane is closing). */
    public void dispose() {
        cancel(mapTask);
        cancelHistogram();
    }

    private static void cancel(TaskRunner.Task t) {
        if (t != null) {
            t.cancel();
        }
    }
}
