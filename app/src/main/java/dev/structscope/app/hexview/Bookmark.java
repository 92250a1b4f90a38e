package dev.structscope.app.hexview;

import javafx.scene.paint.Color;

/**
 * A named, coloured byte range the user wants to come back to, in the data file it was made on
 * ({@code file}: that file's name; null for a bookmark that shows on every file, as documents
 * written before bookmarks had a file). Immutable; kept in {@link BookmarksModel}; saved with the
 * layout document.
 */
public record Bookmark(String name, long offset, long length, Color color, String file) {
    /** A bookmark that shows on every file. */
    public Bookmark(String name, long offset, long length, Color color) {
        this(name, offset, length, color, null);
    }

    public Bookmark {
        if (offset < 0 || length < 1) {
            throw new IllegalArgumentException("bookmark range " + offset + "+" + length);
        }
        name = name == null || name.isBlank() ? "bookmark @ 0x" + Long.toHexString(offset) : name.strip();
    }

    /** Whether it shows on the data file called {@code fileName} (null: no file is open). */
    public boolean on(String fileName) {
        return file == null || file.equals(fileName);
    }

    public boolean covers(long at) {
        return at >= offset && at - offset < length;
    }

    public Bookmark withName(String newName) {
        return new Bookmark(newName, offset, length, color, file);
    }

    public Bookmark withColor(Color newColor) {
        return new Bookmark(name, offset, length, newColor, file);
    }
}
