package dev.structscope.tests.gui;

import dev.structscope.tests.hexview.OpenData;
import dev.structscope.app.common.TaskListView;
import dev.structscope.app.common.TaskRunner;
import dev.structscope.app.hexview.DemoTypes;
import dev.structscope.app.hexview.HexPane;
import dev.structscope.model.abi.Abis;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.RandomAccessFile;
import java.nio.ByteOrder;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The status bar's task list: a Find All over a large file shows as a running task with its
 * progress, and its Cancel stops the search; when nothing runs the link is gone.
 */
@ExtendWith(ApplicationExtension.class)
class TaskListGuiTest {
    @TempDir
    Path dir;
    HexPane pane;
    TaskListView tasks;

    @Start
    void start(Stage stage) {
        pane = new HexPane();
        pane.setLibrary(DemoTypes.library(), Abis.X86_64_LINUX, ByteOrder.LITTLE_ENDIAN);
        tasks = new TaskListView(TaskRunner.forApp());
        BorderPane root = new BorderPane(pane);
        root.setBottom(tasks);
        stage.setScene(new Scene(root, 1000, 700));
        stage.show();
    }

    @AfterEach
    void dispose(FxRobot robot) {
        robot.interact(() -> pane.dispose());
    }

    @Test
    void aLongSearchIsListedWithItsProgressAndItsCancelStopsIt(FxRobot robot) throws Exception {
        Path file = dir.resolve("big.bin");
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(8L << 30); // sparse: eight gigabytes of zeros to search through
        }
        OpenData.open(robot, pane, file);
        assertFalse(tasks.isVisible(), "nothing runs yet: " + TaskRunner.forApp().active());
        robot.interact(() -> {
            pane.search().kindProperty().set(dev.structscope.app.hexview.SearchQuery.Kind.ASCII);
            pane.search().textProperty().set("never there");
            pane.findAll();
        });
        assertTrue(pane.search().status().runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(tasks.isVisible());
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
        assertFalse(pane.search().status().runningProperty().get(), "the search stopped");
    }

    /** The pop-over's row of our search (other tests' work may share the app's runner). */
    private Node findCell(FxRobot robot) {
        for (int i = 0; i < 200; i++) {
            var n = robot.from(tasks.list()).lookup(".list-cell").match(c -> c instanceof javafx.scene.control.ListCell<?> l
                    && l.getItem() instanceof TaskRunner.Task t && t.what().startsWith("Find all")).tryQuery();
            if (n.isPresent() && n.get().getScene() != null) {
                return n.get();
            }
            robot.sleep(25);
        }
        throw new AssertionError("the search is not listed: " + tasks.list().getItems());
    }
}
