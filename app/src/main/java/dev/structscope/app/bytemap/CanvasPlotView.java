package dev.structscope.app.bytemap;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.util.Duration;

/**
 * What the byte map's larger pictures (the byte map view, the histogram) share: a canvas that
 * fills the centre and is painted again when it is resized or the theme changes, a tooltip over
 * it that the subclass fills as the mouse moves, and the theme's colours for text and grid lines.
 * Subclasses paint and lay out the rest of the pane. FX thread.
 */
abstract class CanvasPlotView extends BorderPane {
    protected final Canvas canvas = new Canvas();
    protected final Pane plot = new Pane(canvas);
    protected final Tooltip tip = new Tooltip();
    private boolean dark;

    /** @param id the pane's node id and style class */
    CanvasPlotView(String id, double minWidth, double minHeight, double tipDelayMillis) {
        setId(id);
        getStyleClass().add(id);
        plot.setMinSize(minWidth, minHeight);
        canvas.widthProperty().bind(plot.widthProperty());
        canvas.heightProperty().bind(plot.heightProperty());
        canvas.widthProperty().addListener((o, a, b) -> widthChanged());
        canvas.heightProperty().addListener((o, a, b) -> paint());
        setCenter(plot);
        tip.setShowDelay(Duration.millis(tipDelayMillis));
        Tooltip.install(plot, tip);
    }

    /** Paints with the dark theme's text colours. */
    public void setDark(boolean dark) {
        this.dark = dark;
        paint();
    }

    protected boolean dark() {
        return dark;
    }

    /** The colour of axis labels and notes. */
    protected Color textColor() {
        return dark ? Color.web("#c9d1d9") : Color.web("#57606a");
    }

    /** The colour of grid lines and frames. */
    protected Color gridColor() {
        return dark ? Color.web("#30363d") : Color.web("#d0d7de");
    }

    /** The canvas's context, cleared for a new picture. */
    protected GraphicsContext cleared() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        return g;
    }

    /** The canvas got wider or narrower; paints again unless the subclass has more to do. */
    protected void widthChanged() {
        paint();
    }

    protected abstract void paint();
}
