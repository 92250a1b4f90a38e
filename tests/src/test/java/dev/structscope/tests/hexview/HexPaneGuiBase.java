package dev.structscope.tests.hexview;

import dev.structscope.app.hexview.DemoTypes;
import dev.structscope.app.hexview.HexPane;
import dev.structscope.model.abi.Abis;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.ByteOrder;
import java.nio.file.Path;

/**
 * Base of the headless tests that drive a hex explorer pane of their own: before every test a new
 * {@link HexPane} fills a stage at the screen's origin (inside whatever {@link #root} puts around
 * it), and after the test the pane is disposed. The pane belongs to the FX thread; tests reach it
 * through {@code robot.interact}. Files a test writes go to {@link #dir}.
 */
@ExtendWith(ApplicationExtension.class)
public abstract class HexPaneGuiBase {
    @TempDir
    protected Path dir;
    protected HexPane pane;

    // Not a @Start method: ApplicationExtension looks for those in the test class itself only.
    @BeforeEach
    void showPane() throws Exception {
        FxToolkit.setupStage(stage -> {
            pane = new HexPane();
            show(stage, root(pane));
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void dispose(FxRobot robot) {
        robot.interact(() -> pane.dispose());
    }

    /** What the stage shows, made on the FX thread before it shows: the pane alone unless a test needs more around it. */
    protected Parent root(HexPane pane) {
        return pane;
    }

    /** {@code pane} with the demo types (Tick and its kin) as its library, for x86-64 Linux, little-endian. */
    public static HexPane withDemoTypes(HexPane pane) {
        pane.setLibrary(DemoTypes.library(), Abis.X86_64_LINUX, ByteOrder.LITTLE_ENDIAN);
        return pane;
    }

    /** Shows {@code root} in {@code stage} at 1260×760 with its corner at the screen's origin, where the tests' points are reckoned. */
    static void show(Stage stage, Parent root) {
        stage.setScene(new Scene(root, 1260, 760));
        stage.setX(0);
        stage.setY(0);
        stage.show();
    }
}
