package dev.structscope.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.structscope.io.net.PythonPeer;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code capture} and {@code send} end to end, with Python peers and with each other, on loopback. */
class NetCommandsTest extends PointPeers {
    private static int listeningPort(CliRun run) throws InterruptedException {
        Matcher m = Pattern.compile("listening on [^ ]+:(\\d+)").matcher(run.awaitErr("listening on"));
        assertTrue(m.find());
        return Integer.parseInt(m.group(1));
    }

    @Test
    void aRecordingThatIsNotThereIsSaidSo() {
        Path missing = dir.resolve("missing.pcapng");
        assertEquals("structscope: " + missing + ": no such file",
                CliRun.run("capture", header.toString(), "--type", "Point", "--replay", missing.toString()).refusal());
    }

    @Test
    void capturesCtypesPointsFromAPythonListenerWithTheNewHandshake() throws Exception {
        try (PythonPeer py = new PythonPeer("mp_peer.py", "listen", "0", "s3cret", "sha256", "3")) {
            capturesThreePoints("127.0.0.1:" + py.line().strip());
        }
    }

    @Test
    void capturesFromAPythonClientWithTheOldHandshakeAndReplaysTheRecording() throws Exception {
        Path rec = dir.resolve("points.pcapng");
        CliRun run = CliRun.start("capture", header.toString(), "--type", "Point", "--listen", "0",
                "--framing", "mp", "--authkey", "pw", "--format", "text", "--save", rec.toString());
        int port = listeningPort(run);
        try (PythonPeer py = new PythonPeer("mp_peer.py", "client", String.valueOf(port), "pw", "md5", "4")) {
            assertEquals("SENT 4", py.line());
            assertEquals(0, run.status(), run.err.toString());
        }
        List<String> lines = run.out.toString().lines().toList();
        assertEquals(4, lines.size(), run.out.toString());
        assertTrue(lines.get(3).matches("#3 16 B from 127\\.0\\.0\\.1:\\d+  x=3 y=-3 z=4\\.5"), lines.get(3));

        CliRun replay = CliRun.run("capture", header.toString(), "--type", "Point", "--replay", rec.toString());
        assertEquals(0, replay.status(), replay.err.toString());
        List<JsonNode> rows = jsonLines(replay.out.toString());
        assertEquals(4, rows.size());
        assertEquals(JSON.readTree("{\"_seq\":1,\"_len\":16,\"x\":1,\"y\":-1,\"z\":1.5}"), rows.get(1));
    }

    @Test
    void sendsARecordThatAPythonListenerReceives() throws Exception {
        try (PythonPeer py = new PythonPeer("mp_peer.py", "listen", "0", "k", "md5", "0")) {
            sendsOnePoint(py, "127.0.0.1:" + py.line().strip());
        }
    }

    @Test
    void sendRepeatedIntoCaptureLosesNothing() throws Exception {
        CliRun capture = CliRun.start("capture", header.toString(), "--type", "Point", "--listen", "127.0.0.1:0",
                "--framing", "u32le", "--format", "none");
        String summary = sendsManyInto(capture, "127.0.0.1:" + listeningPort(capture));
        assertTrue(summary.matches("messages=20000 bytes=320000 seconds=[0-9.]+ rate=[0-9.]+ dropped=0\\s*"), summary);
    }

    @Test
    void listenWithACountEndsWhenThePeerClosesFirstAndPrintsTheSummary() throws Exception {
        // --idle-timeout 0: without the fix the capture would wait for the missing messages forever.
        CliRun capture = CliRun.start("capture", header.toString(), "--type", "Point", "--listen", "127.0.0.1:0",
                "--framing", "u32le", "--format", "none", "--count", "10", "--idle-timeout", "0");
        int port = listeningPort(capture);
        CliRun send = CliRun.run("send", header.toString(), "--type", "Point", "--connect", "127.0.0.1:" + port,
                "--framing", "u32le", "--values", "{\"x\": 1}", "--repeat", "3");
        assertEquals(0, send.status(), send.err.toString());
        assertEquals(0, capture.status(), capture.err.toString());
        assertTrue(capture.out.toString().matches("messages=3 bytes=48 seconds=[0-9.]+ rate=[0-9.]+ dropped=0\\s*"),
                capture.out.toString());
    }

