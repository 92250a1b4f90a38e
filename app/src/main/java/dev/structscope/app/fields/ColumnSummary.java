package dev.structscope.app.fields;

import dev.structscope.io.decode.DecoderPlan;
import dev.structscope.io.source.DataSource;
import dev.structscope.io.stats.FieldStats;
import dev.structscope.io.stats.RecordStats;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

/**
 * count/min/max/mean of every leaf of the records from an offset to the end of the source,
 * computed by the engine's stats path ({@link RecordStats}) one chunk of records at a time, so
 * that progress can be reported and a cancel takes effect within one chunk (the engine's call
 * itself runs to the end of its range). Merging chunks is exact for counts, min and max; the
 * mean is the count-weighted mean of the chunk means. Plain Java; call it from a background
 * thread.
 */
public final class ColumnSummary {
    /** Bytes of records per chunk: big enough for the engine's parallel loops, small enough to cancel fast. */
    static final long CHUNK_BYTES = 64L << 20;

    private ColumnSummary() {
    }

    /**
     * @param progress told the records done so far after each chunk
     * @param cancelled polled between chunks; when true, throws {@link CancellationException}
     */
    public static RecordStats.Result compute(DataSource source, DecoderPlan plan, long offset,
                                             LongConsumer progress, BooleanSupplier cancelled) {
        long size = plan.recordSize();
        long records = size <= 0 || offset >= source.size() ? 0 : (source.size() - offset) / size;
        if (records == 0) {
            return RecordStats.compute(source, plan, Math.min(offset, source.size()));
        }
        long perChunk = Math.max(1, CHUNK_BYTES / size);
        RecordStats.Result total = null;
        for (long r = 0; r < records; r += perChunk) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("stats cancelled");
            }
            long n = Math.min(perChunk, records - r);
            RecordStats.Result part = RecordStats.compute(new WindowSource(source, offset + r * size, n * size), plan, 0);
            total = total == null ? part : merge(total, part);
            progress.accept(r + n);
        }
        long trailing = (source.size() - offset) % size;
        return new RecordStats.Result(total.records(), trailing, total.fields());
    }

    static RecordStats.Result merge(RecordStats.Result a, RecordStats.Result b) {
        List<FieldStats> out = new ArrayList<>();
        for (int i = 0; i < a.fields().size(); i++) {
            out.add(merge(a.fields().get(i), b.fields().get(i)));
        }
        return new RecordStats.Result(a.records() + b.records(), b.trailingBytes(), out);
    }

    private static FieldStats merge(FieldStats x, FieldStats y) {
        long xv = x.count() - x.nanCount();
        long yv = y.count() - y.nanCount();
        String min = pick(x.min(), y.min(), true);
        String max = pick(x.max(), y.max(), false);
        double mean = xv + yv == 0 ? Double.NaN
                : xv == 0 ? y.mean() : yv == 0 ? x.mean()
                : x.mean() * ((double) xv / (xv + yv)) + y.mean() * ((double) yv / (xv + yv));
        return new FieldStats(x.path(), x.kind(), x.count() + y.count(), x.nanCount() + y.nanCount(), min, max, mean);
    }

    private static String pick(String a, String b, boolean smaller) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        int c = a.contains("Infinity") || b.contains("Infinity")
                ? Double.compare(Double.parseDouble(a.replace("\"", "")), Double.parseDouble(b.replace("\"", "")))
                : new BigDecimal(a).compareTo(new BigDecimal(b));
        return smaller ? (c <= 0 ? a : b) : (c >= 0 ? a : b);
    }
}
