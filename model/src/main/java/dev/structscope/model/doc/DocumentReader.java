package dev.structscope.model.doc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.structscope.model.InputException;
import dev.structscope.model.abi.Abi;
import dev.structscope.model.doc.JsonTree.JArray;
import dev.structscope.model.doc.JsonTree.JBool;
import dev.structscope.model.doc.JsonTree.JNumber;
import dev.structscope.model.doc.JsonTree.JObject;
import dev.structscope.model.doc.JsonTree.JString;
import dev.structscope.model.doc.JsonTree.Where;
import dev.structscope.model.type.ArrayType;
import dev.structscope.model.type.CType;
import dev.structscope.model.type.Decl;
import dev.structscope.model.type.EnumType;
import dev.structscope.model.type.Enumerator;
import dev.structscope.model.type.Member;
import dev.structscope.model.type.Dynamic;
import dev.structscope.model.type.Expr;
import dev.structscope.model.c.Expressions;
import dev.structscope.model.type.NamedType;
import dev.structscope.model.type.PointerType;
import dev.structscope.model.type.Prim;
import dev.structscope.model.type.PrimitiveType;
import dev.structscope.model.type.RecordKind;
import dev.structscope.model.type.RecordType;
import dev.structscope.model.type.SystemIncludes;
import dev.structscope.model.type.TypeLibrary;
import dev.structscope.model.type.Typedef;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a parsed JSON tree into a {@link LayoutDocument}, checking the shape as it goes. Every
 * error names the offending value's {@code file:line:col}. Name-level checks (unknown and
 * duplicate names, bit-fields) run afterwards in {@link DocumentChecker}, which uses the
 * locations recorded here. One instance per read; not thread-safe.
 */
final class DocumentReader {
    private static final Set<String> RECORD_KEYS = Set.of("kind", "name", "pack", "packed", "aligned", "comment", "members",
            "include");
    private static final Set<String> ENUM_KEYS = Set.of("kind", "name", "underlying", "packed", "comment", "enumerators",
            "include");
    private static final Set<String> TYPEDEF_KEYS = Set.of("kind", "name", "type", "aligned", "vector", "comment", "include");
    /** What {@code "include"} holds: a header as an {@code #include} names it. */
    private static final java.util.regex.Pattern INCLUDE = java.util.regex.Pattern.compile("<[^<>\\s]+>|\"[^\"\\s]+\"");
    private static final Set<String> MEMBER_KEYS = Set.of("name", "type", "bits", "alignas", "packed", "comment",
            "count", "at", "switch", "when", "size");
    private static final Set<String> ENUMERATOR_KEYS = Set.of("name", "value", "comment");
    /** Largest alignment accepted: clang's limit for {@code aligned(N)}. */
    static final long MAX_ALIGN = 1L << 32;

    /** Where each type value came from, by identity, for the checks that run after reading. */
    final Map<Object, Where> locations = new java.util.IdentityHashMap<>();
    /** The declarations a system header made, with the include that brings each ({@code "include"}). */
    private final Map<Decl, String> includes = new LinkedHashMap<>();
    /** The document's enum constants by name, for its expressions ({@link #collectEnumerators}). */
    private final Map<String, Long> enumerators = new java.util.HashMap<>();

