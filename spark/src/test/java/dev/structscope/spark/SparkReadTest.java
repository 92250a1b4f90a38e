package dev.structscope.spark;

import dev.structscope.io.columns.RecordScan;
import dev.structscope.io.decode.RecordReader;
import dev.structscope.io.source.DataSource;
import dev.structscope.io.source.Sources;
import dev.structscope.model.InputException;
import dev.structscope.model.Limits;
import dev.structscope.model.abi.Abis;
import dev.structscope.model.c.HeaderImporter;
import dev.structscope.model.layout.LayoutEngine;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.SparkPlan;
import org.apache.spark.sql.execution.datasources.v2.BatchScanExec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code spark.read.format("structscope")} in local mode ({@code local[2]}, one session for the
 * class) against numpy's view of the same files (make_files.py writes them with a structured
 * dtype and prints its figures): row counts and aggregates of every column kind over several files
 * cut into splits that do not fall on record boundaries; a file of dynamic records read as one
 * task; column pruning counted in the scan's metrics; bad input failing with the CLI's line; and
 * the same reads through a non-local Hadoop file system ({@link OtherSchemeFs}).
 */
class SparkReadTest {
    /** Not a multiple of the 80-byte record: byte-sized splits would cut records. */
    private static final long SPLIT_BYTES = 9999;

    @TempDir
    static Path dir;
    static Path header;
    static Map<String, String[]> numpy;
    static SparkSession spark;

    /** The local file system under another scheme: Spark reads it through Hadoop, block by block. */
    public static final class OtherSchemeFs extends RawLocalFileSystem {
        @Override
        public URI getUri() {
            return URI.create("other:///");
        }

        @Override
        public String getScheme() {
            return "other";
        }
    }

    @BeforeAll
    static void start() throws IOException, InterruptedException {
        assumeTrue(python("-c", "import numpy").isPresent(), "python3 with numpy is not installed");
        header = resource("tick.h");
        Path script = resource("make_files.py");
        numpy = new LinkedHashMap<>();
        for (String line : python(script.toString(), dir.resolve("data").toString()).orElseThrow().lines().toList()) {
            String[] p = line.split(" ", 3);
            numpy.put(p[1], new String[] {p[0], p[2]});
        }
        spark = SparkSession.builder().master("local[2]").appName("SparkReadTest")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "localhost")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", "2")
                .config("spark.sql.adaptive.enabled", "false")
                .config("spark.sql.files.maxPartitionBytes", String.valueOf(SPLIT_BYTES))
                .config("spark.hadoop.fs.other.impl", OtherSchemeFs.class.getName())
                .getOrCreate();
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    private static Dataset<Row> read(String type, String path) {
        return spark.read().format("structscope").option("layout", header.toString()).option("type", type).load(path);
    }

    private static String data(String name) {
        return dir.resolve("data").resolve(name).toString();
    }

    @Test
    void fixedRecordsOfSeveralFilesCutIntoSplitsEqualNumpy() {
        Dataset<Row> ticks = read("Tick", data("fixed"));
        long perSplit = SPLIT_BYTES / Long.parseLong(numpy.get("tick_size")[1]);
        long splits = 0;
        for (int i = 0; i < 3; i++) {
            splits += (Long.parseLong(numpy.get("records_" + i)[1]) + perSplit - 1) / perSplit;
        }
        assertEquals(splits, ticks.rdd().getNumPartitions(), "splits of whole records");
        assertAggregatesEqualNumpy(ticks);
    }

    @Test
    void aNonLocalFileSystemIsReadInBlocksToTheSameRows() {
        assertAggregatesEqualNumpy(read("Tick", "other://" + data("fixed")));
        assertDynamicEqualsNumpy(read("Msg", "other://" + data("dynamic")));
    }

    @Test
    void theSchemaIsConvertsMapping() {
        var schema = read("Tick", data("fixed")).schema();
        assertEquals("struct<id:decimal(20,0),qty:int,price:double,side:string,pos:struct<x:smallint,y:smallint>,"
                + "samples:array<float>,sym:string,flags:smallint,delta:tinyint,u16:int,u32:bigint,big:bigint,"
                + "ok:boolean>", schema.simpleString());
    }

