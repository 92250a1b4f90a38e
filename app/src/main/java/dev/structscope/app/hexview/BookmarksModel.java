package dev.structscope.app.hexview;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.paint.Color;

import java.util.List;
import java.util.Optional;

/**
 * The bookmarks of a layout document, in the order they were added, each on the data file it
 * was made on: {@link #items} are those of the open file ({@link #setFile(String)}), the list
 * a view shows and the hex view paints. The API a document writer needs is {@link #snapshot()}
 * (all of them) and {@link #restore(List)}. FX thread only.
 */
public final class BookmarksModel {
    private static final Color[] COLORS = {
            Color.web("#e15759"), Color.web("#4e79a7"), Color.web("#59a14f"), Color.web("#b07aa1"),
            Color.web("#f28e2b"), Color.web("#76b7b2"),
    };
    /** A bound on bookmarks kept, so that a runaway script cannot fill the heap. */
    public static final int MAX = 10_000;

    private final ObservableList<Bookmark> all = FXCollections.observableArrayList();
    /** Whether the bookmarks changed since they were restored or saved (the document's unsaved marker counts them). */
    private final javafx.beans.property.ReadOnlyBooleanWrapper changedWrapper = new javafx.beans.property.ReadOnlyBooleanWrapper(this, "changed");
    /** Whether a bookmark was added, removed, renamed or recoloured since the last restore or save. */
    public final javafx.beans.property.ReadOnlyBooleanProperty changed = changedWrapper.getReadOnlyProperty();
    private final javafx.collections.transformation.FilteredList<Bookmark> onFile = new javafx.collections.transformation.FilteredList<>(all, b -> b.on(null));
    /** The bookmarks of the open data file (read-only: change them through this model). */
    public final ObservableList<Bookmark> items = onFile;
    private String file;

    /** The name of the open data file (null: none): {@link #items} follows it, new bookmarks get it. */
    public void setFile(String fileName) {
        file = fileName;
        onFile.setPredicate(b -> b.on(fileName));
    }

    /** Adds a bookmark on the open file with the next colour of the cycle; returns it. */
    public Bookmark add(String name, long offset, long length) {
        return add(new Bookmark(name, offset, length, COLORS[items.size() % COLORS.length], file));
    }

    public Bookmark add(Bookmark b) {
        if (all.size() >= MAX) {
            throw new IllegalStateException("at most " + MAX + " bookmarks");
        }
        all.add(b);
        changedWrapper.set(true);
        return b;
    }

    public void remove(Bookmark b) {
        if (all.remove(b)) {
            changedWrapper.set(true);
        }
    }

    public void rename(Bookmark b, String name) {
        int i = all.indexOf(b);
        if (i >= 0) {
            all.set(i, b.withName(name));
            changedWrapper.set(true);
        }
    }

    public void recolor(Bookmark b, Color color) {
        int i = all.indexOf(b);
        if (i >= 0) {
            all.set(i, b.withColor(color));
            changedWrapper.set(true);
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

    /** Every bookmark of the document, on any file. */
    public List<Bookmark> snapshot() {
        return List.copyOf(all);
    }

    public void restore(List<Bookmark> saved) {
        all.setAll(saved.size() > MAX ? saved.subList(0, MAX) : saved);
        changedWrapper.set(false);
    }

    /** The document holding {@code saved} was written: bookmarks equal to them are no longer unsaved. */
    public void markSaved(List<Bookmark> saved) {
        if (saved.equals(all)) {
            changedWrapper.set(false);
        }
    }
}
