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
}
