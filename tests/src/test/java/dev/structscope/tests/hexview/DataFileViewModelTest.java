package dev.structscope.tests.hexview;

import dev.structscope.app.hexview.DataFileViewModel;
import dev.structscope.app.hexview.HexPane;
import dev.structscope.io.source.DataSource;
import dev.structscope.io.source.InMemorySource;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The data pane's file state without looking at nodes: open in the background, say why a file
 * cannot show, notice a change on disk, reload to the same place, own only what it opened.
 */
@ExtendWith(ApplicationExtension.class)
class DataFileViewModelTest {
    @TempDir
    Path dir;
    HexPane pane;
    DataFileViewModel file;

    @Start
    void start(Stage stage) {
        pane = new HexPane();
        file = pane.file;
    }

    @AfterEach
    void dispose(FxRobot robot) {
        robot.interact(() -> pane.dispose());
    }

    private static void await(java.util.concurrent.Callable<Boolean> c) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, c);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void opensInTheBackgroundAndSaysWhatShows(FxRobot robot) throws Exception {
        Path f = dir.resolve("blob.bin");
        Files.write(f, new byte[3000]);
        assertEquals("Open a binary file (Ctrl+Shift+O) to see its bytes.", file.message.get());
        assertEquals("no file", file.fileLabel.get());
        robot.interact(() -> file.open(f));
        await(() -> pane.model.source.get() != null);
        assertNull(file.message.get(), "the bytes show, no message over them");
        assertEquals("blob.bin  2.9 KiB", file.fileLabel.get());
        assertEquals(f, file.openedPath());
        assertTrue(file.status.get().startsWith("caret 0x0 (0)"), file.status.get());
        robot.interact(() -> pane.model.moveTo(0x20, false));
        assertTrue(file.status.get().startsWith("caret 0x20 (32)"), file.status.get());
    }

    @Test
    void aFileThatCannotShowSaysWhyInPlace(FxRobot robot) throws Exception {
        Path missing = dir.resolve("nope.bin");
        robot.interact(() -> file.open(missing));
        await(() -> file.message.get() != null && file.message.get().startsWith("Cannot show"));
        assertTrue(file.message.get().contains(missing.toString()), file.message.get());
        assertEquals("nope.bin", file.fileLabel.get());
        assertNull(pane.model.source.get());
        Path empty = dir.resolve("empty.bin");
        Files.write(empty, new byte[0]);
        robot.interact(() -> file.open(empty));
        await(() -> file.message.get() != null && file.message.get().contains("empty.bin:"));
    }

    @Test
    void aChangeOnDiskRaisesTheBannerAndReloadComesBackToTheSamePlace(FxRobot robot) throws Exception {
        Path f = dir.resolve("grow.bin");
        Files.write(f, new byte[4096]);
        robot.interact(() -> file.open(f));
        await(() -> pane.model.source.get() != null);
        robot.interact(() -> pane.model.moveTo(1000, false));
        Files.write(f, new byte[8192]);
        robot.interact(file::checkSoon);
        await(() -> file.banner.get() != null);
        assertTrue(file.banner.get().contains("reload to see the new contents"), file.banner.get());
        DataSource before = pane.model.source.get();
        robot.interact(file::reload);
        await(() -> pane.model.source.get() != before && pane.model.source.get() != null);
        assertNull(file.banner.get());
        assertEquals(1000, pane.model.caret());
        assertEquals("grow.bin  8.0 KiB", file.fileLabel.get());
    }

    @Test
    void ownsWhatItOpenedButNotWhatItWasGiven(FxRobot robot) throws Exception {
        Path f = dir.resolve("a.bin");
        Files.write(f, new byte[64]);
        OpenData.open(robot, file, f);
        DataSource opened = pane.model.source.get();
        assertNotNull(opened);
        InMemorySource given = new InMemorySource("live message", new byte[16]);
        robot.interact(() -> file.setSource(given));
        assertNull(file.openedPath());
        assertEquals("live message  16 B", file.fileLabel.get());
        robot.interact(() -> file.setSource(null));
        assertEquals("Open a binary file (Ctrl+Shift+O) to see its bytes.", file.message.get());
        assertEquals(16, given.size(), "a caller's source stays open");
        given.slice(0, 4);
        OpenData.open(robot, file, f);
        DataSource reopened = pane.model.source.get();
        robot.interact(() -> file.dispose());
        assertThrows(IllegalStateException.class, () -> reopened.slice(0, 4).get(java.lang.foreign.ValueLayout.JAVA_BYTE, 0),
                "dispose closes what the pane opened");
    }
}