    @Test
    void theOffsetSkipsAFileHeader() {
        Row r = spark.read().format("structscope").option("layout", header.toString()).option("type", "Tick")
                .option("offset", "24").load(data("offset"))
                .selectExpr("count(*)", "sum(qty)").first();
        assertEquals(numpy.get("offset_count")[1], String.valueOf(r.getLong(0)));
        assertEquals(numpy.get("offset_qty_sum")[1], String.valueOf(r.getLong(1)));

        Path file = Path.of(data("offset")).resolve("with-header.bin");
        long size = file.toFile().length();
        StructScopeException past = assertThrows(StructScopeException.class, () -> spark.read().format("structscope")
                .option("layout", header.toString()).option("type", "Tick").option("offset", String.valueOf(size + 1))
                .load(data("offset")).collectAsList());
        assertEquals("structscope: " + file + ": byte offset " + (size + 1) + ": --offset is outside the data ("
                + size + " bytes)", past.getMessage());
    }

    @Test
    void aFileOfDynamicRecordsIsOneTask() {
        Dataset<Row> msgs = read("Msg", data("dynamic"));
        assertTrue(Long.parseLong(numpy.get("msg_bytes")[1]) > 4 * SPLIT_BYTES, "the file spans several split sizes");
        assertEquals(1, msgs.rdd().getNumPartitions());
        assertDynamicEqualsNumpy(msgs);
    }

    @Test
    void aQueryOfTwoColumnsDecodesOnlyThose() {
        // collectAsList runs this plan itself (first() would plan a limit of it anew).
        Dataset<Row> q = read("Tick", data("fixed")).selectExpr("sum(qty)", "max(pos.x)");
        Row r = q.collectAsList().getFirst();
        assertEquals(numpy.get("qty_sum")[1], String.valueOf(r.getLong(0)));
        assertEquals(numpy.get("pos_x_max")[1], String.valueOf(r.getShort(1)));
        BatchScanExec scan = scan(q.queryExecution().executedPlan());
        assertTrue(scan.supportsColumnar(), "read in column batches");
        assertEquals(2, scan.scan().readSchema().fields().length, scan.scan().readSchema().simpleString());
        long records = Long.parseLong(numpy.get("count")[1]);
        assertEquals(records, scan.metrics().apply(Metrics.RECORDS).value());
        assertEquals(2 * records, scan.metrics().apply(Metrics.VALUES).value(), "one qty and one pos.x per record");

        Dataset<Row> all = read("Tick", data("fixed")).selectExpr("count(*)");
        all.collectAsList();
        assertEquals(0, scan(all.queryExecution().executedPlan()).metrics().apply(Metrics.VALUES).value(),
                "count(*) decodes no value");
    }

    @Test
    void aBadLayoutFailsWithTheClisLine() throws IOException {
        Path bad = dir.resolve("bad.h");
        Files.writeString(bad, "struct Broken {\n    int x;\n    unknown_t y;\n};\n");
        InputException expected = assertThrows(InputException.class, () -> dev.structscope.io.headers.LocalHeaders.importFile(bad,
                HeaderImporter.Options.defaults()));
        StructScopeException e = assertThrows(StructScopeException.class, () -> spark.read().format("structscope")
                .option("layout", bad.toString()).option("type", "Broken").load(data("fixed")));
        assertEquals("structscope: " + expected.oneLine(), e.getMessage());
        assertTrue(e.getMessage().startsWith("structscope: " + bad + ":3:"), e.getMessage());

        StructScopeException unknown = assertThrows(StructScopeException.class, () -> read("Nope", data("fixed")));
        assertTrue(unknown.getMessage().startsWith("structscope: --type: no struct or union named 'Nope'"),
                unknown.getMessage());
    }

    @Test
    void aBadDynamicRecordFailsTheQueryWithTheClisLine() {
        Path file = Path.of(data("bad")).resolve("pkts.bin");
        String expected = cliLine(file, "Pkt");
        assertTrue(expected.startsWith("structscope: " + file + ": byte offset ")
                && expected.contains(": record " + numpy.get("bad_record")[1] + ": ")
                && expected.contains("no alternative matches"), expected);
        Exception e = assertThrows(Exception.class, () -> read("Pkt", data("bad")).selectExpr("count(*)").first());
        StructScopeException cause = null;
        for (Throwable t = e; t != null && cause == null; t = t.getCause()) {
            cause = t instanceof StructScopeException s ? s : null;
        }
        assertNotNull(cause, "no StructScopeException in " + e);
        assertEquals(expected, cause.getMessage());
    }

