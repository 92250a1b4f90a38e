package dev.structscope.app.designer;

import dev.structscope.model.InputException;
import dev.structscope.model.type.ArrayType;
import dev.structscope.model.type.CType;
import dev.structscope.model.type.Decl;
import dev.structscope.model.type.EnumType;
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
import java.util.Locale;
import java.util.Map;

/**
 * Turns what a person types in the designer's type and array cells into {@link CType}s, and back:
 * {@code "uint32_t"}, {@code "unsigned"}, {@code "struct Hdr"}, {@code "Side"} (a typedef or tag
 * of the document), {@code "char *"}, and array dimensions {@code "[4][2]"} or {@code "4x2"}.
 * Bad text raises {@link InputException} with a message for the cell's tooltip. Pure; any thread.
 */
public final class TypeText {
    /** The shared spellings of the model, less {@code void}, which is no member type. */
    private static final Map<String, Prim> PRIMS = new LinkedHashMap<>(Prim.spellings());

    static {
        PRIMS.values().remove(Prim.VOID);
    }

    private TypeText() {
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
     * Parses a type as typed in the type cell; a trailing {@code [N]...} is accepted as well.
     *
     * @throws InputException with where = {@code "type"} when the text names no known type
     */
    public static CType parseType(String text, TypeLibrary lib) {
        String s = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        if (s.isEmpty()) {
            throw new InputException("type", "a member needs a type");
        }
        int bracket = s.indexOf('[');
        long[] dims = new long[0];
        if (bracket >= 0) {
            dims = parseDims(s.substring(bracket));
            s = s.substring(0, bracket).strip();
        }
        int pointers = 0;
        while (s.endsWith("*")) {
            pointers++;
            s = s.substring(0, s.length() - 1).strip();
        }
        CType base = base(s, lib, pointers > 0);
        for (int i = 0; i < pointers; i++) {
            base = new dev.structscope.model.type.PointerType(base);
        }
        return withDims(base, dims);
    }

    private static CType base(String s, TypeLibrary lib, boolean pointee) {
        if (s.equals("void")) {
            if (!pointee) {
                throw new InputException("type", "'void' has no size; did you mean 'void *'?");
            }
            return PrimitiveType.of(Prim.VOID);
        }
        Prim p = PRIMS.get(s.toLowerCase(Locale.ROOT).equals("_bool") ? "_Bool" : s);
        if (p != null) {
            return new PrimitiveType(p, s);
        }
        for (String kw : List.of("struct ", "union ", "enum ")) {
            if (s.startsWith(kw)) {
                String tag = s.substring(kw.length()).strip();
                checkIdentifier(tag, "type");
                NamedType n = switch (kw.strip()) {
                    case "struct" -> NamedType.struct(tag);
                    case "union" -> NamedType.union(tag);
                    default -> NamedType.enumeration(tag);
                };
                if (!pointee) {
                    lib.resolve(n); // complete types only; a pointer may point to an incomplete one
                }
                return n;
            }
        }
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

    /** The array cell text: {@code "[4][2]"}, {@code "[]"} or empty. */
    public static String dimsText(CType t) {
        if (!(t instanceof ArrayType a)) {
            return "";
        }
        return a.dimensionsText();
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
        if (name == null || !name.matches("[A-Za-z_][A-Za-z_0-9]*")) {
            throw new InputException(where, "'" + (name == null ? "" : name)
                    + "' is not a C identifier (letters, digits, _; not starting with a digit)");
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
