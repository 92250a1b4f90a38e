package dev.structscope.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.structscope.io.testing.JsonCompare;
import dev.structscope.samples.Samples;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.math.MathContext;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The mixed-message protocol of {@code proto.h} (a header with type and length, the body a
 * tagged union of five message structs, one with a counted {@code char} array, one with two
 * counted struct arrays; unknown types skipped by length) sent by {@code proto_peer.py} over TCP
 * cut at random places: {@code capture --framing record} decodes every message as the peer says
 * it sent it, connecting or listening, and the recording replays to the same; the same stream
 * as a file decodes with {@code decode --all}.
 */
@Tag(DynamicCli.TAG)
class DynamicProtocolTest extends ProtoPeerTestBase {
    private static final int MESSAGES = 300;

    /** proto_peer.py as a process; stdout read line by line. */
    private final class Peer implements AutoCloseable {
        final Process process;
        final BufferedReader out;

        Peer(String... args) throws IOException {
            List<String> cmd = new ArrayList<>(List.of("python3", proto.script.toString()));
            cmd.addAll(List.of(args));
            process = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        }

        /** The "SENT messages bytes fragments" line; asserts the stream was cut into more pieces than messages. */
        void assertSentFragmented() throws Exception {
            String sent = out.readLine();
            assertNotNull(sent, "the peer ended without its SENT line");
            String[] f = sent.split(" ");
            assertEquals("SENT", f[0], sent);
            assertEquals(MESSAGES, Integer.parseInt(f[1]), sent);
            assertTrue(Integer.parseInt(f[3]) > MESSAGES, "fragmented: " + sent);
            assertTrue(process.waitFor(20, TimeUnit.SECONDS), "the peer ends");
        }

        @Override
        public void close() {
            process.destroyForcibly();
        }
    }

    /** Every captured line equals the peer's message of that sequence number (numbers as the values they denote). */
    private static void assertAsSent(long seed, Path expectFile, String captured) throws IOException {
        List<JsonNode> expected = DynamicCli.jsonLines(Files.readString(expectFile));
        List<JsonNode> rows = DynamicCli.jsonLines(captured);
        assertEquals(expected.size(), rows.size(), "seed " + seed + ": messages captured");
        int unknown = 0;
        for (int i = 0; i < rows.size(); i++) {
            ObjectNode row = (ObjectNode) rows.get(i);
            String what = "seed " + seed + " message " + i + ": " + row;
            assertEquals(i, row.remove("_seq").asInt(), what);
            assertEquals(expected.get(i).get("length").asLong(), row.remove("_len").asLong(), what + " _len is the whole message");
            assertEquals(List.of(), JsonCompare.diff(expected.get(i), row, Set.of(), Set.of()), what);
            unknown += row.get("body").isNull() ? 1 : 0;
        }
        assertTrue(unknown >= 2, "seed " + seed + ": unknown types were sent and skipped: " + unknown);
    }

    @Test
    void captureConnectingToThePeerDecodesEveryFragmentedMessageAsSent() throws Exception {
        Path expect = dir.resolve("expect.jsonl");
        try (Peer p = new Peer("listen", "0", "" + proto.seed, "" + MESSAGES, expect.toString())) {
            String port = p.out.readLine();
            CliRun run = CliRun.run("capture", proto.header.toString(), "--type", "Msg", "--connect", "127.0.0.1:" + port,
                    "--framing", "record");
            assertEquals(0, run.status(), run.err.toString());
            p.assertSentFragmented();
            assertAsSent(proto.seed, expect, run.out.toString());
        }
    }

