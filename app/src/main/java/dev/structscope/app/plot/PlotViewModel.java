package dev.structscope.app.plot;

import dev.structscope.app.common.TaskRunner;
import dev.structscope.app.common.WorkStatus;
import dev.structscope.io.decode.RecordReader;
import dev.structscope.io.series.MemberPath;
import dev.structscope.io.series.Series;
import dev.structscope.io.series.SeriesResult;
import dev.structscope.io.source.DataSource;
import dev.structscope.io.stats.StatsProgress;
import dev.structscope.model.InputException;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongConsumer;

/**
 * The state of a plot of members over the records of one source: which members, which range of
 * records is shown (the zoom), the decimated series for it, the selected record, and whether a
 * decimation is running. Every change of members or range decimates again on the task runner's
 * work lane ({@link Series}, the engine path {@code structscope series} runs), with progress and
 * cancel; the last picture stays until the new one arrives. A click's record is handed to
 * {@link #setOnSelect the owner} (the record table selects it, and its bytes in the hex view).
 *
 * <p>Knows no view. FX thread only; the decimation runs on the runner's threads and publishes
 * immutable {@link SeriesResult}s.
 */
public final class PlotViewModel {
    /** Buckets per series: at least one per pixel column on any screen, few enough to draw at once. */
    public static final int BUCKETS = 2000;

    private final TaskRunner tasks;
    private final DataSource source;
    private final RecordReader reader;
    private final long base;
    private final ObservableList<String> members = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<List<SeriesResult>> seriesWrapper = new ReadOnlyObjectWrapper<>(this, "series", List.of());
    /** The series shown, one per member, in member order (empty until the first decimation ends). */
    public final ReadOnlyObjectProperty<List<SeriesResult>> series = seriesWrapper.getReadOnlyProperty();
    /**
     * Whether a decimation runs and how far it got (-1 until known), and what the plot says: the
     * range shown, a member it cannot plot, a cancel.
     */
    public final WorkStatus status = new WorkStatus();
    private final ReadOnlyLongWrapper selectedWrapper = new ReadOnlyLongWrapper(this, "selected", -1);
    /** The record last clicked, or -1. */
    public final ReadOnlyLongProperty selected = selectedWrapper.getReadOnlyProperty();
    private final ReadOnlyLongWrapper totalWrapper = new ReadOnlyLongWrapper(this, "total", -1);
    /** How many records there are from the start offset (-1 until the first decimation ends). */
    public final ReadOnlyLongProperty total = totalWrapper.getReadOnlyProperty();
    private final ReadOnlyObjectWrapper<TimeAxis> timeWrapper = new ReadOnlyObjectWrapper<>(this, "time");
    /** The time axis shown, or null when the x axis is by record index. */
    public final ReadOnlyObjectProperty<TimeAxis> time = timeWrapper.getReadOnlyProperty();
    private String timeMember;
    private TimeAxis.Unit timeUnit;
    private long from;
    private long to = Series.TO_END;
    private TaskRunner.Task task;
    private long generation;
    private LongConsumer onSelect = r -> { };
    /** Ranges of more bytes than this get a first picture from samples before the full pass. */
    private long previewAbove = PREVIEW_ABOVE;

    /** 512 MiB: about half a second of the full pass on two cores; beyond it a sampled picture comes first. */
    public static final long PREVIEW_ABOVE = 512L << 20;

    /** Records read per bucket for the first picture (the first ones of each bucket). */
    static final int PREVIEW_SAMPLE = 64;

    /** A plot of records that lie back to back from byte {@code base} of {@code source}, read by {@code reader}. */
    public PlotViewModel(TaskRunner tasks, DataSource source, RecordReader reader, long base) {
        this.tasks = tasks;
        this.source = source;
        this.reader = reader;
        this.base = base;
    }

    /** The members plotted, by path ({@code price}, {@code inner.x}, {@code pts[2].x}). */
    public ObservableList<String> members() {
        return FXCollections.unmodifiableObservableList(members);
    }

    /** Adds {@code path} to the plot (once) and decimates again. */
    public void addMember(String path) {
        try {
            MemberPath.parse(path);
        } catch (InputException e) {
            say(e.getMessage());
            return;
        }
        if (!members.contains(path)) {
            members.add(path);
            refresh();
        }
    }

    public void removeMember(String path) {
        if (members.remove(path)) {
            refresh();
        }
    }

