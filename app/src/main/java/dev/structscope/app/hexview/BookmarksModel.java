package dev.structscope.app.hexview;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.paint.Color;

import java.util.List;
import java.util.Optional;

/**
 * The bookmarks of one open data file, in the order they were added: the list a view shows and
 * the hex view paints. The API a document writer needs is {@link #snapshot()} and
 * {@link #restore(List)}. FX thread only.
 */
public final class BookmarksModel {
    private static final Color[] COLORS = {
            Color.web("#e15759"), Color.web("#4e79a7"), Color.web("#59a14f"), Color.web("#b07aa1"),
            Color.web("#f28e2b"), Color.web("#76b7b2"),
    };
    /** A bound on bookmarks kept, so that a runaway script cannot fill the heap. */
    public static final int MAX = 10_000;

    private final ObservableList<Bookmark> items = FXCollections.observableArrayList();

    public ObservableList<Bookmark> items() {
        return items;
    }

    /** Adds a bookmark with the next colour of the cycle; returns it. */
    public Bookmark add(String name, long offset, long length) {
        return add(new Bookmark(name, offset, length, COLORS[items.size() % COLORS.length]));
    }

    public Bookmark add(Bookmark b) {
        if (items.size() >= MAX) {
            throw new IllegalStateException("at most " + MAX + " bookmarks");
        }
        items.add(b);
        return b;
    }

    public void remove(Bookmark b) {
        items.remove(b);
    }

    public void rename(Bookmark b, String name) {
        int i = items.indexOf(b);
        if (i >= 0) {
            items.set(i, b.withName(name));
        }
    }

    public void recolor(Bookmark b, Color color) {
        int i = items.indexOf(b);
        if (i >= 0) {
            items.set(i, b.withColor(color));
        }
    }

    /** The first bookmark covering {@code offset}, for painting. */
    public Optional<Bookmark> at(long offset) {
        for (Bookmark b : items) {
            if (b.covers(offset)) {
                return Optional.of(b);
            }
        }
        return Optional.empty();
    }

    public List<Bookmark> snapshot() {
        return List.copyOf(items);
    }

    public void restore(List<Bookmark> saved) {
        items.setAll(saved.size() > MAX ? saved.subList(0, MAX) : saved);
    }
}
