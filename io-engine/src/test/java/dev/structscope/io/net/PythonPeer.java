package dev.structscope.io.net;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a Python script of these test resources ({@code /net/}) as a real peer, reading its stdout line by line. Also used by the app's CLI tests (io-engine test-jar). */
public final class PythonPeer implements AutoCloseable {
    private final Process process;
    private final BufferedReader out;

    public PythonPeer(String script, String... args) throws IOException {
        Path file = Files.createTempFile("peer", ".py");
        try (var in = PythonPeer.class.getResourceAsStream("/net/" + script)) {
            Files.write(file, in.readAllBytes());
        }
        List<String> cmd = new ArrayList<>(List.of("python3", file.toString()));
        cmd.addAll(List.of(args));
        process = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Capture options for tests against a Python peer: an idle limit long enough that a busy machine's slow peer is not taken for gone. */
    public static final CaptureOptions OPTIONS = CaptureOptions.defaults().withIdleMillis(15_000);

    /** Skips the calling test (a JUnit assumption) where python3 with multiprocessing is not installed. */
    public static void assumeAvailable() {
        org.junit.jupiter.api.Assumptions.assumeTrue(available(), "python3 with multiprocessing is needed");
    }

    public static boolean available() {
        try {
            return new ProcessBuilder("python3", "-c", "import multiprocessing.connection").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    public String line() throws IOException {
        return out.readLine();
    }

    public void finish() throws InterruptedException {
        process.waitFor(20, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
