package dev.structscope.app.plot;

import dev.structscope.io.series.Bucket;
import dev.structscope.io.series.SeriesResult;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * An x axis labelled by time instead of record index: a member holding Unix time (seconds,
 * milliseconds, microseconds or nanoseconds since 1970, UTC), decimated over the same records
 * and buckets as the plotted members, so the time at a tick is the smallest time in the bucket
 * that holds the tick's record. The plot stays by record (a record is a column); only the labels
 * say when. Pure; immutable.
 *
 * @param times the time member's series over the plotted range, with the plot's buckets
 * @param unit  what one unit of the member is
 */
public record TimeAxis(SeriesResult times, Unit unit) {

    /** How long one unit of a Unix time member is. */
    public enum Unit {
        S(1, "s"), MS(1e-3, "ms"), US(1e-6, "µs"), NS(1e-9, "ns");

        final double seconds;
        final String label;

        Unit(double seconds, String label) {
            this.seconds = seconds;
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** The unit by name as the CLI takes it: s, ms, us (or µs), ns. */
        public static Unit of(String name) {
            return switch (name.toLowerCase(Locale.ROOT)) {
                case "s" -> S;
                case "ms" -> MS;
                case "us", "µs" -> US;
                case "ns" -> NS;
                default -> throw new IllegalArgumentException(name);
            };
        }

        /**
         * The unit a Unix time of this size most likely has: between 2001 and 2286, seconds are
         * below 10^10, milliseconds below 10^13, microseconds below 10^16.
         */
        public static Unit guess(double v) {
            double a = Math.abs(v);
            return a < 1e11 ? S : a < 1e14 ? MS : a < 1e17 ? US : NS;
        }
    }

    /** The time axis of {@code times}, its unit guessed from its values when {@code unit} is null. */
    public static TimeAxis of(SeriesResult times, Unit unit) {
        if (unit == null) {
            double v = times.buckets().stream().filter(Bucket::hasValues).mapToDouble(Bucket::low).findFirst().orElse(0);
            unit = Unit.guess(v);
        }
        return new TimeAxis(times, unit);
    }

    /** Seconds since 1970 at record {@code record} (its bucket's earliest time), or NaN when unknown. */
    double secondsAt(double record) {
        List<Bucket> bs = times.buckets();
        int lo = 0;
        int hi = bs.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (bs.get(mid).first() <= record) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return bs.isEmpty() || !bs.get(lo).hasValues() ? Double.NaN : bs.get(lo).low() * unit.seconds;
    }

    /** A formatter fine enough for ticks {@code span} seconds apart in all. */
    static DateTimeFormatter formatFor(double span) {
        String p = span >= 3 * 86400 ? "yyyy-MM-dd" : span >= 3600 ? "MM-dd HH:mm" : span >= 60 ? "HH:mm:ss"
                : span >= 1 ? "HH:mm:ss.SSS" : "ss.SSSSSS";
        return DateTimeFormatter.ofPattern(p, Locale.ROOT).withZone(ZoneOffset.UTC);
    }

    /** The label of a tick at {@code record} with {@code format}; empty when there is no time there. */
    String label(double record, DateTimeFormatter format) {
        double s = secondsAt(record);
        if (!Double.isFinite(s) || Math.abs(s) > 3e11) {
            return "";
        }
        long whole = (long) Math.floor(s);
        long nanos = Math.round((s - whole) * 1e9);
        return format.format(Instant.ofEpochSecond(whole, Math.min(nanos, 999_999_999)));
    }

    /** The date of the range's start, UTC, for the caption. */
    String startDate() {
        double s = secondsAt(times.from());
        return Double.isFinite(s) && Math.abs(s) < 3e11
                ? DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC).format(Instant.ofEpochSecond((long) Math.floor(s)))
                : "?";
    }
}
