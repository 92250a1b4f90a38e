package dev.structscope.app.plot;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The axes' ticks: round numbers, inside the range, evenly spaced, about as many as asked; whole for records. */
class PlotRendererTest {
    @ParameterizedTest
    @CsvSource({"0,1,5", "-5,105,4", "37.8,46.2,6", "1e9,1.8e19,5", "-0.003,0.002,5", "0,2000000,8", "998,1003,10"})
    void ticksAreRoundAndInside(double lo, double hi, int want) {
        for (boolean whole : new boolean[] {false, true}) {
            double[] t = PlotRenderer.ticks(lo, hi, want, whole);
            assertTrue(t.length >= 1 && t.length <= 3 * want + 2, java.util.Arrays.toString(t));
            double step = t.length > 1 ? t[1] - t[0] : 1;
            double p = Math.pow(10, Math.floor(Math.log10(step) + 1e-9));
            double f = step / p;
            assertTrue(Math.abs(f - 1) < 1e-6 || Math.abs(f - 2) < 1e-6 || Math.abs(f - 2.5) < 1e-6 || Math.abs(f - 5) < 1e-6,
                    "step " + step);
            for (int i = 0; i < t.length; i++) {
                assertTrue(t[i] >= lo - step * 1e-6 && t[i] <= hi + step * 1e-6, t[i] + " in " + lo + ".." + hi);
                assertEquals(t[0] + i * step, t[i], step * 1e-6);
                if (whole) {
                    assertEquals(Math.rint(t[i]), t[i], 1e-6, "whole ticks for records");
                }
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"1.7e18,1.700005e18", "1e13,1.2e13", "0.00001,0.00002", "-1.7e18,-1.69999e18"})
    void neighbouringTickLabelsDiffer(double lo, double hi) {
        double[] t = PlotRenderer.ticks(lo, hi, 5, false);
        double step = t.length > 1 ? t[1] - t[0] : 1;
        java.util.Set<String> labels = new java.util.HashSet<>();
        for (double v : t) {
            String l = PlotRenderer.number(v, step);
            assertTrue(labels.add(l), "label " + l + " repeats among " + java.util.Arrays.toString(t));
            // The label reads back to the tick within half a step.
            assertEquals(v, Double.parseDouble(l.replace(",", "")), step / 2, l);
        }
    }

    /**
     * No two labels of a plot overlap at any size from the smallest a view keeps to a wide
     * window: a 20-pixel-high plot once printed its caption over the x labels and its y labels
     * over each other. Text boxes are estimated as the renderer does (7 pixels a character).
     */
    @ParameterizedTest
    @CsvSource({"1300,20", "1300,65", "600,130", "300,140", "680,260", "1900,500", "220,120"})
    void labelsNeverOverlap(double width, double height) {
        java.util.List<dev.structscope.io.series.Bucket> buckets = new java.util.ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            double v = 200 + 20 * Math.sin(i / 30.0);
            buckets.add(new dev.structscope.io.series.Bucket(i * 2L + 5, 2, 2, 0, Double.toString(v - 3),
                    Double.toString(v + 3), v));
        }
        var s = new dev.structscope.io.series.SeriesResult("price", dev.structscope.io.decode.ScalarKind.FLOAT32, "float",
                5, 4000, 5000, buckets);
        var texts = PlotRenderer.render(java.util.List.of(s), width, height, PlotRenderer.Style.LIGHT, -1).shapes().stream()
                .filter(t -> t instanceof PlotScene.Text).map(t -> (PlotScene.Text) t).toList();
        assertTrue(texts.size() >= 3, "some labels at " + width + "×" + height + ": " + texts);
        for (int i = 0; i < texts.size(); i++) {
            for (int j = i + 1; j < texts.size(); j++) {
                double[] a = box(texts.get(i));
                double[] b = box(texts.get(j));
                boolean apart = a[2] <= b[0] || b[2] <= a[0] || a[3] <= b[1] || b[3] <= a[1];
                assertTrue(apart, texts.get(i).text() + " and " + texts.get(j).text() + " overlap at " + width + "×" + height);
            }
        }
    }

    /** {@code {left, top, right, bottom}} of a label whose baseline is at its y. */
    private static double[] box(PlotScene.Text t) {
        double w = t.text().length() * 7;
        double left = switch (t.align()) {
            case LEFT -> t.x();
            case CENTER -> t.x() - w / 2;
            case RIGHT -> t.x() - w;
        };
        return new double[] {left, t.y() - t.size() * 0.8, left + w, t.y() + t.size() * 0.2};
    }
}
