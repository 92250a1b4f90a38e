package dev.structscope.app.compare;

import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * What the compare and portability panes share as panes shown in place of the designer: Escape
 * closes them (back to the designer), and showing one puts the keyboard focus in its table. FX
 * thread.
 */
final class ClosablePanes {
    private ClosablePanes() {
    }

    /** Escape in {@code pane} runs {@code close}; each time {@code showing} turns true, {@code focus} gets the focus. */
    static void install(Node pane, Runnable close, ObservableBooleanValue showing, Node focus) {
        pane.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                close.run();
                e.consume();
            }
        });
        showing.addListener((o, a, b) -> {
            if (b) {
                focus.requestFocus();
            }
        });
    }
}
