package dev.structscope.app.shell;

import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

import java.util.List;
import java.util.prefs.Preferences;

/**
 * Remembers the window's size, position, maximised state, the panes' widths and theme between runs
 * in {@link Preferences} (user node {@code dev/structscope/app/shell}). The first window takes
 * {@link #SHARE} of the visual bounds of the primary screen, centred — all of them on a laptop-sized
 * screen (narrower than {@link #ROOMY} px), where the bytes need every pixel; saved bounds are clamped to
 * the screen they mostly lie on now (the primary one when none), so that a window saved on a
 * larger or a detached screen opens whole on this one. FX thread.
 */
public final class WindowPrefs {
    private final Preferences prefs;

    public WindowPrefs(Preferences prefs) {
        this.prefs = prefs;
    }

    public static Preferences node() {
        return Preferences.userNodeForPackage(WindowPrefs.class);
    }

    /** The share of the screen's visual bounds (width and height) a first window takes. */
    public static final double SHARE = 0.9;
    /** Screens at least this wide leave room around a first window; narrower ones are filled. */
    static final double ROOMY = 1600;
    /** The smallest window the panes are laid out for (smaller screens get the whole screen). */
    static final double MIN_W = 800;
    static final double MIN_H = 560;

    /**
     * The panes' arrangement: the layout library's width in pixels as the user chose it, NaN when
     * it is as wide as its names (a pixel width, as a share would grow it when a window saved
     * narrow opens wide), and the
     * designer | data divider as a share of the window.
     */
    public record Panes(double libraryWidth, double dataDivider) {
    }

    /** The saved arrangement, {@code fallback}'s parts where none is saved. */
    public Panes panes(Panes fallback) {
        return new Panes(prefs.getDouble("library.width", fallback.libraryWidth()),
                prefs.getDouble("split.0.1", fallback.dataDivider()));
    }

    public void restore(Stage stage) {
        List<Rectangle2D> screens = Screen.getScreens().stream().map(Screen::getVisualBounds).toList();
        Rectangle2D b = bounds(screens, Screen.getPrimary().getVisualBounds(),
                prefs.getDouble("window.x", Double.NaN), prefs.getDouble("window.y", Double.NaN),
                prefs.getDouble("window.w", Double.NaN), prefs.getDouble("window.h", Double.NaN));
        stage.setX(b.getMinX());
        stage.setY(b.getMinY());
        stage.setWidth(b.getWidth());
        stage.setHeight(b.getHeight());
        // Below the size the panes are laid out for they squeeze each other to nothing; a screen
        // smaller than that still gets a window that fits it.
        stage.setMinWidth(Math.min(MIN_W, b.getWidth()));
        stage.setMinHeight(Math.min(MIN_H, b.getHeight()));
        stage.setMaximized(prefs.getBoolean("window.max", false));
    }

    /**
     * Where the window opens: the saved bounds ({@code NaN} when none) clamped to the screen
     * they overlap most, or {@link #SHARE} of {@code primary} centred on it. Pure.
     */
    static Rectangle2D bounds(List<Rectangle2D> screens, Rectangle2D primary, double x, double y, double w, double h) {
        if (Double.isNaN(x) || Double.isNaN(y) || Double.isNaN(w) || Double.isNaN(h) || w <= 0 || h <= 0) {
            double share = primary.getWidth() < ROOMY ? 1 : SHARE;
            double fw = fit(primary.getWidth() * share, MIN_W, primary.getWidth());
            double fh = fit(primary.getHeight() * share, MIN_H, primary.getHeight());
            return new Rectangle2D(primary.getMinX() + (primary.getWidth() - fw) / 2,
                    primary.getMinY() + (primary.getHeight() - fh) / 2, fw, fh);
        }
        Rectangle2D on = primary;
        double best = 0;
        for (Rectangle2D s : screens) {
            double ow = Math.min(x + w, s.getMaxX()) - Math.max(x, s.getMinX());
            double oh = Math.min(y + h, s.getMaxY()) - Math.max(y, s.getMinY());
            if (ow > 0 && oh > 0 && ow * oh > best) {
                best = ow * oh;
                on = s;
            }
        }
        double cw = fit(w, MIN_W, on.getWidth());
        double ch = fit(h, MIN_H, on.getHeight());
        double cx = Math.clamp(x, on.getMinX(), on.getMaxX() - cw);
        double cy = Math.clamp(y, on.getMinY(), on.getMaxY() - ch);
        return new Rectangle2D(cx, cy, cw, ch);
    }

    /** {@code v} at least {@code min} and at most {@code max}; {@code max} wins on a screen smaller than {@code min}. */
    private static double fit(double v, double min, double max) {
        return Math.min(Math.max(v, min), max);
    }

    public void save(Stage stage, Panes panes) {
        prefs.putBoolean("window.max", stage.isMaximized());
        if (!stage.isMaximized()) {
            prefs.putDouble("window.w", stage.getWidth());
            prefs.putDouble("window.h", stage.getHeight());
            prefs.putDouble("window.x", stage.getX());
            prefs.putDouble("window.y", stage.getY());
        }
        if (Double.isNaN(panes.libraryWidth())) {
            prefs.remove("library.width"); // as wide as its names: nothing chosen to keep
        } else {
            prefs.putDouble("library.width", panes.libraryWidth());
        }
        prefs.putDouble("split.0.1", panes.dataDivider());
        // The library's share, which earlier versions saved: read as a share of another width it
        // made the library a quarter of the window.
        prefs.remove("split.0.0");
    }

    public boolean dark() {
        return prefs.getBoolean("theme.dark", false);
    }

    public void dark(boolean dark) {
        prefs.putBoolean("theme.dark", dark);
    }
}
