package dev.structscope.app.designer;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The designer table's width arithmetic: fill, give way, never below a minimum. */
class ColumnWidthsTest {
    /**
     * Worked examples. Spare room goes to the last column. With too little, the others give way
     * first, each in proportion to what it has above its minimum (330 asked, 230 of room: the
     * first two give 100 of the 200 they have, half each), and the last (the comment) only once
     * they are at their minimums. Minimums that do not fit are kept: the table scrolls.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void examples(String what, double[] want, double[] min, double room, double[] expected) {
        assertArrayEquals(expected, ColumnWidths.widths(want, min, room));
    }

    static Stream<org.junit.jupiter.params.provider.Arguments> examples() {
        return Stream.of(
                org.junit.jupiter.params.provider.Arguments.of("room to spare goes to the last column",
                        new double[] {100, 50, 60}, new double[] {40, 40, 40}, 400, new double[] {100, 50, 250}),
                org.junit.jupiter.params.provider.Arguments.of("the others give way first, in proportion",
                        new double[] {120, 130, 80}, new double[] {20, 30, 0}, 230, new double[] {70, 80, 80}),
                org.junit.jupiter.params.provider.Arguments.of("the last gives way once the others are at their minimums",
                        new double[] {120, 130, 80}, new double[] {20, 30, 40}, 100, new double[] {20, 30, 50}),
                org.junit.jupiter.params.provider.Arguments.of("minimums that do not fit are kept and the table scrolls",
                        new double[] {170, 150, 160}, new double[] {160, 150, 40}, 300, new double[] {160, 150, 40}));
    }

    /** Generated cases: at least the minimums; exactly the room whenever the minimums fit in it. */
    @ParameterizedTest
    @MethodSource("cases")
    void widthsKeepTheirMinimumsAndFillTheRoomWhenTheyCan(double[] want, double[] min, double room) {
        double[] w = ColumnWidths.widths(want, min, room);
        for (int i = 0; i < w.length; i++) {
            assertTrue(w[i] >= min[i], "column " + i + ": " + w[i] + " < " + min[i]);
        }
        double sum = Arrays.stream(w).sum();
        if (Arrays.stream(min).sum() <= room) {
            assertEquals(room, sum, 1e-6, Arrays.toString(w));
        } else {
            assertArrayEquals(min, w, 1e-6);
        }
    }

    static Stream<org.junit.jupiter.params.provider.Arguments> cases() {
        Random r = new Random(42);
        return IntStream.range(0, 200).mapToObj(k -> {
            int n = 1 + r.nextInt(9);
            double[] min = new double[n];
            double[] want = new double[n];
            for (int i = 0; i < n; i++) {
                min[i] = 20 + r.nextInt(200);
                want[i] = min[i] + (r.nextBoolean() ? 0 : r.nextInt(200));
            }
            return org.junit.jupiter.params.provider.Arguments.of(want, min, 100.0 + r.nextInt(1500));
        });
    }
}
