package dev.structscope.app.common;

import javafx.scene.paint.Color;

/**
 * The one palette of member colours used everywhere a member is drawn: its designer row, its
 * ruler block, (later) its bytes in the hex view and its node in the decoded tree. Member i of a
 * record always gets colour i modulo the palette size, so the same member has the same colour in
 * every view. Padding has one neutral colour; selection uses the theme's accent. Pure values;
 * any thread.
 */
public final class MemberColors {
    private static final Color[] PALETTE = {
            Color.web("#4e79a7"), Color.web("#f28e2b"), Color.web("#59a14f"), Color.web("#e15759"),
            Color.web("#76b7b2"), Color.web("#edc948"), Color.web("#b07aa1"), Color.web("#ff9da7"),
            Color.web("#9c755f"), Color.web("#86bcb6"), Color.web("#d4a6c8"), Color.web("#8cd17d"),
    };

    /** The neutral colour of padding bytes (drawn hatched). */
    public static final Color PADDING = Color.web("#9aa0a6");

    /**
     * What data decides in a dynamic layout (the ruler's dynamic tail, the designer's computed
     * offsets: {@code .dynamic} in structscope.css), light and dark themes.
     */
    public static final Color DYNAMIC = Color.web("#8250df");
    public static final Color DYNAMIC_DARK = Color.web("#d2a8ff");

    private MemberColors() {
    }

    public static int size() {
        return PALETTE.length;
    }

    /** The colour of the member at {@code index} (declaration order) of its record. */
    public static Color of(int index) {
        return PALETTE[Math.floorMod(index, PALETTE.length)];
    }

    /** A translucent tint of the member colour, for table rows behind text. */
    public static Color tint(int index, double opacity) {
        Color c = of(index);
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), opacity);
    }

    /** CSS {@code rgba(...)} of {@link #tint}. */
    public static String tintCss(int index, double opacity) {
        Color c = of(index);
        return String.format(java.util.Locale.ROOT, "rgba(%d,%d,%d,%.2f)", (int) Math.round(c.getRed() * 255),
                (int) Math.round(c.getGreen() * 255), (int) Math.round(c.getBlue() * 255), opacity);
    }

    /** Black or white, whichever reads better on the member colour. */
    public static Color textOn(Color background) {
        double l = 0.299 * background.getRed() + 0.587 * background.getGreen() + 0.114 * background.getBlue();
        return l > 0.6 ? Color.web("#1b1f23") : Color.WHITE;
    }
}