    LayoutDocument read(JsonTree root) {
        JObject o = object(root, "the document");
        Map<String, JObject.Field> f = o.fields();
        JsonTree format = f.containsKey("format") ? f.get("format").value() : null;
        if (!(format instanceof JString s) || !s.value().equals(DocumentWriter.FORMAT)) {
            throw (format == null ? o.where() : format.where()).error("not a StructScope layout document: expected \"format\": \""
                    + DocumentWriter.FORMAT + "\"");
        }
        JsonTree version = f.containsKey("version") ? f.get("version").value() : null;
        if (version == null) {
            throw o.where().error("missing \"version\" (this StructScope reads version " + DocumentWriter.VERSION + ")");
        }
        if (!(version instanceof JNumber n) || !n.integral()) {
            throw version.where().error("\"version\" must be an integer, was " + JsonTree.describe(version));
        }
        BigInteger v = new BigInteger(n.value().toString());
        if (!v.equals(BigInteger.valueOf(DocumentWriter.VERSION))) {
            throw version.where().error("unsupported document version " + v + ": this StructScope reads version "
                    + DocumentWriter.VERSION + (v.compareTo(BigInteger.ONE) > 0 ? " (the document was written by a newer StructScope)" : ""));
        }
        String name = optString(f, "name");
        String comment = optString(f, "comment");
        String abi = optString(f, "abi");
        if (abi != null) {
            try {
                Abi.byName(abi);
            } catch (InputException e) {
                throw f.get("abi").value().where().error(e.getMessage());
            }
        }
        String orderWord = optString(f, "byteOrder");
        java.nio.ByteOrder byteOrder = dev.structscope.model.abi.Endian.parse(orderWord);
        if (orderWord != null && byteOrder == null) {
            throw f.get("byteOrder").value().where().error("\"byteOrder\" must be \"little\" or \"big\", was \"" + orderWord + "\"");
        }
        Map<String, Long> constants = new LinkedHashMap<>();
        if (f.containsKey("constants")) {
            JObject c = object(f.get("constants").value(), "\"constants\"");
            c.fields().forEach((k, field) -> constants.put(k, integer(field.value(), "constant " + k, Long.MIN_VALUE, Long.MAX_VALUE)));
        }
        List<Decl> decls = new ArrayList<>();
        if (f.containsKey("types")) {
            JArray types = array(f.get("types").value(), "\"types\"");
            types.items().forEach(this::collectEnumerators);
            for (JsonTree t : types.items()) {
                decls.add(decl(t));
            }
        }
        Map<String, JsonNode> extensions = new LinkedHashMap<>();
        f.forEach((k, field) -> {
            if (!DocumentWriter.TOP_LEVEL_KEYS.contains(k)) {
                extensions.put(k, JsonTree.toJackson(field.value()));
            }
        });
        return new LayoutDocument(name, comment, abi, byteOrder, new TypeLibrary(decls, constants, system(f)), extensions);
    }

    /**
     * The document's system includes: each declaration's {@code "include"}, with the top level's
     * {@code "system"} (where they came from, the defines that configure them).
     */
    private SystemIncludes system(Map<String, JObject.Field> f) {
        Map<String, String> defines = new LinkedHashMap<>();
        SystemIncludes.Origin origin = SystemIncludes.Origin.SOURCE_INCLUDES;
        if (f.containsKey("system")) {
            JObject s = object(f.get("system").value(), "\"system\"");
            known(s, Set.of("origin", "defines"), "\"system\"");
            String o = optString(s.fields(), "origin");
            if (o != null) {
                origin = switch (o) {
                    case "source-includes" -> SystemIncludes.Origin.SOURCE_INCLUDES;
                    case "declaring-files" -> SystemIncludes.Origin.DECLARING_FILES;
                    default -> throw s.fields().get("origin").value().where().error(
                            "\"origin\" must be \"source-includes\" or \"declaring-files\", was \"" + o + "\"");
                };
            }
            if (s.fields().containsKey("defines")) {
                JObject d = object(s.fields().get("defines").value(), "\"defines\"");
                d.fields().forEach((k, v) -> defines.put(k, string(v.value(), "define " + k)));
            }
        }
        return includes.isEmpty() ? SystemIncludes.NONE : new SystemIncludes(defines, includes, origin);
    }

    private Decl decl(JsonTree t) {
        JObject o = object(t, "a type declaration");
        String kind = string(required(o, "kind"), "\"kind\"");
        Decl d = switch (kind) {
            case "struct", "union" -> record(o, kind);
            case "enum" -> enumeration(o);
            case "typedef" -> {
                known(o, TYPEDEF_KEYS, "a typedef");
                JsonTree nameNode = required(o, "name");
                String name = name(nameNode);
                Typedef td = newTypedef(o, name);
                locations.put(td, nameNode.where());
                yield td;
            }
            default -> throw required(o, "kind").where().error("unknown declaration kind \"" + kind
                    + "\": expected struct, union, enum or typedef");
        };
        locations.putIfAbsent(d, o.where());
        if (o.fields().containsKey("include")) {
            JsonTree i = o.fields().get("include").value();
            String include = string(i, "\"include\"");
            if (!INCLUDE.matcher(include).matches()) {
                throw i.where().error("\"include\" must name a header as #include does (<sys/types.h>), was \""
                        + include + "\"");
            }
            includes.put(d, include);
        }
        return d;
    }

