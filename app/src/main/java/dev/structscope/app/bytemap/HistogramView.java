package dev.structscope.app.bytemap;

import dev.structscope.io.bytemap.ByteClass;
import dev.structscope.io.bytemap.ByteScan;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import java.util.Locale;

/**
 * The byte histogram of the selection (of the whole file while only the caret is set): 256 bars,
 * one per byte value, coloured by {@link ByteClass} as in the strip, on a linear or logarithmic
 * scale; a line above says which range, how many distinct values and the range's entropy, and
 * the tooltip gives a bar's count.
 *
 * <p>A canvas rather than a {@code BarChart}: a chart makes a node, a CSS pass and a category
 * label per bar — 256 of each, re-laid out whenever the selection moves — and its category axis
 * cannot label only every 32nd value; the canvas draws 256 rectangles. Binds to a
 * {@link ByteMapViewModel}; FX thread.
 */
public final class HistogramView extends CanvasPlotView {
    private final ByteMapViewModel vm;
    public final Label summaryLabel = new Label();
    private final CheckBox log = new CheckBox("Log scale");

    private static final double LEFT = 46;
    /** Room between the axis and the first bar: the 0x00 bar, often the tallest, otherwise reads as the axis. */
    private static final double GAP = 3;
    private static final double BOTTOM = 18;
    private static final double TOP = 8;

    public HistogramView(ByteMapViewModel vm) {
        super("byte-histogram", 120, 80, 150);
        this.vm = vm;
        summaryLabel.setId("byte-histogram-summary");
        summaryLabel.setWrapText(true);
        summaryLabel.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        summaryLabel.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(summaryLabel, Priority.ALWAYS);
        log.setId("byte-histogram-log");
        log.setSelected(true);
        log.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        log.setTooltip(new Tooltip("A logarithmic scale shows rare values beside a flood of zeros"));
        log.selectedProperty().addListener((o, a, b) -> paint());
        ProgressBar bar = new ProgressBar();
        bar.progressProperty().bind(vm.histogramProgress);
        bar.visibleProperty().bind(vm.histogramProgress.greaterThanOrEqualTo(0));
        bar.managedProperty().bind(bar.visibleProperty());
        bar.setPrefWidth(80);
        bar.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox top = new HBox(8, summaryLabel, bar, log);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(4, 6, 2, 6));
        setTop(top);
        plot.addEventHandler(MouseEvent.MOUSE_MOVED, e -> tip.setText(describe(valueAt(e.getX()))));
        vm.histogram.addListener((o, a, b) -> {
            summaryLabel.setText(summaryText(b));
            paint();
        });
        summaryLabel.setText(summaryText(vm.histogram.get()));
    }

    /** The byte value under x, or -1 outside the bars. */
    int valueAt(double x) {
        double w = canvas.getWidth() - LEFT - GAP - 6;
        int v = (int) Math.floor((x - LEFT - GAP) / w * 256);
        return v < 0 || v > 255 ? -1 : v;
    }

    static String summaryText(ByteMapViewModel.Histogram h) {
        if (h == null) {
            return "Select bytes to see how often each value occurs in them.";
        }
        long[] c = h.counts();
        int top = 0;
        for (int b = 1; b < 256; b++) {
            if (c[b] > c[top]) {
                top = b;
            }
        }
        String range = h.wholeFile() ? "Whole file" : String.format(Locale.ROOT, "Selection 0x%X–0x%X", h.offset(),
                h.offset() + h.length() - 1);
        return String.format(Locale.ROOT, "%s, %,d bytes: %d distinct values, entropy %.2f bits/byte; most common 0x%02X (%.1f%%)",
                range, h.length(), h.distinct(), ByteScan.entropy(c), top, 100.0 * c[top] / Math.max(1, h.length()));
    }

    private String describe(int v) {
        ByteMapViewModel.Histogram h = vm.histogram.get();
        if (h == null || v < 0) {
            return "";
        }
        String ch = v >= 0x20 && v < 0x7F ? " '" + (char) v + "'" : "";
        return String.format(Locale.ROOT, "0x%02X (%d)%s, %s: %,d bytes (%.2f%%)", v, v, ch,
                ByteClass.of(v).name().toLowerCase(Locale.ROOT), h.count(v), 100.0 * h.count(v) / Math.max(1, h.length()));
    }

    @Override
    protected void paint() {
        GraphicsContext g = cleared();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        Color text = textColor();
        Color grid = gridColor();
        double pw = w - LEFT - GAP - 6;
        double ph = h - TOP - BOTTOM;
        if (pw < 20 || ph < 20) {
            return;
        }
        g.setFont(Font.font(11));
        g.setStroke(grid);
        g.setLineWidth(1);
        g.strokeLine(LEFT - 0.5, TOP, LEFT - 0.5, TOP + ph);
        g.strokeLine(LEFT, TOP + ph + 0.5, LEFT + GAP + pw, TOP + ph + 0.5);
        g.setFill(text);
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.CENTER);
        for (int v = 0; v <= 256; v += 32) {
            double x = LEFT + GAP + (Math.min(v, 255) + 0.5) / 256 * pw;
            g.fillText(String.format(Locale.ROOT, "%02X", Math.min(v, 255)), x, TOP + ph + 3);
        }
        ByteMapViewModel.Histogram hist = vm.histogram.get();
        if (hist == null || hist.length() == 0) {
            return;
        }
        boolean logScale = log.isSelected();
        long max = hist.max();
        double top = logScale ? Math.log10(max + 1.0) : max;
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(shortCount(max), LEFT - 4, TOP + 5);
        g.fillText("0", LEFT - 4, TOP + ph);
        if (logScale) {
            for (long d = 10; d < max; d *= 10) {
                double y = TOP + ph - Math.log10(d + 1.0) / top * ph;
                g.setStroke(grid);
                g.strokeLine(LEFT, Math.round(y) + 0.5, LEFT + GAP + pw, Math.round(y) + 0.5);
                if (y > TOP + 14 && y < TOP + ph - 10) {
                    g.fillText(shortCount(d), LEFT - 4, y);
                }
            }
        }
        double bw = pw / 256;
        for (int v = 0; v < 256; v++) {
            long c = hist.count(v);
            if (c == 0) {
                continue;
            }
            double frac = logScale ? Math.log10(c + 1.0) / top : (double) c / max;
            double bh = Math.max(1, frac * ph);
            g.setFill(ByteMapColors.of(ByteClass.of(v)));
            g.fillRect(LEFT + GAP + v * bw, TOP + ph - bh, Math.max(1, bw - (bw > 3 ? 1 : 0)), bh);
        }
        // Pale bars (0xFF) need an edge on a light background.
        if (hist.count(255) > 0 && !dark()) {
            double frac = logScale ? Math.log10(hist.count(255) + 1.0) / top : (double) hist.count(255) / max;
            double bh = Math.max(1, frac * ph);
            g.setStroke(Color.web("#8c959f"));
            g.strokeRect(LEFT + GAP + 255 * bw + 0.5, TOP + ph - bh + 0.5, Math.max(1, bw - 1), bh - 1);
        }
    }

    private static String shortCount(long n) {
        return n >= 10_000_000 ? String.format(Locale.ROOT, "%.0fM", n / 1e6)
                : n >= 10_000 ? String.format(Locale.ROOT, "%.0fk", n / 1e3) : Long.toString(n);
    }
}
