package dev.structscope.tests.gui;

import dev.structscope.tests.hexview.HexPaneGuiBase;
import dev.structscope.tests.hexview.OpenData;
import dev.structscope.app.common.TaskListView;
import dev.structscope.app.common.TaskRunner;
import dev.structscope.app.hexview.HexPane;
import javafx.beans.value.ChangeListener;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.BorderPane;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import java.io.RandomAccessFile;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The status bar's task list: a Find All over a large file shows as a running task with its
 * progress, and its Cancel stops the search; when nothing runs the link is gone, and work that
 * ends sooner than {@link TaskListView#SHOWN_AFTER} (the once-a-second check that the file is
 * unchanged, a caret move's decode) never shows.
 */
class TaskListGuiTest extends HexPaneGuiBase {
    TaskListView tasks;

    @Override
    protected Parent root(HexPane pane) {
        tasks = new TaskListView(TaskRunner.forApp());
        BorderPane root = new BorderPane(withDemoTypes(pane));
        root.setBottom(tasks);
        return root;
    }

    @Test
    void aLongSearchIsListedWithItsProgressAndItsCancelStopsIt(FxRobot robot) throws Exception {
        Path file = dir.resolve("big.bin");
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(8L << 30); // sparse: eight gigabytes of zeros to search through
        }
        OpenData.open(robot, pane, file);
        // The file watcher's check runs every second: it comes and goes, unlisted.
        boolean[] everShown = new boolean[1];
        ChangeListener<Boolean> watch = (o, was, now) -> everShown[0] |= now;
        robot.interact(() -> tasks.visibleProperty().addListener(watch));
        robot.sleep(2500);
        robot.interact(() -> tasks.visibleProperty().removeListener(watch));
        assertFalse(everShown[0] || tasks.isVisible(), "nothing long runs yet, so nothing is listed");
        robot.interact(() -> {
            pane.search.kind.set(dev.structscope.app.hexview.SearchQuery.Kind.ASCII);
            pane.search.text.set("never there");
            pane.findAll();
        });
        assertTrue(pane.search.status.running.get());
        for (int i = 0; i < 200 && !tasks.isVisible(); i++) {
            robot.sleep(25);
        }
        assertTrue(tasks.isVisible(), "the search is listed once it has run a moment");
        assertTrue(tasks.getText().matches("\\d+ tasks? running"), tasks.getText());
        robot.clickOn(tasks);
        Node cell = findCell(robot);
        ProgressBar bar = robot.from(cell).lookup(".progress-bar").queryAs(ProgressBar.class);
        // Progress arrives as the search goes (a fraction of the file, not indeterminate).
        for (int i = 0; i < 200 && bar.getProgress() <= 0; i++) {
            robot.sleep(25);
        }
        assertTrue(bar.getProgress() > 0 && bar.getProgress() < 1, "progress " + bar.getProgress());
        // Found again just before use: other work on the app's shared runner may come and go and
        // re-lay the list's cells meanwhile.
        Button cancel = robot.from(findCell(robot)).lookup(".button").queryAs(Button.class);
        assertEquals("Cancel", cancel.getText());
        assertTrue(cancel.isVisible());
        robot.interact(cancel::fire);
        for (int i = 0; i < 400 && tasks.isVisible(); i++) {
            robot.sleep(25);
        }
        assertFalse(tasks.isVisible(), "the cancelled search left the list");
        assertFalse(pane.search.status.running.get(), "the search stopped");
    }

    /** The pop-over's row of our search (other tests' work may share the app's runner). */
    private Node findCell(FxRobot robot) {
        for (int i = 0; i < 200; i++) {
            var n = robot.from(tasks.list).lookup(".list-cell").match(c -> c instanceof javafx.scene.control.ListCell<?> l
                    && l.getItem() instanceof TaskRunner.Task t && t.what().startsWith("Find all")).tryQuery();
            if (n.isPresent() && n.get().getScene() != null) {
                return n.get();
            }
            robot.sleep(25);
        }
        throw new AssertionError("the search is not listed: " + tasks.list.getItems());
    }
}
