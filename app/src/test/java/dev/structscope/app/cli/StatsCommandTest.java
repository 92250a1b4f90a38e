package dev.structscope.app.cli;

import dev.structscope.io.testing.JsonCompare;
import com.fasterxml.jackson.databind.JsonNode;
import dev.structscope.samples.Sample;
import dev.structscope.samples.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code structscope stats} end to end: the tick-log sample against figures Python computes from
 * the same bytes with {@code struct.unpack}; a 4 GiB (sparse) file in a JVM limited to
 * {@code -Xmx128m}; bad inputs.
 */
class StatsCommandTest {
    @TempDir
    Path dir;

    static final String PY = """
            import json, struct, sys
            from fractions import Fraction
            data = open(sys.argv[1], "rb").read()
            names = ["ts", "id", "price", "qty", "flags", "side"]
            cols = {k: [] for k in names}
            for off in range(0, len(data) - 39, 40):
                ts, id_, price, qty, flags, side = struct.unpack_from("<QifdhxxI", data, off)
                for k, v in zip(names, [ts, id_, price, qty, flags, side]):
                    cols[k].append(v)
            print(json.dumps({"records": len(cols["ts"]), "fields": {k: {"min": min(v), "max": max(v),
                  "mean": float(Fraction(sum(Fraction(x) for x in v), len(v))), "count": len(v)} for k, v in cols.items()}}))
            """;

    @Test
    void tickSampleAgreesWithPython() throws Exception {
        Path data = Samples.extract(Samples.TICKS, dir);
        Files.writeString(dir.resolve("s.py"), PY);
        Process p = new ProcessBuilder("python3", "s.py", data.toString()).directory(dir.toFile()).start();
        JsonNode want = JsonCompare.parse(new String(p.getInputStream().readAllBytes()));
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        CliRun r = CliRun.run("stats", dir.resolve(Samples.TICKS.header()).toString(), "--type", "Tick", data.toString(), "--json");
        assertEquals(0, r.status(), r.err.toString());
        JsonNode got = JsonCompare.parse(r.out.toString());
        assertEquals(want.get("records").asLong(), got.get("records").asLong());
        // Python unpacks side as an unsigned int; the header declares enum Side, whose values are the same.
        for (Iterator<Map.Entry<String, JsonNode>> it = want.get("fields").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode g = got.get("fields").get(e.getKey());
            String what = e.getKey() + ": " + g + " vs " + e.getValue();
            assertEquals(e.getValue().get("count").asLong(), g.get("count").asLong(), what);
            boolean single = e.getKey().equals("price");
            for (String k : List.of("min", "max")) {
                double a = e.getValue().get(k).doubleValue();
                double b = g.get(k).doubleValue();
                assertTrue(single ? (float) a == (float) b : e.getValue().get(k).decimalValue().compareTo(g.get(k).decimalValue()) == 0, what);
            }
            double a = e.getValue().get("mean").doubleValue();
            double b = g.get("mean").doubleValue();
            assertTrue(Math.abs(a - b) <= 1e-12 * Math.abs(a), what);
        }
    }

    /**
     * 4 GiB of 32-byte records (134,217,728), sparse except for two real records, read by a
     * separate JVM with a 128 MiB heap: the file is mapped, never copied into the heap.
     */
    @Test
    void fourGiBFileWithA128MiBHeap() throws Exception {
        Path h = dir.resolve("bench.h");
        Files.writeString(h, dev.structscope.samples.RecordFileGenerator.BENCH32_HEADER);
        Path f = dir.resolve("big.bin");
        long size = 4L << 30;
        ByteBuffer rec = ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN);
        rec.putLong(-7).putInt(42).putFloat(2.5f).putDouble(-1e9).putInt(3).putInt(-1);
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            raf.setLength(size);
            raf.write(rec.array());
            raf.seek(size - 32);
            raf.write(rec.array());
        }
        try {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process p = new ProcessBuilder(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                    "dev.structscope.app.Main", "stats", h.toString(), "--type", "Bench32", f.toString(), "--json")
                    .redirectError(dir.resolve("err.txt").toFile()).start();
            String out = new String(p.getInputStream().readAllBytes());
            assertTrue(p.waitFor(300, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), Files.readString(dir.resolve("err.txt")));
            JsonNode got = JsonCompare.parse(out);
            long n = size / 32;
            assertEquals(n, got.get("records").asLong());
            JsonNode ts = got.get("fields").get("ts");
            assertEquals(-7, ts.get("min").asLong());
            assertEquals(0, ts.get("max").asLong());
            assertEquals(n, ts.get("count").asLong());
            assertEquals(-14.0 / n, ts.get("mean").doubleValue(), 1e-20);
            JsonNode side = got.get("fields").get("side");
            assertEquals("4294967295", side.get("max").asText());
            assertEquals(-1e9, got.get("fields").get("qty").get("min").doubleValue());
        } finally {
            Files.delete(f);
        }
    }

    @Test
    void oneRecordIsSaidInTheSingular() throws Exception {
        Path h = Files.writeString(dir.resolve("one.h"), "struct One { int v; };\n");
        Path data = Files.write(dir.resolve("one.bin"), new byte[] {7, 0, 0, 0});
        CliRun r = CliRun.run("stats", h.toString(), "--type", "One", data.toString());
        assertEquals(0, r.status(), r.err.toString());
        assertTrue(r.out.toString().startsWith("1 record of One (4 bytes each)"), r.out.toString());
    }

    @Test
    void badInputsAreExit2WithOneLine() throws Exception {
        Sample s = Samples.TICKS;
        Path data = Samples.extract(s, dir);
        String h = dir.resolve(s.header()).toString();
        for (String[] args : List.of(
                new String[]{"stats", h, "--type", "Tick", dir.toString()},
                new String[]{"stats", h, "--type", "Tick", "/dev/zero"},
                new String[]{"stats", h, "--type", "Tick", data.toString(), "--offset", "-5"},
                new String[]{"stats", h, "--type", "Nope", data.toString()},
                new String[]{"stats", dir.resolve("none.h").toString(), "--type", "Tick", data.toString()})) {
            String err = CliRun.run(args).refusal();
            assertTrue(!err.contains("\tat "), err);
        }
    }
}