    @Test
    void captureListeningDecodesThePeersMessagesAndTheRecordingReplaysThem() throws Exception {
        Path expect = dir.resolve("expect.jsonl");
        Path rec = dir.resolve("proto.pcapng");
        CliRun capture = CliRun.start("capture", proto.header.toString(), "--type", "Msg", "--listen", "0",
                "--framing", "record", "--count", "" + MESSAGES, "--save", rec.toString());
        Matcher m = Pattern.compile("listening on [^ ]+:(\\d+)").matcher(capture.awaitErr("listening on"));
        assertTrue(m.find(), capture.err.toString());
        try (Peer p = new Peer("connect", m.group(1), "" + proto.seed, "" + MESSAGES, expect.toString())) {
            p.assertSentFragmented();
            assertEquals(0, capture.status(), capture.err.toString());
        }
        assertAsSent(proto.seed, expect, capture.out.toString());

        CliRun replay = CliRun.run("capture", proto.header.toString(), "--type", "Msg", "--replay", rec.toString());
        assertEquals(0, replay.status(), replay.err.toString());
        assertAsSent(proto.seed, expect, replay.out.toString());
    }

    /** One message of proto.h: header, then body bytes; {@code length} as given (it may lie). */
    private static byte[] message(int type, long length, int seq, byte[] body) {
        return ByteBuffer.allocate(12 + body.length).order(ByteOrder.LITTLE_ENDIAN)
                .putShort((short) 0x5353).put((byte) type).put((byte) 0).putInt((int) length).putInt(seq).put(body).array();
    }

    @Test
    void aLyingLengthEndsTheCaptureInOneLineAfterTheGoodMessages() throws Exception {
        byte[] heartbeat = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(99).array();
        for (long length : new long[] {4, 0xFFFFFFF0L}) {
            CliRun capture = CliRun.start("capture", proto.header.toString(), "--type", "Msg", "--listen", "0", "--framing", "record");
            Matcher m = Pattern.compile("listening on [^ ]+:(\\d+)").matcher(capture.awaitErr("listening on"));
            assertTrue(m.find(), capture.err.toString());
            try (Socket socket = new Socket("127.0.0.1", Integer.parseInt(m.group(1)))) {
                socket.getOutputStream().write(message(5, 20, 0, heartbeat));
                socket.getOutputStream().write(message(5, length, 1, heartbeat));
                socket.getOutputStream().flush();
                assertEquals(2, capture.status(), "length " + length + ": " + capture.err);
            }
            List<JsonNode> rows = DynamicCli.jsonLines(capture.out.toString());
            assertEquals(1, rows.size(), "the good message is printed: " + capture.out);
            assertEquals(99, rows.get(0).get("body").get("heartbeat").get("ts_ns").asInt());
            List<String> err = capture.err.toString().lines().filter(l -> !l.contains("listening on")).toList();
            assertEquals(1, err.size(), "length " + length + ": one line: " + capture.err);
            assertTrue(err.get(0).matches("structscope: .*offset 20\\b.*"), "names where the bad message starts: " + err);
        }
    }

    @Test
    void theBundledStreamAndRecordingDecodeAsThePeerMadeThem() throws Exception {
        // make_dynamic_samples.py wrote proto.bin and proto.pcapng from proto_peer.messages(2026, 40).
        Path expect = Files.writeString(dir.resolve("expect.jsonl"), proto.expect(2026, 40));
        Path stream = Samples.extract(Samples.byData("proto.bin"), dir);
        JsonNode decoded = DynamicCli.decode(proto.header.toString(), "--type", "Msg", stream.toString(), "--all");
        assertEquals(List.of(), JsonCompare.diff(JsonCompare.parse(DynamicCli.jsonLines(Files.readString(expect)).toString()),
                decoded, Set.of(), Set.of()), "proto.bin");
        Path rec = Samples.extract(Samples.byData("proto.pcapng"), dir);
        CliRun replay = CliRun.run("capture", proto.header.toString(), "--type", "Msg", "--replay", rec.toString());
        assertEquals(0, replay.status(), replay.err.toString());
        assertAsSent(2026, expect, replay.out.toString());
    }

