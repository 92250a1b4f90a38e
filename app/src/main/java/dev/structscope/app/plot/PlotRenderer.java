package dev.structscope.app.plot;

import dev.structscope.app.plot.PlotScene.Align;
import dev.structscope.app.plot.PlotScene.Polygon;
import dev.structscope.app.plot.PlotScene.Polyline;
import dev.structscope.app.plot.PlotScene.Rect;
import dev.structscope.app.plot.PlotScene.Rgb;
import dev.structscope.app.plot.PlotScene.Shape;
import dev.structscope.app.plot.PlotScene.Text;
import dev.structscope.io.series.Bucket;
import dev.structscope.io.series.SeriesResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Draws series as a {@link PlotScene}: for each member a band from each bucket's min to its max
 * and a line through its means, over axes with ticks, grid, the member's name and type, and the
 * record range. Buckets without a number (all NaN) leave a gap. The one place the plot's look is
 * decided; the GUI and {@code series --png} both paint what it returns. Pure; any thread.
 */
public final class PlotRenderer {
    private PlotRenderer() {
    }

    /** The colours of a plot: light for the PNG and the light theme, dark for the dark theme. */
    public record Style(Rgb background, Rgb frame, Rgb grid, Rgb text, Rgb selection, List<Rgb> members) {
        public static final Style LIGHT = new Style(Rgb.of(0xFFFFFF), Rgb.of(0x8C959F), Rgb.of(0xE6E9ED),
                Rgb.of(0x24292F), Rgb.of(0xCF222E), List.of(Rgb.of(0x0969DA), Rgb.of(0xBC4C00), Rgb.of(0x1A7F37),
                Rgb.of(0x8250DF), Rgb.of(0xBF3989)));
        public static final Style DARK = new Style(Rgb.of(0x0D1117), Rgb.of(0x6E7681), Rgb.of(0x21262D),
                Rgb.of(0xE6EDF3), Rgb.of(0xFF7B72), List.of(Rgb.of(0x58A6FF), Rgb.of(0xF0883E), Rgb.of(0x3FB950),
                Rgb.of(0xBC8CFF), Rgb.of(0xFF80C8)));

        /** The colour of the {@code i}th member on a plot. */
        public Rgb member(int i) {
            return members.get(Math.floorMod(i, members.size()));
        }
    }

    /** How far the band's fill lets the grid show through. */
    static final double BAND_ALPHA = 0.28;
    static final double FONT = 12;
    private static final double TOP = 30;
    private static final double RIGHT = 16;
    private static final double BOTTOM = 40;
    /** Width of a character of the label font, roughly: enough to keep tick labels clear of the axis. */
    private static final double CHAR = 7;
    /**
     * The smallest height that shows the legend, a plot area of a few label heights, the tick
     * labels and the caption without any of them touching; views keep at least this much.
     */
    public static final double MIN_HEIGHT = TOP + BOTTOM + 5 * FONT;
    /** Space left between two labels along an axis. */
    private static final double LABEL_GAP = 8;

    /**
     * The scene of {@code layers} on {@code width × height} pixels; {@code selected} (a record
     * index, or -1) is marked by a vertical line.
     */
    public static PlotScene render(List<SeriesResult> layers, double width, double height, Style style, long selected) {
        return render(layers, null, width, height, style, selected);
    }

