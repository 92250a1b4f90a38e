package dev.structscope.io.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs outside tools (gcc, python3) from tests and returns their stdout. */
public final class Tools {
    private Tools() {
    }

    public static String run(Path dir, List<String> command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.redirectError(dir.resolve("stderr.txt").toFile());
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "timed out: " + command);
        String err = java.nio.file.Files.readString(dir.resolve("stderr.txt"));
        assertEquals(0, p.exitValue(), command + " failed: " + err);
        return new String(out, StandardCharsets.UTF_8);
    }

    /** python3 from PATH (the ctypes tests need nothing beyond the standard library). */
    public static String python() {
        return "python3";
    }
}
