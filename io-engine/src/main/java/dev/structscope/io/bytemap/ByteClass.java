package dev.structscope.io.bytemap;

/**
 * What a byte looks like to a person scanning an unknown file, the classes ImHex's byte
 * distribution and most firmware tools use: zero fill, printable ASCII text, erased flash
 * (0xFF) and everything else (code, numbers, compressed or encrypted data). Entropy tells the
 * "everything else" apart further; the classes tell fill and text apart, which entropy alone
 * cannot (a run of zeros and a run of spaces both have entropy 0).
 */
public enum ByteClass {
    /** 0x00. */
    ZERO,
    /** Printable ASCII 0x20..0x7E, and tab, line feed and carriage return. */
    TEXT,
    /** Anything not in another class: control bytes, 0x7F..0xFE. */
    OTHER,
    /** 0xFF: erased flash, fill, -1. */
    FF;

    private static final ByteClass[] OF = new ByteClass[256];

    static {
        for (int b = 0; b < 256; b++) {
            OF[b] = b == 0 ? ZERO : b == 0xFF ? FF
                    : (b >= 0x20 && b <= 0x7E) || b == '\t' || b == '\n' || b == '\r' ? TEXT : OTHER;
        }
    }

    /** The class of byte value {@code b} (0..255; a Java byte is masked). */
    public static ByteClass of(int b) {
        return OF[b & 0xFF];
    }
}