    /** As above, the x axis labelled by {@code time} when it is given (null: by record index). */
    public static PlotScene render(List<SeriesResult> layers, TimeAxis time, double width, double height, Style style,
                                   long selected) {
        List<Shape> out = new ArrayList<>();
        PlotViewport vp = viewport(layers, width, height);
        if (vp == null) {
            out.add(new Text(width / 2, height / 2, layers.isEmpty() ? "Nothing to plot" : "No records to plot",
                    style.text(), Align.CENTER, FONT + 2, false));
            return new PlotScene(width, height, style.background(), out);
        }
        double[] yTicks = ticks(vp.y0(), vp.y1(), Math.max(1, (int) ((vp.bottom() - vp.top()) / 40)));
        double[] xTicks = ticks(vp.x0(), vp.x1(), Math.max(2, (int) ((vp.right() - vp.left()) / 110)), true);
        double yStep = yTicks.length > 1 ? yTicks[1] - yTicks[0] : 1;
        java.time.format.DateTimeFormatter timeFormat = time == null ? null
                : TimeAxis.formatFor(time.secondsAt(vp.x1() - 1) - time.secondsAt(vp.x0()));
        // A label too close to the last one drawn is left out (its grid line stays): a short or
        // narrow plot thins its labels rather than printing them over each other.
        double lastLabelY = Double.POSITIVE_INFINITY;
        for (double t : yTicks) {
            double y = crisp(vp.py(t));
            out.add(line(vp.left(), y, vp.right(), y, style.grid(), 1));
            out.add(line(vp.left() - 4, y, vp.left(), y, style.frame(), 1));
            if (lastLabelY - y >= FONT + LABEL_GAP / 2) {
                out.add(new Text(vp.left() - 6, y + FONT / 3, number(t, yStep), style.text(), Align.RIGHT, FONT, false));
                lastLabelY = y;
            }
        }
        double lastLabelRight = Double.NEGATIVE_INFINITY;
        for (double t : xTicks) {
            double x = crisp(vp.px(t));
            out.add(line(x, vp.top(), x, vp.bottom(), style.grid(), 1));
            out.add(line(x, vp.bottom(), x, vp.bottom() + 4, style.frame(), 1));
            String label = time == null ? count(t) : time.label(t, timeFormat);
            // A label that would run off the right edge ends at it instead.
            double half = label.length() * CHAR / 2;
            boolean last = x + half > width - 2;
            double left = last ? width - 2 - 2 * half : x - half;
            if (left >= lastLabelRight + LABEL_GAP) {
                out.add(new Text(last ? width - 2 : x, vp.bottom() + 6 + FONT, label, style.text(),
                        last ? Align.RIGHT : Align.CENTER, FONT, false));
                lastLabelRight = left + 2 * half;
            }
        }
        for (int i = 0; i < layers.size(); i++) {
            series(layers.get(i), vp, style.member(i), out);
        }
        if (selected >= vp.x0() && selected < vp.x1()) {
            double x = vp.px(selected + 0.5);
            out.add(line(x, vp.top(), x, vp.bottom(), style.selection(), 1.5));
        }
        out.add(new Rect(vp.left(), vp.top(), vp.right() - vp.left(), vp.bottom() - vp.top(), null, style.frame()));
        // Labels: the members with their types (the y axis's unit), the range across (the x axis's).
        double x = vp.left();
        for (int i = 0; i < layers.size(); i++) {
            SeriesResult s = layers.get(i);
            String label = s.member() + " (" + s.typeName() + ")";
            out.add(new Rect(x, TOP - 16, 10, 10, style.member(i), null));
            out.add(new Text(x + 14, TOP - 7, label, style.text(), Align.LEFT, FONT, true));
            x += 14 + label.length() * CHAR + 18;
        }
        SeriesResult first = layers.getFirst();
        String band = "mean, min–max band";
        if (x - 18 + LABEL_GAP <= vp.right() - band.length() * CHAR) {
            out.add(new Text(vp.right(), TOP - 7, band, style.frame(), Align.RIGHT, FONT, false));
        }
        String across = time == null ? "record index"
                : "time (UTC, from " + time.startDate() + ") by " + time.times().member() + " in " + time.unit().label();
        String of = first.total() >= 0 ? String.format(Locale.ROOT, " of %,d", first.total()) : "";
        String caption = caption(width, across, String.format(Locale.ROOT, "records %,d–%,d%s",
                first.from(), Math.max(first.from(), first.to() - 1), of),
                String.format(Locale.ROOT, "%,d buckets", first.buckets().size()));
        // Under the tick labels, or not at all when the surface is too short for both.
        if (caption != null && height - 6 - FONT >= vp.bottom() + 6 + FONT + 2) {
            out.add(new Text((vp.left() + vp.right()) / 2, height - 6, caption, style.text(), Align.CENTER, FONT, false));
        }
        return new PlotScene(width, height, style.background(), out);
    }

