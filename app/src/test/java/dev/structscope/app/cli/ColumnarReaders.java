package dev.structscope.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.structscope.app.hexview.Py;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.UInt1Vector;
import org.apache.arrow.vector.UInt2Vector;
import org.apache.arrow.vector.UInt4Vector;
import org.apache.arrow.vector.UInt8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;
import org.xerial.snappy.Snappy;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Reads convert's output back with the formats' own Java readers, independent of the writers:
 * parquet-java's record reader (example Group model) and Arrow Java's file reader. Rows come back
 * as plain Java values (Map for structs, List for lists, BigInteger for every integer, Double for
 * every float, String, Boolean, null), to compare with what numpy saw in the binary file.
 */
final class ColumnarReaders {
    private ColumnarReaders() {
    }

    /**
     * Converts every record of {@code type} in {@code data} to each of {@code formats}, into
     * {@code dir/stem.FORMAT}, with small Parquet row groups and Arrow batches, so that a small file
     * has many, filled in parallel and written in order. Returns each run, in order.
     */
    static List<CliRun> convertInSmallGroups(Path header, String type, Path data, Path dir, String stem,
                                             List<String> formats) {
        System.setProperty("structscope.parquet.rowGroupBytes", "65536");
        System.setProperty("structscope.arrow.batchRows", "1000");
        try {
            List<CliRun> runs = new ArrayList<>();
            for (String to : formats) {
                CliRun r = CliRun.run("convert", header.toString(), "--type", type, data.toString(), "--to", to,
                        "-o", dir.resolve(stem + "." + to).toString());
                assertEquals(0, r.status(), r.err.toString());
                runs.add(r);
            }
            return runs;
        } finally {
            System.clearProperty("structscope.parquet.rowGroupBytes");
            System.clearProperty("structscope.arrow.batchRows");
        }
    }

    /**
     * What numpy says of the file of {@code n} records its {@code script} writes to {@code data}
     * (the script's arguments): the one JSON object the script prints, with at least {@code rows} and
     * {@code samples} ({@link #readChecked}). Skips the test where python3 with numpy is missing.
     */
    static JsonNode numpyTruth(Path dir, String script, Path data, int n) throws IOException, InterruptedException {
        assumeTrue(hasNumpy(), "python3 with numpy is not installed: comparison skipped");
        return new ObjectMapper().readTree(String.join("\n", Py.run(dir, script, data.toString(), String.valueOf(n))));
    }

