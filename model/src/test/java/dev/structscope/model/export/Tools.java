package dev.structscope.model.export;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the outside tool chains the export tests check against; skips a test when a tool is missing. */
final class Tools {
    private Tools() {
    }

    /** Output and exit status of a finished process. */
    record Run(int status, String output) {
        boolean ok() {
            return status == 0;
        }
    }

    /** The first of the candidates that is an executable file or found on PATH, or null. */
    static String find(String... candidates) {
        for (String c : candidates) {
            if (c.contains("/")) {
                if (Files.isExecutable(Path.of(c))) {
                    return c;
                }
                continue;
            }
            String path = System.getenv().getOrDefault("PATH", "");
            for (String dir : path.split(":")) {
                if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, c))) {
                    return Path.of(dir, c).toString();
                }
            }
        }
        return null;
    }

    /** The tool, or a skipped test (JUnit assumption) saying what CI must install. */
    static String require(String what, String... candidates) {
        String t = find(candidates);
        Assumptions.assumeTrue(t != null, what + " is not installed");
        return t;
    }

    /** A CPython 3.13 or newer minor of 3.13 (the first that honours ctypes' {@code _align_}), or null. */
    static String python313() {
        Path versions = Path.of(System.getProperty("user.home"), ".pyenv", "versions");
        if (Files.isDirectory(versions)) {
            try (var s = Files.list(versions)) {
                for (Path v : s.sorted().toList()) {
                    if (v.getFileName().toString().startsWith("3.13") && Files.isExecutable(v.resolve("bin/python3"))) {
                        return v.resolve("bin/python3").toString();
                    }
                }
            } catch (IOException e) {
                return null;
            }
        }
        return find("python3.13");
    }

    static Run run(Path dir, List<String> command) {
        try {
            ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command)).directory(dir.toFile()).redirectErrorStream(true);
            Process p = pb.start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("timed out: " + command);
            }
            return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static Run run(Path dir, String... command) {
        return run(dir, List.of(command));
    }
}
