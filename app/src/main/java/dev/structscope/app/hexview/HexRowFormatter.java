package dev.structscope.app.hexview;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Turns the bytes of one row into the characters the hex view paints: the offset, the hex pairs
 * and the ASCII column. This is the whole per-row cost of painting apart from the toolkit's text
 * drawing, so it is what {@code HexViewBenchmark} measures. It reads straight from a segment (a
 * slice of the mapped file) into reusable char arrays: no allocation per row.
 *
 * <p>Not thread-safe (the buffers are reused); the hex view owns one on the FX thread.
 */
public final class HexRowFormatter {
    private static final char[] DIGITS = "0123456789ABCDEF".toCharArray();

    private final char[] offset = new char[20];
    private final char[] hex = new char[32 * 3];
    private final char[] ascii = new char[32];
    private int offsetLength;

    /** The offset characters of the last {@link #format}. */
    public char[] offsetChars() {
        return offset;
    }

    public int offsetLength() {
        return offsetLength;
    }

    /** The hex pairs of the last row, three characters per byte ({@code "4F "}). */
    public char[] hexChars() {
        return hex;
    }

    /** One character per byte: printable ASCII as itself, anything else as '.'. */
    public char[] asciiChars() {
        return ascii;
    }

    /**
     * Formats {@code count} bytes (at most 32) read from {@code segment} at {@code at}; the row
     * is labelled with {@code label} (its file offset) in hex with {@code offsetDigits} digits,
     * or in decimal.
     */
    public void format(MemorySegment segment, long at, int count, long label, boolean hexOffset, int offsetDigits) {
        if (hexOffset) {
            for (int i = offsetDigits - 1; i >= 0; i--) {
                offset[i] = DIGITS[(int) (label & 0xF)];
                label >>>= 4;
            }
            offsetLength = offsetDigits;
        } else {
            String s = Long.toString(label);
            int pad = Math.max(0, offsetDigits - s.length());
            for (int i = 0; i < pad; i++) {
                offset[i] = ' ';
            }
            s.getChars(0, s.length(), offset, pad);
            offsetLength = pad + s.length();
        }
        for (int i = 0; i < count; i++) {
            int b = segment.get(ValueLayout.JAVA_BYTE, at + i) & 0xFF;
            hex[i * 3] = DIGITS[b >>> 4];
            hex[i * 3 + 1] = DIGITS[b & 0xF];
            hex[i * 3 + 2] = ' ';
            ascii[i] = b >= 0x20 && b < 0x7F ? (char) b : '.';
        }
    }

    /** How many hex digits show every offset of a source of {@code size} bytes (at least 8). */
    public static int hexDigits(long size) {
        long max = Math.max(0, size - 1);
        int bits = 64 - Long.numberOfLeadingZeros(max);
        return Math.max(8, (bits + 3) / 4);
    }

    /** How many decimal digits show every offset (at least 8). */
    public static int decDigits(long size) {
        return Math.max(8, Long.toString(Math.max(0, size - 1)).length());
    }
}
