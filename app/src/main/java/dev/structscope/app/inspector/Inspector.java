package dev.structscope.app.inspector;

import dev.structscope.io.decode.ExtendedFloat;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The bytes at the caret read as every primitive type, in both byte orders: integers of 1 to 8
 * bytes signed and unsigned, half/single/double floats, x87 80-bit extended, characters and
 * strings (ASCII, UTF-8, UTF-16), time stamps (Unix seconds and milliseconds, Windows FILETIME)
 * and the bits of the byte. Reads at most {@link #WINDOW} bytes. Pure; any thread.
 */
public final class Inspector {
    /** Bytes looked at from the caret. */
    public static final int WINDOW = 64;

    /**
     * One line: the interpretation, its value in little- and big-endian ("" when order does not
     * matter) and the bytes it reads, in hex ("—" when the data ends first).
     */
    public record Row(String name, String little, String big, String hex) {
        Row(String name, String little, String big) {
            this(name, little, big, "");
        }
    }

    /** Bytes shown in the hex column before it is cut with "…". */
    private static final int HEX_SHOWN = 16;

    private static final String NA = "—";

    private Inspector() {
    }

    /** The rows for the bytes of {@code seg} from {@code at}. */
    public static List<Row> rows(MemorySegment seg, long at) {
        long avail = Math.max(0, Math.min(WINDOW, seg.byteSize() - at));
        byte[] b = new byte[(int) avail];
        MemorySegment.copy(seg, ValueLayout.JAVA_BYTE, at, b, 0, b.length);
        return rows(b);
    }

    /** The rows for {@code b} (the bytes from the caret on). */
    public static List<Row> rows(byte[] b) {
        List<Row> out = new ArrayList<>();
        out.add(new Row("binary", b.length > 0 ? bits(b[0]) : NA, ""));
        out.add(new Row("u8", b.length > 0 ? Integer.toString(b[0] & 0xFF) : NA, ""));
        out.add(new Row("i8", b.length > 0 ? Integer.toString(b[0]) : NA, ""));
        for (int n : new int[]{2, 4, 8}) {
            out.add(new Row("u" + n * 8, both(b, n, v -> Long.toUnsignedString(v)).little(), both(b, n, Long::toUnsignedString).big()));
            out.add(new Row("i" + n * 8, both(b, n, v -> Long.toString(signExtend(v, n))).little(),
                    both(b, n, v -> Long.toString(signExtend(v, n))).big()));
        }
        out.add(row("f16", b, 2, v -> real(Float.float16ToFloat((short) v), true)));
        out.add(row("f32", b, 4, v -> real(Float.intBitsToFloat((int) v), true)));
        out.add(row("f64", b, 8, v -> real(Double.longBitsToDouble(v), false)));
        out.add(new Row("f80 (x87)", x87(b, false), x87(b, true)));
        out.add(new Row("ASCII", b.length > 0 ? ascii(b[0]) : NA, ""));
        out.add(new Row("UTF-8", utf8(b), ""));
        out.add(row("UTF-16", b, 2, v -> Character.isDefined((char) v) && !Character.isISOControl((char) v)
                ? "'" + (char) v + "' U+" + String.format("%04X", v) : String.format("U+%04X", v)));
        out.add(new Row("string (ASCII)", cString(b), ""));
        out.add(new Row("string (UTF-16)", utf16String(b, false), utf16String(b, true)));
        out.add(row("Unix time (u32 s)", b, 4, v -> time(v * 1000)));
        out.add(row("Unix time (i64 s)", b, 8, v -> Math.abs(v) > 31_556_952_000_000L ? "out of range" : time(v * 1000)));
        out.add(row("Unix time (i64 ms)", b, 8, Inspector::time));
        out.add(row("FILETIME", b, 8, Inspector::filetime));
        return out.stream().map(r -> new Row(r.name(), r.little(), r.big(), hex(b, span(r.name(), b)))).toList();
    }

    /** How many bytes from the caret the row {@code name} reads. */
    private static int span(String name, byte[] b) {
        int fixed = width(name);
        if (fixed > 0) {
            return fixed;
        }
        return switch (name) {
            case "binary", "ASCII" -> 1;
            case "f16", "UTF-16" -> 2;
            case "Unix time (u32 s)" -> 4;
            case "Unix time (i64 s)", "Unix time (i64 ms)", "FILETIME" -> 8;
            case "f80 (x87)" -> 10;
            case "UTF-8" -> b.length == 0 ? 1 : Math.max(1, utf8Length(b[0] & 0xFF));
            case "string (ASCII)" -> terminated(b, 1);
            case "string (UTF-16)" -> terminated(b, 2);
            default -> 1;
        };
    }

    /** Bytes of a string of {@code unit}-byte characters up to and with its NUL (all of {@code b} without one). */
    private static int terminated(byte[] b, int unit) {
        for (int i = 0; i + unit <= b.length; i += unit) {
            boolean nul = true;
            for (int k = 0; k < unit; k++) {
                nul &= b[i + k] == 0;
            }
            if (nul) {
                return i + unit;
            }
        }
        return Math.max(unit, b.length - b.length % unit);
    }

    private static String hex(byte[] b, int n) {
        if (b.length < n) {
            return NA;
        }
        StringBuilder sb = new StringBuilder(3 * Math.min(n, HEX_SHOWN));
        for (int i = 0; i < Math.min(n, HEX_SHOWN); i++) {
            sb.append(i == 0 ? "" : " ").append(String.format(Locale.ROOT, "%02x", b[i] & 0xFF));
        }
        return n > HEX_SHOWN ? sb.append(" …").toString() : sb.toString();
    }

    /** The rows whose value can be typed: integers and IEEE floats of 1 to 8 bytes. */
    public static boolean editable(String name) {
        return width(name) > 0;
    }

    private static int width(String name) {
        return switch (name) {
            case "u8", "i8" -> 1;
            case "u16", "i16" -> 2;
            case "u32", "i32", "f32" -> 4;
            case "u64", "i64", "f64" -> 8;
            default -> 0;
        };
    }

    /**
     * The bytes of {@code text} as the inspector row {@code name} in {@code order}: integers in
     * decimal or {@code 0x} hex, range-checked for the row's width and signedness; floats by value
     * (rounded to f32 for f32; {@code NaN}, {@code Infinity}, {@code -Infinity}). The search's
     * typed values ({@code u32le=1234}) are these bytes too: it finds what typing here writes.
     *
     * @throws dev.structscope.model.InputException naming the row and why the text does not fit
     */
    public static byte[] encode(String name, String text, ByteOrder order) {
        int n = width(name);
        String t = text.strip();
        if (n == 0) {
            throw new dev.structscope.model.InputException(name, "cannot be typed; type integers or floats");
        }
        long bits;
        if (name.startsWith("f")) {
            double d;
            try {
                d = Double.parseDouble(t);
            } catch (NumberFormatException e) {
                throw new dev.structscope.model.InputException(name, "'" + t + "' is not a number");
            }
            bits = n == 4 ? Float.floatToRawIntBits((float) d) & 0xFFFFFFFFL : Double.doubleToRawLongBits(d);
        } else {
            java.math.BigInteger v;
            try {
                boolean neg = t.startsWith("-");
                String digits = neg ? t.substring(1) : t;
                v = digits.regionMatches(true, 0, "0x", 0, 2) ? new java.math.BigInteger(digits.substring(2), 16)
                        : new java.math.BigInteger(digits);
                v = neg ? v.negate() : v;
            } catch (NumberFormatException e) {
                throw new dev.structscope.model.InputException(name, "'" + t + "' is not an integer");
            }
            boolean signed = name.startsWith("i");
            java.math.BigInteger min = signed ? java.math.BigInteger.ONE.shiftLeft(8 * n - 1).negate() : java.math.BigInteger.ZERO;
            java.math.BigInteger max = signed ? java.math.BigInteger.ONE.shiftLeft(8 * n - 1).subtract(java.math.BigInteger.ONE)
                    : java.math.BigInteger.ONE.shiftLeft(8 * n).subtract(java.math.BigInteger.ONE);
            if (v.compareTo(min) < 0 || v.compareTo(max) > 0) {
                throw new dev.structscope.model.InputException(name, t + " is out of range (" + min + " to " + max + ")");
            }
            bits = v.longValue();
        }
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) {
            int k = order == ByteOrder.LITTLE_ENDIAN ? i : n - 1 - i;
            out[k] = (byte) (bits >>> (8 * i));
        }
        return out;
    }

    private interface Fmt {
        String apply(long v);
    }

    private static Row row(String name, byte[] b, int n, Fmt f) {
        Row r = both(b, n, f);
        return new Row(name, r.little(), r.big());
    }

    private static Row both(byte[] b, int n, Fmt f) {
        if (b.length < n) {
            return new Row("", NA, NA);
        }
        return new Row("", f.apply(read(b, n, ByteOrder.LITTLE_ENDIAN)), f.apply(read(b, n, ByteOrder.BIG_ENDIAN)));
    }

    /** The unsigned value of the first {@code n} bytes in {@code order}. */
    static long read(byte[] b, int n, ByteOrder order) {
        long v = 0;
        for (int i = 0; i < n; i++) {
            int k = order == ByteOrder.LITTLE_ENDIAN ? n - 1 - i : i;
            v = (v << 8) | (b[k] & 0xFFL);
        }
        return v;
    }

    private static long signExtend(long v, int n) {
        int shift = 64 - 8 * n;
        return shift == 0 ? v : (v << shift) >> shift;
    }

    private static String bits(byte x) {
        String s = Integer.toBinaryString(x & 0xFF);
        return "0".repeat(8 - s.length()) + s;
    }

    private static String real(double d, boolean single) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        return single ? Float.toString((float) d) : Double.toString(d);
    }

    private static String x87(byte[] b, boolean bigEndian) {
        if (b.length < 10) {
            return NA;
        }
        long mant = 0;
        for (int i = 7; i >= 0; i--) {
            mant = (mant << 8) | (b[bigEndian ? 9 - i : i] & 0xFFL);
        }
        int se = bigEndian ? ((b[0] & 0xFF) << 8) | (b[1] & 0xFF) : ((b[9] & 0xFF) << 8) | (b[8] & 0xFF);
        return ExtendedFloat.fromX87(mant, se).toJson().replace("\"", "");
    }

    private static String ascii(byte x) {
        int c = x & 0xFF;
        return c >= 0x20 && c < 0x7F ? "'" + (char) c + "'" : c < 0x80 ? String.format("\\x%02x (control)", c) : "not ASCII";
    }

    private static String utf8(byte[] b) {
        if (b.length == 0) {
            return NA;
        }
        int n = utf8Length(b[0] & 0xFF);
        if (n == 0 || b.length < n) {
            return "invalid";
        }
        try {
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(b, 0, n)).toString();
            return "'" + s + "' U+" + String.format("%04X", s.codePointAt(0));
        } catch (CharacterCodingException e) {
            return "invalid";
        }
    }

    /** Bytes of the UTF-8 sequence a lead byte starts (0: not a lead byte). */
    private static int utf8Length(int lead) {
        return lead < 0x80 ? 1 : lead >= 0xF0 && lead < 0xF8 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0;
    }

    private static String cString(byte[] b) {
        StringBuilder sb = new StringBuilder("\"");
        for (byte x : b) {
            int c = x & 0xFF;
            if (c == 0) {
                break;
            }
            sb.append(c >= 0x20 && c < 0x7F ? String.valueOf((char) c) : String.format("\\x%02x", c));
        }
        return sb.append('"').toString();
    }

    private static String utf16String(byte[] b, boolean bigEndian) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i + 1 < b.length; i += 2) {
            char c = (char) (bigEndian ? ((b[i] & 0xFF) << 8) | (b[i + 1] & 0xFF) : ((b[i + 1] & 0xFF) << 8) | (b[i] & 0xFF));
            if (c == 0) {
                break;
            }
            sb.append(Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return sb.append('"').toString();
    }

    private static String time(long millis) {
        try {
            return DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochMilli(millis));
        } catch (RuntimeException e) {
            return "out of range";
        }
    }

    /** Windows FILETIME: 100-ns ticks since 1601-01-01 UTC, unsigned. */
    static String filetime(long ticks) {
        if (ticks < 0) {
            return "out of range";
        }
        long secs = ticks / 10_000_000L - 11_644_473_600L;
        long nanos = (ticks % 10_000_000L) * 100;
        try {
            return DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochSecond(secs, nanos));
        } catch (RuntimeException e) {
            return "out of range";
        }
    }
}
