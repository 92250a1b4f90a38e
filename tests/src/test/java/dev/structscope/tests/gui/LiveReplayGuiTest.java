package dev.structscope.tests.gui;

import dev.structscope.app.live.LiveViewModel;
import dev.structscope.io.net.PcapngWriter;
import dev.structscope.io.net.live.ConnState;
import javafx.scene.control.ChoiceBox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Replaying a recording in the window with its controls: as recorded (messages ten seconds apart,
 * so only the first arrives by itself), Pause, Step (exactly one message each), then full speed
 * for the rest. The messages are sample Ticks; their decoded time stamps are checked.
 */
class LiveReplayGuiTest extends GuiTest {
    private static final int N = 8;

    @TempDir
    Path dir;

    private LiveViewModel live() {
        return window.live.model;
    }

    private long delivered() {
        long[] n = new long[1];
        interact(() -> n[0] = live().session.get() == null ? 0 : live().session.get().store().added());
        return n[0];
    }

    private void await(String what, BooleanSupplier cond) {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!cond.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what + "; state " + live().state.get()
                        + ", delivered " + delivered());
            }
            sleep(20);
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    @Test
    void stepsThroughARecordingAsIfLive() throws Exception {
        Path rec = dir.resolve("ticks.pcapng");
        long t0 = 1_700_000_000_000_000_000L;
        try (PcapngWriter w = new PcapngWriter(rec); Arena arena = Arena.ofConfined()) {
            MemorySegment tick = arena.allocate(40);
            for (int i = 0; i < N; i++) {
                tick.set(ValueLayout.JAVA_LONG_UNALIGNED, 0, 1000L + i); // ts
                w.write(i, t0 + i * 10_000_000_000L, "127.0.0.1:9", tick);
            }
        }
        interact(() -> window.live.replay(rec, 1.0));
        await("the first message", () -> delivered() == 1);
        clickOn("#live-replay-pause");
        clickOn("#live-replay-step");
        await("one step", () -> delivered() == 2);
        clickOn("#live-replay-step");
        await("a second step", () -> delivered() == 3);
        sleep(600);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(3, delivered(), "paused: nothing more arrives by itself");
        @SuppressWarnings("unchecked")
        ChoiceBox<Double> speed = (ChoiceBox<Double>) lookup("#live-replay-speed").query();
        interact(() -> speed.setValue(Double.POSITIVE_INFINITY));
        clickOn("#live-replay-pause");
        await("the end of the recording", () -> live().state.get() instanceof ConnState.Closed c && c.why().contains("End"));
        assertEquals(N, delivered());
        interact(() -> live().publishNow());
        WaitForAsyncUtils.waitForFxEvents();
        var items = window.live.view.table.getItems();
        assertEquals(N, items.size());
        for (int i = 0; i < N; i++) {
            assertEquals(1000L + i, items.get(i).bytes().get(ValueLayout.JAVA_LONG_UNALIGNED, 0));
            assertEquals(t0 + i * 10_000_000_000L, items.get(i).epochNanos(), "recorded times are kept");
        }
    }
}