    private RecordType record(JObject o, String kind) {
        known(o, RECORD_KEYS, "a " + kind);
        Map<String, JObject.Field> f = o.fields();
        String tag = f.containsKey("name") ? name(f.get("name").value()) : null;
        int pack = 0;
        if (f.containsKey("pack")) {
            JsonTree p = f.get("pack").value();
            long v = integer(p, "\"pack\"", 0, 16);
            if (Long.bitCount(v) != 1) {
                throw p.where().error("\"pack\" must be 1, 2, 4, 8 or 16, was " + v);
            }
            pack = (int) v;
        }
        List<Member> members = new ArrayList<>();
        for (JsonTree m : array(required(o, "members"), "\"members\"").items()) {
            members.add(member(m));
        }
        RecordType r = new RecordType(kind.equals("struct") ? RecordKind.STRUCT : RecordKind.UNION, tag, members, pack,
                bool(f, "packed"), alignment(f, "aligned"), optString(f, "comment"));
        locations.put(r, o.where());
        return r;
    }

    /**
     * Notes the enum constants a top-level enum (or typedef of one) declares, before any member is
     * read: an expression may name one declared further down the document, as the library it was
     * written from allowed. Passes over what is malformed; reading the declaration reports it.
     */
    private void collectEnumerators(JsonTree t) {
        if (!(t instanceof JObject o)) {
            return;
        }
        JsonTree kind = o.fields().containsKey("kind") ? o.fields().get("kind").value() : null;
        if (kind instanceof JString k && k.value().equals("typedef") && o.fields().containsKey("type")) {
            collectEnumerators(o.fields().get("type").value());
        } else if (kind instanceof JString k && k.value().equals("enum") && o.fields().containsKey("enumerators")
                && o.fields().get("enumerators").value() instanceof JArray list) {
            for (JsonTree e : list.items()) {
                if (e instanceof JObject eo && eo.fields().containsKey("name") && eo.fields().containsKey("value")
                        && eo.fields().get("name").value() instanceof JString n
                        && eo.fields().get("value").value() instanceof JNumber v && v.integral()) {
                    enumerators.putIfAbsent(n.value(), new BigInteger(v.value().toString()).longValue());
                }
            }
        }
    }

    /** The expression string at {@code key}, parsed, or null when absent. */
    private Expr expression(Map<String, JObject.Field> f, String key, JObject o) {
        if (!f.containsKey(key)) {
            return null;
        }
        JsonTree v = f.get(key).value();
        if (!(v instanceof JString js)) {
            throw v.where().error("\"" + key + "\" must be an expression string");
        }
        return Expressions.parse(js.value(), v.where().toString(), enumerators);
    }

    private Member member(JsonTree t) {
        JObject o = object(t, "a member");
        known(o, MEMBER_KEYS, "a member");
        Map<String, JObject.Field> f = o.fields();
        String name = f.containsKey("name") ? name(f.get("name").value()) : null;
        Integer bits = null;
        if (f.containsKey("bits")) {
            bits = (int) integer(f.get("bits").value(), "\"bits\"", 0, 64);
        }
        CType type = countedOnlyInMembers(type(required(o, "type")), true, required(o, "type"));
        if (f.containsKey("count")) {
            if (!(type instanceof ArrayType a && a.isFlexible())) {
                throw o.where().error("\"count\" needs a member whose type is a flexible array (T[]), not "
                        + type.spelling());
            }
            type = ArrayType.counted(a.element(), expression(f, "count", o));
        }
        List<Expr> when = new ArrayList<>();
        if (f.containsKey("when")) {
            for (JsonTree w : array(f.get("when").value(), "\"when\"").items()) {
                String text = w instanceof JString js ? js.value() : null;
                if (text == null) {
                    throw w.where().error("\"when\" values must be expression strings");
                }
                Expr e = Expressions.parse(text, w.where().toString(), enumerators);
                if (!e.isConstant()) {
                    throw w.where().error("a when value must be a constant (a number, a string or a constant of an enum"
                            + " of this document), not \"" + text + "\"");
                }
                when.add(e);
            }
        }
        Dynamic dyn = new Dynamic(expression(f, "at", o), expression(f, "switch", o), when, expression(f, "size", o));
        Member m = new Member(name, type, bits, alignment(f, "alignas"), bool(f, "packed"),
                optString(f, "comment"), dyn);
        locations.put(m, o.where());
        return m;
    }

