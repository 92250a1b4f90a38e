package dev.structscope.app.designer;

import dev.structscope.model.InputException;
import dev.structscope.model.doc.TypeSyntax;
import dev.structscope.model.type.ArrayType;
import dev.structscope.model.type.CType;
import dev.structscope.model.type.Decl;
import dev.structscope.model.type.EnumType;
import dev.structscope.model.type.Identifiers;
import dev.structscope.model.type.NamedType;
import dev.structscope.model.type.Prim;
import dev.structscope.model.type.PrimitiveType;
import dev.structscope.model.type.RecordKind;
import dev.structscope.model.type.RecordType;
import dev.structscope.model.type.TypeLibrary;
import dev.structscope.model.type.Typedef;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the designer's cells show and accept: the type cell (read with the model's type grammar,
 * {@link TypeSyntax}, then resolved against the document: {@code "Side"} is a typedef or tag of
 * it), array dimensions {@code "[4][2]"} or {@code "4x2"}, member attributes, names, and the
 * type names offered by completion. Bad text raises {@link InputException} with a message for
 * the cell's tooltip. Pure; any thread.
 */
public final class CellText {
    /** The shared spellings of the model, less {@code void}, which is no member type. */
    private static final Map<String, Prim> PRIMS = new LinkedHashMap<>(Prim.spellings());

    static {
        PRIMS.values().remove(Prim.VOID);
    }

    private CellText() {
    }

    /** The primitive spellings offered by completion, most common first. */
    public static List<String> primitiveNames() {
        List<String> out = new ArrayList<>(List.of("uint8_t", "int8_t", "uint16_t", "int16_t", "uint32_t", "int32_t",
                "uint64_t", "int64_t", "float", "double", "char", "_Bool", "size_t", "void *"));
        for (String s : PRIMS.keySet()) {
            if (!out.contains(s)) {
                out.add(s);
            }
        }
        return out;
    }

    /** The document's own type names as they can be typed: tags with their keyword, typedef names. */
    public static List<String> documentNames(TypeLibrary lib) {
        List<String> out = new ArrayList<>();
        for (Decl d : lib.decls()) {
            switch (d) {
                case RecordType r when r.tag() != null -> out.add(r.kind().keyword() + " " + r.tag());
                case EnumType e when e.tag() != null -> out.add("enum " + e.tag());
                case Typedef t -> out.add(t.name());
                default -> { }
            }
        }
        return out;
    }

    /**
     * The type typed in the type cell, read with the model's one type grammar ({@link TypeSyntax}:
     * {@code "uint32_t"}, {@code "char *"}, {@code "struct Hdr[4]"}, {@code "int[4] *"}) and then
     * checked against the document: a bare name is its typedef, else its struct, union or enum of
     * that tag; a struct or union held by value must be defined; {@code void} only behind a pointer.
     *
     * @throws InputException with where = {@code "type"} (or {@code "array"} for a dimension) when
     *                        the text names no known type
     */
    public static CType parseType(String text, TypeLibrary lib) {
        String s = text == null ? "" : text.strip();
        if (s.isEmpty()) {
            throw new InputException("type", "a member needs a type");
        }
        CType parsed;
        try {
            parsed = TypeSyntax.parse(BOOL.matcher(s).replaceAll("_Bool"));
        } catch (TypeSyntax.SyntaxError e) {
            throw new InputException("type", e.getMessage());
        }
        return resolve(parsed, lib, false, true);
    }

    /** People type {@code _bool} as they like; C spells it {@code _Bool}. */
    private static final java.util.regex.Pattern BOOL = java.util.regex.Pattern.compile("(?i)\\b_bool\\b");

    private static CType resolve(CType t, TypeLibrary lib, boolean pointee, boolean outermost) {
        return switch (t) {
            case dev.structscope.model.type.PointerType p -> new dev.structscope.model.type.PointerType(
                    resolve(p.target(), lib, true, true));
            case ArrayType a -> {
                if (a.isFlexible() && !outermost) {
                    throw new InputException("array", "only the first dimension may be left empty (flexible)");
                }
                if (!a.isFlexible() && a.count() == null && a.length() > MAX_LENGTH) {
                    throw new InputException("array", "'" + a.length() + "' is not an array length");
                }
                yield a.withElement(resolve(a.element(), lib, pointee, false));
            }
            case PrimitiveType p when p.prim() == Prim.VOID && !pointee ->
                    throw new InputException("type", "'void' has no size; did you mean 'void *'?");
            case NamedType n when n.kind() == NamedType.Kind.TYPEDEF -> named(n.name(), lib);
            case NamedType n -> {
                checkIdentifier(n.name(), "type");
                if (!pointee) {
                    lib.resolve(n); // complete types only; a pointer may point to an incomplete one
                }
                yield n;
            }
            default -> t;
        };
    }

    /** What a bare name means in the document: its typedef, else the struct, union or enum of that tag. */
    private static CType named(String s, TypeLibrary lib) {
        checkIdentifier(s, "type");
        if (lib.typedef(s).isPresent()) {
            return NamedType.typedef(s);
        }
        if (lib.recordByTag(s).isPresent()) {
            RecordType r = lib.recordByTag(s).get();
            return r.kind() == RecordKind.STRUCT ? NamedType.struct(s) : NamedType.union(s);
        }
        if (lib.enumByTag(s).isPresent()) {
            return NamedType.enumeration(s);
        }
        throw new InputException("type", "unknown type '" + s + "'");
    }

