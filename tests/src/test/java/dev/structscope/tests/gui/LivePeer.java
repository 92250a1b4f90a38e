package dev.structscope.tests.gui;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs the test resource {@code live/live_peer.py} as a real Python peer, reading its stdout line by line. */
final class LivePeer implements AutoCloseable {
    /** Reads on threads of its own: a blocked read must not hold a worker of the common pool. */
    private static final java.util.concurrent.ExecutorService READER = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();
    private final Process process;
    private final BufferedReader out;

    LivePeer(String... args) throws IOException {
        Path file = Files.createTempFile("live_peer", ".py");
        try (var in = LivePeer.class.getResourceAsStream("/live/live_peer.py")) {
            Files.write(file, in.readAllBytes());
        }
        file.toFile().deleteOnExit();
        List<String> cmd = new ArrayList<>(List.of("python3", file.toString()));
        cmd.addAll(List.of(args));
        process = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    static boolean available() {
        try {
            return new ProcessBuilder("python3", "-c", "import multiprocessing.connection, ctypes").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** The next line the peer prints, waiting at most 30 s (a silent peer fails the test, not hangs it). */
    String line() throws Exception {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, READER).get(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
