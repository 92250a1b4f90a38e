package dev.structscope.app.hexview;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs a python3 script (the outside truth of these tests) and returns its stdout lines. */
public final class Py {
    private Py() {
    }

    /**
     * Runs {@code body} with {@code struct} and {@code sys} imported and the bytes of {@code file}
     * in {@code d}; returns its stdout lines.
     */
    public static List<String> overBytes(Path dir, Path file, String body) throws IOException, InterruptedException {
        return run(dir, "import struct, sys\nd = open(sys.argv[1], 'rb').read()\n" + body, file.toString());
    }

    public static List<String> run(Path dir, String script, String... args) throws IOException, InterruptedException {
        Path file = Files.createTempFile(dir, "t", ".py");
        Files.writeString(file, script);
        List<String> cmd = new java.util.ArrayList<>(List.of("python3", file.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "python timed out");
        assertEquals(0, p.exitValue(), "python failed: " + out);
        return out.lines().toList();
    }
}