    /** What {@code structscope convert} (RecordScan) says of reading every record of {@code file}, as the CLI prints it. */
    private static String cliLine(Path file, String type) {
        var abi = Abis.X86_64_LINUX;
        var layout = LayoutEngine.layout(type, dev.structscope.io.headers.LocalHeaders.importFile(header, HeaderImporter.Options.defaults()), abi);
        RecordReader reader = RecordReader.of(layout, abi, ByteOrder.LITTLE_ENDIAN, Limits.DEFAULT);
        try (DataSource source = Sources.open(file)) {
            RecordScan.scan(source, reader, 0, (i, at, s, v) -> { }, RecordScan.Progress.NONE);
        } catch (InputException e) {
            return "structscope: " + e.oneLine();
        }
        throw new AssertionError("the scan read " + file + " without error");
    }

    private static void assertDynamicEqualsNumpy(Dataset<Row> msgs) {
        Row r = msgs.selectExpr("count(*)", "sum(n)", "sum(aggregate(vals, 0L, (a, x) -> a + x))",
                "max(array_max(vals))").first();
        assertEquals(numpy.get("msg_count")[1], String.valueOf(r.getLong(0)));
        assertEquals(numpy.get("msg_n_sum")[1], String.valueOf(r.getLong(1)));
        assertEquals(numpy.get("msg_vals_sum")[1], String.valueOf(r.getLong(2)));
        assertEquals(numpy.get("msg_vals_max")[1], String.valueOf(r.getInt(3)));
    }

    private static void assertAggregatesEqualNumpy(Dataset<Row> ticks) {
        Map<String, String> exprs = new LinkedHashMap<>();
        exprs.put("count", "count(*)");
        for (String c : List.of("id", "qty", "flags", "delta", "u16", "u32", "big", "pos.x", "pos.y")) {
            String name = c.replace('.', '_');
            exprs.put(name + "_sum", "sum(cast(" + c + " as decimal(38,0)))");
            exprs.put(name + "_min", "min(" + c + ")");
            exprs.put(name + "_max", "max(" + c + ")");
        }
        exprs.put("price_sum", "sum(price)");
        exprs.put("price_min", "min(price)");
        exprs.put("price_max", "max(price)");
        exprs.put("samples_sum", "sum(aggregate(samples, 0D, (a, x) -> a + x))");
        exprs.put("samples2_max", "max(samples[2])");
        exprs.put("samples0_min", "min(samples[0])");
        exprs.put("samples_len", "sum(size(samples))");
        for (String side : List.of("BUY", "SELL", "HOLD", "5")) {
            exprs.put("side_" + side, "count_if(side = '" + side + "')");
        }
        exprs.put("sym_min", "min(sym)");
        exprs.put("sym_max", "max(sym)");
        exprs.put("sym_len", "sum(length(sym))");
        exprs.put("ok_true", "count_if(ok)");
        Row r = ticks.selectExpr(exprs.values().toArray(String[]::new)).first();
        List<String> wrong = new ArrayList<>();
        int i = 0;
        for (String name : exprs.keySet()) {
            String[] want = numpy.get(name);
            assertNotNull(want, "numpy printed no " + name);
            Object got = r.get(i++);
            boolean same = switch (want[0]) {
                case "i" -> new BigDecimal(got.toString()).compareTo(new BigDecimal(want[1])) == 0;
                case "f" -> ((Number) got).doubleValue() == Double.parseDouble(want[1]);
                case "t" -> Math.abs(((Number) got).doubleValue() - Double.parseDouble(want[1]))
                        <= 1e-9 * Math.abs(Double.parseDouble(want[1]));
                default -> want[1].equals(got);
            };
            if (!same) {
                wrong.add(name + ": spark " + got + ", numpy " + want[1]);
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    private static BatchScanExec scan(SparkPlan plan) {
        for (SparkPlan leaf : scala.jdk.javaapi.CollectionConverters.asJava(plan.collectLeaves())) {
            if (leaf instanceof BatchScanExec b) {
                return b;
            }
        }
        throw new AssertionError("no batch scan in " + plan);
    }

    private static Path resource(String name) throws IOException {
        Path to = dir.resolve(name);
        try (InputStream in = SparkReadTest.class.getResourceAsStream(name)) {
            Files.write(to, in.readAllBytes());
        }
        return to;
    }

    /** Runs python3; empty when it is missing or the command fails. */
    private static java.util.Optional<String> python(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("python3"));
        cmd.addAll(List.of(args));
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "python timed out");
        if (p.exitValue() != 0) {
            if (args[0].equals("-c")) {
                return java.util.Optional.empty();
            }
            throw new AssertionError("python failed: " + out);
        }
        return java.util.Optional.of(out);
    }
}
