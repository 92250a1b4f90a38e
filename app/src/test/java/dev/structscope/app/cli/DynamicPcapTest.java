package dev.structscope.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.structscope.io.testing.JsonCompare;
import dev.structscope.samples.Sample;
import dev.structscope.samples.Samples;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Whole pcap files through {@code pcap_file.h} ({@code PcapFile}: a header, then
 * {@code PcapRecord recs[]} to the end, each record {@code uint8_t data[incl_len]}), written by
 * other tools — Python writing the documented format, and Wireshark's {@code text2pcap} — and
 * compared record by record with what {@code tshark -T fields} reads from the same file.
 */
@Tag(DynamicCli.TAG)
class DynamicPcapTest {
    /** Writes a classic pcap of random records (snap length 256, so some are cut) in the byte order asked, and prints each as JSON. */
    private static final String PCAP_WRITER = """
            import json, random, struct, sys
            seed, n, path = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
            order = "<" if sys.argv[4] == "little" else ">"
            rng = random.Random(seed)
            snaplen = 256
            with open(path, "wb") as f:
                f.write(struct.pack(order + "IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, snaplen, 1))
                for i in range(n):
                    orig = rng.choice([14, 15, 42, 60, 61, 64, 100, 255, 256, 257, 999, 1514])
                    incl = min(orig, snaplen)
                    data = bytes(rng.randrange(256) for _ in range(incl))
                    sec, usec = rng.randrange(1 << 31), rng.randrange(1000000)
                    f.write(struct.pack(order + "IIII", sec, usec, incl, orig) + data)
                    print(json.dumps({"ts_sec": sec, "ts_usec": usec, "incl_len": incl, "orig_len": orig, "data": data.hex()}))
            """;

    @TempDir
    Path dir;

    /** tshark's view of each frame: seconds, microseconds, length on the wire, captured length. */
    private record Frame(long sec, long usec, long len, long capLen) {
    }

    private List<Frame> tshark(Path pcap) {
        String out = DynamicCli.tool(dir, "tshark", "-r", pcap.toString(), "-T", "fields",
                "-e", "frame.time_epoch", "-e", "frame.len", "-e", "frame.cap_len");
        return out.lines().filter(l -> !l.isBlank()).map(l -> {
            String[] f = l.split("\t");
            String[] t = f[0].split("\\.");
            return new Frame(Long.parseLong(t[0]), Long.parseLong((t[1] + "000000").substring(0, 6)),
                    Long.parseLong(f[1]), Long.parseLong(f[2]));
        }).toList();
    }

    private static void assertSameAsTshark(List<Frame> frames, JsonNode recs, String what) {
        assertEquals(frames.size(), recs.size(), what + ": records");
        for (int i = 0; i < frames.size(); i++) {
            Frame f = frames.get(i);
            JsonNode r = recs.get(i);
            String at = what + " record " + i + ": " + r;
            assertEquals(f.sec(), r.get("ts_sec").asLong(), at);
            assertEquals(f.usec(), r.get("ts_usec").asLong(), at);
            assertEquals(f.len(), r.get("orig_len").asLong(), at);
            assertEquals(f.capLen(), r.get("incl_len").asLong(), at);
        }
    }

    @Test
    void aPcapWrittenByPythonDecodesWholeAsTsharkReadsIt() throws IOException {
        decodesAsTsharkReadsIt("little");
    }

    @Test
    void aBigEndianPcapDecodesWholeAsTsharkReadsIt() throws IOException {
        decodesAsTsharkReadsIt("big");
    }

    private void decodesAsTsharkReadsIt(String order) throws IOException {
        long seed = new Random().nextInt(1_000_000);
        String what = order + "-endian, seed " + seed;
        Path header = DynamicCli.bundled(dir, "pcap_file.h");
        Path pcap = dir.resolve("random-" + order + ".pcap");
        List<JsonNode> written = DynamicCli.jsonLines(DynamicCli.python(dir, PCAP_WRITER, "" + seed, "60", pcap.toString(), order));

        JsonNode file = DynamicCli.decode(header.toString(), "--type", "PcapFile", pcap.toString(), "--bytes", "hex",
                "--byte-order", order);
        assertEquals(1, file.size(), what + ": one PcapFile");
        JsonNode hdr = file.get(0).get("header");
        assertEquals(0xA1B2C3D4L, hdr.get("magic_number").asLong(), what);
        assertEquals(256, hdr.get("snaplen").asInt(), what);
        assertEquals(1, hdr.get("network").asInt(), what);
        JsonNode recs = file.get(0).get("recs");
        assertEquals(JsonCompare.parse(written.toString()), recs, what + ": records as Python wrote them");
        assertSameAsTshark(tshark(pcap), recs, what);

        JsonNode backToBack = DynamicCli.decode(header.toString(), "--type", "PcapRecord", pcap.toString(),
                "--offset", "24", "--all", "--bytes", "hex", "--byte-order", order);
        assertEquals(recs, backToBack, what + ": --type PcapRecord --offset 24 --all reads the same records");

        // C's own spelling of the same count (GCC 15, Clang 18) reads the same.
        String text = Files.readString(header);
        String countedBy = text.replace("uint8_t data[incl_len];", "uint8_t data[] __attribute__((counted_by(incl_len)));");
        assertTrue(!countedBy.equals(text), "pcap_file.h declares uint8_t data[incl_len]");
        Path cb = Files.writeString(dir.resolve("pcap_counted_by.h"), countedBy);
        assertEquals(recs, DynamicCli.decode(cb.toString(), "--type", "PcapFile", pcap.toString(), "--bytes", "hex",
                "--byte-order", order).get(0).get("recs"), what + ": counted_by");
    }

