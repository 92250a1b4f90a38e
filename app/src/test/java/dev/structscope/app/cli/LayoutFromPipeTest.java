package dev.structscope.app.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A LAYOUT given as a pipe — what {@code compare a.h <(structscope export b.h --to json)} hands
 * over, a FIFO here — is read once and taken for what it holds: a header, a layout document, and
 * an ELF binary refused with a reason (it said "cannot read '/dev/fd/63': /dev/fd/63").
 */
class LayoutFromPipeTest {
    @TempDir
    Path dir;

    /** The output of {@code args}, with {@code content} written into a fresh FIFO that stands for LAYOUT ({@code "FIFO"}). */
    private CliRun throughFifo(byte[] content, String... args) throws Exception {
        Path fifo = dir.resolve("fifo" + System.nanoTime());
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try {
                Files.write(fifo, content); // blocks until the command opens the FIFO
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        for (int i = 0; i < args.length; i++) {
            args[i] = args[i].equals("FIFO") ? fifo.toString() : args[i];
        }
        CliRun r = CliRun.run(args);
        writer.get(30, java.util.concurrent.TimeUnit.SECONDS);
        return r;
    }

    @Test
    void aPipeHoldsAHeaderADocumentOrIsRefused() throws Exception {
        String header = "struct T { int a; char b; };\n";
        Path file = Files.writeString(dir.resolve("t.h"), header);
        CliRun fromFile = CliRun.run("layout", file.toString(), "--json");
        CliRun fromPipe = throughFifo(header.getBytes(), "layout", "FIFO", "--json");
        assertEquals(0, fromPipe.status(), fromPipe.err.toString());
        assertEquals(fromFile.out.toString(), fromPipe.out.toString());

        CliRun doc = CliRun.run("export", file.toString(), "--to", "json");
        CliRun compared = throughFifo(doc.out.toString().getBytes(), "compare", file.toString(), "FIFO");
        assertEquals(0, compared.status(), compared.err.toString());
        assertEquals("0 of 1 records differ", compared.out.toString().strip());

        byte[] elf = Files.readAllBytes(dev.structscope.samples.Samples.extract(
                dev.structscope.samples.Samples.byData("hello.elf"), dir));
        String refused = throughFifo(elf, "layout", "FIFO").refusal();
        assertTrue(refused.contains("an ELF binary is read in place, so it must be a file"), refused);
    }
}
