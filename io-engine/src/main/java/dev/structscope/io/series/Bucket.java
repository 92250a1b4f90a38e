package dev.structscope.io.series;

import dev.structscope.io.stats.FieldStats;

/**
 * One bucket of a series: records {@code first} up to {@code first + count} (numbered from the
 * start offset) and the figures of the member over them, as {@code stats} computes them. Immutable.
 *
 * @param first  the first record's index
 * @param count  how many records the bucket holds
 * @param values how many of them gave a value (NaNs included; less than count only for dynamic
 *               records that lack the member)
 * @param nan    how many values were NaN (floating members), counted apart from min/max/mean
 * @param min    the smallest value as JSON text (exact for 64-bit integers), null when none
 * @param max    the largest, likewise
 * @param mean   the mean of the values that are numbers (NaN when none)
 */
public record Bucket(long first, long count, long values, long nan, String min, String max, double mean) {

    static Bucket of(long first, long count, FieldStats f) {
        return new Bucket(first, count, f.count(), f.nanCount(), f.min(), f.max(), f.mean());
    }

    /** Whether any value was a number (else min, max and mean are absent). */
    public boolean hasValues() {
        return min != null;
    }

    /** The minimum as a double, for drawing (NaN when absent). */
    public double low() {
        return number(min);
    }

    /** The maximum as a double, for drawing (NaN when absent). */
    public double high() {
        return number(max);
    }

    private static double number(String text) {
        if (text == null) {
            return Double.NaN;
        }
        return switch (text) {
            case "\"Infinity\"" -> Double.POSITIVE_INFINITY;
            case "\"-Infinity\"" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(text);
        };
    }

    /** {@code {"first": 0, "count": 4096, "min": .., "max": .., "mean": ..}}, plus {@code "nan"} when some were NaN. */
    void appendJson(StringBuilder sb) {
        sb.append("{\"first\": ").append(first).append(", \"count\": ").append(count)
                .append(", \"min\": ").append(min == null ? "null" : min)
                .append(", \"max\": ").append(max == null ? "null" : max)
                .append(", \"mean\": ").append(min == null ? "null" : dev.structscope.io.decode.JsonText.number(mean, false));
        if (nan > 0) {
            sb.append(", \"nan\": ").append(nan);
        }
        if (values < count) {
            sb.append(", \"values\": ").append(values);
        }
        sb.append('}');
    }
}
