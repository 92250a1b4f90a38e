package dev.structscope.app.cli;

import dev.structscope.samples.RecordFileGenerator;
import dev.structscope.samples.RecordSink;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.UInt4Vector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code convert} of a 4 GiB file in a JVM whose heap is 256 MiB (the bulk issue's bound): every
 * record written, to Parquet (read back by DuckDB) and to Arrow IPC (read back batch by batch by
 * Arrow's reader). The records are written out, not a sparse file of zeros, so that the pages
 * compress as real data does and the writers hold what they would hold. Needs about 8 GB of disk
 * for a minute; the outputs are deleted as soon as they are checked.
 */
class ConvertLargeFileTest {
    /** 4 GiB of 32-byte {@code Bench32} records. */
    static final long N = (4L << 30) / 32;

    @TempDir
    Path dir;

    @Test
    void fourGiBConvertsWithA256MiBHeap() throws Exception {
        long free = Files.getFileStore(dir).getUsableSpace();
        Assumptions.assumeTrue(free > 12L << 30, "needs 12 GiB free beside the temporary folder; "
                + (free >> 20) + " MiB are");
        Path h = Files.writeString(dir.resolve("bench.h"), RecordFileGenerator.BENCH32_HEADER);
        Path data = dir.resolve("big.bin");
        Sums sums = write(data);
        try {
            Path parquet = dir.resolve("big.parquet");
            convert(h, data, "parquet", parquet);
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT count(*), sum(ts), sum(id), sum(side), max(qty), min(flags)"
                         + " FROM read_parquet('" + parquet + "')")) {
                assertTrue(rs.next());
                assertEquals(N, rs.getLong(1), "rows");
                assertEquals(BigInteger.valueOf(sums.ts), new BigInteger(rs.getString(2)), "sum(ts)");
                assertEquals(BigInteger.valueOf(sums.id), new BigInteger(rs.getString(3)), "sum(id)");
                assertEquals(BigInteger.valueOf(N / 2), new BigInteger(rs.getString(4)), "sum(side)");
                assertEquals(qty(N - 1), rs.getDouble(5), "max(qty)");
                assertEquals(sums.minFlags, rs.getInt(6), "min(flags)");
            } finally {
                Files.delete(parquet);
            }

            Path arrow = dir.resolve("big.arrow");
            convert(h, data, "arrow", arrow);
            try (BufferAllocator allocator = new RootAllocator();
                 FileChannel ch = FileChannel.open(arrow);
                 ArrowFileReader reader = new ArrowFileReader(ch, allocator)) {
                VectorSchemaRoot root = reader.getVectorSchemaRoot();
                long rows = 0;
                long side = 0;
                long id = 0;
                long ts = 0; // at most N²/2 < 2^53
                long lastTs = -1;
                double lastQty = Double.NaN;
                while (reader.loadNextBatch()) {
                    BigIntVector tsv = (BigIntVector) root.getVector("ts");
                    IntVector idv = (IntVector) root.getVector("id");
                    UInt4Vector sidev = (UInt4Vector) root.getVector("side");
                    for (int r = 0; r < root.getRowCount(); r++) {
                        ts += tsv.get(r);
                        id += idv.get(r);
                        side += Integer.toUnsignedLong(sidev.get(r));
                    }
                    rows += root.getRowCount();
                    lastTs = tsv.get(root.getRowCount() - 1);
                    lastQty = ((Float8Vector) root.getVector("qty")).get(root.getRowCount() - 1);
                }
                assertEquals(N, rows, "rows");
                assertEquals(sums.ts, ts, "sum(ts)");
                assertEquals(sums.id, id, "sum(id)");
                assertEquals(N / 2, side, "sum(side)");
                assertEquals(N - 1, lastTs, "the last record's ts");
                assertEquals(qty(N - 1), lastQty, "the last record's qty");
            } finally {
                Files.delete(arrow);
            }
        } finally {
            Files.delete(data);
        }
    }

    /** The checks' expected values, summed while writing. */
    record Sums(long ts, long id, int minFlags) {
    }

    static double qty(long i) {
        return i * 0.25;
    }

    /**
     * Record i: ts = i, id = a multiplicative hash of i (no two neighbours alike), price and flags
     * mixed likewise, qty = i / 4, side = i & 1 — varied enough that no column compresses to nothing.
     */
    static Sums write(Path data) throws IOException {
        long id = 0;
        int minFlags = Integer.MAX_VALUE;
        try (RecordSink sink = new RecordSink(data, 32)) {
            for (long i = 0; i < N; i++) {
                int idv = (int) (i * 2654435761L);
                int flags = (int) (i ^ (i >>> 7) ^ (i * 40503L));
                id += idv;
                minFlags = Math.min(minFlags, flags);
                sink.next().putLong(i).putInt(idv).putFloat((float) ((i * 40503L) & 0xFFFF) / 7f)
                        .putDouble(qty(i)).putInt(flags).putInt((int) (i & 1));
            }
        }
        return new Sums(N * (N - 1) / 2, id, minFlags);
    }

    /** {@code structscope convert} in its own JVM with {@code -Xmx256m}; it must end well with nothing on stderr. */
    private void convert(Path h, Path data, String to, Path out) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = List.of(java, "-Xmx256m", "--enable-native-access=ALL-UNNAMED",
                "--add-opens=java.base/java.nio=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
                "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                "dev.structscope.app.Main",
                "convert", h.toString(), "--type", "Bench32", data.toString(), "--to", to, "-o", out.toString());
        Path err = dir.resolve(to + ".err");
        Process p = new ProcessBuilder(cmd).redirectOutput(dir.resolve(to + ".out").toFile())
                .redirectError(err.toFile()).start();
        assertTrue(p.waitFor(600, TimeUnit.SECONDS), "convert --to " + to + " did not end");
        assertEquals(0, p.exitValue(), Files.readString(err));
        assertTrue(Files.size(out) > 0);
    }
}
