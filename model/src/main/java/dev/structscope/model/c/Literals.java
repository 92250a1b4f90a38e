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

    /**
     * A character constant, typed as C types it: a plain one is an int (its byte sign-extended
     * when char is signed; several bytes, as 'ab' or a UTF-8 'é', make a multi-character int),
     * {@code u8'x'} an unsigned char (C23), {@code u'x'} a char16_t, {@code U'x'} a char32_t,
     * {@code L'x'} a wchar_t.
     */
    static IntValue character(Token t, boolean charSigned, int wcharBits, boolean wcharSigned) {
        String s = t.text();
        int q = s.indexOf('\'');
        String prefix = s.substring(0, q);
        int unitBytes = unitBytes(prefix, wcharBits / 8);
        long[] units = units(t, s.substring(q + 1, s.length() - 1), unitBytes, "character constant");
        if (units.length == 0) {
            throw new InputException(t.where(), "empty character constant");
        }
        if (prefix.isEmpty()) {
            String body = s.substring(q + 1, s.length() - 1);
            if (units.length > 1 && (body.contains("\\u") || body.contains("\\U") || body.chars().anyMatch(c -> c > 0x7F))) {
                // 'é' is two UTF-8 bytes: GCC makes a multi-character int of them, clang refuses it.
                throw new InputException(t.where(), "character too large for enclosing character literal type ("
                        + TokenCursor.abbreviate(s) + " is " + units.length + " bytes in UTF-8; GCC and clang disagree on it)");
            }
            if (units.length == 1) {
                return new IntValue(charSigned ? (byte) units[0] : units[0], 32, false);
            }
            long value = 0;
            for (long u : units) {
                value = value << 8 | u; // GCC's multi-character constant: the last four bytes count
            }
            return new IntValue(value, 32, false);
        }
        if (units.length > 1) {
            throw new InputException(t.where(), "character too large for enclosing character literal type ("
                    + TokenCursor.abbreviate(s) + " needs " + units.length + " code units)");
        }
        long value = units[0];
        return switch (prefix) {
            case "L" -> new IntValue(value, wcharBits, !wcharSigned).convert(wcharBits, !wcharSigned);
            case "u" -> new IntValue(value, 32, false, 2); // char16_t
            case "u8" -> new IntValue(value, 32, false, 1); // C23: unsigned char
            default -> new IntValue(value, 32, true);
        };
    }

    /**
     * The bytes of adjacent string literals as one array (what {@code sizeof} answers): their code
     * units in the encoding of the prefix they carry ({@code u8} and none: UTF-8 bytes; {@code u}:
     * UTF-16; {@code U}: UTF-32; {@code L}: wchar_t's, UTF-16 where it is 2 bytes), and the
     * terminating zero. An unprefixed literal takes the others' prefix; two different prefixes are
     * refused, as clang refuses them.
     */
    static long stringBytes(java.util.List<Token> literals, int wcharBytes) {
        String prefix = "";
        for (Token t : literals) {
            String p = t.text().substring(0, t.text().indexOf('"'));
            if (!p.isEmpty() && !prefix.isEmpty() && !p.equals(prefix)) {
                throw new InputException(t.where(), "unsupported non-standard concatenation of string literals");
            }
            prefix = p.isEmpty() ? prefix : p;
        }
        int unitBytes = unitBytes(prefix, wcharBytes);
        long count = 1;
        for (Token t : literals) {
            String s = t.text();
            count += units(t, s.substring(s.indexOf('"') + 1, s.length() - 1), unitBytes, "string literal").length;
        }
        return count * unitBytes;
    }

    /**
     * The characters of a narrow string literal (escapes resolved, each byte one ISO-8859-1
     * character, UTF-8 for what is written outside ASCII): what a {@code char} array holding it
     * compares equal to.
     */
    static String string(Token t) {
        String s = t.text();
        StringBuilder sb = new StringBuilder();
        for (long u : units(t, s.substring(s.indexOf('"') + 1, s.length() - 1), 1, "string literal")) {
            sb.append((char) u);
        }
        return sb.toString();
    }

    private static int unitBytes(String prefix, int wcharBytes) {
        return switch (prefix) {
            case "u" -> 2;
            case "U" -> 4;
            case "L" -> wcharBytes;
            default -> 1;
        };
    }

    /**
     * The code units a literal's body holds in an encoding of {@code unitBytes} (1: UTF-8, 2:
     * UTF-16, 4: UTF-32): a character written as itself or as a universal character name
     * (backslash, u, four hex digits) is encoded, an octal or hexadecimal escape is one unit as written (refused
     * past the unit's range, as GCC and clang refuse it), {@code \n} and the like are their codes.
     */
    private static long[] units(Token t, String body, int unitBytes, String what) {
        long most = unitBytes == 8 ? -1L : (1L << (unitBytes * 8)) - 1;
        java.util.List<Long> out = new java.util.ArrayList<>();
        int i = 0;
        while (i < body.length()) {
            char ch = body.charAt(i);
            if (ch != '\\') {
                int cp = body.codePointAt(i);
                i += Character.charCount(cp);
                encode(cp, unitBytes, out);
                continue;
            }
            if (i + 1 >= body.length()) {
                throw new InputException(t.where(), "invalid escape in " + what);
            }
            char e = body.charAt(i + 1);
            i += 2;
            switch (e) {
                case 'n' -> out.add(10L);
                case 't' -> out.add(9L);
                case 'r' -> out.add(13L);
                case 'a' -> out.add(7L);
                case 'b' -> out.add(8L);
                case 'f' -> out.add(12L);
                case 'v' -> out.add(11L);
                case 'e', 'E' -> out.add(27L);
                case 'x' -> {
                    int st = i;
                    java.math.BigInteger v = java.math.BigInteger.ZERO;
                    while (i < body.length() && Character.digit(body.charAt(i), 16) >= 0) {
                        v = v.shiftLeft(4).add(java.math.BigInteger.valueOf(Character.digit(body.charAt(i), 16)));
                        i++;
                    }
                    if (i == st) {
                        throw new InputException(t.where(), "\\x used with no following hex digits");
                    }
                    if (v.bitLength() > unitBytes * 8) {
                        throw new InputException(t.where(), "hex escape sequence out of range in " + what);
                    }
                    out.add(v.longValue());
                }
                case 'u', 'U' -> {
                    int n = e == 'u' ? 4 : 8;
                    if (i + n > body.length() || !body.substring(i, i + n).chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                        throw new InputException(t.where(), "incomplete universal character name in " + what);
                    }
                    long cp = Long.parseLong(body.substring(i, i + n), 16);
                    i += n;
                    if (cp > Character.MAX_CODE_POINT || cp >= 0xD800 && cp <= 0xDFFF) {
                        throw new InputException(t.where(), "invalid universal character \\" + e + body.substring(i - n, i)
                                + " in " + what);
                    }
                    encode((int) cp, unitBytes, out);
                }
                default -> {
                    if (e >= '0' && e <= '7') {
                        int st = i - 1;
                        while (i < body.length() && i - st < 3 && body.charAt(i) >= '0' && body.charAt(i) <= '7') {
                            i++;
                        }
                        long v = Long.parseLong(body.substring(st, i), 8);
                        if (v > most) {
                            throw new InputException(t.where(), "octal escape sequence out of range in " + what);
                        }
                        out.add(v);
                    } else {
                        out.add((long) e); // \\, \', \", \? (and GCC's unknown escapes: the character itself)
                    }
                }
            }
        }
        return out.stream().mapToLong(Long::longValue).toArray();
    }

    /** Code point {@code cp} in UTF-8 (1), UTF-16 (2) or UTF-32 (4) code units. */
    private static void encode(int cp, int unitBytes, java.util.List<Long> out) {
        switch (unitBytes) {
            case 1 -> {
                for (byte b : new String(Character.toChars(cp)).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
                    out.add((long) (b & 0xFF));
                }
            }
            case 2 -> {
                for (char c : Character.toChars(cp)) {
                    out.add((long) c);
                }
            }
            default -> out.add((long) cp);
        }
    }
}
