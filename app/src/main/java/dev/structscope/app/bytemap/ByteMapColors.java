package dev.structscope.app.bytemap;

import dev.structscope.io.bytemap.ByteClass;
import dev.structscope.io.bytemap.ByteMap;
import javafx.scene.paint.Color;

/**
 * The colours of the byte pictures, shared by the strip, the larger view and the histogram so
 * that a colour means the same thing in each: one colour per {@link ByteClass} (zero fill dark,
 * 0xFF fill pale, as in ImHex; text blue; other bytes amber) and a ramp for entropy from navy
 * (0 bits: fill) through blue and green (text, code) and yellow to red (8 bits: compressed or
 * encrypted). A strip pixel takes the colour of its blocks' dominant class. The same in light and dark themes: they are read against their neighbours, and the
 * strip is framed. Stateless.
 */
public final class ByteMapColors {
    private ByteMapColors() {
    }

    private static final Color[] CLASS = {
            Color.web("#3b4252"), // ZERO
            Color.web("#2f81f7"), // TEXT
            Color.web("#e0912b"), // OTHER
            Color.web("#e8e8ea"), // FF
    };

    private static final double[] STOPS = {0, 3, 5, 6.5, 7.5, 8};
    private static final Color[] RAMP = {Color.web("#0b1f4b"), Color.web("#1f78b4"), Color.web("#33a02c"),
            Color.web("#f2c12e"), Color.web("#f46d43"), Color.web("#c6262e")};

    /** The colour of byte class {@code c}. */
    public static Color of(ByteClass c) {
        return CLASS[c.ordinal()];
    }

    /** The colour of an entropy, 0..8 bits per byte. */
    public static Color entropy(double bits) {
        double e = Math.clamp(bits, 0, 8);
        for (int i = 1; i < STOPS.length; i++) {
            if (e <= STOPS[i]) {
                return RAMP[i - 1].interpolate(RAMP[i], (e - STOPS[i - 1]) / (STOPS[i] - STOPS[i - 1]));
            }
        }
        return RAMP[RAMP.length - 1];
    }

    /**
     * Blocks {@code [from, to)} of {@code map} as one colour: the colour of the class most of
     * their bytes are in, or of their mean entropy. The dominant class rather than a blend of the
     * classes by their shares: random bytes are about 38 % printable, and a blend painted them a
     * muddy brown that read as neither text nor data (the shares are in the tooltip and in the
     * larger view's class band).
     */
    public static Color of(ByteMap map, int from, int to, boolean byEntropy) {
        long bytes = 0;
        double e = 0;
        long[] share = new long[ByteClass.values().length];
        for (int i = from; i < to; i++) {
            long n = map.blockLength(i);
            bytes += n;
            e += map.entropy(i) * n;
            for (ByteClass c : ByteClass.values()) {
                share[c.ordinal()] += map.count(i, c);
            }
        }
        if (bytes == 0) {
            return Color.TRANSPARENT;
        }
        if (byEntropy) {
            return entropy(e / bytes);
        }
        int best = 0;
        for (int c = 1; c < share.length; c++) {
            if (share[c] > share[best]) {
                best = c;
            }
        }
        return CLASS[best];
    }
}