    /** The x axis's caption, its parts left out from the last while it is wider than {@code width}; null if none fits. */
    private static String caption(double width, String... parts) {
        for (int n = parts.length; n > 0; n--) {
            String c = String.join(" · ", java.util.Arrays.copyOf(parts, n));
            if (c.length() * CHAR <= width - 4) {
                return c;
            }
        }
        return null;
    }

    /** Where {@code layers} go on a {@code width × height} surface, or null when there is nothing to show. */
    public static PlotViewport viewport(List<SeriesResult> layers, double width, double height) {
        double x0 = Double.MAX_VALUE;
        double x1 = -Double.MAX_VALUE;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (SeriesResult s : layers) {
            if (s.records() == 0) {
                continue;
            }
            x0 = Math.min(x0, s.from());
            x1 = Math.max(x1, s.to());
            for (Bucket b : s.buckets()) {
                if (b.hasValues()) {
                    // Infinities are drawn at the edge; they do not stretch the scale.
                    for (double v : new double[] {b.low(), b.high(), b.mean()}) {
                        if (Double.isFinite(v)) {
                            lo = Math.min(lo, v);
                            hi = Math.max(hi, v);
                        }
                    }
                }
            }
        }
        if (x0 > x1) {
            return null;
        }
        if (lo > hi) {
            lo = 0;
            hi = 1;
        }
        double pad = hi > lo ? (hi - lo) * 0.05 : lo != 0 ? Math.abs(lo) * 0.1 : 1;
        double y0 = lo - pad;
        double y1 = hi + pad;
        double step = niceStep((y1 - y0) / 5);
        String widest = "";
        for (double t : ticks(y0, y1, 6)) {
            String s = number(t, step);
            widest = s.length() > widest.length() ? s : widest;
        }
        double left = crisp(Math.max(48, widest.length() * CHAR + 14));
        return new PlotViewport(left, crisp(TOP), crisp(Math.max(left + 10, width - RIGHT)),
                crisp(Math.max(TOP + 10, height - BOTTOM)), x0, x1, y0, y1);
    }

    private static void series(SeriesResult s, PlotViewport vp, Rgb color, List<Shape> out) {
        List<Bucket> bs = s.buckets();
        int i = 0;
        while (i < bs.size()) {
            if (!bs.get(i).hasValues()) {
                i++;
                continue;
            }
            int j = i;
            while (j < bs.size() && bs.get(j).hasValues()) {
                j++;
            }
            run(bs.subList(i, j), vp, color, out);
            i = j;
        }
    }

    /** One run of buckets with values: the band (edges stepping bucket by bucket) and the mean line. */
    private static void run(List<Bucket> bs, PlotViewport vp, Rgb color, List<Shape> out) {
        int n = bs.size();
        double[] xs = new double[4 * n];
        double[] ys = new double[4 * n];
        for (int k = 0; k < n; k++) {
            Bucket b = bs.get(k);
            double l = vp.px(b.first());
            double r = vp.px(b.first() + b.count());
            double top = y(vp, b.high());
            double bottom = y(vp, b.low());
            xs[2 * k] = l;
            ys[2 * k] = top;
            xs[2 * k + 1] = r;
            ys[2 * k + 1] = top;
            xs[4 * n - 1 - 2 * k] = l;
            ys[4 * n - 1 - 2 * k] = bottom;
            xs[4 * n - 2 - 2 * k] = r;
            ys[4 * n - 2 - 2 * k] = bottom;
        }
        out.add(new Polygon(xs, ys, color.withAlpha(BAND_ALPHA)));
        double[] mx;
        double[] my;
        if (n == 1) {
            // A single bucket: its mean across the bucket's width.
            Bucket b = bs.getFirst();
            mx = new double[] {vp.px(b.first()), vp.px(b.first() + b.count())};
            my = new double[] {y(vp, b.mean()), y(vp, b.mean())};
        } else {
            mx = new double[n];
            my = new double[n];
            for (int k = 0; k < n; k++) {
                Bucket b = bs.get(k);
                mx[k] = vp.px(b.first() + b.count() / 2.0);
                my[k] = y(vp, b.mean());
            }
        }
        out.add(new Polyline(mx, my, color, 1.5));
    }

