package dev.structscope.app.common;

import javafx.scene.Node;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.FillRule;
import javafx.scene.shape.SVGPath;

/**
 * Makes icon nodes from the icons module's path data; their colour comes from the theme
 * stylesheet (style class {@code icon}), so the same icon reads in light and dark. FX thread.
 */
public final class Icons {
    private Icons() {
    }

    /** A 16×16 icon node for the path data of {@link dev.structscope.icons.IconPaths}. */
    public static Node of(String pathData) {
        SVGPath p = new SVGPath();
        p.setContent(pathData);
        p.setFillRule(FillRule.EVEN_ODD);
        p.getStyleClass().add("icon");
        StackPane box = new StackPane(p);
        box.setMinSize(16, 16);
        box.setPrefSize(16, 16);
        box.setMaxSize(16, 16);
        return box;
    }

    /** A flat icon-only tool button with a tooltip (which names its shortcut) and an id for tests. */
    public static javafx.scene.control.Button tool(String pathData, String tip, String id, Runnable action) {
        javafx.scene.control.Button b = new javafx.scene.control.Button(null, of(pathData));
        b.setId(id);
        b.setTooltip(new javafx.scene.control.Tooltip(tip));
        b.getStyleClass().addAll("flat", "button-icon");
        b.setOnAction(e -> action.run());
        return b;
    }
}
