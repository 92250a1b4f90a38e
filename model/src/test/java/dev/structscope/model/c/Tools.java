package dev.structscope.model.c;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Runs the outside compilers (gcc, clang-16) that the importer tests compare with. */
public final class Tools {
    private Tools() {
    }

    public static boolean has(String tool) {
        String path = System.getenv("PATH");
        for (String dir : path == null ? new String[0] : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    static void assumeTool(String tool) {
        assumeTrue(has(tool), tool + " is not installed: comparison skipped");
    }

    record Result(int exit, String out, String err) {
    }

    static Result run(List<String> cmd, Path dir) {
        try {
            Path out = Files.createTempFile(dir, "out", ".txt");
            Path err = Files.createTempFile(dir, "err", ".txt");
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectOutput(out.toFile())
                    .redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("timed out: " + cmd);
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /**
     * Compiles {@code source} with gcc and runs it (a 32-bit program as {@link
     * dev.structscope.model.layout.oracle.Compilers#runner} says); returns its standard output.
     */
    static String gccRun(String source, Path dir, String... flags) {
        try {
            Path c = dir.resolve("probe.c");
            Files.writeString(c, source);
            Path exe = dir.resolve("probe");
            List<String> cmd = new java.util.ArrayList<>(List.of("gcc", "-w", "-o", exe.toString(), c.toString()));
            cmd.addAll(List.of(flags));
            Result r = run(cmd, dir);
            if (r.exit() != 0) {
                throw new AssertionError("gcc failed:\n" + r.err());
            }
            Result x = run(dev.structscope.model.layout.oracle.Compilers.command(List.of(flags).contains("-m32"),
                    exe.toString()), dir);
            if (x.exit() != 0) {
                throw new AssertionError("probe failed: " + x.err());
            }
            return x.out();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
