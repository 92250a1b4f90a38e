package dev.structscope.app.hexview;

import javafx.scene.paint.Color;

/**
 * A named, coloured byte range the user wants to come back to. Immutable; kept in
 * {@link BookmarksModel}; saved with the document once the document format has a place for it.
 */
public record Bookmark(String name, long offset, long length, Color color) {
    public Bookmark {
        if (offset < 0 || length < 1) {
            throw new IllegalArgumentException("bookmark range " + offset + "+" + length);
        }
        name = name == null || name.isBlank() ? "bookmark @ 0x" + Long.toHexString(offset) : name.strip();
    }

    public boolean covers(long at) {
        return at >= offset && at - offset < length;
    }

    public Bookmark withName(String newName) {
        return new Bookmark(newName, offset, length, color);
    }

    public Bookmark withColor(Color newColor) {
        return new Bookmark(name, offset, length, newColor);
    }
}
