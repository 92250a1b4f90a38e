package dev.structscope.app.shell;

import javafx.scene.control.SplitPane;
import javafx.stage.Screen;
import javafx.stage.Stage;

import java.util.prefs.Preferences;

/**
 * Remembers the window's size, position, maximised state, split positions and theme between runs
 * in {@link Preferences} (user node {@code dev/structscope/app/shell}). A position that is no
 * longer on any screen is ignored. FX thread.
 */
public final class WindowPrefs {
    private final Preferences prefs;

    public WindowPrefs(Preferences prefs) {
        this.prefs = prefs;
    }

    public static Preferences node() {
        return Preferences.userNodeForPackage(WindowPrefs.class);
    }

    public void restore(Stage stage, SplitPane... splits) {
        double w = prefs.getDouble("window.w", 1440);
        double h = prefs.getDouble("window.h", 900);
        stage.setWidth(Math.max(800, w));
        stage.setHeight(Math.max(560, h));
        double x = prefs.getDouble("window.x", Double.NaN);
        double y = prefs.getDouble("window.y", Double.NaN);
        if (!Double.isNaN(x) && !Screen.getScreensForRectangle(x, y, 100, 100).isEmpty()) {
            stage.setX(x);
            stage.setY(y);
        }
        stage.setMaximized(prefs.getBoolean("window.max", false));
        for (int i = 0; i < splits.length; i++) {
            double[] pos = splits[i].getDividerPositions();
            for (int d = 0; d < pos.length; d++) {
                pos[d] = prefs.getDouble("split." + i + "." + d, pos[d]);
            }
            splits[i].setDividerPositions(pos);
        }
    }

    public void save(Stage stage, SplitPane... splits) {
        prefs.putBoolean("window.max", stage.isMaximized());
        if (!stage.isMaximized()) {
            prefs.putDouble("window.w", stage.getWidth());
            prefs.putDouble("window.h", stage.getHeight());
            prefs.putDouble("window.x", stage.getX());
            prefs.putDouble("window.y", stage.getY());
        }
        for (int i = 0; i < splits.length; i++) {
            double[] pos = splits[i].getDividerPositions();
            for (int d = 0; d < pos.length; d++) {
                prefs.putDouble("split." + i + "." + d, pos[d]);
            }
        }
    }

    public boolean dark() {
        return prefs.getBoolean("theme.dark", false);
    }

    public void dark(boolean dark) {
        prefs.putBoolean("theme.dark", dark);
    }
}