    @Test
    void connectWithACountEndsWhenThePeerClosesFirstAndPrintsTheSummary() throws Exception {
        try (java.net.ServerSocket server = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Thread peer = Thread.ofVirtual().start(() -> {
                try (java.net.Socket s = server.accept()) {
                    s.getOutputStream().write(new byte[32]); // two fixed-size records, then close
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            CliRun capture = CliRun.run("capture", header.toString(), "--type", "Point", "--connect",
                    "127.0.0.1:" + server.getLocalPort(), "--format", "none", "--count", "10", "--idle-timeout", "0");
            peer.join();
            assertEquals(0, capture.status(), capture.err.toString());
            assertTrue(capture.out.toString().matches("messages=2 bytes=32 seconds=[0-9.]+ rate=[0-9.]+ dropped=0\\s*"),
                    capture.out.toString());
        }
    }

    @Test
    void udpDatagramsDecodeOneRecordEachAndShortOnesGiveNulls() throws Exception {
        CliRun capture = CliRun.start("capture", header.toString(), "--type", "Point", "--udp", "0", "--count", "2");
        Matcher m = Pattern.compile("receiving UDP on [^ ]+:(\\d+) \\(kernel receive buffer \\d+ bytes\\)")
                .matcher(capture.awaitErr("receiving UDP"));
        assertTrue(m.find(), capture.err.toString());
        int port = Integer.parseInt(m.group(1));
        try (java.nio.channels.DatagramChannel ch = java.nio.channels.DatagramChannel.open()) {
            var to = new java.net.InetSocketAddress("127.0.0.1", port);
            ch.send(java.nio.ByteBuffer.wrap(new byte[] {5, 0, 0, 0, 6, 0}), to); // x whole, y cut, no z
            byte[] longer = new byte[20];
            longer[0] = 9;
            ch.send(java.nio.ByteBuffer.wrap(longer), to);
        }
        assertEquals(0, capture.status(), capture.err.toString());
        List<JsonNode> rows = jsonLines(capture.out.toString());
        assertEquals(JSON.readTree("{\"_seq\":0,\"_len\":6,\"x\":5,\"y\":null,\"z\":null}"), rows.get(0));
        assertEquals(JSON.readTree("{\"_seq\":1,\"_len\":20,\"x\":9,\"y\":0,\"z\":0.0,\"_extra\":4}"), rows.get(1));
    }

    @Test
    void aWrongAuthkeyEndsWithStatusTwoAndOneLine() throws Exception {
        try (PythonPeer py = new PythonPeer("mp_peer.py", "listen", "0", "right", "sha256", "1")) {
            String port = py.line().strip();
            CliRun run = CliRun.run("capture", header.toString(), "--type", "Point", "--connect", "127.0.0.1:" + port,
                    "--framing", "mp", "--authkey", "wrong");
            String err = run.refusal();
            assertTrue(err.startsWith("structscope: 127.0.0.1:") && err.contains("authentication failed"), err);
        }
    }

    @Test
    void badOptionsAreOneLineWithStatusTwo() {
        CliRun run = CliRun.run("capture", header.toString(), "--type", "Point", "--connect", "nohostport");
        assertEquals("structscope: --connect: expected HOST:PORT, got 'nohostport'", run.refusal());
        run = CliRun.run("capture", header.toString(), "--type", "Point", "--listen", "0", "--framing", "u24");
        assertEquals(2, run.status());
        assertTrue(run.err.toString().contains("unknown framing 'u24'"), run.err.toString());
        run = CliRun.run("send", header.toString(), "--type", "Point", "--connect", "127.0.0.1:1", "--values", "{x:1}");
        assertEquals(2, run.status());
        assertTrue(run.err.toString().startsWith("structscope: --values: not valid JSON"), run.err.toString());
    }
}
