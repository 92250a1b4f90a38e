package dev.structscope.app.hexview;

import dev.structscope.app.common.TaskRunner;
import dev.structscope.io.source.DataSource;
import dev.structscope.model.InputException;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.util.Duration;

import java.util.function.Consumer;

/**
 * Notices when the file behind the open source changes size on disk: once a second a timeline
 * on the FX thread asks the runner's files lane to call {@link DataSource#checkUnchanged()} (a
 * stat call, kept off the FX thread) and, the first time it fails, hands the message to
 * {@code onChanged} on the FX thread, then stops until {@link #watch} is called again. Owned by
 * the hex pane; FX thread.
 */
public final class FileWatcher implements AutoCloseable {
    private final Consumer<String> onChanged;
    private final TaskRunner tasks;
    private Timeline timer;
    private DataSource watched;
    /** A check is queued or running: the next tick does not pile another one behind a long save. */
    private boolean checking;

    public FileWatcher(Consumer<String> onChanged, TaskRunner tasks) {
        this.onChanged = onChanged;
        this.tasks = tasks;
    }

    /** Starts watching {@code source} (stops watching the previous one). */
    public void watch(DataSource source, long periodMillis) {
        stop();
        if (source == null) {
            return;
        }
        watched = source;
        timer = new Timeline(new KeyFrame(Duration.millis(periodMillis), e -> checkSoon(source)));
        timer.setCycleCount(Timeline.INDEFINITE);
        timer.play();
    }

    /** Checks now (e.g. when the window regains focus), on the files lane. */
    public void checkSoon(DataSource source) {
        if (source == null || checking) {
            return;
        }
        checking = true;
        tasks.submit(TaskRunner.Lane.FILES, "Checking " + source.name(), p -> {
            try {
                source.checkUnchanged();
                return null;
            } catch (IllegalStateException e) {
                return null; // closed meanwhile: nothing to watch
            }
        }, ok -> checking = false, e -> {
            checking = false;
            if (e instanceof InputException && source == watched) {
                stop();
                onChanged.accept(e.getMessage());
            }
        });
    }

    public void stop() {
        if (timer != null) {
            timer.stop();
            timer = null;
        }
        watched = null;
    }

    @Override
    public void close() {
        stop();
    }
}
