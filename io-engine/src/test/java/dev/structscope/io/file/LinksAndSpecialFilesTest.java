package dev.structscope.io.file;

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
 * The atomic writer keeps what the user's name is: a symbolic link stays a link (the file it leads
 * to is replaced), and a FIFO or a device is written through rather than replaced by a regular
 * file (which made {@code -o /dev/stdout} print nothing and, run as root, replaced the system's
 * {@code /dev/stdout}).
 */
class LinksAndSpecialFilesTest {
    @TempDir
    Path dir;

    @Test
    void aLinkStaysALinkAndItsFileIsReplaced() throws IOException {
        Path real = Files.writeString(dir.resolve("real.h"), "old\n");
        Path link = Files.createSymbolicLink(dir.resolve("link.h"), Path.of("real.h"));
        AtomicFile.writeText(link, "new\n");
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("new\n", Files.readString(real));

        // A link to a file still to be made, through a linked directory: the file appears where it leads.
        Path sub = Files.createDirectory(dir.resolve("sub"));
        Path subLink = Files.createSymbolicLink(dir.resolve("subLink"), sub);
        Path dangling = Files.createSymbolicLink(dir.resolve("later.h"), subLink.resolve("later.h"));
        AtomicFile.writeText(dangling, "made\n");
        assertTrue(Files.isSymbolicLink(dangling));
        assertEquals("made\n", Files.readString(sub.resolve("later.h")));
        assertFalse(Files.isSymbolicLink(sub.resolve("later.h")));
    }

    @Test
    void aStreamingWriterInstallsThroughALinkToo() throws IOException {
        Path real = Files.writeString(dir.resolve("out.csv"), "old\n");
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), real);
        Path part = Files.writeString(AtomicFile.destination(link).resolveSibling(".out.csv.part"), "a,b\n");
        AtomicFile.install(part, link);
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("a,b\n", Files.readString(real));
        assertFalse(Files.exists(part));
    }

    @Test
    void aFifoIsWrittenThroughAndStaysAFifo() throws Exception {
        Path fifo = dir.resolve("pipe");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        assertTrue(AtomicFile.isSpecial(fifo));
        CompletableFuture<String> reader = CompletableFuture.supplyAsync(() -> {
            try (InputStream in = Files.newInputStream(fifo)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        AtomicFile.checkTarget(fifo, "-o " + fifo);
        AtomicFile.writeText(fifo, "through the pipe\n");
        assertEquals("through the pipe\n", reader.get(30, TimeUnit.SECONDS));
        assertTrue(AtomicFile.isSpecial(fifo), "still a FIFO");
        assertFalse(Files.isRegularFile(fifo));
    }

    @Test
    void devNullIsWrittenThroughNotReplaced() throws IOException {
        Path devNull = Path.of("/dev/null");
        assertTrue(AtomicFile.isSpecial(devNull));
        AtomicFile.writeText(devNull, "gone\n");
        Path part = Files.writeString(dir.resolve("part"), "gone too\n");
        AtomicFile.install(part, devNull);
        assertFalse(Files.isRegularFile(devNull));
        assertFalse(Files.exists(part));
        assertEquals(0, Files.size(devNull));
    }
}
