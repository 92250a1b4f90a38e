package dev.structscope.app.plot;

import dev.structscope.io.file.AtomicFile;

import dev.structscope.app.plot.PlotScene.Rgb;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Paints a {@link PlotScene} with Java2D into an image: {@code structscope series --png}. Needs no
 * display (an off-screen {@link BufferedImage}; the CLI runs with {@code java.awt.headless=true}).
 * A thin translation of shapes to {@link Graphics2D} calls; nothing about the plot is decided here.
 * Stateless; any thread.
 */
public final class AwtPlotPainter {
    private AwtPlotPainter() {
    }

    /** The scene as an RGB image of its size. */
    public static BufferedImage image(PlotScene scene) {
        BufferedImage img = new BufferedImage((int) Math.ceil(scene.width()), (int) Math.ceil(scene.height()),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            paint(g, scene);
        } finally {
            g.dispose();
        }
        return img;
    }

    /** Writes the scene as a PNG file, atomically ({@link AtomicFile}). */
    public static void writePng(PlotScene scene, Path file) {
        try {
            java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
            if (!javax.imageio.ImageIO.write(image(scene), "png", png)) {
                throw new IOException("no PNG writer");
            }
            AtomicFile.write(file, png.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void paint(Graphics2D g, PlotScene scene) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setColor(color(scene.background()));
        g.fill(new Rectangle2D.Double(0, 0, scene.width(), scene.height()));
        for (PlotScene.Shape s : scene.shapes()) {
            switch (s) {
                case PlotScene.Polygon p -> {
                    g.setColor(color(p.fill()));
                    g.fill(path(p.xs(), p.ys(), true));
                }
                case PlotScene.Polyline l -> {
                    g.setColor(color(l.color()));
                    g.setStroke(new BasicStroke((float) l.width(), BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND));
                    g.draw(path(l.xs(), l.ys(), false));
                }
                case PlotScene.Rect r -> {
                    Rectangle2D.Double rect = new Rectangle2D.Double(r.x(), r.y(), r.w(), r.h());
                    if (r.fill() != null) {
                        g.setColor(color(r.fill()));
                        g.fill(rect);
                    }
                    if (r.stroke() != null) {
                        g.setColor(color(r.stroke()));
                        g.setStroke(new BasicStroke(1));
                        g.draw(rect);
                    }
                }
                case PlotScene.Text t -> {
                    g.setFont(new Font(Font.SANS_SERIF, t.bold() ? Font.BOLD : Font.PLAIN, (int) Math.round(t.size())));
                    double w = g.getFontMetrics().getStringBounds(t.text(), g).getWidth();
                    double x = switch (t.align()) {
                        case LEFT -> t.x();
                        case CENTER -> t.x() - w / 2;
                        case RIGHT -> t.x() - w;
                    };
                    g.setColor(color(t.color()));
                    g.drawString(t.text(), (float) x, (float) t.y());
                }
            }
        }
    }

    private static Path2D path(double[] xs, double[] ys, boolean close) {
        Path2D.Double p = new Path2D.Double(Path2D.WIND_NON_ZERO, xs.length);
        for (int i = 0; i < xs.length; i++) {
            if (i == 0) {
                p.moveTo(xs[i], ys[i]);
            } else {
                p.lineTo(xs[i], ys[i]);
            }
        }
        if (close) {
            p.closePath();
        }
        return p;
    }

    private static Color color(Rgb c) {
        return new Color(c.red(), c.green(), c.blue(), (int) Math.round(c.alpha() * 255));
    }
}
