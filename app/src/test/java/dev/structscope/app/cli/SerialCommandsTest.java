package dev.structscope.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.structscope.io.net.PythonPeer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code capture --serial} and {@code send --serial} on a pseudo-terminal pair made by socat (a
 * serial line without hardware): Python writes framed ctypes Points into one end and StructScope
 * decodes them from the other; StructScope sends and Python reads; {@code stty} reports the line
 * settings StructScope made; the pair closing ends a capture cleanly with one line.
 */
class SerialCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    Path header;
    Process socat;
    Path a;
    Path b;

    @BeforeEach
    void pair() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/socat")), "socat is needed (Debian socat)");
        assumeTrue(PythonPeer.available(), "python3 is needed");
        header = dir.resolve("point.h");
        Files.writeString(header, "#include <stdint.h>\nstruct Point { int32_t x; int32_t y; double z; };\n");
        a = dir.resolve("a");
        b = dir.resolve("b");
        socat = new ProcessBuilder("socat", "pty,raw,echo=0,link=" + a, "pty,raw,echo=0,link=" + b)
                .redirectErrorStream(true).redirectOutput(dir.resolve("socat.log").toFile()).start();
        for (int i = 0; i < 200 && !(Files.exists(a) && Files.exists(b)); i++) {
            Thread.sleep(25);
        }
        assertTrue(Files.exists(a) && Files.exists(b), "socat made the pty pair");
    }

    @AfterEach
    void unpair() throws Exception {
        if (socat != null) {
            socat.destroy();
            socat.waitFor(5, TimeUnit.SECONDS);
        }
    }

    private String python(String code, String... args) throws Exception {
        Path script = dir.resolve("p.py");
        Files.writeString(script, """
                import ctypes, struct, sys
                class Point(ctypes.Structure):
                    _fields_ = [("x", ctypes.c_int32), ("y", ctypes.c_int32), ("z", ctypes.c_double)]
                """ + code);
        List<String> cmd = new java.util.ArrayList<>(List.of("python3", script.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    static final String WRITE = """
            with open(sys.argv[1], "wb", buffering=0) as f:
                for i in range(int(sys.argv[2])):
                    p = bytes(Point(i, -i, i * 0.25))
                    f.write(struct.pack("<I", len(p)) + p)
            """;

    @Test
    void pythonWritesFramedPointsAndCaptureDecodesThemWithTheLineSettingsSttyReports() throws Exception {
        CliRun run = CliRun.start("capture", header.toString(), "--type", "Point", "--serial", b.toString(),
                "--baud", "9600", "--parity", "odd", "--stop-bits", "2", "--framing", "u32le", "--count", "50");
        run.awaitErr("reading serial:");
        String stty = new String(new ProcessBuilder("stty", "-F", b.toString(), "-a").redirectErrorStream(true).start()
                .getInputStream().readAllBytes());
        assertTrue(stty.contains("speed 9600 baud"), stty);
        // A pty keeps what it is given except parity enable: Linux's pty driver clears PARENB (and
        // forces CS8) on every set, so parodd shows that the parity request reached the driver.
        java.util.Set<String> words = new java.util.HashSet<>(List.of(stty.split("[\\s;]+")));
        for (String flag : List.of("parodd", "cs8", "cstopb", "cread", "clocal", "-icanon", "-isig", "-echo",
                "-crtscts", "-ixon", "-opost")) {
            assertTrue(words.contains(flag), flag + " in " + stty);
        }
        assertTrue(stty.contains("min = 1; time = 0;"), stty);
        python(WRITE, a.toString(), "50");
        assertEquals(0, run.status(), run.err.toString());
        List<String> lines = run.out.toString().lines().toList();
        assertEquals(50, lines.size());
        assertEquals(JSON.readTree("{\"_seq\":49,\"_len\":16,\"x\":49,\"y\":-49,\"z\":12.25}"), JSON.readTree(lines.get(49)));
    }

    @Test
    void theOtherEndClosingEndsTheCaptureCleanlyWithOneLine() throws Exception {
        CliRun run = CliRun.start("capture", header.toString(), "--type", "Point", "--serial", b.toString(),
                "--framing", "u32le", "--format", "none");
        run.awaitErr("reading serial:");
        python(WRITE, a.toString(), "7");
        Thread.sleep(300); // let socat pass the bytes on before it goes
        socat.destroy();
        assertEquals(0, run.status(), run.err.toString());
        assertTrue(run.out.toString().startsWith("messages=7 "), run.out.toString());
        List<String> err = run.err.toString().strip().lines().toList();
        assertTrue(err.getLast().contains("the line hung up"), run.err.toString());
    }

    @Test
    void sendWritesFramedRecordsThatPythonReads() throws Exception {
        Path out = dir.resolve("got.txt");
        Process reader = new ProcessBuilder("python3", "-c", """
                import sys, struct
                with open(sys.argv[1], "rb", buffering=0) as f, open(sys.argv[2], "w") as o:
                    for _ in range(3):
                        n = struct.unpack("<I", f.read(4))[0]
                        body = b""
                        while len(body) < n:
                            body += f.read(n - len(body))
                        o.write(body.hex() + "\\n")
                """, b.toString(), out.toString()).redirectErrorStream(true).start();
        Thread.sleep(300);
        CliRun send = CliRun.run("send", header.toString(), "--type", "Point", "--serial", a.toString(),
                "--framing", "u32le", "--values", "{\"x\": 7, \"y\": -8, \"z\": 2.25}", "--repeat", "3");
        assertEquals(0, send.status(), send.err.toString());
        assertTrue(reader.waitFor(20, TimeUnit.SECONDS), "python read three frames");
        assertEquals(List.of("07000000f8ffffff0000000000000240", "07000000f8ffffff0000000000000240",
                "07000000f8ffffff0000000000000240"), Files.readAllLines(out));
    }

    @Test
    void badDevicesAndSettingsAreOneLineEach() throws Exception {
        Path plain = dir.resolve("plain.bin");
        Files.write(plain, new byte[4]);
        CliRun notATty = CliRun.run("capture", header.toString(), "--type", "Point", "--serial", plain.toString());
        assertEquals("structscope: serial:" + plain + ": not a serial port or terminal: Inappropriate ioctl for device",
                notATty.refusal());
        CliRun missing = CliRun.run("capture", header.toString(), "--type", "Point", "--serial", "/dev/ttyNOPE9");
        assertEquals(2, missing.status());
        assertTrue(missing.err.toString().startsWith("structscope: serial:/dev/ttyNOPE9: no such device"), missing.err.toString());
        CliRun baud = CliRun.run("capture", header.toString(), "--type", "Point", "--serial", b.toString(), "--baud", "12345");
        assertEquals(2, baud.status());
        assertTrue(baud.err.toString().contains("12345 is not a rate"), baud.err.toString());
        CliRun parity = CliRun.run("send", header.toString(), "--type", "Point", "--serial", a.toString(), "--values", "{}",
                "--parity", "mark");
        parity.refusal();
    }
}