    /** Adds every numeric leaf of {@code node} under its dotted member path (array elements flattened). */
    private static void leaves(String path, JsonNode node, Map<String, List<BigDecimal>> out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> leaves(path.isEmpty() ? e.getKey() : path + "." + e.getKey(), e.getValue(), out));
        } else if (node.isArray()) {
            node.forEach(e -> leaves(path, e, out));
        } else if (node.isNumber()) {
            out.computeIfAbsent(path, k -> new ArrayList<>()).add(node.decimalValue());
        }
    }

    @Test
    void statsOverTheStreamAgreeWithThePeersMessages() throws Exception {
        Path stream = proto.stream(MESSAGES);
        Map<String, List<BigDecimal>> expected = new LinkedHashMap<>();
        for (JsonNode m : proto.expected(MESSAGES)) {
            leaves("", m, expected);
        }
        CliRun run = CliRun.run("stats", proto.header.toString(), "--type", "Msg", stream.toString(), "--json");
        assertEquals(0, run.status(), run.err.toString());
        JsonNode stats = JsonCompare.parse(run.out.toString());
        assertEquals(MESSAGES, stats.get("records").asInt());
        JsonNode fields = stats.get("fields");
        for (var e : expected.entrySet()) {
            String what = "seed " + proto.seed + " " + e.getKey() + ": " + fields.get(e.getKey());
            JsonNode f = fields.get(e.getKey());
            assertNotNull(f, what);
            List<BigDecimal> v = e.getValue();
            assertEquals(v.size(), f.get("count").asInt(), what);
            assertEquals(0, v.stream().min(BigDecimal::compareTo).orElseThrow().compareTo(f.get("min").decimalValue()), what);
            assertEquals(0, v.stream().max(BigDecimal::compareTo).orElseThrow().compareTo(f.get("max").decimalValue()), what);
            double mean = v.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                    .divide(BigDecimal.valueOf(v.size()), MathContext.DECIMAL64).doubleValue();
            assertEquals(mean, f.get("mean").asDouble(), Math.abs(mean) * 1e-9 + 1e-9, what);
        }
    }

    /** The cells of one RFC 4180 line (quoted cells may hold commas and doubled quotes). */
    private static List<String> csvCells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                cell.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    /**
     * Records of different shapes (other union alternatives, other counts) in one CSV: every row
     * must line up with the header row (RFC 4180: the same number of fields in each line), or
     * CSV is refused in one line. A row shaped like the first record only would put a trade's
     * price under a hello's name column.
     */
    @Test
    void csvOfRecordsOfDifferentShapesLinesUpWithItsHeaderOrIsRefused() {
        Path stream = Samples.extract(Samples.byData("proto.bin"), dir);
        Path pcap = Samples.extract(Samples.byData("packets.pcap"), dir);
        for (List<String> args : List.of(
                List.of("decode", proto.header.toString(), "--type", "Msg", stream.toString(), "--all", "--format", "csv"),
                List.of("decode", dir.resolve("pcap_file.h").toString(), "--type", "PcapRecord", pcap.toString(),
                        "--offset", "24", "--all", "--format", "csv"))) {
            CliRun run = CliRun.run(args.toArray(String[]::new));
            if (run.status() == 2) {
                assertEquals(1, run.err.toString().lines().count(), run.err.toString());
                continue;
            }
            assertEquals(0, run.status(), run.err.toString());
            List<String> lines = run.out.toString().lines().toList();
            int columns = csvCells(lines.get(0)).size();
            for (int i = 1; i < lines.size(); i++) {
                assertEquals(columns, csvCells(lines.get(i)).size(),
                        String.join(" ", args) + ": row " + i + " has as many cells as the header " + lines.get(0) + ": " + lines.get(i));
            }
        }
    }

    @Test
    void theSameStreamAsAFileDecodesBackToBack() throws Exception {
        Path stream = proto.stream(MESSAGES);
        List<JsonNode> expected = proto.expected(MESSAGES);
        JsonNode decoded = DynamicCli.decode(proto.header.toString(), "--type", "Msg", stream.toString(), "--all");
        assertEquals(List.of(), JsonCompare.diff(JsonCompare.parse(expected.toString()), decoded, Set.of(), Set.of()),
                "seed " + proto.seed);
    }
}
