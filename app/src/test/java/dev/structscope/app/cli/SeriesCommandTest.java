package dev.structscope.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.structscope.app.hexview.Py;
import dev.structscope.samples.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code structscope series} beyond the numbers of {@link SeriesNumpyTest}: the PNG decoded and
 * its pixels checked against the data (a line where the means are, a band where min to max is),
 * dynamic records against Python's own reading of a pcap file, text output, and bad input.
 */
class SeriesCommandTest {
    @TempDir
    Path dir;

    static final String HEADER = """
            #include <stdint.h>
            struct C { int32_t v; double w; char name[4]; struct { int16_t a; } in; int32_t arr[2]; };
            """;

    /** Line colour of the first member ({@code PlotRenderer.Style.LIGHT}): #0969DA. */
    static boolean line(int rgb) {
        int r = rgb >> 16 & 0xFF;
        int g = rgb >> 8 & 0xFF;
        int b = rgb & 0xFF;
        return Math.abs(r - 0x09) < 40 && Math.abs(g - 0x69) < 40 && Math.abs(b - 0xDA) < 40;
    }

    /** The band: the line colour a quarter over white or the grid, bluish and light. */
    static boolean band(int rgb) {
        int r = rgb >> 16 & 0xFF;
        int b = rgb & 0xFF;
        return b - r > 30 && r > 120;
    }

