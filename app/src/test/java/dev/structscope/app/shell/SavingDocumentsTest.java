package dev.structscope.app.shell;

import dev.structscope.io.file.DocumentFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.structscope.app.hexview.Bookmark;
import dev.structscope.app.hexview.BookmarksModel;
import dev.structscope.model.doc.LayoutDocument;

import javafx.scene.paint.Color;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Saving from the window loses nothing the document held, and keeps the hex explorer's bookmarks. */
class SavingDocumentsTest {
    private static final String DOC = """
            {
              "format": "structscope-layout",
              "version": 1,
              "name": "Sensor telemetry",
              "comment": "Frames of the field sensors.",
              "abi": "x86_64-linux",
              "types": [
                { "kind": "struct", "name": "Hdr", "members": [ { "name": "len", "type": "uint32_t" } ] }
              ],
              "futureProperty": { "kept": [1, 2, 3] },
              "bookmarks": [ { "name": "first header", "offset": 16, "length": 4, "color": "#ff0000" } ]
            }
            """;

    @TempDir
    Path dir;
    ShellViewModel vm;
    BookmarksModel bookmarks;

    @BeforeEach
    void synchronous() {
        vm = new ShellViewModel(DocumentIo.STANDARD, Runnable::run, Runnable::run, RecentFiles.inMemory());
        bookmarks = new BookmarksModel();
        vm.attachBookmarks(bookmarks);
    }

    @Test
    void openingRestoresBookmarksAndSavingKeepsNameCommentUnknownPropertiesAndBookmarks() throws Exception {
        Path in = dir.resolve("sensor.json");
        Files.writeString(in, DOC);
        vm.open(in, null, null);
        assertEquals(List.of(new Bookmark("first header", 16, 4, Color.web("#ff0000"))), bookmarks.snapshot());

        bookmarks.add(new Bookmark("payload", 20, 8, Color.web("#00a0ff")));
        Path out = dir.resolve("saved.json");
        vm.saveAs(out, null);

        LayoutDocument saved = DocumentFiles.read(out);
        assertEquals("Sensor telemetry", saved.name());
        assertEquals("Frames of the field sensors.", saved.comment());
        assertEquals(new ObjectMapper().readTree("{\"kept\": [1, 2, 3]}"), saved.extensions().get("futureProperty"));
        JsonNode marks = saved.extensions().get("bookmarks");
        assertEquals(2, marks.size());
        assertEquals("payload", marks.get(1).get("name").asText());
        assertEquals(20, marks.get(1).get("offset").asLong());
        assertEquals(8, marks.get(1).get("length").asLong());
        assertEquals("#00a0ff", marks.get(1).get("color").asText());
    }

    @Test
    void aNewDocumentStartsWithoutTheOldBookmarksAndSavesNone() throws Exception {
        Path in = dir.resolve("sensor.json");
        Files.writeString(in, DOC);
        vm.open(in, null, null);
        vm.newDocument();
        assertTrue(bookmarks.items.isEmpty());
        Path out = dir.resolve("new.json");
        vm.saveAs(out, null);
        LayoutDocument saved = DocumentFiles.read(out);
        assertFalse(saved.extensions().containsKey("bookmarks"));
        assertFalse(saved.extensions().containsKey("futureProperty"));
    }

    @Test
    void malformedBookmarkEntriesAreSkippedNotFatal() throws Exception {
        Path in = dir.resolve("odd.json");
        Files.writeString(in, DOC.replace("\"bookmarks\": [", "\"bookmarks\": [ {\"offset\": -1, \"length\": 2}, \"x\", "
                + "{\"offset\": 3, \"length\": 1, \"color\": \"not a colour\"}, "));
        vm.open(in, null, null);
        assertEquals(2, bookmarks.snapshot().size());
        assertEquals(3, bookmarks.snapshot().getFirst().offset());
    }
}
