package dev.structscope.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.structscope.io.net.PythonPeer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code structscope capture} against Python peers that misbehave on a real loopback socket: one
 * that sends ONE BYTE A SECOND and then falls silent, one that resets the connection in the
 * middle of a message, one that stalls in the middle of a message, and a port already in use.
 * Each ends with the whole messages received printed, then exit status 2 and one line on stderr;
 * never a hang, a stack trace or a half message.
 */
class SocketFaultsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static Path header;

    /** MODE: trickle (5-byte frame, 1 byte/s, then 30 s of silence), reset, stall. Prints its port. */
    private static final String PEER = """
            import socket, struct, sys, time
            mode = sys.argv[1]
            srv = socket.socket(); srv.bind(("127.0.0.1", 0)); srv.listen(1)
            print(srv.getsockname()[1], flush=True)
            c, _ = srv.accept()
            c.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            frame = struct.pack(">H", 3) + bytes([7, 200, 42])
            if mode == "trickle":
                for b in frame:
                    c.sendall(bytes([b])); time.sleep(1.0)
                time.sleep(30)
            elif mode == "reset":
                c.sendall(frame + frame[:3]); time.sleep(0.5)
                c.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                c.close(); time.sleep(2)
            elif mode == "stall":
                c.sendall(frame + frame[:3]); time.sleep(30)
            """;

    @BeforeAll
    static void setUp() throws Exception {
        assumeTrue(PythonPeer.available(), "python3 is needed");
        header = Files.writeString(dir.resolve("three.h"), "#include <stdint.h>\nstruct Three { uint8_t a; uint8_t b; uint8_t c; };\n");
        Files.writeString(dir.resolve("peer.py"), PEER);
    }

    private record Peer(Process process, int port) implements AutoCloseable {
        static Peer start(String mode) throws Exception {
            Process p = new ProcessBuilder("python3", dir.resolve("peer.py").toString(), mode)
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String line = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
            return new Peer(p, Integer.parseInt(line.strip()));
        }

        @Override
        public void close() {
            process.destroyForcibly();
        }
    }

    private static CliRun capture(int port, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("capture", header.toString(), "--type", "Three",
                "--connect", "127.0.0.1:" + port, "--framing", "u16be"));
        args.addAll(List.of(more));
        return CliRun.run(args.toArray(String[]::new));
    }

    private static void oneWholeMessage(CliRun run) throws Exception {
        List<String> lines = run.out.toString().lines().toList();
        assertEquals(1, lines.size(), run.out.toString());
        assertEquals(JSON.readTree("{\"_seq\":0,\"_len\":3,\"a\":7,\"b\":200,\"c\":42}"), JSON.readTree(lines.get(0)));
    }

    private static void oneLineStatusTwo(CliRun run, String part) {
        String err = run.refusal();
        assertTrue(err.contains(part), err);
    }

    /**
     * Five bytes, one a second: the idle time-out (0.5 s) is far shorter than the gaps, yet the
     * frame is assembled, because inside a message the (longer) stall time-out applies. Then the
     * peer is silent and the idle time-out ends the capture cleanly.
     */
    @Test
    void oneByteASecondIsAssembledThenTheIdleTimeoutEndsIt() throws Exception {
        try (Peer peer = Peer.start("trickle")) {
            long t0 = System.nanoTime();
            CliRun run = capture(peer.port(), "--idle-timeout", "0.5", "--timeout", "2");
            oneLineStatusTwo(run, "(--idle-timeout)");
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            oneWholeMessage(run);
            assertTrue(ms >= 4000, "the frame took the peer 4 s to send, the capture ended after " + ms + " ms");
        }
    }

    @Test
    void aResetInTheMiddleOfAMessageIsOneLine() throws Exception {
        try (Peer peer = Peer.start("reset")) {
            CliRun run = capture(peer.port(), "--idle-timeout", "10");
            oneLineStatusTwo(run, "");
            String err = run.err.toString();
            assertTrue(err.contains("reset") || err.contains("in the middle of a message"), err);
            oneWholeMessage(run);
        }
    }

    @Test
    void aStallInTheMiddleOfAMessageTimesOut() throws Exception {
        try (Peer peer = Peer.start("stall")) {
            CliRun run = capture(peer.port(), "--idle-timeout", "10", "--timeout", "0.5");
            oneLineStatusTwo(run, "stalled in the middle of a message");
            oneWholeMessage(run);
        }
    }

    @Test
    void aPortInUseIsOneLine() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            CliRun run = CliRun.run("capture", header.toString(), "--type", "Three", "--listen",
                    "127.0.0.1:" + taken.getLocalPort(), "--framing", "u16be");
            oneLineStatusTwo(run, "cannot listen");
            assertTrue(run.err.toString().contains("127.0.0.1:" + taken.getLocalPort()), run.err.toString());
            assertEquals("", run.out.toString());
        }
    }
}
