package dev.structscope.tests.gui;

import dev.structscope.app.live.LiveViewModel;
import dev.structscope.io.net.live.LiveMessage;
import javafx.scene.control.TableView;
import org.testfx.util.WaitForAsyncUtils;

import java.util.function.BooleanSupplier;

/** What the live monitor's GUI tests share: the monitor's model and list, and waiting on the FX thread for a condition. */
abstract class LiveGuiBase extends GuiTest {
    LiveViewModel live() {
        return window.live.model;
    }

    TableView<LiveMessage> liveTable() {
        return window.live.view.table;
    }

    /** Waits (30 s at most) until {@code cond}, evaluated on the FX thread, holds. */
    void awaitFx(String what, BooleanSupplier cond) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (true) {
            WaitForAsyncUtils.waitForFxEvents();
            boolean[] ok = new boolean[1];
            interact(() -> ok[0] = cond.getAsBoolean());
            if (ok[0]) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what + "; state " + live().state.get());
            }
            sleep(20);
        }
    }
}
