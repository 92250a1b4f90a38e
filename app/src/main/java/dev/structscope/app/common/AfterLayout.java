package dev.structscope.app.common;

import javafx.scene.Scene;

/**
 * Runs a view's work once, at the end of the scene's next layout pulse: for work that needs what
 * that layout decides (the cells a list or tree made, a row's indentation), such as fitting a
 * column or a divider to what is shown. Static only; the FX thread.
 */
public final class AfterLayout {
    private AfterLayout() {
    }

    /** Runs {@code work} once after the next layout pulse of {@code scene}. */
    public static void once(Scene scene, Runnable work) {
        Runnable[] self = new Runnable[1];
        self[0] = () -> {
            scene.removePostLayoutPulseListener(self[0]);
            work.run();
        };
        scene.addPostLayoutPulseListener(self[0]);
    }
}
