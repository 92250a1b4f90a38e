package dev.structscope.app.compare;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import java.util.List;

/**
 * The header row of the comparison and portability views: the title and what goes with it on the
 * left, buttons on the right, a Close button last (the views' way back). Built by the view that
 * shows it; FX thread.
 */
final class PaneHeader {
    private PaneHeader() {
    }

    /**
     * @param closeId  the Close button's id (for tests)
     * @param closeTip its tooltip, which names where it goes back to
     */
    static HBox of(List<Node> left, List<Node> right, String closeId, String closeTip, Runnable close) {
        Button closeButton = new Button("Close");
        closeButton.setId(closeId);
        closeButton.setTooltip(new Tooltip(closeTip));
        closeButton.setOnAction(e -> close.run());
        closeButton.setMinWidth(Region.USE_PREF_SIZE);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox header = new HBox(10);
        header.getChildren().addAll(left);
        header.getChildren().add(grow);
        header.getChildren().addAll(right);
        header.getChildren().add(closeButton);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("pane-header");
        return header;
    }
}
