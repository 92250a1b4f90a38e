package dev.structscope.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.structscope.io.net.PythonPeer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code python3 writer.py | structscope capture ... --stdin}: a real pipe into a real process.
 * Python writes ctypes Points in each stream framing — back to back, u32le prefixes, and
 * {@code multiprocessing.connection} frames (a Connection over its standard output) — and every
 * record comes out decoded, in order, with the values Python gave them.
 */
class StdinCaptureTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static Path header;

    static final String WRITER = """
            import ctypes, struct, sys, multiprocessing.connection as mpc

            class Point(ctypes.Structure):
                _fields_ = [("x", ctypes.c_int32), ("y", ctypes.c_int32), ("z", ctypes.c_double)]

            framing, n = sys.argv[1], int(sys.argv[2])
            out = sys.stdout.buffer
            conn = mpc.Connection(1, readable=False) if framing == "mp" else None
            for i in range(n):
                p = bytes(Point(i, -3 * i, i / 4))
                if framing == "fixed":
                    out.write(p)
                elif framing == "u32le":
                    out.write(struct.pack("<I", len(p)) + p)
                else:
                    conn.send_bytes(p)
            out.flush()
            """;

    @BeforeAll
    static void setUp() throws Exception {
        assumeTrue(PythonPeer.available(), "python3 is needed");
        header = dir.resolve("point.h");
        Files.writeString(header, "#include <stdint.h>\nstruct Point { int32_t x; int32_t y; double z; };\n");
        Files.writeString(dir.resolve("writer.py"), WRITER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"fixed", "u32le", "mp"})
    void everyRecordPipedInComesOutDecoded(String framing) throws Exception {
        int n = 5000;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cmd = "python3 writer.py " + framing + " " + n + " | '" + java + "' --enable-native-access=ALL-UNNAMED -cp '"
                + System.getProperty("java.class.path") + "' dev.structscope.app.Main capture '" + header
                + "' --type Point --stdin --framing " + framing;
        Process p = new ProcessBuilder("bash", "-c", cmd).directory(dir.toFile())
                .redirectError(dir.resolve("err-" + framing + ".txt").toFile()).start();
        List<String> lines = new String(p.getInputStream().readAllBytes()).lines().toList();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), Files.readString(dir.resolve("err-" + framing + ".txt")));
        assertEquals(n, lines.size());
        for (int i : new int[] {0, 1, 2499, n - 1}) {
            JsonNode row = JSON.readTree(lines.get(i));
            assertEquals(i, row.get("_seq").asInt());
            assertEquals(i, row.get("x").asInt());
            assertEquals(-3 * i, row.get("y").asInt());
            assertEquals(i / 4.0, row.get("z").asDouble());
        }
    }
}