    /**
     * Labels the x axis by the Unix time in member {@code path} ({@code unit} null: guessed from
     * its values), or by record index when {@code path} is null; decimates again.
     */
    public void setTimeMember(String path, TimeAxis.Unit unit) {
        timeMember = path;
        timeUnit = unit;
        refresh();
    }

    /** Shows records {@code [first, end)} (clamped to the records there are; at least one). */
    public void zoom(long first, long end) {
        long max = totalWrapper.get() > 0 ? totalWrapper.get() : Long.MAX_VALUE;
        long a = Math.clamp(first, 0, Math.max(0, max - 1));
        long b = Math.clamp(end, a + 1, max);
        if (a == from && b == to) {
            return;
        }
        from = a;
        to = b;
        refresh();
    }

    /** Zooms by {@code factor} (below 1: in) keeping record {@code around} where it is. */
    public void zoomBy(double factor, long around) {
        long span = (to == Series.TO_END ? totalWrapper.get() : to) - from;
        if (span <= 0) {
            return;
        }
        double f = (double) (around - from) / span;
        long newSpan = Math.max(1, Math.round(span * factor));
        long a = Math.round(around - f * newSpan);
        zoom(a, a + newSpan);
    }

    /** Back to every record. */
    public void resetZoom() {
        from = 0;
        to = Series.TO_END;
        refresh();
    }

    /** The first record shown. */
    public long from() {
        return from;
    }

    /** Selects record {@code index} (a click on the plot) and tells the owner. */
    public void select(long index) {
        selectedWrapper.set(index);
        onSelect.accept(index);
    }

    /** Marks record {@code index} as selected without telling the owner (the owner selected it). */
    public void mark(long index) {
        selectedWrapper.set(index);
    }

    /** Who is told of a click's record (the record table). */
    public void setOnSelect(LongConsumer onSelect) {
        this.onSelect = onSelect;
    }

    /** Stops a running decimation; the last picture stays. */
    public void cancel() {
        if (task != null) {
            task.cancel();
            task = null;
            generation++;
            status.stop();
            say("cancelled");
        }
    }

    /** Decimates the members over the current range again, in the background. */
    public void refresh() {
        if (task != null) {
            task.cancel();
        }
        List<String> paths = List.copyOf(members);
        String timePath = timeMember;
        TimeAxis.Unit unit = timeUnit;
        if (paths.isEmpty()) {
            generation++;
            task = null;
            seriesWrapper.set(List.of());
            status.stop();
            return;
        }
        long a = from;
        long b = to;
        status.start(-1, "");
        // Results of an older request are dropped; a generation (not the task) says which is current,
        // because a runner may finish the work before submit returns.
        long gen = ++generation;
        // On a big range a picture from samples shows first (within a second on any file), then the exact one.
        java.util.function.Consumer<List<SeriesResult>> preview = sampled -> tasks.fx().accept(() -> {
            if (gen == generation && status.running.get()) {
                say("a first look from " + PREVIEW_SAMPLE + " records per bucket; refining…");
                if (!sampled.isEmpty()) {
                    totalWrapper.set(sampled.getFirst().total());
                }
                seriesWrapper.set(sampled);
            }
        });
        TaskRunner.Task submitted = tasks.submit(TaskRunner.Lane.WORK, "Plot " + String.join(", ", paths),
                p -> decimate(paths, timePath, a, b, p, preview),
                outcome -> {
                    if (gen != generation) {
                        return;
                    }
                    task = null;
                    status.stop();
                    // A member the records cannot give (not a scalar, not there) leaves the plot, saying why.
                    members.removeAll(outcome.refused());
                    List<SeriesResult> result = outcome.series();
                    if (outcome.times() == null) {
                        timeMember = null;
                    }
                    timeWrapper.set(outcome.times() == null ? null : TimeAxis.of(outcome.times(), unit));
                    seriesWrapper.set(result);
                    if (!result.isEmpty()) {
                        SeriesResult first = result.getFirst();
                        if (first.total() >= 0) {
                            totalWrapper.set(first.total());
                        }
                        to = first.to();
                        say(outcome.why() != null ? outcome.why() : String.format(Locale.ROOT,
                                "records %,d–%,d of %,d", first.from(), Math.max(first.from(), first.to() - 1), totalWrapper.get()));
                    } else {
                        say(outcome.why() == null ? "" : outcome.why());
                    }
                },
                failure -> {
                    if (gen != generation) {
                        return;
                    }
                    task = null;
                    status.stop();
                    say(failure instanceof InputException ie ? ie.getMessage()
                            : failure instanceof java.util.concurrent.CancellationException ? "cancelled"
                            : "the plot failed: " + failure);
                },
                t -> status.progressed(t.fraction()));
        if (gen == generation && status.running.get()) {
            task = submitted;
        }
    }