    /** The longest array length the cells take (nine digits), so that sizes stay far from overflow. */
    private static final long MAX_LENGTH = 999_999_999L;

    /** In {@link #parseDims}'s answer, the first dimension left empty: a flexible array member. */
    public static final long FLEXIBLE_DIM = -1;

    /**
     * Parses the array cell: empty, {@code [4]}, {@code [4][2]}, {@code 4x2}, {@code 4, 2} or
     * {@code []} (flexible, answered as {@link #FLEXIBLE_DIM}).
     */
    public static long[] parseDims(String text) {
        String s = text == null ? "" : text.strip();
        if (s.isEmpty()) {
            return new long[0];
        }
        List<String> parts = new ArrayList<>();
        if (s.startsWith("[")) {
            if (!s.matches("(\\[\\s*\\d*\\s*\\])+")) {
                throw new InputException("array", "write dimensions as [4] or [4][2]");
            }
            for (String p : s.substring(1, s.length() - 1).split("\\]\\s*\\[", -1)) {
                parts.add(p.strip());
            }
        } else {
            for (String p : s.split("[x×,]", -1)) {
                parts.add(p.strip());
            }
        }
        long[] dims = new long[parts.size()];
        for (int i = 0; i < dims.length; i++) {
            String p = parts.get(i);
            if (p.isEmpty()) {
                if (i != 0) {
                    throw new InputException("array", "only the first dimension may be left empty (flexible)");
                }
                dims[i] = FLEXIBLE_DIM;
                continue;
            }
            if (!p.matches("\\d{1,9}")) {
                throw new InputException("array", "'" + p + "' is not an array length");
            }
            dims[i] = Long.parseLong(p);
        }
        return dims;
    }

    /** Wraps {@code base} in arrays, outermost dimension first. */
    public static CType withDims(CType base, long[] dims) {
        CType t = base;
        for (int i = dims.length - 1; i >= 0; i--) {
            t = dims[i] == FLEXIBLE_DIM ? ArrayType.flexible(t) : new ArrayType(t, dims[i]);
        }
        return t;
    }

    /** The type without its array dimensions, as shown in the type cell. */
    public static CType elementOf(CType t) {
        return t instanceof ArrayType a ? a.innermost() : t;
    }

    /** A member's attributes as the Attributes cell shows them: {@code "alignas(16) packed"}, or "". */
    public static String attrsText(dev.structscope.model.type.Member m) {
        String a = m.alignAs() > 0 ? "alignas(" + m.alignAs() + ")" : "";
        return m.packed() ? (a.isEmpty() ? "packed" : a + " packed") : a;
    }

    /**
     * The member with the attributes typed into the Attributes cell: {@code alignas(16)},
     * {@code _Alignas(16)}, {@code aligned(16)} or a bare {@code 16} raise its alignment;
     * {@code packed} (or {@code __attribute__((packed))}) packs it; empty text clears both.
     */
    public static dev.structscope.model.type.Member withAttrs(dev.structscope.model.type.Member m, String text) {
        String s = text == null ? "" : text.strip()
                .replaceAll("__attribute__\\s*\\(\\((.*)\\)\\)", "$1").replace(",", " ");
        long align = 0;
        boolean packed = false;
        java.util.regex.Matcher t = java.util.regex.Pattern
                .compile("\\s*(?:(?:_Alignas|alignas|aligned|__aligned__)\\s*\\(\\s*(\\w+)\\s*\\)|(packed|__packed__)|(\\w+))")
                .matcher(s);
        int at = 0;
        while (at < s.length()) {
            if (!t.find(at) || t.start() != at) {
                throw new InputException("attributes", "'" + s.substring(at).strip()
                        + "' is not a member attribute (try alignas(16), packed)");
            }
            String number = t.group(1) != null ? t.group(1) : t.group(3);
            if (t.group(2) != null) {
                packed = true;
            } else {
                long v;
                try {
                    v = Long.decode(number);
                } catch (NumberFormatException e) {
                    throw new InputException("attributes", "'" + number + "' is not an alignment (1, 2, 4, 8, 16, ...)");
                }
                if (v <= 0 || Long.bitCount(v) != 1 || v > (1L << 28)) {
                    throw new InputException("attributes", "requested alignment " + v
                            + " is not a power of 2 between 1 and 2^28");
                }
                align = Math.max(align, v);
            }
            at = t.end();
            while (at < s.length() && Character.isWhitespace(s.charAt(at))) {
                at++;
            }
        }
        return m.withAlignAs(align).withPacked(packed);
    }

    /** A C identifier that is not a keyword. */
    public static void checkIdentifier(String name, String where) {
        if (!Identifiers.is(name)) {
            throw new InputException(where, "'" + (name == null ? "" : name)
                    + "' is not a C identifier (letters of any script, digits, _ and $; not starting with a digit)");
        }
        if (KEYWORDS.contains(name)) {
            throw new InputException(where, "'" + name + "' is a C keyword");
        }
    }

    private static final java.util.Set<String> KEYWORDS = java.util.Set.of("auto", "break", "case", "char", "const",
            "continue", "default", "do", "double", "else", "enum", "extern", "float", "for", "goto", "if", "inline",
            "int", "long", "register", "restrict", "return", "short", "signed", "sizeof", "static", "struct",
            "switch", "typedef", "union", "unsigned", "void", "volatile", "while", "_Bool", "_Alignas", "_Alignof",
            "_Atomic", "_Static_assert", "_Thread_local", "bool", "alignas", "alignof", "true", "false");
}
