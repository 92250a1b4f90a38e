package dev.structscope.app.shell;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;

/**
 * The recently opened and saved files (newest first, at most ten), kept in
 * {@link java.util.prefs.Preferences} between runs. A {@code null} node keeps them in memory only
 * (tests). FX thread.
 */
public final class RecentFiles {
    private static final int MAX = 10;
    private final Preferences prefs;
    public final ObservableList<Path> files = FXCollections.observableArrayList();

    public RecentFiles(Preferences prefs) {
        this.prefs = prefs;
        if (prefs != null) {
            for (int i = 0; i < MAX; i++) {
                String s = prefs.get("recent." + i, null);
                if (s != null) {
                    files.add(Path.of(s));
                }
            }
        }
    }

    public static RecentFiles inMemory() {
        return new RecentFiles(null);
    }

    public void add(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        List<Path> next = new ArrayList<>(files);
        next.remove(abs);
        next.addFirst(abs);
        while (next.size() > MAX) {
            next.removeLast();
        }
        files.setAll(next);
        if (prefs != null) {
            for (int i = 0; i < MAX; i++) {
                if (i < next.size()) {
                    prefs.put("recent." + i, next.get(i).toString());
                } else {
                    prefs.remove("recent." + i);
                }
            }
        }
    }
}
