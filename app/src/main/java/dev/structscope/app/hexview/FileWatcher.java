package dev.structscope.app.hexview;

import dev.structscope.io.source.DataSource;
import dev.structscope.model.InputException;
import javafx.application.Platform;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Notices when the file behind the open source changes size on disk: asks
 * {@link DataSource#checkUnchanged()} once a second on a daemon thread (a stat call, kept off the
 * FX thread) and, the first time it fails, hands the message to {@code onChanged} on the FX
 * thread, then stops until {@link #watch} is called again. Owned by the hex pane.
 */
public final class FileWatcher implements AutoCloseable {
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "structscope-file-watch");
        t.setDaemon(true);
        return t;
    });

    private final Consumer<String> onChanged;
    private ScheduledFuture<?> job;

    public FileWatcher(Consumer<String> onChanged) {
        this.onChanged = onChanged;
    }

    /** Starts watching {@code source} (stops watching the previous one). */
    public synchronized void watch(DataSource source, long periodMillis) {
        stop();
        if (source == null) {
            return;
        }
        job = TIMER.scheduleWithFixedDelay(() -> check(source), periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    /** Checks now (e.g. when the window regains focus), on the timer thread. */
    public void checkSoon(DataSource source) {
        if (source != null) {
            TIMER.execute(() -> check(source));
        }
    }

    private void check(DataSource source) {
        try {
            source.checkUnchanged();
        } catch (InputException e) {
            stop();
            Platform.runLater(() -> onChanged.accept(e.getMessage()));
        } catch (IllegalStateException e) {
            stop(); // closed meanwhile: nothing to watch
        }
    }

    public synchronized void stop() {
        if (job != null) {
            job.cancel(false);
            job = null;
        }
    }

    @Override
    public void close() {
        stop();
    }
}
