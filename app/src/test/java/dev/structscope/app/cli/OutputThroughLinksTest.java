package dev.structscope.app.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code -o} names where the output goes, as it does for any Unix tool: through a symbolic link
 * (the link stays), into a FIFO (another program reads it as it is written). Writing a temporary
 * file and renaming it over the name used to replace the link or the FIFO with a regular file.
 */
class OutputThroughLinksTest {
    @TempDir
    Path dir;

    private Path header() throws IOException {
        return Files.writeString(dir.resolve("p.h"), "struct P { int x; int y; };\n");
    }

    private Path data() throws IOException {
        return Files.write(dir.resolve("p.bin"), new byte[] {1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0, 4, 0, 0, 0});
    }

    private Path fifo(String name) throws Exception {
        Path f = dir.resolve(name);
        assertEquals(0, new ProcessBuilder("mkfifo", f.toString()).start().waitFor());
        return f;
    }

    private static CompletableFuture<String> read(Path f) {
        return CompletableFuture.supplyAsync(() -> {
            try (InputStream in = Files.newInputStream(f)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @Test
    void convertAndExportWriteThroughALink() throws Exception {
        Path csv = dir.resolve("rows.csv");
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), csv.getFileName());
        CliRun.run("convert", header().toString(), "--type", "P", data().toString(), "--to", "csv", "-o", link.toString())
                .succeeded();
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("x,y\n1,2\n3,4\n", Files.readString(csv));

        Path h = Files.writeString(dir.resolve("out.h"), "old\n");
        Path hLink = Files.createSymbolicLink(dir.resolve("link.h"), h);
        CliRun.run("export", header().toString(), "--to", "c", "-o", hLink.toString()).succeeded();
        assertTrue(Files.isSymbolicLink(hLink));
        assertTrue(Files.readString(h).contains("struct P {"), Files.readString(h));
    }

    @Test
    void convertAndExportWriteIntoAFifo() throws Exception {
        Path rows = fifo("rows");
        CompletableFuture<String> got = read(rows);
        CliRun.run("convert", header().toString(), "--type", "P", data().toString(), "--to", "jsonl", "-o", rows.toString())
                .succeeded();
        assertEquals("{\"x\": 1, \"y\": 2}\n{\"x\": 3, \"y\": 4}\n", got.get(30, TimeUnit.SECONDS));
        assertFalse(Files.isRegularFile(rows), "still a FIFO");

        Path c = fifo("c");
        CompletableFuture<String> text = read(c);
        CliRun.run("export", header().toString(), "--to", "c", "-o", c.toString()).succeeded();
        assertTrue(text.get(30, TimeUnit.SECONDS).contains("struct P {"));
        assertFalse(Files.isRegularFile(c), "still a FIFO");
    }
}
