package dev.structscope.app.plot;

import java.util.List;

/**
 * A plot as data: what to draw, in pixels, on a {@code width × height} surface, from the top
 * left. Built by {@link PlotRenderer} from the buckets and a viewport, painted by a thin painter
 * per surface ({@link FxPlotPainter} for the GUI's Canvas, {@link AwtPlotPainter} for the CLI's
 * PNG), so the GUI and {@code series --png} draw the same picture. Painters only switch over
 * {@link Shape}; every decision (ticks, labels, scales, colours) is made here, once.
 * Immutable; any thread.
 */
public record PlotScene(double width, double height, Rgb background, List<Shape> shapes) {
    public PlotScene {
        shapes = List.copyOf(shapes);
    }

    /** An sRGB colour with alpha, {@code 0xAARRGGBB}. */
    public record Rgb(int argb) {
        public static Rgb of(int rgb) {
            return new Rgb(0xFF00_0000 | rgb);
        }

        public Rgb withAlpha(double a) {
            return new Rgb(((int) Math.round(Math.clamp(a, 0, 1) * 255) << 24) | (argb & 0xFF_FFFF));
        }

        public int red() {
            return argb >> 16 & 0xFF;
        }

        public int green() {
            return argb >> 8 & 0xFF;
        }

        public int blue() {
            return argb & 0xFF;
        }

        public double alpha() {
            return (argb >>> 24) / 255.0;
        }
    }

    /** Where a text's anchor point sits on the text: its left, centre or right end, on its baseline. */
    public enum Align { LEFT, CENTER, RIGHT }

    /** Something to draw. */
    public sealed interface Shape permits Polyline, Polygon, Text, Rect {
    }

    /** Connected line segments through the points ({@code xs[i], ys[i]}). */
    public record Polyline(double[] xs, double[] ys, Rgb color, double width) implements Shape {
    }

    /** A filled polygon. */
    public record Polygon(double[] xs, double[] ys, Rgb fill) implements Shape {
    }

    /** A line of text whose anchor ({@code align} of its baseline) is at ({@code x, y}); {@code size} in pixels. */
    public record Text(double x, double y, String text, Rgb color, Align align, double size, boolean bold) implements Shape {
    }

    /** A rectangle, filled when {@code fill} is set, outlined when {@code stroke} is. */
    public record Rect(double x, double y, double w, double h, Rgb fill, Rgb stroke) implements Shape {
    }
}
