package dev.structscope.tests.hexview;

import dev.structscope.app.common.TaskRunner;
import dev.structscope.app.hexview.DataFileViewModel;
import dev.structscope.app.hexview.HexPane;
import javafx.beans.value.ChangeListener;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Opens a data file in a hex pane the way the app does — the pane's view model looks for an
 * interrupted save and maps the file on the task runner's files lane — and waits until the file
 * shows or the pane says it cannot show it, and the work the open started on the app's task
 * runner is done. A test whose file never opens fails here, naming it.
 */
public final class OpenData {
    /** How long an open may take before the test fails. */
    static final int SECONDS = 30;

    private OpenData() {
    }

    public static void open(FxRobot robot, HexPane pane, Path path) {
        open(robot, pane.file, path);
    }

    public static void open(FxRobot robot, DataFileViewModel file, Path path) {
        CountDownLatch done = new CountDownLatch(1);
        String refused = "Cannot show " + path + ":";
        ChangeListener<String> said = (o, a, b) -> {
            if (b != null && b.startsWith(refused)) {
                done.countDown();
            }
        };
        robot.interact(() -> {
            file.message.addListener(said);
            file.open(path, done::countDown);
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
        try {
            if (!done.await(SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError("waited " + SECONDS + " s in vain for " + path + " to open; the pane says: "
                        + file.message.get());
            }
            // What showing the file started (e.g. the byte map's first scan) finishes too.
            boolean[] idle = new boolean[1];
            while (true) {
                robot.interact(() -> idle[0] = TaskRunner.forApp().active.isEmpty());
                if (idle[0]) {
                    break;
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the work started by opening " + path + " is still running after "
                            + SECONDS + " s: " + TaskRunner.forApp().active.stream().map(TaskRunner.Task::what).toList());
                }
                Thread.sleep(10);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while opening " + path, e);
        } finally {
            robot.interact(() -> file.message.removeListener(said));
        }
        WaitForAsyncUtils.waitForFxEvents();
    }
}
