package dev.structscope.app.common;

import javafx.scene.Node;
import javafx.scene.Scene;

/**
 * Runs a view's work once, at the end of the scene's next layout pulse: for work that needs what
 * that layout decides (the cells a list or tree made, a row's indentation), such as fitting a
 * column or a divider to what is shown; and {@link Coalesced}, such work asked for often but run
 * once a pulse. The FX thread.
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

    /**
     * A node's work that runs once after the next layout pulse of the node's scene, however often
     * it is asked for before then (each change of rows asks; one fit follows). Owned by the view
     * whose node it is; FX thread.
     */
    public static final class Coalesced {
        private final Node node;
        private final Runnable work;
        /** The scene whose next pulse runs the work, or null: a node moved to another scene asks that one. */
        private Scene pendingOn;

        public Coalesced(Node node, Runnable work) {
            this.node = node;
            this.work = work;
        }

        /** Asks for the work after the next layout; true when this call scheduled it (the node has a scene). */
        public boolean request() {
            Scene scene = node.getScene();
            if (scene == null || scene == pendingOn) {
                return false;
            }
            pendingOn = scene;
            once(scene, () -> {
                if (pendingOn == scene) {
                    pendingOn = null;
                }
                work.run();
            });
            return true;
        }
    }
}