    @Test
    void theBundledSampleDecodesWholeAsTsharkReadsIt() {
        Sample sample = Samples.byData("packets.pcap");
        Path pcap = Samples.extract(sample, dir);
        Path header = dir.resolve(sample.header());
        JsonNode recs = DynamicCli.decode(header.toString(), "--type", sample.type(), pcap.toString(), "--bytes", "hex")
                .get(0).get("recs");
        assertSameAsTshark(tshark(pcap), recs, "packets.pcap");
        JsonNode frames = JsonCompare.parse(DynamicCli.tool(dir, "tshark", "-r", pcap.toString(), "-T", "json", "-x"));
        assertEquals(12, frames.size());
        for (int i = 0; i < frames.size(); i++) {
            assertEquals(frames.get(i).get("_source").get("layers").get("frame_raw").get(0).asText(),
                    recs.get(i).get("data").asText(), "packets.pcap: bytes of frame " + i);
        }
        assertEquals(recs, DynamicCli.decode(header.toString(), "--type", "PcapRecord", pcap.toString(),
                "--offset", "24", "--all", "--bytes", "hex"), "--type PcapRecord --offset 24 --all");
        // --bytes hex in CSV and text too: the frame is one cell / one value, tshark's bytes.
        CliRun csv = CliRun.run("decode", header.toString(), "--type", "PcapRecord", pcap.toString(), "--offset", "24",
                "--all", "--bytes", "hex", "--format", "csv");
        List<String> lines = csv.out.toString().lines().toList();
        assertEquals("ts_sec,ts_usec,incl_len,orig_len,data", lines.getFirst(), csv.err.toString());
        assertEquals(13, lines.size());
        CliRun text = CliRun.run("decode", header.toString(), "--type", "PcapRecord", pcap.toString(), "--offset", "24",
                "--count", "12", "--bytes", "hex", "--format", "text");
        List<String> data = text.out.toString().lines().filter(l -> l.startsWith("  data = ")).toList();
        for (int i = 0; i < frames.size(); i++) {
            String raw = frames.get(i).get("_source").get("layers").get("frame_raw").get(0).asText();
            assertTrue(lines.get(1 + i).endsWith("," + raw), "CSV row " + i);
            assertEquals("  data = " + raw, data.get(i), "text record " + i);
        }
    }

    @Test
    void aPcapWrittenByText2pcapDecodesWholeAsTsharkReadsIt() throws Exception {
        long seed = new Random().nextLong();
        Random rng = new Random(seed);
        StringBuilder dump = new StringBuilder();
        StringBuilder hex = new StringBuilder("[");
        for (int p = 0; p < 25; p++) {
            byte[] frame = new byte[14 + rng.nextInt(600)];
            rng.nextBytes(frame);
            dump.append(String.format("2025-12-04 10:%02d:%02d.%06d%n", p / 60, p % 60, rng.nextInt(1_000_000)));
            for (int i = 0; i < frame.length; i += 16) {
                dump.append(String.format("%04x ", i));
                for (int j = i; j < Math.min(i + 16, frame.length); j++) {
                    dump.append(String.format(" %02x", frame[j] & 0xFF));
                }
                dump.append('\n');
            }
            dump.append('\n');
            hex.append(p == 0 ? "" : ",").append('"').append(HexFormat.of().formatHex(frame)).append('"');
        }
        Path text = Files.writeString(dir.resolve("frames.txt"), dump);
        Path pcap = dir.resolve("text2pcap.pcap");
        DynamicCli.tool(dir, "text2pcap", "-q", "-F", "pcap", "-t", "%Y-%m-%d %H:%M:%S.%f", text.toString(), pcap.toString());
        Path header = DynamicCli.bundled(dir, "pcap_file.h");

        JsonNode recs = DynamicCli.decode(header.toString(), "--type", "PcapFile", pcap.toString(), "--bytes", "hex")
                .get(0).get("recs");
        String what = "seed " + seed;
        assertSameAsTshark(tshark(pcap), recs, what);
        JsonNode frames = JsonCompare.parse(hex.append(']').toString());
        for (int i = 0; i < frames.size(); i++) {
            assertEquals(frames.get(i), recs.get(i).get("data"), what + ": bytes of frame " + i);
        }

        CliRun stats = CliRun.run("stats", header.toString(), "--type", "PcapRecord", pcap.toString(), "--offset", "24", "--json");
        assertEquals(0, stats.status(), stats.err.toString());
        JsonNode s = JsonCompare.parse(stats.out.toString());
        assertEquals(25, s.get("records").asInt(), what + ": stats walks the records back to back");
        long min = Long.MAX_VALUE;
        long max = 0;
        for (JsonNode r : recs) {
            min = Math.min(min, r.get("incl_len").asLong());
            max = Math.max(max, r.get("incl_len").asLong());
        }
        assertEquals(min, s.get("fields").get("incl_len").get("min").asLong(), what);
        assertEquals(max, s.get("fields").get("incl_len").get("max").asLong(), what);
    }
}