    /** What a decimation gave: the series of the members it could read, and those it could not, with why. */
    private record Outcome(List<SeriesResult> series, SeriesResult times, List<String> refused, String why) {
    }

    /** Runs on the work lane: each member's series over {@code [a, b)}, progress summed over members. */
    private Outcome decimate(List<String> members, String timePath, long a, long b, TaskRunner.Progress p,
                             java.util.function.Consumer<List<SeriesResult>> preview) {
        if (reader instanceof dev.structscope.io.decode.DecoderPlan plan && plan.recordSize() > 0) {
            long have = (source.size() - base) / plan.recordSize();
            long end = Math.min(b, have);
            if (end > a && (end - a) > previewAbove / plan.recordSize()) {
                List<SeriesResult> sampled = new ArrayList<>();
                for (String m : members) {
                    try {
                        sampled.add(sample(MemberPath.parse(m), a, end, have, p));
                    } catch (InputException e) {
                        // Said by the full pass below, which refuses the member the same way.
                    }
                }
                if (!p.cancelled() && !sampled.isEmpty()) {
                    preview.accept(List.copyOf(sampled));
                }
            }
        }
        List<SeriesResult> out = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        String why = null;
        // The time member is decimated like the others, over the same records into the same buckets.
        List<String> paths = new ArrayList<>(members);
        if (timePath != null) {
            paths.add(timePath);
        }
        for (int i = 0; i < paths.size(); i++) {
            int k = i;
            StatsProgress sp = new StatsProgress() {
                @Override
                public void update(long done, long all) {
                    // Each member a equal share of the bar (their passes read the same records).
                    p.update(k * 1_000_000L + (all <= 0 ? 0 : done * 1_000_000L / all), paths.size() * 1_000_000L);
                }

                @Override
                public boolean cancelled() {
                    return p.cancelled();
                }
            };
            try {
                out.add(Series.decimate(source, reader, base, MemberPath.parse(paths.get(i)), a, b, BUCKETS, sp));
            } catch (InputException e) {
                if (!e.where().equals("--member")) {
                    throw e;
                }
                refused.add(paths.get(i));
                why = e.getMessage();
            }
        }
        SeriesResult times = null;
        if (timePath != null && !refused.contains(timePath)) {
            times = out.removeLast();
        }
        return new Outcome(List.copyOf(out), times, refused, why);
    }

    /**
     * A first picture of {@code member} over fixed records {@code [a, end)}: the same buckets as
     * the full pass, each summarised from its first {@link #PREVIEW_SAMPLE} records (its count is
     * the bucket's whole count, so it is drawn where the exact one will be).
     */
    private SeriesResult sample(MemberPath member, long a, long end, long have, TaskRunner.Progress p) {
        long r = end - a;
        int n = (int) Math.min(BUCKETS, r);
        List<dev.structscope.io.series.Bucket> buckets = new ArrayList<>(n);
        StatsProgress quiet = new StatsProgress() {
            @Override
            public void update(long done, long all) {
            }

            @Override
            public boolean cancelled() {
                return p.cancelled();
            }
        };
        SeriesResult one = null;
        for (int i = 0; i < n; i++) {
            // r < 2^52 records for any file under 4 PiB, so i·r fits in a long.
            long s = a + i * r / n;
            long e = a + (i + 1) * r / n;
            one = Series.decimate(source, reader, base, member, s, Math.min(e, s + PREVIEW_SAMPLE), 1, quiet);
            var bk = one.buckets().getFirst();
            buckets.add(new dev.structscope.io.series.Bucket(s, e - s, bk.values(), bk.nan(), bk.min(), bk.max(), bk.mean()));
        }
        return new SeriesResult(one.member(), one.kind(), one.typeName(), a, r, have, buckets);
    }

    /** Sets the size above which a range gets a sampled first picture (tests use small files). */
    void previewAbove(long bytes) {
        this.previewAbove = bytes;
    }

    private void say(String text) {
        status.say(text, false);
    }

    /** Whether the source is the one this plot reads. */
    public boolean reads(DataSource s, RecordReader r, long b) {
        return source == s && reader == r && base == b;
    }
}
