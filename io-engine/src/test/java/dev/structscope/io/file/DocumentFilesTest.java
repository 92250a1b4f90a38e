package dev.structscope.io.file;

import dev.structscope.model.InputException;
import dev.structscope.model.doc.LayoutDocuments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Layout documents read from files: limits before reading, file problems as one-line input errors. */
class DocumentFilesTest {
    @TempDir
    Path dir;

    @Test
    void oversizedDocumentsAreRefusedBeforeReading() throws IOException {
        Path big = dir.resolve("big.json");
        try (var ch = FileChannel.open(big, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ch.position(LayoutDocuments.MAX_BYTES);   // sparse: no real 64 MiB written
            ch.write(ByteBuffer.wrap(new byte[] {' '}));
        }
        InputException e = assertThrows(InputException.class, () -> DocumentFiles.read(big));
        assertEquals(big.toString(), e.where());
        assertTrue(e.getMessage().contains("limit"), e.getMessage());
        Path small = dir.resolve("small.json");
        Files.writeString(small, " ".repeat(2000) + "{\"format\": \"structscope-layout\", \"version\": 1}");
        assertTrue(assertThrows(InputException.class, () -> DocumentFiles.read(small, 1000)).getMessage()
                .contains("--max-header"), "a lower limit names the option that set it");
    }

    @Test
    void fileProblemsAreInputErrorsAndAGoodFileIsRead() throws IOException {
        assertTrue(assertThrows(InputException.class, () -> DocumentFiles.read(dir.resolve("missing.json")))
                .getMessage().contains("no such file"));
        Path latin1 = dir.resolve("latin1.json");
        Files.write(latin1, "{\"format\": \"structscope-layout\", \"version\": 1, \"name\": \"caf\u00e9\"}"
                .getBytes(StandardCharsets.ISO_8859_1));
        InputException e = assertThrows(InputException.class, () -> DocumentFiles.read(latin1));
        assertTrue(e.getMessage().contains("UTF-8"), e.getMessage());
        assertEquals(latin1.toString(), e.where());
        Path good = dir.resolve("good.json");
        Files.writeString(good, "{\"format\": \"structscope-layout\", \"version\": 1, \"types\": "
                + "[{\"kind\": \"struct\", \"name\": \"P\", \"members\": [{\"name\": \"x\", \"type\": \"int\"}]}]}");
        assertEquals(1, DocumentFiles.readLibrary(good, LayoutDocuments.MAX_BYTES).decls().size());
    }
}
