package dev.structscope.columnar;

import dev.structscope.io.decode.Layouts;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.column.page.PageWriter;
import org.apache.parquet.column.statistics.DoubleStatistics;
import org.apache.parquet.column.statistics.FloatStatistics;
import org.apache.parquet.column.statistics.IntStatistics;
import org.apache.parquet.column.statistics.LongStatistics;
import org.apache.parquet.column.statistics.SizeStatistics;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.column.statistics.geospatial.GeospatialStatistics;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;

import java.io.IOException;
import java.lang.foreign.MemorySegment;

/**
 * The pages of one paged leaf of one fixed-record group ({@link ParquetOut}): a plain 4- or 8-byte
 * value once per record, outside lists and never null, so that a data page (format 1.0) is just the
 * values, PLAIN-encoded: little-endian, as the gather loop copies them. No column writer is
 * involved: the page is filled in place by the generated copy, its statistics computed over it, and
 * it goes to parquet-java's page writer (which compresses it and keeps the column and offset
 * indexes) as the column writer would hand it over: the same encodings (BIT_PACKED levels of
 * maximum 0, PLAIN values), statistics and size statistics. NaNs keep their bits, as the column
 * writer keeps them (its PLAIN writer stores the raw bits).
 *
 * <p>Used by the thread that builds the group: the copy fills {@link #segment} from record 0 of
 * the page, {@link #writePage} hands the first records over and the page is filled again.
 */
final class ParquetPage {
    /**
     * Records per data page of a paged leaf: parquet-java's own default page row limit (20,000),
     * so that pages are the same as the column writers make for the other columns and a reader
     * that skips pages by the column index skips the same amounts.
     */
    static final int ROWS = ParquetProperties.DEFAULT_PAGE_ROW_COUNT_LIMIT;

    private final PrimitiveType type;
    private final PageWriter out;
    private final int bytes;
    private final byte[] page;
    final MemorySegment segment;

    ParquetPage(ColumnDescriptor column, PageWriter out, int bytes) {
        this.type = column.getPrimitiveType();
        this.out = out;
        this.bytes = bytes;
        this.page = new byte[ROWS * bytes];
        this.segment = MemorySegment.ofArray(page);
    }

    /** Hands the first {@code n} records' values of {@link #segment} to the page writer as one page. */
    void writePage(int n) throws IOException {
        Statistics<?> stats = Statistics.createStats(type);
        MemorySegment p = segment;
        boolean unsigned = type.getLogicalTypeAnnotation() instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation i
                && !i.isSigned();
        switch (type.getPrimitiveTypeName()) {
            case INT32 -> {
                // min/max in the column's order (unsigned: sign bit flipped), then given to the statistics.
                int flip = unsigned ? Integer.MIN_VALUE : 0;
                int min = Integer.MAX_VALUE;
                int max = Integer.MIN_VALUE;
                for (int i = 0; i < n; i++) {
                    int v = p.get(Layouts.I32_LE, (long) i * 4) ^ flip;
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
                ((IntStatistics) stats).updateStats(min ^ flip);
                ((IntStatistics) stats).updateStats(max ^ flip);
            }
            case INT64 -> {
                long flip = unsigned ? Long.MIN_VALUE : 0;
                long min = Long.MAX_VALUE;
                long max = Long.MIN_VALUE;
                for (int i = 0; i < n; i++) {
                    long v = p.get(Layouts.I64_LE, (long) i * 8) ^ flip;
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
                ((LongStatistics) stats).updateStats(min ^ flip);
                ((LongStatistics) stats).updateStats(max ^ flip);
            }
            // Floating: min/max over the numbers (Math.min/max order -0.0 before +0.0, as the
            // statistics' own order does; their -0/+0 normalisation is monotone, so the
            // extremes alone give the same result), NaNs counted by the statistics one by one.
            // Floats are widened to double for the scan, which is exact, so the extremes narrow back exactly.
            case FLOAT -> {
                FloatStatistics f = (FloatStatistics) stats;
                double[] range = numberRange(n, i -> p.get(Layouts.F32_LE, (long) i * 4),
                        () -> f.updateStats(Float.NaN));
                if (range != null) {
                    f.updateStats((float) range[0]);
                    f.updateStats((float) range[1]);
                }
            }
            case DOUBLE -> {
                DoubleStatistics f = (DoubleStatistics) stats;
                double[] range = numberRange(n, i -> p.get(Layouts.F64_LE, (long) i * 8),
                        () -> f.updateStats(Double.NaN));
                if (range != null) {
                    f.updateStats(range[0]);
                    f.updateStats(range[1]);
                }
            }
            default -> throw new IllegalStateException("not a paged type: " + type);
        }
        out.writePage(BytesInput.from(page, 0, n * bytes), n, n, stats,
                SizeStatistics.newBuilder(type, 0, 0).build(),
                GeospatialStatistics.noopBuilder().build(),
                Encoding.BIT_PACKED, Encoding.BIT_PACKED,
                Encoding.PLAIN);
    }

    /**
     * Min and max of the {@code n} values {@code value} reads, NaNs left out and reported to
     * {@code nan} one by one; null when every value is NaN (or there are none).
     */
    private static double[] numberRange(int n, java.util.function.IntToDoubleFunction value, Runnable nan) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        boolean any = false;
        for (int i = 0; i < n; i++) {
            double v = value.applyAsDouble(i);
            if (v != v) {
                nan.run();
            } else {
                min = Math.min(min, v);
                max = Math.max(max, v);
                any = true;
            }
        }
        return any ? new double[] {min, max} : null;
    }
}