    /**
     * Records 0..R/2 alternate v = 0 and 100 (each bucket: min 0, max 100, mean 50), the rest hold
     * 100. The PNG has the size asked; left of the middle the line lies at the row of 50 with the
     * band from the row of 100 to the row of 0; right of it the line lies at the row of 100. Rows
     * come from the frame the image shows and the scale's rule (the values' range, 5 % added on
     * each side).
     */
    @Test
    void pngShowsTheLineAndBandWhereTheNumbersAre() throws Exception {
        Path h = dir.resolve("c.h");
        Files.writeString(h, HEADER);
        int n = 10_000;
        ByteBuffer buf = ByteBuffer.allocate(n * 32).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            buf.putInt(i * 32, i < n / 2 ? (i % 2) * 100 : 100);
            buf.putDouble(i * 32 + 8, i);
        }
        Path data = Files.write(dir.resolve("c.bin"), buf.array());
        Path png = dir.resolve("v.png");
        CliRun r = CliRun.run("series", h.toString(), "--type", "C", data.toString(), "--member", "v", "--png", png.toString(),
                "--width", "900", "--height", "400");
        assertEquals(0, r.status(), r.err.toString());
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(900, img.getWidth());
        assertEquals(400, img.getHeight());
        // The frame: the first and last rows of the frame colour down the middle column.
        int mid = img.getWidth() / 2;
        int top = -1;
        int bottom = -1;
        for (int y = 0; y < img.getHeight(); y++) {
            if ((img.getRGB(mid, y) & 0xFFFFFF) == 0x8C959F) {
                top = top < 0 ? y : top;
                bottom = y;
            }
        }
        assertTrue(top > 0 && bottom > top + 100, "frame rows " + top + ".." + bottom);
        int fTop = top;
        int fBottom = bottom;
        java.util.function.DoubleUnaryOperator row = v -> fBottom - (v - -5) / (105 - -5) * (fBottom - fTop);
        int left = 0;
        while ((img.getRGB(left, (top + bottom) / 2) & 0xFFFFFF) != 0x8C959F) {
            left++;
        }
        int right = img.getWidth() - 1;
        while ((img.getRGB(right, (top + bottom) / 2) & 0xFFFFFF) != 0x8C959F) {
            right--;
        }
        for (double f : new double[] {0.1, 0.25, 0.4}) {
            int x = (int) (left + f * (right - left));
            assertEquals(row.applyAsDouble(50), lineRow(img, x, top, bottom), 2.0, "mean 50 at column " + x);
            assertTrue(band(img.getRGB(x, (int) row.applyAsDouble(95))), "band at the row of 95, column " + x);
            assertTrue(band(img.getRGB(x, (int) row.applyAsDouble(5))), "band at the row of 5, column " + x);
            assertTrue(!band(img.getRGB(x, (int) row.applyAsDouble(-3))) && !line(img.getRGB(x, (int) row.applyAsDouble(-3))),
                    "nothing below the row of 0, column " + x);
        }
        // The same with the x axis by time (w holds the record index as seconds): the same picture, labelled by time.
        Path timed = dir.resolve("t.png");
        r = CliRun.run("series", h.toString(), "--type", "C", data.toString(), "--member", "v", "--png", timed.toString(),
                "--width", "900", "--height", "400", "--time", "w", "--time-unit", "s");
        assertEquals(0, r.status(), r.err.toString());
        assertEquals(900, ImageIO.read(timed.toFile()).getWidth());
        for (double f : new double[] {0.6, 0.75, 0.95}) {
            int x = (int) (left + f * (right - left));
            assertEquals(row.applyAsDouble(100), lineRow(img, x, top, bottom), 2.0, "constant 100 at column " + x);
            assertTrue(!band(img.getRGB(x, (int) row.applyAsDouble(50))), "no band below 100 at column " + x);
        }
    }

    /** The mean line's row in column {@code x}: the middle of its run of line-coloured pixels. */
    private static double lineRow(BufferedImage img, int x, int top, int bottom) {
        int first = -1;
        int last = -1;
        for (int y = top + 1; y < bottom; y++) {
            if (line(img.getRGB(x, y))) {
                first = first < 0 ? y : first;
                last = y;
            }
        }
        assertTrue(first >= 0, "no line in column " + x);
        assertTrue(last - first <= 4, "one line in column " + x + ": rows " + first + ".." + last);
        return (first + last) / 2.0;
    }

    static final String PCAP = """
            import struct, sys, json, random
            import numpy as np
            random.seed(11)
            n = 3000
            out = bytearray(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1))
            orig, d3 = [], []
            for k in range(n):
                incl = random.choice([0, 2, 3, 4, 9, 40, 120])
                data = bytes(random.randrange(256) for _ in range(incl))
                o = incl + random.randrange(0, 1000)
                out += struct.pack("<IIII", 1700000000 + k, k, incl, o) + data
                orig.append(o)
                d3.append(data[3] if incl > 3 else None)
            open(sys.argv[1], "wb").write(out)
            def buckets(vals, nb):
                R = len(vals); res = []
                for b in range(min(nb, R)):
                    s = b * R // nb; e = (b + 1) * R // nb
                    part = np.array([v for v in vals[s:e] if v is not None], dtype=np.int64)
                    res.append({"first": s, "count": e - s, "values": len(part), "min": int(part.min()),
                                "max": int(part.max()), "mean": float(part.mean())})
                return res
            print(json.dumps({"orig_len": buckets(orig, 7), "data[3]": buckets(d3, 13)}))
            """;

    /** Dynamic records (a pcap file's packets, each as long as its incl_len): walked in order, as Python reads them. */
    @Test
    void dynamicRecordsAgreeWithPython() throws Exception {
        Path h = DynamicCli.bundled(dir, "pcap_file.h");
        Path data = dir.resolve("p.pcap");
        JsonNode truth = new ObjectMapper().readTree(Py.run(dir, PCAP, data.toString()).getLast());
        for (String member : List.of("orig_len", "data[3]")) {
            int buckets = truth.get(member).size();
            CliRun r = CliRun.run("series", h.toString(), "--type", "PcapRecord", data.toString(), "--offset", "24",
                    "--member", member, "--buckets", Integer.toString(buckets), "--json");
            assertEquals(0, r.status(), r.err.toString());
            JsonNode got = new ObjectMapper().readTree(r.out.toString());
            assertEquals(3000, got.get("records").asLong());
            for (int b = 0; b < buckets; b++) {
                JsonNode w = truth.get(member).get(b);
                JsonNode g = got.get("buckets").get(b);
                String at = member + " bucket " + b + ": " + g + " vs " + w;
                assertEquals(w.get("first").asLong(), g.get("first").asLong(), at);
                assertEquals(w.get("count").asLong(), g.get("count").asLong(), at);
                assertEquals(w.get("values").asLong(), g.path("values").asLong(g.get("count").asLong()), at);
                assertEquals(w.get("min").asLong(), g.get("min").asLong(), at);
                assertEquals(w.get("max").asLong(), g.get("max").asLong(), at);
                assertEquals(w.get("mean").asDouble(), g.get("mean").asDouble(), 1e-9 * w.get("mean").asDouble(), at);
            }
        }
    }

    /**
     * A tagged union's alternative that the first record did not choose: the protocol recording
     * starts with a hello, and trades come later. Python walks the messages by their length field
     * and keeps the prices of trades and trade corrections. (Series looked the member up in the
     * first record only: "no member 'trade' in Body (members: hello)".) A name no record has is
     * refused, and a member of an array's elements names an element.
     */
    @Test
    void anAlternativeTheFirstRecordDidNotChoose() throws Exception {
        Path h = DynamicCli.bundled(dir, "proto.h");
        Path data = DynamicCli.bundled(dir, "proto.bin");
        JsonNode truth = new ObjectMapper().readTree(Py.run(dir, """
                import json, struct, sys
                b = open(sys.argv[1], 'rb').read()
                at, recs = 0, []
                while at + 12 <= len(b):
                    magic, typ, flags, length, seq = struct.unpack_from('<HBBII', b, at)
                    recs.append(struct.unpack_from('<d', b, at + 12 + 12)[0] if typ in (2, 6) else None)
                    at += length
                n = len(recs)
                out = []
                for i in range(2):
                    part = [p for p in recs[i * n // 2:(i + 1) * n // 2] if p is not None]
                    out.append({"first": i * n // 2, "values": len(part), "min": min(part), "max": max(part),
                                "mean": sum(part) / len(part)})
                print(json.dumps({"records": n, "buckets": out}))
                """, data.toString()).getLast());
        CliRun r = CliRun.run("series", h.toString(), "--type", "Msg", data.toString(), "--member", "body.trade.price",
                "--buckets", "2", "--json");
        assertEquals(0, r.status(), r.err.toString());
        JsonNode got = new ObjectMapper().readTree(r.out.toString());
        assertEquals(truth.get("records").asLong(), got.get("records").asLong());
        for (int b = 0; b < 2; b++) {
            JsonNode w = truth.get("buckets").get(b);
            JsonNode g = got.get("buckets").get(b);
            assertEquals(w.get("first").asLong(), g.get("first").asLong(), g.toString());
            assertEquals(w.get("values").asLong(), g.get("values").asLong(), g.toString());
            assertEquals(w.get("min").asDouble(), g.get("min").asDouble(), g.toString());
            assertEquals(w.get("max").asDouble(), g.get("max").asDouble(), g.toString());
            assertEquals(w.get("mean").asDouble(), g.get("mean").asDouble(), 1e-12 * w.get("mean").asDouble(), g.toString());
        }
        String typo = CliRun.run("series", h.toString(), "--type", "Msg", data.toString(), "--member", "body.trad.price").refusal();
        assertTrue(typo.contains("no record chose an alternative 'trad' of Body"), typo);
        Path pcapH = DynamicCli.bundled(dir, "pcap_file.h");
        Path pcap = DynamicCli.bundled(dir, "packets.pcap");
        String array = CliRun.run("series", pcapH.toString(), "--type", "PcapFile", pcap.toString(), "--member", "recs.incl_len").refusal();
        assertTrue(array.contains("is an array: name an element, e.g. 'recs[0].incl_len'"), array);
    }

    @Test
    void textOutputHasOneLinePerBucket() throws Exception {
        Path h = dir.resolve("c.h");
        Files.writeString(h, HEADER);
        Path data = Files.write(dir.resolve("c.bin"), new byte[32 * 10]);
        CliRun r = CliRun.run("series", h.toString(), "--type", "C", data.toString(), "--member", "arr[1]", "--buckets", "4");
        assertEquals(0, r.status(), r.err.toString());
        List<String> lines = r.out.toString().lines().toList();
        assertEquals(2 + 4, lines.size(), r.out.toString());
        assertTrue(lines.get(0).startsWith("arr[1] (int32_t) over records 0–9"), lines.get(0));
        assertTrue(lines.get(2).trim().startsWith("0 "), lines.get(2));
    }

    @Test
    void badInputIsExit2WithOneLine() throws Exception {
        Path h = dir.resolve("c.h");
        Files.writeString(h, HEADER);
        Path data = Files.write(dir.resolve("c.bin"), new byte[32 * 10]);
        String hs = h.toString();
        String ds = data.toString();
        Path ticks = Samples.extract(Samples.TICKS, dir);
        for (String[] args : List.of(
                new String[]{"--member", "nope"},
                new String[]{"--member", "name"},
                new String[]{"--member", "in"},
                new String[]{"--member", "arr"},
                new String[]{"--member", "arr[2]"},
                new String[]{"--member", "v.x"},
                new String[]{"--member", "v[0]"},
                new String[]{"--member", "a..b"},
                new String[]{"--member", "v", "--buckets", "0"},
                new String[]{"--member", "v", "--buckets", "-3"},
                new String[]{"--member", "v", "--buckets", "999999999"},
                new String[]{"--member", "v", "--offset", "321"},
                new String[]{"--member", "v", "--offset", "-1"},
                new String[]{"--member", "v", "--from", "11"},
                new String[]{"--member", "v", "--from", "5", "--to", "2"},
                new String[]{"--member", "v", "--png", dir.resolve("x.png").toString(), "--width", "5"},
                new String[]{"--member", "v", "--png", dir.resolve("none/x.png").toString()},
                new String[]{"--member", "v", "--png", dir.resolve("y.png").toString(), "--json"},
                new String[]{"--member", "v", "--time", "w"},
                new String[]{"--member", "v", "--png", dir.resolve("z.png").toString(), "--time", "w", "--time-unit", "days"},
                new String[]{"--member", "v", "--png", dir.resolve("z.png").toString(), "--time", "name"})) {
            List<String> all = new java.util.ArrayList<>(List.of("series", hs, "--type", "C", ds));
            all.addAll(List.of(args));
            String err = CliRun.run(all.toArray(String[]::new)).refusal();
            assertTrue(!err.contains("\tat "), err);
        }
        // A PNG into a missing folder is refused as it starts, naming the option, not a temporary file.
        String missing = CliRun.run("series", hs, "--type", "C", ds, "--member", "v", "--png",
                dir.resolve("none/x.png").toString()).refusal();
        assertTrue(missing.contains("--png " + dir.resolve("none/x.png") + ": the directory " + dir.resolve("none")
                + " does not exist"), missing);
        assertTrue(Files.exists(ticks));
    }
}