    private static boolean hasNumpy() {
        try {
            Process p = new ProcessBuilder("python3", "-c", "import numpy").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /**
     * Every row of {@code file}, which {@code convert --to to} wrote, read by that format's own Java
     * library ({@link #read}), after asserting the oracle's row count and sampled rows ({@link #assertRowsAndSamples}).
     */
    static List<Map<String, Object>> readChecked(JsonNode truth, String to, Path file) throws IOException {
        List<Map<String, Object>> rows = read(to, file);
        assertRowsAndSamples(truth, rows);
        return rows;
    }

    /**
     * Asserts that DuckDB finds several row groups in the Parquet {@code file} (an SQL string
     * literal's text) that {@link #convertInSmallGroups} wrote: the groups it asked for were made.
     */
    static void assertSeveralRowGroups(Statement st, String file) throws SQLException {
        try (ResultSet groups = st.executeQuery("SELECT count(DISTINCT row_group_id) FROM parquet_metadata('" + file + "')")) {
            assertTrue(groups.next());
            assertTrue(groups.getLong(1) >= 3, "row groups: " + groups.getLong(1));
        }
    }

    /** {@code rows} has the oracle's row count ({@code truth.rows}) and, value by value, its sampled rows ({@code truth.samples}: index to row). */
    static void assertRowsAndSamples(JsonNode truth, List<Map<String, Object>> rows) {
        assertEquals(truth.get("rows").asInt(), rows.size());
        for (Iterator<Map.Entry<String, JsonNode>> it = truth.get("samples").fields(); it.hasNext(); ) {
            var e = it.next();
            assertSameValue("row " + e.getKey(), e.getValue(), rows.get(Integer.parseInt(e.getKey())));
        }
    }

    /**
     * Asserts that each of {@code cols} (dotted paths into the rows) adds up to the oracle's sum of it
     * ({@code truth.sums}): integers as they are, a list as the sum of its items, a boolean as 0 or 1.
     */
    static void assertIntegerSums(JsonNode truth, List<Map<String, Object>> rows, List<String> cols) {
        JsonNode sums = truth.get("sums");
        for (String col : cols) {
            BigInteger sum = BigInteger.ZERO;
            for (Map<String, Object> row : rows) {
                sum = sum.add(integerSum(value(row, col)));
            }
            assertEquals(sums.get(col).bigIntegerValue(), sum, "sum of " + col);
        }
    }

    /** The value at a dotted path ({@code in.a}) of a row, through its structs. */
    static Object value(Map<String, Object> row, String path) {
        Object v = row;
        for (String part : path.split("\\.")) {
            v = ((Map<?, ?>) v).get(part);
        }
        return v;
    }

    private static BigInteger integerSum(Object v) {
        return switch (v) {
            case BigInteger b -> b;
            case Boolean b -> b ? BigInteger.ONE : BigInteger.ZERO;
            case List<?> l -> l.stream().map(ColumnarReaders::integerSum).reduce(BigInteger.ZERO, BigInteger::add);
            default -> throw new AssertionError("not an integer: " + v);
        };
    }

    /** Every row of a file {@code convert --to parquet} or {@code --to arrow} wrote, read by that format's own Java library. */
    static List<Map<String, Object>> read(String to, Path file) throws IOException {
        return switch (to) {
            case "parquet" -> parquet(file);
            case "arrow" -> arrow(file);
            default -> throw new IllegalArgumentException("not a columnar format: " + to);
        };
    }

    /** Every row of a Parquet file. */
    static List<Map<String, Object>> parquet(Path file) throws IOException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (ParquetFileReader reader = open(file)) {
            MessageType schema = reader.getFooter().getFileMetaData().getSchema();
            MessageColumnIO io = new ColumnIOFactory().getColumnIO(schema);
            PageReadStore pages;
            while ((pages = reader.readNextRowGroup()) != null) {
                RecordReader<Group> records = io.getRecordReader(pages, new GroupRecordConverter(schema));
                for (long i = 0; i < pages.getRowCount(); i++) {
                    rows.add(group(records.read()));
                }
            }
        }
        return rows;
    }

    /**
     * A reader without Hadoop. Through reflection because {@code ParquetReadOptions.builder} and
     * {@code ParquetFileReader.open} are overloaded with Hadoop {@code Configuration} parameters,
     * which javac must see to choose, and this test class path has no Hadoop on purpose: the CLI
     * must run without it.
     */
    private static ParquetFileReader open(Path file) throws IOException {
        try {
            var builder = (ParquetReadOptions.Builder) ParquetReadOptions.class
                    .getMethod("builder", org.apache.parquet.conf.ParquetConfiguration.class)
                    .invoke(null, new PlainParquetConfiguration());
            ParquetReadOptions options = builder.withCodecFactory(new SnappyReading()).build();
            return (ParquetFileReader) ParquetFileReader.class
                    .getMethod("open", org.apache.parquet.io.InputFile.class, ParquetReadOptions.class)
                    .invoke(null, new LocalInputFile(file), options);
        } catch (java.lang.reflect.InvocationTargetException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new AssertionError(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static Map<String, Object> group(Group g) {
        Map<String, Object> m = new LinkedHashMap<>();
        GroupType t = g.getType();
        for (int f = 0; f < t.getFieldCount(); f++) {
            m.put(t.getFieldName(f), field(g, f));
        }
        return m;
    }

    private static Object field(Group g, int f) {
        Type t = g.getType().getType(f);
        if (g.getFieldRepetitionCount(f) == 0) {
            if (t.getLogicalTypeAnnotation() instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation
                    && t.getRepetition() == Type.Repetition.REQUIRED) {
                return List.of();
            }
            return null;
        }
        if (t.isPrimitive()) {
            return primitive(g, f, 0, t.asPrimitiveType());
        }
        Group inner = g.getGroup(f, 0);
        if (t.getLogicalTypeAnnotation() instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation) {
            List<Object> list = new ArrayList<>();
            int n = inner.getFieldRepetitionCount(0);
            for (int i = 0; i < n; i++) {
                Group item = inner.getGroup(0, i);
                list.add(field(item, 0));
            }
            return list;
        }
        return group(inner);
    }

    private static Object primitive(Group g, int f, int i, PrimitiveType t) {
        return switch (t.getPrimitiveTypeName()) {
            case INT32 -> {
                int v = g.getInteger(f, i);
                yield t.getLogicalTypeAnnotation() instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation a
                        && !a.isSigned() && a.getBitWidth() == 32 ? BigInteger.valueOf(v & 0xFFFF_FFFFL) : BigInteger.valueOf(v);
            }
            case INT64 -> {
                long v = g.getLong(f, i);
                yield t.getLogicalTypeAnnotation() instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation a
                        && !a.isSigned() ? new BigInteger(Long.toUnsignedString(v)) : BigInteger.valueOf(v);
            }
            case FLOAT -> (double) g.getFloat(f, i);
            case DOUBLE -> g.getDouble(f, i);
            case BOOLEAN -> g.getBoolean(f, i);
            case BINARY -> g.getString(f, i);
            default -> throw new AssertionError("unexpected Parquet type " + t);
        };
    }

    /** Every row of an Arrow IPC file. */
    static List<Map<String, Object>> arrow(Path file) throws IOException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (BufferAllocator allocator = new RootAllocator();
             FileChannel ch = FileChannel.open(file);
             ArrowFileReader reader = new ArrowFileReader(ch, allocator)) {
            VectorSchemaRoot root = reader.getVectorSchemaRoot();
            while (reader.loadNextBatch()) {
                for (int r = 0; r < root.getRowCount(); r++) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    for (FieldVector v : root.getFieldVectors()) {
                        m.put(v.getName(), arrowValue(v, r));
                    }
                    rows.add(m);
                }
            }
        }
        return rows;
    }

    private static Object arrowValue(FieldVector v, int i) {
        if (v.isNull(i)) {
            return null;
        }
        return switch (v) {
            case StructVector s -> {
                Map<String, Object> m = new LinkedHashMap<>();
                for (FieldVector c : s.getChildrenFromFields()) {
                    m.put(c.getName(), arrowValue(c, i));
                }
                yield m;
            }
            case ListVector l -> {
                List<Object> out = new ArrayList<>();
                int from = l.getElementStartIndex(i);
                int to = l.getElementEndIndex(i);
                for (int k = from; k < to; k++) {
                    out.add(arrowValue(l.getDataVector(), k));
                }
                yield out;
            }
            case UInt8Vector u -> u.getObjectNoOverflow(i);
            case UInt4Vector u -> BigInteger.valueOf(u.getObjectNoOverflow(i));
            case UInt2Vector u -> BigInteger.valueOf(u.get(i));
            case UInt1Vector u -> BigInteger.valueOf(u.getObjectNoOverflow(i));
            case VarCharVector s -> s.getObject(i).toString();
            default -> {
                Object o = v.getObject(i);
                yield switch (o) {
                    case Float f -> (double) f;
                    case Byte b -> BigInteger.valueOf(b);
                    case Short s -> BigInteger.valueOf(s);
                    case Integer n -> BigInteger.valueOf(n);
                    case Long n -> BigInteger.valueOf(n);
                    default -> o;
                };
            }
        };
    }

    /** Asserts that {@code actual} (as these readers give it) is the value numpy gave as JSON. */
    static void assertSameValue(String path, JsonNode truth, Object actual) {
        if (truth == null || truth.isNull()) {
            assertNull(actual, path);
        } else if (truth.isIntegralNumber()) {
            assertEquals(truth.bigIntegerValue(), actual, path);
        } else if (truth.isNumber()) {
            assertEquals(truth.doubleValue(), (Double) actual, 0.0, path);
        } else if (truth.isTextual()) {
            assertEquals(truth.textValue(), actual, path);
        } else if (truth.isBoolean()) {
            assertEquals(truth.booleanValue(), actual, path);
        } else if (truth.isArray()) {
            List<?> list = (List<?>) actual;
            assertEquals(truth.size(), list.size(), path + " length");
            for (int i = 0; i < truth.size(); i++) {
                assertSameValue(path + "." + i, truth.get(i), list.get(i));
            }
        } else if (truth.isObject()) {
            assertTrue(actual instanceof Map, path + " is not a struct: " + actual);
            Map<?, ?> m = (Map<?, ?>) actual;
            assertEquals(truth.size(), m.size(), path + " fields " + m.keySet());
            for (Iterator<String> it = truth.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                assertTrue(m.containsKey(k), path + " has no field " + k);
                assertSameValue(path.isEmpty() ? k : path + "." + k, truth.get(k), m.get(k));
            }
        } else {
            fail("unexpected truth " + truth);
        }
    }

    /** Snappy page decompression for the reader (parquet-java's own goes through Hadoop's codecs). */
    private static final class SnappyReading implements CompressionCodecFactory {
        @Override
        public BytesInputCompressor getCompressor(CompressionCodecName codecName) {
            throw new UnsupportedOperationException();
        }

        @Override
        public BytesInputDecompressor getDecompressor(CompressionCodecName codecName) {
            return new BytesInputDecompressor() {
                @Override
                public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
                    if (codecName == CompressionCodecName.UNCOMPRESSED) {
                        return bytes;
                    }
                    return BytesInput.from(Snappy.uncompress(bytes.toByteArray()));
                }

                @Override
                public void decompress(ByteBuffer in, int compressedSize, ByteBuffer out, int uncompressedSize)
                        throws IOException {
                    byte[] src = new byte[compressedSize];
                    in.get(src);
                    out.put(codecName == CompressionCodecName.UNCOMPRESSED ? src : Snappy.uncompress(src));
                }

                @Override
                public void release() {
                }
            };
        }

        @Override
        public void release() {
        }
    }
}
