package dev.structscope.app.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs the CLI in-process, capturing stdout, stderr and the exit status; optionally in the background. */
final class CliRun {
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    private CompletableFuture<Integer> status;
    /** The command line, for failure messages. */
    private String command;

    static CliRun run(String... args) {
        CliRun r = new CliRun();
        r.command = String.join(" ", args);
        r.status = CompletableFuture.completedFuture(StructScopeCli.run(new PrintWriter(r.out, true),
                new PrintWriter(r.err, true), args));
        return r;
    }

    static CliRun start(String... args) {
        CliRun r = new CliRun();
        r.command = String.join(" ", args);
        r.status = CompletableFuture.supplyAsync(() -> StructScopeCli.run(new PrintWriter(r.out, true),
                new PrintWriter(r.err, true), args));
        return r;
    }

    /** Waits until stderr contains {@code text} (e.g. "listening on"), or fails after 20 s. */
    String awaitErr(String text) throws InterruptedException {
        for (int i = 0; i < 400; i++) {
            String e = err.toString();
            if (e.contains(text)) {
                return e;
            }
            if (status.isDone()) {
                break;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no '" + text + "' on stderr; got: " + err + " / out: " + out);
    }

    /**
     * Asserts the contract's answer to bad input: exit status 2 and exactly one line on stderr,
     * {@code structscope: ...} (never a stack trace). Returns that line.
     */
    String refusal() {
        int s = status();
        String line = err.toString().strip();
        String stdout = out.toString().length() > 300 ? out.toString().substring(0, 300) + "…" : out.toString();
        assertEquals(2, s, () -> command + ": exit status; stderr: " + err + " stdout: " + stdout);
        assertEquals(1, line.lines().count(), () -> command + ": one line on stderr: " + err);
        assertTrue(line.startsWith("structscope: "), () -> command + ": " + line);
        return line;
    }

    /** Asserts exit status 0, naming the command and its stderr otherwise. */
    void succeeded() {
        int s = status();
        assertEquals(0, s, () -> command + ": exit status; stderr: " + err);
    }

    /** Asserts that a command's output {@code text} holds every one of {@code parts}, naming the first one missing. */
    static void assertContainsAll(String text, String... parts) {
        for (String part : parts) {
            assertTrue(text.contains(part), () -> "no '" + part + "' in:\n" + text);
        }
    }

    int status() {
        try {
            return status.get(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the command did not end: " + err, e);
        }
    }
}
