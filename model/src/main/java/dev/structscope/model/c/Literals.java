package dev.structscope.model.c;

import dev.structscope.model.InputException;

import dev.structscope.model.type.Prim;

import java.math.BigInteger;
import java.util.Locale;

/** Values of C integer and character literals, typed the way C types them. Stateless. */
public final class Literals {
    private Literals() {
    }

    private static final BigInteger U64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    /**
     * An integer literal with its type: the first of int, (unsigned int,) long, (unsigned long,)
     * long long, unsigned long long that holds it, the unsigned ones only for hex and octal.
     */
    /**
     * The value of a C integer constant spelled without sign or suffix: hexadecimal after
     * {@code 0x}, binary after {@code 0b}, octal with a leading 0, else decimal (upper or lower
     * case). Raises {@link NumberFormatException} for any other spelling.
     */
    public static BigInteger unsigned(String spelling) {
        String lower = spelling.toLowerCase(Locale.ROOT);
        int radix = radix(lower);
        String digits = lower.substring(prefix(radix));
        if (digits.isEmpty() || digits.length() > 100 || digits.charAt(0) == '-' || digits.charAt(0) == '+') {
            throw new NumberFormatException(spelling);
        }
        return new BigInteger(digits, radix);
    }

    /** The radix a lower-case integer constant's prefix says. */
    private static int radix(String lower) {
        return lower.startsWith("0x") ? 16 : lower.startsWith("0b") ? 2 : lower.length() > 1 && lower.startsWith("0") ? 8 : 10;
    }

    /** How many characters that prefix has. */
    private static int prefix(int radix) {
        return switch (radix) {
            case 16, 2 -> 2;
            case 8 -> 1;
            default -> 0;
        };
    }

    private static final java.util.regex.Pattern FLOATING = java.util.regex.Pattern.compile(
            "((?:[0-9]+\\.[0-9]*|\\.[0-9]+)(?:e[+-]?[0-9]+)?|[0-9]+e[+-]?[0-9]+"
            + "|0x(?:[0-9a-f]+\\.?[0-9a-f]*|\\.[0-9a-f]+)p[+-]?[0-9]+)([fl]?)");

    /** Whether a number token is a floating constant ({@code 2.5}, {@code 1e3f}, {@code 0x1p-3}), well formed or not. */
    static boolean isFloating(Token t) {
        String s = t.text().toLowerCase(Locale.ROOT);
        return s.startsWith("0x") ? s.contains("p") || s.contains(".") : s.contains(".") || s.contains("e");
    }

    /**
     * A floating constant: {@code double}, {@code float} with an {@code f} suffix, {@code long
     * double} with an {@code l} suffix (its value read as a double: the caller refuses long double
     * where the ABI makes it wider). Rounded to nearest from the spelling, once.
     */
    static FloatValue floating(Token t) {
        String s = t.text().toLowerCase(Locale.ROOT).replace("'", "");
        java.util.regex.Matcher m = FLOATING.matcher(s);
        if (!m.matches()) {
            throw new InputException(t.where(), "invalid floating constant '" + TokenCursor.abbreviate(t.text()) + "'");
        }
        Prim type = switch (m.group(2)) {
            case "f" -> Prim.FLOAT;
            case "l" -> Prim.LONG_DOUBLE;
            default -> Prim.DOUBLE;
        };
        // Java reads C's spellings (hexadecimal ones too) and rounds to nearest; a float is read as one.
        double v = type == Prim.FLOAT ? Float.parseFloat(m.group(1)) : Double.parseDouble(m.group(1));
        if (Double.isInfinite(v)) {
            throw new InputException(t.where(), "magnitude of floating-point constant '" + TokenCursor.abbreviate(t.text())
                    + "' too large for type '" + type.cName() + "'");
        }
        return new FloatValue(v, type);
    }

