package dev.structscope.app.hexview;

import dev.structscope.io.source.DataSource;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.HexFormat;
import java.util.Locale;

/**
 * What "Copy as …" and "Follow" on a hex selection produce: the selected bytes as hex, as a C
 * array, as a Python {@code bytes} literal or as text, and the offset a pointer at the selection
 * start names. Pure functions over a source; the hex pane's menu calls them on the FX thread, so
 * a copy is capped at {@link #MAX_COPY} bytes (the clipboard is text; a megabyte of hex is already
 * three).
 */
public final class SelectionCopy {
    /** The most bytes one copy takes; a longer selection copies its first {@code MAX_COPY} and says so. */
    public static final int MAX_COPY = 1 << 20;

    /** The forms a selection can be copied as. */
    public enum Form {
        HEX("Hex"), C("C Array"), PYTHON("Python Bytes"), TEXT("Text");

        private final String label;

        Form(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private SelectionCopy() {
    }

    /** The bytes [{@code start}, {@code start + length}) of {@code source} in {@code form}, capped at {@link #MAX_COPY}. */
    public static String copy(DataSource source, long start, long length, Form form) {
        long n = Math.max(0, Math.min(length, Math.min(MAX_COPY, source.size() - start)));
        byte[] b = source.slice(start, n).toArray(ValueLayout.JAVA_BYTE);
        String text = switch (form) {
            case HEX -> HexFormat.ofDelimiter(" ").formatHex(b);
            case C -> cArray(b, start);
            case PYTHON -> python(b);
            case TEXT -> text(b);
        };
        if (n < length) {
            String note = String.format(Locale.ROOT, "first %,d of %,d bytes", n, length);
            text = switch (form) {
                case C -> text + "\n/* " + note + " */";
                case PYTHON -> text + "  # " + note;
                default -> text;
            };
        }
        return text;
    }

    /** A C definition of the bytes, 12 to a line, named after where they came from. */
    static String cArray(byte[] b, long start) {
        StringBuilder sb = new StringBuilder(b.length * 6 + 64);
        sb.append(String.format(Locale.ROOT, "static const unsigned char data_%x[%d] = {", start, b.length));
        for (int i = 0; i < b.length; i++) {
            sb.append(i % 12 == 0 ? "\n    " : " ");
            sb.append(String.format(Locale.ROOT, "0x%02x", b[i] & 0xFF));
            if (i < b.length - 1) {
                sb.append(',');
            }
        }
        return sb.append(b.length == 0 ? "};" : "\n};").toString();
    }

    /** A Python {@code bytes} literal that evaluates to exactly these bytes (printable ASCII as itself). */
    static String python(byte[] b) {
        StringBuilder sb = new StringBuilder(b.length * 4 + 3).append("b'");
        for (byte x : b) {
            int c = x & 0xFF;
            if (c == '\\' || c == '\'') {
                sb.append('\\').append((char) c);
            } else if (c >= 0x20 && c < 0x7F) {
                sb.append((char) c);
            } else {
                sb.append(String.format(Locale.ROOT, "\\x%02x", c));
            }
        }
        return sb.append('\'').toString();
    }

    /** The bytes as the ASCII column shows them: printable ASCII as itself, anything else as '.'. */
    static String text(byte[] b) {
        char[] c = new char[b.length];
        for (int i = 0; i < b.length; i++) {
            int x = b[i] & 0xFF;
            c[i] = x >= 0x20 && x < 0x7F ? (char) x : '.';
        }
        return new String(c);
    }

    /**
     * The offset an unsigned pointer of {@code width} bytes (4 or 8) at {@code at} names, in
     * {@code order}, plus {@code base} (where the file's offsets are counted from); -1 when the
     * pointer does not fit in the data or names a place outside it.
     */
    public static long follow(DataSource source, long at, int width, ByteOrder order, long base) {
        if (at < 0 || at + width > source.size()) {
            return -1;
        }
        long v = pointer(source, at, width, order);
        long target = v + base;
        // Unsigned: a u64 above 2^63 is negative here and is past any file.
        return v >= 0 && target >= 0 && target < source.size() ? target : -1;
    }

    /**
     * The unsigned {@code width}-byte (4 or 8) integer at {@code at}, which must lie inside the
     * data: raw bits, so a u64 above 2^63 is negative here ({@link Long#toHexString} prints it).
     */
    public static long pointer(DataSource source, long at, int width, ByteOrder order) {
        // A slice, not the whole segment: it reads through the edits at any file size.
        MemorySegment s = source.slice(at, width);
        return width == 4
                ? Integer.toUnsignedLong(s.get(ValueLayout.JAVA_INT_UNALIGNED.withOrder(order), 0))
                : s.get(ValueLayout.JAVA_LONG_UNALIGNED.withOrder(order), 0);
    }
}
