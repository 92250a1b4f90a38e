package dev.structscope.model.doc;

import dev.structscope.model.InputException;
import dev.structscope.model.c.Expressions;
import dev.structscope.model.type.ArrayType;
import dev.structscope.model.type.CType;
import dev.structscope.model.type.EnumType;
import dev.structscope.model.type.Identifiers;
import dev.structscope.model.type.Expr;
import dev.structscope.model.type.NamedType;
import dev.structscope.model.type.PointerType;
import dev.structscope.model.type.Prim;
import dev.structscope.model.type.PrimitiveType;
import dev.structscope.model.type.RecordType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one grammar of type text: the one-line type strings of a layout document, and what a
 * person types in the designer's type cell (which then resolves names against its document): {@code "uint32_t"}, {@code "struct Hdr"},
 * {@code "char *"}, {@code "int16_t[2][3]"}, {@code "Side"} (a typedef), {@code "int[4] *"}
 * (a pointer to an array).
 *
 * <p>Grammar: a base type followed by suffixes applied left to right, where a suffix is either
 * {@code *} (pointer to everything on its left) or a run of dimensions {@code [a][b]...} that
 * reads as in C (an array of {@code a} arrays of {@code b}). {@code []} is a flexible array; a
 * dimension may be any expression the dynamic layouts allow ({@code uint8_t[n][m]},
 * {@code char[len - 4]}): a constant one is a fixed length, one over members a counted array,
 * so that every array type a header can declare has a type string.
 * A base is a C primitive spelling (any order of its keywords, or a {@code <stdint.h>} /
 * {@code <stddef.h>} / {@code <stdbool.h>} name), {@code struct|union|enum TAG}, or a typedef name.
 *
 * <p>{@link #format} returns {@code null} for a type that this syntax cannot say exactly (inline
 * records and enums, unusual primitive spellings, names that are not C identifiers); the writer
 * then uses an object. Invariant (tested): {@code parse(format(t))} equals {@code t} whenever
 * {@code format(t)} is not null. Stateless; thread-safe.
 */
public final class TypeSyntax {
    private TypeSyntax() {
    }

    private static final Set<String> KEYWORDS = Set.of("signed", "unsigned", "char", "short", "int", "long",
            "float", "double", "void", "_Bool", "struct", "union", "enum");
    /** Looked up one word at a time, so the multi-word spellings never match. */
    private static final Map<String, Prim> ALIASES = Prim.spellings();

    /** Whether {@code s} is a C identifier that is neither a keyword nor a primitive alias. */
    static boolean isPlainName(String s) {
        return Identifiers.is(s) && !KEYWORDS.contains(s) && !ALIASES.containsKey(s);
    }

    static boolean isIdentifier(String s) {
        return Identifiers.is(s) && !KEYWORDS.contains(s);
    }

    /** The type string for {@code t}, or {@code null} when only the object form says it exactly. */
    public static String format(CType t) {
        return switch (t) {
            case PrimitiveType p -> {
                Prim parsed = primitive(p.spelling());
                yield parsed == p.prim() && p.spelling().equals(normalise(p.spelling())) ? p.spelling() : null;
            }
            case NamedType n -> switch (n.kind()) {
                case TYPEDEF -> isPlainName(n.name()) ? n.name() : null;
                case STRUCT, UNION, ENUM -> isIdentifier(n.name()) ? n.spelling() : null;
            };
            case PointerType ptr -> {
                String inner = format(ptr.target());
                yield inner == null ? null : inner.endsWith("*") ? inner + "*" : inner + " *";
            }
            case ArrayType a -> {
                String inner = format(a.innermost());
                if (inner == null) {
                    yield null;
                }
                yield inner + a.dimensionsText();
            }
            case RecordType r -> null;
            case EnumType e -> null;
        };
    }

    private static String normalise(String spelling) {
        return String.join(" ", spelling.strip().split("\\s+"));
    }

