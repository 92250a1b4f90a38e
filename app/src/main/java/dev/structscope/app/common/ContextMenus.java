package dev.structscope.app.common;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;

/**
 * One way to give a control a context menu built for what was clicked: the platform's request
 * (right click, the Menu key), a secondary click on platforms that send no request (headless
 * Monocle), and Shift+F10 from the keyboard all show the same menu, once. The menu is built
 * when asked for, so it names the row or cell it acts on. FX thread.
 */
public final class ContextMenus {
    /** Builds the menu for {@code picked} (the node under the pointer, null from the keyboard); null: none. */
    @FunctionalInterface
    public interface Factory {
        ContextMenu menuFor(Node picked);
    }

    private ContextMenus() {
    }

    public static void install(Node owner, Factory factory) {
        ContextMenu[] showing = {null};
        TriConsumer show = (picked, x, y) -> {
            if (showing[0] != null && showing[0].isShowing()) {
                return false;
            }
            ContextMenu m = factory.menuFor(picked);
            if (m == null) {
                return false;
            }
            m.getItems().forEach(i -> i.setMnemonicParsing(false));
            showing[0] = m;
            m.show(owner, x, y);
            return true;
        };
        owner.addEventHandler(ContextMenuEvent.CONTEXT_MENU_REQUESTED, e -> {
            Node picked = e.isKeyboardTrigger() ? null : e.getPickResult().getIntersectedNode();
            if (show.accept(picked, e.getScreenX(), e.getScreenY())) {
                e.consume();
            }
        });
        owner.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.SECONDARY && show.accept(e.getPickResult().getIntersectedNode(),
                    e.getScreenX(), e.getScreenY())) {
                e.consume();
            }
        });
        owner.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.F10 && e.isShiftDown()) {
                Bounds b = owner.localToScreen(owner.getBoundsInLocal());
                if (b != null && show.accept(null, b.getMinX() + 40, b.getMinY() + 40)) {
                    e.consume();
                }
            }
        });
    }

    @FunctionalInterface
    private interface TriConsumer {
        boolean accept(Node picked, double x, double y);
    }
}