    /** The row of {@code v}, kept just outside the plot area for values beyond it (infinities). */
    private static double y(PlotViewport vp, double v) {
        return Math.clamp(vp.py(v), vp.top() - 1, vp.bottom() + 1);
    }

    /** The centre of the pixel at {@code v}: a 1-pixel line there covers one row or column, sharp, on both painters. */
    private static double crisp(double v) {
        return Math.floor(v) + 0.5;
    }

    private static Polyline line(double x0, double y0, double x1, double y1, Rgb c, double w) {
        return new Polyline(new double[] {x0, x1}, new double[] {y0, y1}, c, w);
    }

    /** Round values (1, 2, 2.5 or 5 times a power of ten apart) inside {@code [lo, hi]}, about {@code want} of them. */
    static double[] ticks(double lo, double hi, int want) {
        return ticks(lo, hi, want, false);
    }

    /** As above; {@code whole}: whole numbers only (record indices), at least 1 apart. */
    static double[] ticks(double lo, double hi, int want, boolean whole) {
        double step = niceStep((hi - lo) / Math.max(1, want));
        if (whole) {
            step = step < 1 ? 1 : step == 2.5 ? 2 : step;
        }
        double first = Math.ceil(lo / step) * step;
        List<Double> out = new ArrayList<>();
        for (int k = 0; k < 1000; k++) {
            double t = first + k * step;
            if (t > hi + step * 1e-9) {
                break;
            }
            out.add(Math.abs(t) < step * 1e-9 ? 0 : t);
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    static double niceStep(double raw) {
        if (!(raw > 0) || !Double.isFinite(raw)) {
            return 1;
        }
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / p;
        return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10) * p;
    }

    /** A tick value, with as many decimals as the step needs; scientific when very large or small. */
    static String number(double v, double step) {
        double a = Math.abs(v);
        if (v != 0 && (a >= 1e12 || a < 1e-4)) {
            // Enough significant digits that neighbouring ticks differ: nanosecond timestamps near
            // 1.7e18 with a step of 1e12 need seven, not three.
            int digits = (int) Math.max(3, Math.min(17,
                    Math.floor(Math.log10(a)) - Math.floor(Math.log10(Math.max(step, Double.MIN_NORMAL))) + 1));
            return String.format(Locale.ROOT, "%." + digits + "g", v).replace("e+", "e");
        }
        int decimals = (int) Math.max(0, Math.min(10, -Math.floor(Math.log10(step) + 1e-9)));
        return String.format(Locale.ROOT, "%,." + decimals + "f", v);
    }

    /** A record index for the x axis: 1,500 / 250k / 1.5M / 3.2G. */
    static String count(double v) {
        double a = Math.abs(v);
        if (a >= 1e9) {
            return trim(v / 1e9) + "G";
        }
        if (a >= 1e6) {
            return trim(v / 1e6) + "M";
        }
        if (a >= 1e5) {
            return trim(v / 1e3) + "k";
        }
        return String.format(Locale.ROOT, "%,d", (long) v);
    }

    private static String trim(double v) {
        String s = String.format(Locale.ROOT, "%.2f", v);
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }
}
