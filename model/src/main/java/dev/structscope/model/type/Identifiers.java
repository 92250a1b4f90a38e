package dev.structscope.model.type;

import java.util.regex.Pattern;

/**
 * What a C identifier is, written once: the header lexer, the document's type text, the
 * designer's name cells and the member paths of the command line ({@code series --member},
 * {@code patch --set}) all ask here.
 *
 * <p>An identifier is what gcc and clang take: ASCII letters, digits, {@code _} and {@code $},
 * and letters of any script written as UTF-8 ({@code größe}, {@code 温度}; C23 and C++ name them
 * by Unicode's identifier classes, and both compilers have taken them since gcc 10 and clang 3.3).
 * Outside ASCII the JDK's Unicode identifier classes stand for Unicode's, without the characters
 * it calls ignorable (controls and format characters, which no compiler takes). Universal
 * character names ({@code \u00f6} written in the source) are not read.
 *
 * <p>Tool chains that take ASCII names only (Kaitai Struct ids, Wireshark field names) get
 * {@link #ascii}. Stateless.
 */
public final class Identifiers {
    private Identifiers() {
    }

    /** An identifier as a regular expression (no groups), for grammars written as patterns. */
    public static final String REGEX = "(?:[A-Za-z_$]|(?=\\P{ASCII})\\p{javaUnicodeIdentifierStart})"
            + "(?:[A-Za-z0-9_$]|(?=\\P{ASCII})(?!\\p{javaIdentifierIgnorable})\\p{javaUnicodeIdentifierPart})*";

    private static final Pattern WHOLE = Pattern.compile(REGEX);

    /** Whether code point {@code cp} may begin an identifier. */
    public static boolean isStart(int cp) {
        if (cp < 0x80) {
            return cp == '_' || cp == '$' || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
        }
        return Character.isUnicodeIdentifierStart(cp);
    }

    /** Whether code point {@code cp} may stand in an identifier after its first character. */
    public static boolean isPart(int cp) {
        if (cp < 0x80) {
            return isStart(cp) || (cp >= '0' && cp <= '9');
        }
        return Character.isUnicodeIdentifierPart(cp) && !Character.isIdentifierIgnorable(cp);
    }

    /** Whether {@code s} is one identifier (keywords included: which words are reserved is the asker's business). */
    public static boolean is(String s) {
        return s != null && WHOLE.matcher(s).matches();
    }

    /**
     * {@code name} in ASCII: each character outside ASCII as {@code _u} and its code point in four
     * (or more) lower-case hex digits, so that {@code größe} is {@code gr_u00f6_u00dfe}. Two names
     * that differ stay different unless one already holds such a spelling.
     */
    public static String ascii(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        name.codePoints().forEach(cp -> {
            if (cp < 0x80) {
                sb.append((char) cp);
            } else {
                String hex = Integer.toHexString(cp);
                sb.append("_u").append("0".repeat(Math.max(0, 4 - hex.length()))).append(hex);
            }
        });
        return sb.toString();
    }
}
