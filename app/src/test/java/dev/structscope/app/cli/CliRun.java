package dev.structscope.app.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.CompletableFuture;

/** Runs the CLI in-process, capturing stdout, stderr and the exit status; optionally in the background. */
final class CliRun {
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    private CompletableFuture<Integer> status;

    static CliRun run(String... args) {
        CliRun r = new CliRun();
        r.status = CompletableFuture.completedFuture(StructScopeCli.run(new PrintWriter(r.out, true),
                new PrintWriter(r.err, true), args));
        return r;
    }

    static CliRun start(String... args) {
        CliRun r = new CliRun();
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

    int status() {
        try {
            return status.get(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the command did not end: " + err, e);
        }
    }
}
