package dev.structscope.app.hexview;

import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Bookmarks belong to the data file they were made on; the document keeps all of them. */
class BookmarksModelTest {
    @Test
    void aBookmarkShowsOnlyOnTheFileItWasMadeOn() {
        BookmarksModel m = new BookmarksModel();
        m.setFile("a.bin");
        m.add("header of a", 0, 16);
        m.setFile("b.bin");
        assertEquals(List.of(), m.items);
        m.add("record of b", 32, 8);
        assertEquals(List.of("record of b"), m.items.stream().map(Bookmark::name).toList());
        m.setFile("a.bin");
        assertEquals(List.of("header of a"), m.items.stream().map(Bookmark::name).toList());
        assertEquals(2, m.snapshot().size());
        // Renaming and removing work on the file's own list.
        m.rename(m.items.getFirst(), "file header");
        m.remove(m.items.getFirst());
        assertEquals(List.of(), m.items);
        assertEquals(List.of("record of b"), m.snapshot().stream().map(Bookmark::name).toList());
    }

    @Test
    void theDocumentPropertyKeepsTheFileAndOldEntriesShowEverywhere() {
        List<Bookmark> marks = List.of(new Bookmark("on b", 32, 8, Color.web("#4e79a7"), "b.bin"),
                new Bookmark("anywhere", 0, 4, Color.web("#e15759")));
        var json = BookmarkJson.toJson(marks);
        assertEquals("b.bin", json.get(0).get("file").asText());
        assertEquals(false, json.get(1).has("file"));
        assertEquals(marks, BookmarkJson.fromJson(json));
        BookmarksModel m = new BookmarksModel();
        m.restore(BookmarkJson.fromJson(json));
        m.setFile("c.bin");
        assertEquals(List.of("anywhere"), m.items.stream().map(Bookmark::name).toList());
        m.setFile("b.bin");
        assertEquals(List.of("on b", "anywhere"), m.items.stream().map(Bookmark::name).toList());
    }
}
