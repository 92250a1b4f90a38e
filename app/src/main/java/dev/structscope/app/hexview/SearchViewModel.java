package dev.structscope.app.hexview;

import dev.structscope.app.common.TaskRunner;
import dev.structscope.io.source.DataSource;
import dev.structscope.io.source.Sources;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.concurrent.Task;


/**
 * Find next/previous over the hex view's source, in the background: the query (text and kind),
 * whether a search runs, its progress (0..1) and a message ("found at 0x…", "not found", the
 * parse error). A hit selects the match in the {@link HexViewModel}. One search at a time: a
 * new one cancels the running one. FX thread only; the scan runs on a daemon thread.
 */
public final class SearchViewModel {

    private final HexViewModel hex;
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ObjectProperty<SearchQuery.Kind> kind = new SimpleObjectProperty<>(this, "kind", SearchQuery.Kind.HEX);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper error = new ReadOnlyBooleanWrapper(this, "error");
    private Task<Hit> task;

    public SearchViewModel(HexViewModel hex) {
        this.hex = hex;
    }

    public StringProperty textProperty() {
        return text;
    }

    public ObjectProperty<SearchQuery.Kind> kindProperty() {
        return kind;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Whether {@link #messageProperty()} is an error (for a red mark in place). */
    public ReadOnlyBooleanProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** F3: the next match after the caret. */
    public void next() {
        start(true);
    }

    /** Shift+F3: the previous match before the caret. */
    public void previous() {
        start(false);
    }

    public void cancel() {
        if (task != null) {
            task.cancel(false);
        }
    }

    private void start(boolean forward) {
        cancel();
        SearchQuery query;
        try {
            query = SearchQuery.parse(kind.get(), text.get());
        } catch (IllegalArgumentException e) {
            say(e.getMessage(), true);
            return;
        }
        DataSource source = hex.source();
        if (source == null) {
            say("no file is open", true);
            return;
        }
        long size = source.size();
        // Start just past the caret (forward) or just before it, so F3 steps through every match;
        // at the end of the file the search goes on from the other end (as editors do), and says so.
        long from = forward ? hex.selectionStart() + 1 : hex.selectionStart() - 1;
        byte[] pattern = query.pattern();
        Task<Hit> t = new Task<>() {
            @Override
            protected Hit call() {
                ByteSearch search = new ByteSearch();
                long first = forward ? Math.max(0, size - from) : Math.max(0, from + 1);
                long at = from < 0 || from >= size ? -1 : Sources.guard(source, () -> search.find(source.segment(),
                        pattern, from, forward, done -> updateProgress(done, size), this::isCancelled));
                if (at >= 0 || isCancelled()) {
                    return new Hit(at, false);
                }
                long again = forward ? 0 : size - 1;
                long wrapped = Sources.guard(source, () -> search.find(source.segment(), pattern, again, forward,
                        done -> updateProgress(first + done, size), this::isCancelled));
                return new Hit(wrapped, true);
            }
        };
        task = t;
        running.set(true);
        progress.set(0);
        say("searching…", false);
        t.progressProperty().addListener((o, a, b) -> {
            if (task == t) {
                progress.set(Math.max(0, b.doubleValue()));
            }
        });
        t.setOnSucceeded(e -> {
            if (task != t) {
                return;
            }
            running.set(false);
            Hit hit = t.getValue();
            if (hit.at() < 0) {
                say("not found in the file", false);
            } else {
                hex.select(hit.at(), pattern.length);
                say("found at 0x" + Long.toHexString(hit.at()).toUpperCase(java.util.Locale.ROOT)
                        + (!hit.wrapped() ? "" : forward ? " (wrapped past the end)" : " (wrapped past the start)"), false);
            }
        });
        t.setOnCancelled(e -> {
            if (task == t) {
                running.set(false);
                say("search cancelled", false);
            }
        });
        t.setOnFailed(e -> {
            if (task == t) {
                running.set(false);
                say(String.valueOf(t.getException().getMessage()), true);
            }
        });
        TaskRunner.forApp().executor(TaskRunner.Lane.WORK).execute(t);
    }

    /** Where a match is (-1: none) and whether the search went round the end of the file to find it. */
    private record Hit(long at, boolean wrapped) {
    }

    private void say(String text, boolean isError) {
        message.set(text);
        error.set(isError);
    }
}
