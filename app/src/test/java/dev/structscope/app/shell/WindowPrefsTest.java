package dev.structscope.app.shell;

import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Where the main window opens on the screens there are now (no toolkit needed: a pure function). */
class WindowPrefsTest {
    private static final double NAN = Double.NaN;
    /** A 1366×768 laptop with a 28-pixel panel at the top. */
    private static final Rectangle2D LAPTOP = new Rectangle2D(0, 28, 1366, 740);
    private static final Rectangle2D FULL_HD = new Rectangle2D(0, 0, 1920, 1040);
    private static final Rectangle2D QHD_RIGHT = new Rectangle2D(1920, 0, 2560, 1400);

    @Test
    void aFirstWindowFillsALaptopScreenAndTakesMostOfABigOneCentred() {
        Rectangle2D b = WindowPrefs.bounds(List.of(LAPTOP), LAPTOP, NAN, NAN, NAN, NAN);
        assertEquals(LAPTOP, round(b), "on 1366 px every pixel goes to the panes");
        b = WindowPrefs.bounds(List.of(FULL_HD, QHD_RIGHT), FULL_HD, NAN, NAN, NAN, NAN);
        assertEquals(new Rectangle2D(96, 52, 1728, 936), round(b));
    }

    @Test
    void aScreenSmallerThanTheSmallestLayoutGetsTheWholeScreen() {
        Rectangle2D tiny = new Rectangle2D(0, 0, 640, 480);
        assertEquals(tiny, WindowPrefs.bounds(List.of(tiny), tiny, NAN, NAN, NAN, NAN));
    }

    @Test
    void savedBoundsOnAScreenThatStillExistsAreKept() {
        Rectangle2D saved = new Rectangle2D(2000, 100, 1800, 1000);
        assertEquals(saved, WindowPrefs.bounds(List.of(FULL_HD, QHD_RIGHT), FULL_HD, 2000, 100, 1800, 1000));
    }

    @Test
    void savedBoundsAreClampedToTheScreenTheyMostlyLieOn() {
        // Saved at 1440×900 from a bigger screen: on the laptop it fits inside the visual bounds.
        assertEquals(new Rectangle2D(0, 28, 1366, 740), WindowPrefs.bounds(List.of(LAPTOP), LAPTOP, -37, -44, 1440, 900));
        // Saved on a second screen that is gone: the window comes back to the primary one, whole.
        assertEquals(new Rectangle2D(0, 28, 1366, 740), WindowPrefs.bounds(List.of(LAPTOP), LAPTOP, 3000, 200, 1600, 1000));
        // Mostly on the right screen, hanging over its bottom edge: moved up, size kept.
        assertEquals(new Rectangle2D(2400, 400, 1200, 1000),
                WindowPrefs.bounds(List.of(FULL_HD, QHD_RIGHT), FULL_HD, 2400, 900, 1200, 1000));
    }

    private static Rectangle2D round(Rectangle2D r) {
        return new Rectangle2D(Math.round(r.getMinX() * 10) / 10.0, Math.round(r.getMinY() * 10) / 10.0,
                Math.round(r.getWidth() * 10) / 10.0, Math.round(r.getHeight() * 10) / 10.0);
    }
}
