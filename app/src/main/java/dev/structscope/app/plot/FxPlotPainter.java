package dev.structscope.app.plot;

import dev.structscope.app.plot.PlotScene.Rgb;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * Paints a {@link PlotScene} on a JavaFX {@link javafx.scene.canvas.Canvas}: the GUI's plot. A
 * thin translation of shapes to {@link GraphicsContext} calls; nothing about the plot is decided
 * here. A Canvas, not a chart control: a scene holds a few shapes per bucket (a bucket per
 * pixel column), whatever the number of records. FX thread only.
 */
public final class FxPlotPainter {
    private FxPlotPainter() {
    }

    public static void paint(GraphicsContext g, PlotScene scene) {
        g.save();
        g.setFill(color(scene.background()));
        g.fillRect(0, 0, scene.width(), scene.height());
        g.setLineCap(StrokeLineCap.BUTT);
        g.setLineJoin(StrokeLineJoin.ROUND);
        g.setTextBaseline(VPos.BASELINE);
        for (PlotScene.Shape s : scene.shapes()) {
            switch (s) {
                case PlotScene.Polygon p -> {
                    g.setFill(color(p.fill()));
                    g.fillPolygon(p.xs(), p.ys(), p.xs().length);
                }
                case PlotScene.Polyline l -> {
                    g.setStroke(color(l.color()));
                    g.setLineWidth(l.width());
                    g.strokePolyline(l.xs(), l.ys(), l.xs().length);
                }
                case PlotScene.Rect r -> {
                    if (r.fill() != null) {
                        g.setFill(color(r.fill()));
                        g.fillRect(r.x(), r.y(), r.w(), r.h());
                    }
                    if (r.stroke() != null) {
                        g.setStroke(color(r.stroke()));
                        g.setLineWidth(1);
                        g.strokeRect(r.x(), r.y(), r.w(), r.h());
                    }
                }
                case PlotScene.Text t -> {
                    g.setFont(Font.font(Font.getDefault().getFamily(), t.bold() ? FontWeight.BOLD : FontWeight.NORMAL, t.size()));
                    g.setTextAlign(switch (t.align()) {
                        case LEFT -> TextAlignment.LEFT;
                        case CENTER -> TextAlignment.CENTER;
                        case RIGHT -> TextAlignment.RIGHT;
                    });
                    g.setFill(color(t.color()));
                    g.fillText(t.text(), t.x(), t.y());
                }
            }
        }
        g.restore();
    }

    private static Color color(Rgb c) {
        return Color.rgb(c.red(), c.green(), c.blue(), c.alpha());
    }
}