    /**
     * The primitive a spelling names, or {@code null}: keywords in any order ({@code "long unsigned
     * int"}), or one alias ({@code "uint8_t"}, {@code "size_t"}, {@code "bool"}).
     */
    static Prim primitive(String spelling) {
        String[] words = spelling.strip().split("\\s+");
        if (words.length == 1) {
            return ALIASES.get(words[0]);
        }
        int signed = 0, unsigned = 0, chr = 0, shrt = 0, in = 0, lng = 0, dbl = 0, wide = 0;
        for (String w : words) {
            switch (w) {
                case "__int128" -> wide++;
                case "signed" -> signed++;
                case "unsigned" -> unsigned++;
                case "char" -> chr++;
                case "short" -> shrt++;
                case "int" -> in++;
                case "long" -> lng++;
                case "double" -> dbl++;
                default -> {
                    return null;
                }
            }
        }
        if (signed + unsigned > 1 || chr > 1 || shrt > 1 || in > 1 || lng > 2 || dbl > 1) {
            return null;
        }
        boolean u = unsigned == 1;
        if (wide > 0) {
            return wide == 1 && chr + shrt + in + lng + dbl == 0 ? (u ? Prim.UINT128 : Prim.INT128) : null;
        }
        if (dbl == 1) {
            return lng == 1 && signed + unsigned + chr + shrt + in == 0 ? Prim.LONG_DOUBLE : null;
        }
        if (chr == 1) {
            if (shrt + in + lng > 0) {
                return null;
            }
            return signed == 1 ? Prim.SIGNED_CHAR : u ? Prim.UNSIGNED_CHAR : Prim.CHAR;
        }
        if (shrt == 1) {
            return lng > 0 ? null : u ? Prim.UNSIGNED_SHORT : Prim.SHORT;
        }
        return switch (lng) {
            case 0 -> u ? Prim.UNSIGNED_INT : Prim.INT;
            case 1 -> u ? Prim.UNSIGNED_LONG : Prim.LONG;
            default -> u ? Prim.UNSIGNED_LONG_LONG : Prim.LONG_LONG;
        };
    }

    /** Thrown by {@link #parse}: what is wrong, and at which character of the string. */
    public static final class SyntaxError extends Exception {
        final int index;

        SyntaxError(int index, String message) {
            super(message, null, false, false);
            this.index = index;
        }

        /** The index in the type string of the character the message is about. */
        public int index() {
            return index;
        }
    }

