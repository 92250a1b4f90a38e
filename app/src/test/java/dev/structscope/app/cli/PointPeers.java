package dev.structscope.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.structscope.io.net.PythonPeer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The exchanges {@code capture} and {@code send} have with the Python peers ({@code mp_peer.py})
 * and with each other, whatever the transport: the base of the TCP and the Unix socket tests, which
 * run them over their own addresses ({@code 127.0.0.1:PORT}, {@code unix:PATH}). The record is the
 * peers' ctypes {@code Point}. JUnit sets the folder and the header before each test, on its thread.
 */
abstract class PointPeers {
    static final ObjectMapper JSON = new ObjectMapper();
    /** Asked once: every test of these exchanges needs the peers. */
    private static final boolean PYTHON = PythonPeer.available();

    /** The test's folder. */
    @TempDir
    Path dir;
    /** The header of the peers' {@code Point}, in {@link #dir}. */
    Path header;

    /**
     * What every test of these exchanges starts from: python3 (the peers; the test is skipped
     * without it) and the header of the peers' {@code Point}.
     */
    @BeforeEach
    void writeHeader() throws IOException {
        assumeTrue(PYTHON, "python3 is needed");
        header = Files.writeString(dir.resolve("point.h"), """
                #include <stdint.h>
                /* The ctypes Point of the tests' Python peers. */
                struct Point { int32_t x; int32_t y; double z; };
                """);
    }

    static List<JsonNode> jsonLines(String out) throws IOException {
        List<JsonNode> rows = new ArrayList<>();
        for (String line : out.lines().toList()) {
            rows.add(JSON.readTree(line));
        }
        return rows;
    }

    /**
     * Captures from a peer listening at {@code address} that sends three points (authkey
     * {@code s3cret}): point i is (i, -i, 1.5 i), as the peer makes them.
     */
    void capturesThreePoints(String address) throws IOException {
        CliRun run = CliRun.run("capture", header.toString(), "--type", "Point", "--connect", address,
                "--framing", "mp", "--authkey", "s3cret", "--count", "3");
        assertEquals(0, run.status(), run.err.toString());
        List<JsonNode> rows = jsonLines(run.out.toString());
        assertEquals(3, rows.size());
        assertEquals(JSON.readTree("{\"_seq\":2,\"_len\":16,\"x\":2,\"y\":-2,\"z\":3.0}"), rows.get(2));
    }

    /** Sends one point to {@code py}, listening at {@code address} with authkey {@code k}: it gets the ctypes bytes. */
    void sendsOnePoint(PythonPeer py, String address) throws IOException {
        CliRun run = CliRun.run("send", header.toString(), "--type", "Point", "--connect", address,
                "--framing", "mp", "--authkey", "k", "--values", "{\"x\": 7, \"y\": -8, \"z\": 2.25}");
        assertEquals(0, run.status(), run.err.toString());
        assertEquals("GOT 07000000f8ffffff0000000000000240", py.line());
    }

    /** Sends 20000 points to {@code capture} (started with u32le framing) at {@code address}; returns its summary. */
    String sendsManyInto(CliRun capture, String address) {
        CliRun send = CliRun.run("send", header.toString(), "--type", "Point", "--connect", address,
                "--framing", "u32le", "--values", "{\"x\": 1, \"z\": -0.5}", "--repeat", "20000");
        assertEquals(0, send.status(), send.err.toString());
        assertEquals(0, capture.status(), capture.err.toString());
        return capture.out.toString();
    }
}
