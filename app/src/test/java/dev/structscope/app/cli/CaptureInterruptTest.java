package dev.structscope.app.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A listening capture waits for its peer as long as it takes (the contract ends it after
 * {@code --count} messages or when the peer closes; no idle time-out by default), so Ctrl+C is how
 * a user often ends one: {@code --format none} then still prints its summary line of what it saw,
 * as ping and tcpdump do. Runs the CLI in a JVM of its own and ends it with SIGINT, as Ctrl+C does.
 */
class CaptureInterruptTest {
    @TempDir
    Path dir;

    @Test
    void aCaptureEndedBySignalSaysWhatItSaw() throws Exception {
        Path h = Files.writeString(dir.resolve("p.h"), "struct P { int x; int y; };\n");
        Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.structscope.app.Main",
                "capture", h.toString(), "--type", "P", "--listen", "0", "--format", "none"))
                .redirectErrorStream(false).start();
        try {
            BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
            String listening = err.readLine();
            Matcher m = Pattern.compile("structscope: listening on 127\\.0\\.0\\.1:(\\d+)").matcher(String.valueOf(listening));
            assertTrue(m.matches(), listening);
            try (Socket s = new Socket("127.0.0.1", Integer.parseInt(m.group(1)))) {
                OutputStream o = s.getOutputStream();
                o.write(new byte[24]); // three records of 8 bytes
                o.flush();
                // The peer stays connected: nothing but the signal ends the capture.
                Thread.sleep(1000);
                assertTrue(p.isAlive(), "no idle time-out ends a capture by default");
                assertEquals(0, new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor());
                assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(out.matches("messages=3 bytes=24 seconds=\\d+\\.\\d{3} rate=\\d+\\.\\d dropped=0\\n"), out);
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void theIdleTimeOutIsOffUnlessAsked() {
        assertEquals(0.0, new CaptureCommand().idleSeconds);
    }
}
