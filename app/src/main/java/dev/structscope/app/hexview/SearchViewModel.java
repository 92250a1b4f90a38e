package dev.structscope.app.hexview;

import dev.structscope.app.common.TaskRunner;
import dev.structscope.app.common.WorkStatus;
import dev.structscope.app.fields.Content;
import dev.structscope.io.source.DataSource;
import dev.structscope.io.source.Sources;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.Arrays;
import java.util.Locale;

/**
 * Find over the hex view's source, in the background: the query (text and kind, text by
 * default), whether a search runs, its progress (0..1) and a message ("found at 0x…", "not
 * found", "match 3 of 120", the parse error). Next/previous wrap around the ends of the file;
 * Find All counts every match and lists the first {@link #LISTED} for the matches pane. A hit
 * selects the match in the {@link HexViewModel}. One search at a time: a new one cancels the
 * running one; a changed query forgets the old list.
 *
 * <p>FX thread; the scans run on the task runner's work lane.
 */
public final class SearchViewModel {
    /** Matches kept for the list (all are counted): enough to page through, bounded in memory. */
    public static final int LISTED = 10_000;

    private final HexViewModel hex;
    private final TaskRunner runner;
    public final StringProperty text = new SimpleStringProperty(this, "text", "");
    public final ObjectProperty<SearchQuery.Kind> kind = new SimpleObjectProperty<>(this, "kind", SearchQuery.Kind.ASCII);
    /** Whether a search runs, how far it got, and what the last one found or why it could not run. */
    public final WorkStatus status = new WorkStatus();
    private final ObservableList<Long> matches = FXCollections.observableArrayList();
    private final ReadOnlyLongWrapper matchCountWrapper = new ReadOnlyLongWrapper(this, "matchCount", -1);
    /** How many matches Find All counted in the whole file; -1 before it ran for this query. */
    public final ReadOnlyLongProperty matchCount = matchCountWrapper.getReadOnlyProperty();
    private long[] sorted = new long[0];
    private int patternLength;
    private TaskRunner.Task task;

    public SearchViewModel(HexViewModel hex) {
        this(hex, TaskRunner.forApp());
    }

    public SearchViewModel(HexViewModel hex, TaskRunner runner) {
        this.hex = hex;
        this.runner = runner;
        // A list found for another query or file would send the user to wrong places.
        text.addListener((o, a, b) -> forget());
        kind.addListener((o, a, b) -> forget());
        hex.source.addListener((o, a, b) -> {
            cancel();
            forget();
        });
    }

    /** The offsets Find All found, in file order (at most {@link #LISTED}); empty before it ran. */
    public ObservableList<Long> matches() {
        return FXCollections.unmodifiableObservableList(matches);
    }

    /** F3: the next match after the caret. */
    public void next() {
        start(true);
    }

    /** Shift+F3: the previous match before the caret. */
    public void previous() {
        start(false);
    }

    /** Selects a listed match (a click in the matches pane). */
    public void show(long offset) {
        hex.select(offset, Math.max(1, patternLength));
        status.say(position(offset), false);
    }

    public void cancel() {
        if (task != null) {
            TaskRunner.Task t = task;
            task = null;
            t.cancel();
            if (status.running.get()) {
                status.stop();
                status.say("search cancelled", false);
            }
        }
    }

    /** What one search reads and looks for: taken on the FX thread, read on the worker's. */
    private record Target(byte[] pattern, DataSource source, Content content) {
    }

    /**
     * Cancels a running search, parses the query and takes the version of the file to read;
     * null (with the reason said in place) when the text is not a pattern, no file is open or
     * the file cannot be read.
     */
    private Target prepare() {
        cancel();
        SearchQuery query;
        try {
            query = SearchQuery.parse(kind.get(), text.get());
        } catch (IllegalArgumentException e) {
            status.say(e.getMessage(), true);
            return null;
        }
        DataSource source = hex.source.get();
        if (source == null) {
            status.say("no file is open", true);
            return null;
        }
        try {
            return new Target(query.pattern(), source, Content.of(source));
        } catch (dev.structscope.model.InputException e) {
            status.say(e.oneLine(), true);
            return null;
        }
    }

