/**
 * The plot of members over the records, in the window and as {@code series --png}.
 *
 * <p>Drawn by a renderer of its own, not JavaFX charts: a {@code LineChart} makes a node per data
 * point and lays them all out, cannot draw a min/max band without an area series per gap, and
 * cannot draw the same picture headless for the CLI. {@link dev.structscope.app.plot.PlotRenderer}
 * turns series and a size into a {@link dev.structscope.app.plot.PlotScene} — polygons for the
 * bands, polylines for the means, grid, axes and texts — making every decision (value range,
 * round ticks of 1, 2, 2.5, 5 × 10^k, labels, colours of both themes, gaps where a bucket has no
 * number) once, in pure code; {@link dev.structscope.app.plot.PlotViewport} maps records and values
 * to pixels and back (also the click's hit test). Two thin painters switch over the scene's sealed
 * shapes: {@link dev.structscope.app.plot.FxPlotPainter} (a {@code Canvas}) and {@link
 * dev.structscope.app.plot.AwtPlotPainter} (Java2D into a {@code BufferedImage}, with
 * {@code java.awt.headless=true}). A scene holds a few points per bucket, never per record.
 *
 * <p>{@link dev.structscope.app.plot.PlotViewModel} holds the members, range, series, selection
 * and time axis and knows no view; decimation ({@code io.series}) runs on the task runner's work
 * lane. FX thread.
 */
package dev.structscope.app.plot;