    private EnumType enumeration(JObject o) {
        known(o, ENUM_KEYS, "an enum");
        Map<String, JObject.Field> f = o.fields();
        String tag = f.containsKey("name") ? name(f.get("name").value()) : null;
        Prim underlying = null;
        if (f.containsKey("underlying")) {
            JsonTree u = f.get("underlying").value();
            String s = string(u, "\"underlying\"");
            underlying = TypeSyntax.primitive(s);
            if (underlying == null || !underlying.isInteger()) {
                throw u.where().error("\"underlying\" must be an integer type such as \"uint8_t\", was \"" + s + "\"");
            }
        }
        List<Enumerator> values = new ArrayList<>();
        for (JsonTree e : array(required(o, "enumerators"), "\"enumerators\"").items()) {
            JObject eo = object(e, "an enumerator");
            known(eo, ENUMERATOR_KEYS, "an enumerator");
            JsonTree nameNode = required(eo, "name");
            Enumerator en = new Enumerator(name(nameNode),
                    integer(required(eo, "value"), "\"value\"", Long.MIN_VALUE, Long.MAX_VALUE),
                    optString(eo.fields(), "comment"));
            locations.put(en, nameNode.where());
            values.add(en);
        }
        EnumType e = new EnumType(tag, values, bool(f, "packed"), underlying, optString(f, "comment"));
        locations.put(e, o.where());
        return e;
    }

    /** A type: a type string or one of the object forms. */
    CType type(JsonTree t) {
        CType result = switch (t) {
            case JString s -> {
                try {
                    yield TypeSyntax.parse(s.value());
                } catch (TypeSyntax.SyntaxError e) {
                    // +1: the column of the opening quote, then the character inside the string.
                    Where w = s.where();
                    throw new Where(w.source(), w.line(), w.column() + 1 + e.index).error(e.getMessage());
                }
            }
            case JObject o -> typeObject(o);
            default -> throw t.where().error("a type must be a string like \"uint32_t\" or an object, was "
                    + JsonTree.describe(t));
        };
        locations.putIfAbsent(result, t.where());
        return result;
    }

    private CType typeObject(JObject o) {
        String kind = string(required(o, "kind"), "\"kind\"");
        if (o.fields().containsKey("include")) {
            throw o.fields().get("include").value().where().error(
                    "only a declaration in \"types\" has an \"include\", not a type inside one");
        }
        return switch (kind) {
            case "struct", "union" -> record(o, kind);
            case "enum" -> enumeration(o);
            case "pointer" -> {
                known(o, Set.of("kind", "to"), "a pointer type");
                yield new PointerType(type(required(o, "to")));
            }
            case "array" -> {
                known(o, Set.of("kind", "length", "of"), "an array type");
                CType of = type(required(o, "of"));
                yield o.fields().containsKey("length")
                        ? new ArrayType(of, integer(o.fields().get("length").value(), "\"length\"", 0, Long.MAX_VALUE))
                        : ArrayType.flexible(of);
            }
            case "primitive" -> {
                known(o, Set.of("kind", "primitive", "spelling"), "a primitive type");
                JsonTree pn = required(o, "primitive");
                String cName = string(pn, "\"primitive\"");
                Prim prim = null;
                for (Prim p : Prim.values()) {
                    if (p.cName().equals(cName)) {
                        prim = p;
                    }
                }
                if (prim == null) {
                    throw pn.where().error("unknown primitive type \"" + cName + "\"");
                }
                yield new PrimitiveType(prim, string(required(o, "spelling"), "\"spelling\""));
            }
            case "ref" -> {
                known(o, Set.of("kind", "namespace", "name"), "a type reference");
                JsonTree ns = required(o, "namespace");
                NamedType.Kind k = switch (string(ns, "\"namespace\"")) {
                    case "struct" -> NamedType.Kind.STRUCT;
                    case "union" -> NamedType.Kind.UNION;
                    case "enum" -> NamedType.Kind.ENUM;
                    case "typedef" -> NamedType.Kind.TYPEDEF;
                    default -> throw ns.where().error("\"namespace\" must be struct, union, enum or typedef");
                };
                yield new NamedType(k, name(required(o, "name")));
            }
            default -> throw required(o, "kind").where().error("unknown type kind \"" + kind
                    + "\": expected struct, union, enum, pointer, array, primitive or ref");
        };
    }