    private void start(boolean forward) {
        Target target = prepare();
        if (target == null) {
            return;
        }
        DataSource source = target.source();
        Content content = target.content();
        long size = source.size();
        // Start just past the caret (forward) or just before it, so F3 steps through every match;
        // at the end of the file the search goes on from the other end (as editors do), and says so.
        long from = forward ? hex.selectionStart() + 1 : hex.selectionStart() - 1;
        byte[] pattern = target.pattern();
        begin();
        task = runner.submit(TaskRunner.Lane.WORK, "Find " + quoted(), p -> {
            ByteSearch search = new ByteSearch();
            long first = forward ? Math.max(0, size - from) : Math.max(0, from + 1);
            long at = from < 0 || from >= size ? -1 : Sources.guard(source, () -> search.find(content,
                    pattern, from, forward, done -> p.update(done, size), p::cancelled));
            if (at >= 0) {
                return new Hit(at, false);
            }
            long again = forward ? 0 : size - 1;
            long wrapped = Sources.guard(source, () -> search.find(content, pattern, again, forward,
                    done -> p.update(first + done, size), p::cancelled));
            return new Hit(wrapped, true);
        }, hit -> {
            status.stop();
            task = null;
            if (hit.at() < 0) {
                status.say("not found in the file", false);
                return;
            }
            hex.select(hit.at(), pattern.length);
            String where = matchCountWrapper.get() >= 0 ? position(hit.at())
                    : "found at 0x" + Long.toHexString(hit.at()).toUpperCase(Locale.ROOT);
            status.say(where + (!hit.wrapped() ? "" : forward ? " (wrapped past the end)" : " (wrapped past the start)"), false);
        }, this::failed, this::progressed).cancelWith(this::cancel);
    }

    /**
     * Counts every match in the file and lists the first {@link #LISTED}, in the background with
     * progress and cancel; then the message says how many, and next/previous say which one.
     */
    public void findAll() {
        Target target = prepare();
        if (target == null) {
            return;
        }
        DataSource source = target.source();
        Content content = target.content();
        byte[] pattern = target.pattern();
        long size = source.size();
        begin();
        task = runner.submit(TaskRunner.Lane.WORK, "Find all " + quoted(), p -> {
            long[][] kept = {new long[64]};
            int[] n = {0};
            long count = Sources.guard(source, () -> new ByteSearch().findAll(content, pattern, at -> {
                if (n[0] < LISTED) {
                    if (n[0] == kept[0].length) {
                        kept[0] = Arrays.copyOf(kept[0], Math.min(LISTED, 2 * n[0]));
                    }
                    kept[0][n[0]++] = at;
                }
            }, done -> p.update(done, size), p::cancelled));
            return new All(count, kept[0], n[0]);
        }, all -> done(all, pattern.length), this::failed, this::progressed).cancelWith(this::cancel);
    }

    private void done(All all, int length) {
        status.stop();
        task = null;
        patternLength = length;
        sorted = Arrays.copyOf(all.kept(), all.listed());
        matches.setAll(Arrays.stream(sorted).boxed().toList());
        matchCountWrapper.set(all.count());
        if (all.count() == 0) {
            status.say("not found in the file", false);
        } else {
            status.say(String.format(Locale.ROOT, "%,d match%s%s", all.count(), all.count() == 1 ? "" : "es",
                    all.count() > all.listed() ? String.format(Locale.ROOT, " (the first %,d listed)", all.listed()) : ""), false);
        }
    }

    /** The search text as the task list names it, cut at 40 characters. */
    private String quoted() {
        String t = text.get() == null ? "" : text.get();
        return "“" + (t.length() > 40 ? t.substring(0, 40) + "…" : t) + "”";
    }

    private String position(long at) {
        int i = Arrays.binarySearch(sorted, at);
        String hexAt = "0x" + Long.toHexString(at).toUpperCase(Locale.ROOT);
        return i >= 0 ? String.format(Locale.ROOT, "match %,d of %,d at %s", i + 1, matchCountWrapper.get(), hexAt)
                : String.format(Locale.ROOT, "found at %s (%,d matches in all)", hexAt, matchCountWrapper.get());
    }

    /** Forgets what was found, and what was said of it ("1,264 matches" of another file or query). */
    private void forget() {
        matches.clear();
        sorted = new long[0];
        matchCountWrapper.set(-1);
        if (!status.running.get()) {
            status.say("", false);
        }
    }

    private void begin() {
        status.start(0, "searching…");
    }

    private void progressed(TaskRunner.Task t) {
        if (t == task) {
            status.progressed(Math.max(0, t.fraction()));
        }
    }

    private void failed(Exception x) {
        status.stop();
        task = null;
        status.say(String.valueOf(x.getMessage()), true);
    }

    /** Where a match is (-1: none) and whether the search went round the end of the file to find it. */
    private record Hit(long at, boolean wrapped) {
    }

    /** What Find All found: every match counted, the first {@code listed} kept. */
    private record All(long count, long[] kept, int listed) {
    }
}
