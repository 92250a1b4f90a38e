package dev.structscope.app.common;

import java.util.Locale;

/** Number formats shared by the views: offsets in hex or decimal, byte counts. Any thread. */
public final class Fmt {
    private Fmt() {
    }

    /** {@code 0x1A} in hex mode (at least two digits), {@code 26} in decimal mode. */
    public static String offset(long value, boolean hex) {
        return hex ? String.format(Locale.ROOT, "0x%02X", value) : Long.toString(value);
    }

    /** {@code "1 byte"}, {@code "3 bytes"}. */
    public static String bytes(long n) {
        return count(n, "byte");
    }

    /** {@code n} and a noun that takes an s: {@code "1 record"}, {@code "1,024 records"}, {@code "0 types"}. */
    public static String count(long n, String noun) {
        return String.format(Locale.ROOT, "%,d %s%s", n, noun, n == 1 ? "" : "s");
    }

    /** Binary units for large sizes: {@code 512 B}, {@code 4.0 KiB}, {@code 1.5 GiB}. */
    public static String binary(long n) {
        if (n < 1024) {
            return n + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        double v = n;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
