package dev.structscope.app.plot;

/**
 * Where the data goes on the surface: the plot area (pixels) and the value ranges it shows,
 * records {@code [x0, x1)} across and {@code [y0, y1]} up. Maps both ways, so the renderer
 * places buckets with it and the view turns a click or a drag back into records. Pure; immutable.
 */
public record PlotViewport(double left, double top, double right, double bottom, double x0, double x1, double y0,
                           double y1) {

    /** The pixel column of record position {@code x} (a record spans {@code [i, i+1)}). */
    public double px(double x) {
        return left + (x - x0) / (x1 - x0) * (right - left);
    }

    /** The pixel row of value {@code y} (larger values higher up). */
    public double py(double y) {
        return bottom - (y - y0) / (y1 - y0) * (bottom - top);
    }

    /** The record under pixel column {@code px}, clamped to the records shown. */
    public long recordAt(double px) {
        double x = x0 + (px - left) / (right - left) * (x1 - x0);
        return (long) Math.clamp(Math.floor(x), x0, Math.max(x0, x1 - 1));
    }

    /** Whether a point lies in the plot area. */
    public boolean inside(double px, double py) {
        return px >= left && px <= right && py >= top && py <= bottom;
    }
}