    // ---- small typed accessors; each error names the value's location ----

    private static JObject object(JsonTree t, String what) {
        if (t instanceof JObject o) {
            return o;
        }
        throw t.where().error(what + " must be an object, was " + JsonTree.describe(t));
    }

    private static JArray array(JsonTree t, String what) {
        if (t instanceof JArray a) {
            return a;
        }
        throw t.where().error(what + " must be an array, was " + JsonTree.describe(t));
    }

    private static String string(JsonTree t, String what) {
        if (t instanceof JString s) {
            return s.value();
        }
        throw t.where().error(what + " must be a string, was " + JsonTree.describe(t));
    }

    private static String name(JsonTree t) {
        String s = string(t, "\"name\"");
        if (s.isBlank()) {
            throw t.where().error("\"name\" must not be empty (leave it out for an unnamed member or type)");
        }
        return s;
    }

    private static JsonTree required(JObject o, String key) {
        JObject.Field f = o.fields().get(key);
        if (f == null) {
            throw o.where().error("missing \"" + key + "\"");
        }
        return f.value();
    }

    /**
     * Refuses a dimension counted over members ({@code "uint8_t[n]"}) where no member is there to
     * count it, as a header does: in a typedef, or behind a pointer. A member's own dimensions may
     * be counted ({@code member} true).
     */
    private static CType countedOnlyInMembers(CType t, boolean member, JsonTree at) {
        CType c = t;
        for (; c instanceof ArrayType a; c = a.element()) {
            if (a.count() != null && !member) {
                throw at.where().error("an array length that names members (\"" + a.count().text()
                        + "\") is allowed only in a member's type, not in " + t.spelling());
            }
        }
        if (c instanceof dev.structscope.model.type.PointerType p) {
            countedOnlyInMembers(p.target(), false, at);
        }
        return t;
    }

    /** A typedef object; a {@code "vector"} one must name an array and give its alignment. */
    private Typedef newTypedef(JObject o, String name) {
        CType target = countedOnlyInMembers(type(required(o, "type")), false, required(o, "type"));
        long aligned = alignment(o.fields(), "aligned");
        boolean vector = bool(o.fields(), "vector");
        if (vector && (aligned == 0 || !(target instanceof ArrayType))) {
            throw o.fields().get("vector").value().where().error(
                    "a \"vector\" typedef must have an array \"type\" and its \"aligned\" alignment");
        }
        return new Typedef(name, target, aligned, optString(o.fields(), "comment"), vector);
    }

    private static String optString(Map<String, JObject.Field> f, String key) {
        return f.containsKey(key) ? string(f.get(key).value(), "\"" + key + "\"") : null;
    }

    private static boolean bool(Map<String, JObject.Field> f, String key) {
        if (!f.containsKey(key)) {
            return false;
        }
        JsonTree t = f.get(key).value();
        if (t instanceof JBool b) {
            return b.value();
        }
        throw t.where().error("\"" + key + "\" must be true or false, was " + JsonTree.describe(t));
    }

    private static long integer(JsonTree t, String what, long min, long max) {
        if (!(t instanceof JNumber n) || !n.integral()) {
            throw t.where().error(what + " must be an integer, was " + JsonTree.describe(t));
        }
        BigInteger v = new BigInteger(n.value().toString());
        if (v.compareTo(BigInteger.valueOf(min)) < 0 || v.compareTo(BigInteger.valueOf(max)) > 0) {
            throw t.where().error(what + " must be between " + min + " and " + max + ", was " + v);
        }
        return v.longValue();
    }

    private static long alignment(Map<String, JObject.Field> f, String key) {
        if (!f.containsKey(key)) {
            return 0;
        }
        JsonTree t = f.get(key).value();
        long v = integer(t, "\"" + key + "\"", 1, MAX_ALIGN);
        if (Long.bitCount(v) != 1) {
            throw t.where().error("\"" + key + "\" must be a power of two, was " + v);
        }
        return v;
    }

    private static void known(JObject o, Set<String> keys, String what) {
        for (Map.Entry<String, JObject.Field> e : o.fields().entrySet()) {
            if (!keys.contains(e.getKey())) {
                throw e.getValue().keyWhere().error("unknown property \"" + e.getKey() + "\" in " + what
                        + "; expected one of " + keys.stream().sorted().toList());
            }
        }
    }
}
