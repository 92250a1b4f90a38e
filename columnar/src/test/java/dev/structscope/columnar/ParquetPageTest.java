package dev.structscope.columnar;

import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageWriter;
import org.apache.parquet.column.statistics.SizeStatistics;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.column.statistics.geospatial.GeospatialStatistics;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import org.junit.jupiter.api.Test;

import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The statistics {@link ParquetPage} computes over a page in one scan equal those parquet-java's
 * own statistics reach value by value (what its column writers do), for pages of random numbers
 * and of the awkward ones: NaNs, both zeros, infinities, pages of only one of them, unsigned
 * integers above the signed range. NaNs are the canonical one: a page of nothing but NaNs gets
 * the canonical NaN as its minimum and maximum, where parquet-java keeps the first NaN's bits
 * (convert's pages hold quiet NaNs, with whatever payload the data had; this was so before
 * ParquetPage's scans were rewritten, and the output is kept byte for byte).
 */
class ParquetPageTest {
    private static final MessageType MESSAGE = Types.buildMessage()
            .required(PrimitiveTypeName.FLOAT).named("f")
            .required(PrimitiveTypeName.DOUBLE).named("d")
            .required(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.intType(32, false)).named("u32")
            .required(PrimitiveTypeName.INT64).as(LogicalTypeAnnotation.intType(64, false)).named("u64")
            .required(PrimitiveTypeName.INT64).named("i64")
            .named("record");

    /** The statistics of the last page handed over. */
    private Statistics<?> written;

    @Test
    void pageStatisticsEqualParquetJavasValueByValue() throws Exception {
        Random rnd = new Random(11);
        double[] specials = {Double.NaN, -0.0, 0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1.5, -2.5};
        for (int trial = 0; trial < 400; trial++) {
            int n = 1 + rnd.nextInt(trial < 200 ? 8 : ParquetPage.ROWS);
            // Each trial draws from a few of the specials only, so that pages of only zeros,
            // only NaNs or only infinities come up, and sometimes plain random numbers.
            double[] pool = rnd.doubles(1 + rnd.nextInt(3)).map(x -> specials[(int) (x * specials.length)]).toArray();
            boolean random = rnd.nextInt(4) == 0;
            for (ColumnDescriptor c : MESSAGE.getColumns()) {
                String name = c.getPath()[0];
                int bytes = name.equals("f") || name.equals("u32") ? 4 : 8;
                ParquetPage page = new ParquetPage(c, new Capture(), bytes);
                Statistics<?> expected = Statistics.createStats(c.getPrimitiveType());
                for (int i = 0; i < n; i++) {
                    long at = (long) i * bytes;
                    double v = random ? rnd.nextGaussian() : pool[rnd.nextInt(pool.length)];
                    switch (name) {
                        case "f" -> {
                            float x = (float) v;
                            page.segment.set(ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN), at, x);
                            ((org.apache.parquet.column.statistics.FloatStatistics) expected).updateStats(x);
                        }
                        case "d" -> {
                            page.segment.set(ValueLayout.JAVA_DOUBLE_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN), at, v);
                            ((org.apache.parquet.column.statistics.DoubleStatistics) expected).updateStats(v);
                        }
                        case "u32" -> {
                            int x = rnd.nextInt();
                            page.segment.set(ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN), at, x);
                            ((org.apache.parquet.column.statistics.IntStatistics) expected).updateStats(x);
                        }
                        default -> {
                            long x = rnd.nextLong();
                            page.segment.set(ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN), at, x);
                            ((org.apache.parquet.column.statistics.LongStatistics) expected).updateStats(x);
                        }
                    }
                }
                page.writePage(n);
                String what = name + ", trial " + trial + ", " + n + " values of " + Arrays.toString(pool);
                assertEquals(expected.getNumNulls(), written.getNumNulls(), what);
                assertEquals(expected.hasNonNullValue(), written.hasNonNullValue(), what);
                if (expected.hasNonNullValue()) {
                    assertArrayEquals(expected.getMinBytes(), written.getMinBytes(), what + ": min");
                    assertArrayEquals(expected.getMaxBytes(), written.getMaxBytes(), what + ": max");
                }
                if (expected.isNanCountSet()) {
                    assertEquals(expected.getNanCount(), written.getNanCount(), what + ": NaNs");
                }
            }
        }
    }

    /** Keeps the statistics of the pages handed over. */
    private final class Capture implements PageWriter {
        @Override
        public void writePage(BytesInput bytes, int valueCount, int rowCount, Statistics<?> statistics,
                              SizeStatistics sizes, GeospatialStatistics geospatial,
                              Encoding rl, Encoding dl, Encoding values) {
            written = statistics;
        }

        @Override
        public void writePage(BytesInput bytes, int valueCount, Statistics<?> statistics, Encoding rl, Encoding dl,
                              Encoding values) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void writePage(BytesInput bytes, int valueCount, int rowCount, Statistics<?> statistics,
                              Encoding rl, Encoding dl, Encoding values) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void writePageV2(int rowCount, int nullCount, int valueCount, BytesInput repetitionLevels,
                                BytesInput definitionLevels, Encoding dataEncoding, BytesInput data,
                                Statistics<?> statistics) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long getMemSize() {
            return 0;
        }

        @Override
        public long allocatedSize() {
            return 0;
        }

        @Override
        public void writeDictionaryPage(DictionaryPage dictionaryPage) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String memUsageString(String prefix) {
            return prefix;
        }
    }
}
