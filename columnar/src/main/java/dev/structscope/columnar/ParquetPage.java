package dev.structscope.columnar;

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
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.function.DoubleConsumer;

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

    private static final VarHandle I32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle I64 = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle F32 = MethodHandles.byteArrayViewVarHandle(float[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle F64 = MethodHandles.byteArrayViewVarHandle(double[].class, ByteOrder.LITTLE_ENDIAN);

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
        boolean unsigned = type.getLogicalTypeAnnotation() instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation i
                && !i.isSigned();
        // The scans read the page array through little-endian views (plain loads once compiled),
        // one tight loop per type: they ran at a tenth of convert's CPU time through a
        // MemorySegment and a per-value lambda.
        switch (type.getPrimitiveTypeName()) {
            case INT32 -> {
                // min/max in the column's order (unsigned: sign bit flipped), then given to the statistics.
                int flip = unsigned ? Integer.MIN_VALUE : 0;
                int min = Integer.MAX_VALUE;
                int max = Integer.MIN_VALUE;
                for (int i = 0; i < n; i++) {
                    int v = (int) I32.get(page, i * 4) ^ flip;
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
                    long v = (long) I64.get(page, i * 8) ^ flip;
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
                ((LongStatistics) stats).updateStats(min ^ flip);
                ((LongStatistics) stats).updateStats(max ^ flip);
            }
            case FLOAT -> floatingStats(n, v -> ((FloatStatistics) stats).updateStats((float) v));
            case DOUBLE -> floatingStats(n, ((DoubleStatistics) stats)::updateStats);
            default -> throw new IllegalStateException("not a paged type: " + type);
        }
        out.writePage(BytesInput.from(page, 0, n * bytes), n, n, stats,
                SizeStatistics.newBuilder(type, 0, 0).build(),
                GeospatialStatistics.noopBuilder().build(),
                Encoding.BIT_PACKED, Encoding.BIT_PACKED,
                Encoding.PLAIN);
    }

    /**
     * Gives the statistics what they would have seen of the page's first {@code n} floating
     * values: its NaNs one by one, then its minimum and maximum ({@link #numberRange}), each
     * through {@code update}, which narrows to the column's type (exact: the extremes are values
     * of the page).
     */
    private void floatingStats(int n, DoubleConsumer update) {
        double[] range = numberRange(n);
        for (int k = 0; k < range[2]; k++) {
            update.accept(Double.NaN);
        }
        if (range[2] < n) {
            update.accept(range[0]);
            update.accept(range[1]);
        }
    }

    /**
     * The minimum, maximum and NaN count of the page's first {@code n} floating values (floats
     * widened to double, which is exact, so the extremes narrow back exactly). Min and max by
     * {@code <} and {@code >}, which no NaN passes; they start at the infinities, which are right
     * when every number is one. A zero extreme is then made what Math.min/max (the order the
     * statistics and the column index keep) give: -0.0 is the minimum if the page has one, +0.0
     * the maximum likewise. {@code <} and {@code >} keep whichever zero came first, so that takes
     * one more look at the page, only then.
     */
    private double[] numberRange(int n) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        int nans = 0;
        for (int i = 0; i < n; i++) {
            double v = value(i);
            nans += v != v ? 1 : 0;
            min = v < min ? v : min;
            max = v > max ? v : max;
        }
        if (min == 0) {
            min = hasZero(n, true) ? -0.0 : 0.0;
        }
        if (max == 0) {
            max = hasZero(n, false) ? 0.0 : -0.0;
        }
        return new double[] {min, max, nans};
    }

    /** Value {@code i} of the page, a float (widened) or a double. */
    private double value(int i) {
        return bytes == 4 ? (float) F32.get(page, i * 4) : (double) F64.get(page, i * 8);
    }

    /** Whether one of the first {@code n} values is a zero of that sign. */
    private boolean hasZero(int n, boolean negative) {
        for (int i = 0; i < n; i++) {
            double v = value(i);
            if (v == 0 && (Double.doubleToRawLongBits(v) < 0) == negative) {
                return true;
            }
        }
        return false;
    }
}