    static IntValue integer(Token t, int longBits) {
        String s = t.text().toLowerCase(Locale.ROOT).replace("'", "");
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == 'u' || s.charAt(end - 1) == 'l')) {
            end--;
        }
        String suffix = s.substring(end);
        String digits = s.substring(0, end);
        boolean u = suffix.contains("u");
        int longs = suffix.replace("u", "").length();
        if (!java.util.Set.of("", "u", "l", "ul", "lu", "ll", "ull", "llu").contains(suffix)) {
            throw new InputException(t.where(), "invalid suffix on integer constant '" + TokenCursor.abbreviate(t.text()) + "'");
        }
        int radix = radix(digits);
        digits = digits.substring(prefix(radix));
        if (digits.contains(".") || (radix != 16 && (digits.contains("e") || digits.contains("p")))
                || (radix == 16 && digits.contains("p")) || (radix != 16 && s.endsWith("f"))) {
            throw new InputException(t.where(), "floating constant '" + t.text() + "' in an integer constant expression");
        }
        BigInteger v;
        try {
            if (digits.isEmpty() || digits.length() > 100) {
                throw new NumberFormatException();
            }
            v = new BigInteger(digits, radix);
        } catch (NumberFormatException e) {
            throw new InputException(t.where(), "invalid integer constant '" + TokenCursor.abbreviate(t.text()) + "'");
        }
        if (v.compareTo(U64_MAX) > 0) {
            throw new InputException(t.where(), "integer constant '" + TokenCursor.abbreviate(t.text())
                    + "' is too large for any integer type");
        }
        boolean decimal = radix == 10;
        int[] widths = {32, longBits, 64};
        for (int i = longs; i < 3; i++) {
            int w = widths[i];
            BigInteger sMax = BigInteger.ONE.shiftLeft(w - 1).subtract(BigInteger.ONE);
            BigInteger uMax = BigInteger.ONE.shiftLeft(w).subtract(BigInteger.ONE);
            if (!u && v.compareTo(sMax) <= 0) {
                return new IntValue(v.longValue(), w, false);
            }
            if ((u || !decimal) && v.compareTo(uMax) <= 0) {
                return new IntValue(v.longValue(), w, true);
            }
        }
        // A decimal too big for long long: GCC and clang make it unsigned long long with a warning.
        return new IntValue(v.longValue(), 64, true);
    }

    /** A character constant: plain ones are int (a char sign-extended when char is signed). */
    static IntValue character(Token t, boolean charSigned, int wcharBits, boolean wcharSigned) {
        String s = t.text();
        int q = s.indexOf('\'');
        String prefix = s.substring(0, q);
        String body = s.substring(q + 1, s.length() - 1);
        long value = 0;
        int count = 0;
        int i = 0;
        while (i < body.length()) {
            long c;
            char ch = body.charAt(i);
            if (ch == '\\') {
                if (i + 1 >= body.length()) {
                    throw new InputException(t.where(), "invalid escape in character constant");
                }
                char e = body.charAt(i + 1);
                i += 2;
                switch (e) {
                    case 'n' -> c = 10;
                    case 't' -> c = 9;
                    case 'r' -> c = 13;
                    case 'a' -> c = 7;
                    case 'b' -> c = 8;
                    case 'f' -> c = 12;
                    case 'v' -> c = 11;
                    case 'e', 'E' -> c = 27;
                    case 'x' -> {
                        int st = i;
                        while (i < body.length() && Character.digit(body.charAt(i), 16) >= 0 && i - st < 16) {
                            i++;
                        }
                        if (i == st) {
                            throw new InputException(t.where(), "\\x used with no following hex digits");
                        }
                        c = Long.parseUnsignedLong(body.substring(st, i), 16);
                    }
                    default -> {
                        if (e >= '0' && e <= '7') {
                            int st = i - 1;
                            while (i < body.length() && i - st < 3 && body.charAt(i) >= '0' && body.charAt(i) <= '7') {
                                i++;
                            }
                            c = Long.parseLong(body.substring(st, i), 8);
                        } else {
                            c = e;
                        }
                    }
                }
            } else {
                c = body.codePointAt(i);
                i += Character.charCount((int) c);
            }
            value = prefix.isEmpty() ? (value << 8) | (c & 0xff) : c;
            count++;
        }
        if (count == 0) {
            throw new InputException(t.where(), "empty character constant");
        }
        return switch (prefix) {
            case "" -> count == 1 ? new IntValue(charSigned ? (byte) value : value & 0xff, 32, false)
                    : new IntValue(value, 32, false);
            case "L" -> new IntValue(value, wcharBits, !wcharSigned).convert(wcharBits, !wcharSigned);
            case "u" -> new IntValue(value & 0xffff, 32, false, 2); // char16_t
            case "u8" -> new IntValue(value & 0xff, 32, false, 1); // C23: unsigned char
            default -> new IntValue(value & 0xffffffffL, 32, true);
        };
    }

    /** {@code sizeof "..."}: the bytes of a narrow string literal with its terminating zero (escapes counted once). */
    static long stringLength(Token t) {
        String s = t.text();
        String body = s.substring(s.indexOf('"') + 1, s.length() - 1);
        long n = 0;
        for (int i = 0; i < body.length(); i++) {
            if (body.charAt(i) == '\\') {
                i++;
            }
            n++;
        }
        return n + 1;
    }

    /**
     * The characters of a narrow string literal (escapes resolved, each byte one ISO-8859-1
     * character): what a {@code char} array holding it compares equal to.
     */
    static String string(Token t) {
        String s = t.text();
        String body = s.substring(s.indexOf('"') + 1, s.length() - 1);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c != '\\' || i + 1 >= body.length()) {
                sb.append(c);
                continue;
            }
            char e = body.charAt(++i);
            switch (e) {
                case 'n' -> sb.append('\n');
                case 't' -> sb.append('\t');
                case 'r' -> sb.append('\r');
                case 'a' -> sb.append((char) 7);
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'v' -> sb.append((char) 11);
                case 'x' -> {
                    int v = 0;
                    while (i + 1 < body.length() && Character.digit(body.charAt(i + 1), 16) >= 0) {
                        v = v * 16 + Character.digit(body.charAt(++i), 16);
                    }
                    sb.append((char) (v & 0xFF));
                }
                default -> {
                    if (e >= '0' && e <= '7') {
                        int v = e - '0';
                        for (int k = 0; k < 2 && i + 1 < body.length() && body.charAt(i + 1) >= '0'
                                && body.charAt(i + 1) <= '7'; k++) {
                            v = v * 8 + body.charAt(++i) - '0';
                        }
                        sb.append((char) (v & 0xFF));
                    } else {
                        sb.append(e);
                    }
                }
            }
        }
        return sb.toString();
    }
}