    /**
     * Parses a type string written by a person or by {@link #format}. Names are not looked up:
     * a bare name is a typedef, and the caller checks it against its declarations.
     */
    public static CType parse(String s) throws SyntaxError {
        List<String> tokens = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        Map<Integer, String> dimensions = new java.util.HashMap<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '[') {
                // A dimension's text is everything up to the matching ']': a number, nothing, or
                // an expression over members (which may hold brackets, parentheses and operators).
                int close = closingBracket(s, i);
                tokens.add("[");
                starts.add(i);
                dimensions.put(tokens.size() - 1, s.substring(i + 1, close));
                i = close + 1;
            } else if (c == '*') {
                tokens.add("*");
                starts.add(i++);
            } else if (Character.isLetterOrDigit(c) || c == '_') {
                int j = i;
                while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
                    j++;
                }
                tokens.add(s.substring(i, j));
                starts.add(i);
                i = j;
            } else {
                throw new SyntaxError(i, "unexpected character '" + c + "' in type \"" + s + "\"");
            }
        }
        int n = 0;
        while (n < tokens.size() && !tokens.get(n).equals("*") && !tokens.get(n).equals("[")) {
            n++;
        }
        if (n == 0) {
            throw new SyntaxError(0, "missing type name in \"" + s + "\"");
        }
        CType t = base(tokens.subList(0, n), s);
        while (n < tokens.size()) {
            if (tokens.get(n).equals("*")) {
                t = new PointerType(t);
                n++;
                continue;
            }
            List<ArrayType.Extent> dims = new ArrayList<>();
            while (n < tokens.size() && tokens.get(n).equals("[")) {
                dims.add(extent(dimensions.get(n), starts.get(n) + 1, s));
                n++;
            }
            if (dims.isEmpty()) {
                throw new SyntaxError(starts.get(n), "unexpected '" + tokens.get(n) + "' in type \"" + s + "\"");
            }
            for (int d = dims.size() - 1; d >= 0; d--) {
                t = new ArrayType(t, dims.get(d));
            }
        }
        return t;
    }

    /** The index of the ']' that closes the '[' at {@code open}. */
    private static int closingBracket(String s, int open) throws SyntaxError {
        int depth = 0;
        for (int j = open; j < s.length(); j++) {
            char c = s.charAt(j);
            if (c == '"' || c == '\'') {
                // A string or character constant (a when value, say) may hold a bracket.
                for (j++; j < s.length() && s.charAt(j) != c; j++) {
                    if (s.charAt(j) == '\\') {
                        j++;
                    }
                }
            } else if (c == '[' || c == '(') {
                depth++;
            } else if (c == ']' || c == ')') {
                depth--;
                if (depth == 0) {
                    if (c != ']') {
                        break;
                    }
                    return j;
                }
            }
        }
        throw new SyntaxError(open, "expected ']' in type \"" + s + "\"");
    }

    /**
     * One dimension's extent from the text between its brackets (starting at index {@code at} of
     * {@code s}): nothing is a flexible array, a constant a fixed length, any other expression a
     * count over members, read with the C grammar of dynamic layouts as a header's would be.
     */
    private static ArrayType.Extent extent(String text, int at, String s) throws SyntaxError {
        String t = text.strip();
        if (t.isEmpty()) {
            return new ArrayType.Flexible();
        }
        int col = at + text.indexOf(t.charAt(0));
        if (t.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            try {
                return new ArrayType.Fixed(Long.parseLong(t));
            } catch (NumberFormatException e) {
                throw new SyntaxError(col, "array length " + t + " is too large in type \"" + s + "\"");
            }
        }
        Expr e;
        try {
            e = Expressions.parse(t, "type \"" + s + "\"");
        } catch (InputException ex) {
            throw new SyntaxError(col, "array length must be a non-negative integer or an expression over members"
                    + " in type \"" + s + "\": " + ex.getMessage());
        }
        if (!e.isConstant()) {
            return new ArrayType.Counted(e);
        }
        Object v;
        try {
            v = e.evaluate(path -> {
                throw new Expr.EvalException("no members");
            });
        } catch (Expr.EvalException ex) {
            throw new SyntaxError(col, "array length " + t + " cannot be computed (" + ex.getMessage() + ") in type \""
                    + s + "\"");
        }
        if (!(v instanceof Long length) || length < 0) {
            throw new SyntaxError(col, "array length must be a non-negative integer in type \"" + s + "\", was " + t);
        }
        return new ArrayType.Fixed(length);
    }

    private static CType base(List<String> words, String s) throws SyntaxError {
        String first = words.getFirst();
        if (first.equals("struct") || first.equals("union") || first.equals("enum")) {
            if (words.size() != 2 || !isIdentifier(words.get(1))) {
                throw new SyntaxError(0, "expected one tag after '" + first + "' in type \"" + s + "\"");
            }
            return switch (first) {
                case "struct" -> NamedType.struct(words.get(1));
                case "union" -> NamedType.union(words.get(1));
                default -> NamedType.enumeration(words.get(1));
            };
        }
        String spelling = String.join(" ", words);
        Prim p = primitive(spelling);
        if (p != null) {
            return new PrimitiveType(p, spelling);
        }
        if (words.size() == 1 && isPlainName(first)) {
            return NamedType.typedef(first);
        }
        throw new SyntaxError(0, "\"" + spelling + "\" is not a C type name");
    }
}
