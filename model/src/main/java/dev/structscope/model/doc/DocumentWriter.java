package dev.structscope.model.doc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.structscope.model.type.ArrayType;
import dev.structscope.model.type.CType;
import dev.structscope.model.type.Decl;
import dev.structscope.model.type.EnumType;
import dev.structscope.model.type.Enumerator;
import dev.structscope.model.type.Member;
import dev.structscope.model.type.Dynamic;
import dev.structscope.model.type.NamedType;
import dev.structscope.model.type.PointerType;
import dev.structscope.model.type.PrimitiveType;
import dev.structscope.model.type.RecordType;
import dev.structscope.model.type.SystemIncludes;
import dev.structscope.model.type.Typedef;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a {@link LayoutDocument} into the JSON tree of the format (see
 * {@code docs/user/layout-document.schema.json}). Types are written as one-line strings wherever
 * {@link TypeSyntax} can say them exactly, and as objects otherwise, so nothing is lost.
 * Defaults (no comment, pack 0, not packed) are left out to keep documents short. Stateless.
 */
final class DocumentWriter {
    private DocumentWriter() {
    }

    static final String FORMAT = "structscope-layout";
    static final int VERSION = 1;
    static final List<String> TOP_LEVEL_KEYS = List.of("format", "version", "name", "comment", "abi", "byteOrder",
            "constants", "types", "system");

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    static ObjectNode toTree(LayoutDocument doc) {
        ObjectNode root = F.objectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        putIf(root, "name", doc.name());
        putIf(root, "comment", doc.comment());
        putIf(root, "abi", doc.abi());
        putIf(root, "byteOrder", doc.byteOrder() == null ? null : dev.structscope.model.abi.Endian.word(doc.byteOrder()));
        ObjectNode constants = root.putObject("constants");
        for (Map.Entry<String, Long> c : doc.library().constants().entrySet()) {
            constants.put(c.getKey(), c.getValue());
        }
        ArrayNode types = root.putArray("types");
        for (Decl d : doc.library().decls()) {
            ObjectNode o = decl(d);
            doc.library().systemHeader(d).ifPresent(h -> o.put("include", h));
            types.add(o);
        }
        SystemIncludes system = doc.library().system();
        if (!system.headers().isEmpty()) {
            ObjectNode s = root.putObject("system");
            s.put("origin", system.origin() == SystemIncludes.Origin.DECLARING_FILES ? "declaring-files" : "source-includes");
            if (!system.defines().isEmpty()) {
                ObjectNode defines = s.putObject("defines");
                system.defines().forEach(defines::put);
            }
        }
        for (Map.Entry<String, JsonNode> e : doc.extensions().entrySet()) {
            root.set(e.getKey(), e.getValue());
        }
        return root;
    }

    private static ObjectNode decl(Decl d) {
        return switch (d) {
            case RecordType r -> record(r);
            case EnumType e -> enumeration(e);
            case Typedef t -> {
                ObjectNode o = F.objectNode();
                o.put("kind", "typedef");
                o.put("name", t.name());
                o.set("type", type(t.target()));
                if (t.alignedAttr() != 0) {
                    o.put("aligned", t.alignedAttr());
                }
                if (t.vector()) {
                    o.put("vector", true);
                }
                putIf(o, "comment", t.comment());
                yield o;
            }
        };
    }

    private static ObjectNode record(RecordType r) {
        ObjectNode o = F.objectNode();
        o.put("kind", r.kind().keyword());
        putIf(o, "name", r.tag());
        if (r.pack() != 0) {
            o.put("pack", r.pack());
        }
        if (r.packed()) {
            o.put("packed", true);
        }
        if (r.alignedAttr() != 0) {
            o.put("aligned", r.alignedAttr());
        }
        putIf(o, "comment", r.comment());
        ArrayNode members = o.putArray("members");
        for (Member m : r.members()) {
            ObjectNode mo = members.addObject();
            putIf(mo, "name", m.name());
            if (m.type() instanceof ArrayType a && a.count() != null) {
                // A counted array: its type as a flexible array, its count beside it.
                mo.set("type", type(ArrayType.flexible(a.element())));
                mo.put("count", a.count().text());
            } else {
                mo.set("type", type(m.type()));
            }
            if (m.bitWidth() != null) {
                mo.put("bits", m.bitWidth().intValue());
            }
            if (m.alignAs() != 0) {
                mo.put("alignas", m.alignAs());
            }
            if (m.packed()) {
                mo.put("packed", true);
            }
            putIf(mo, "comment", m.comment());
            Dynamic d = m.dynamic();
            if (d.at() != null) {
                mo.put("at", d.at().text());
            }
            if (d.switchOn() != null) {
                mo.put("switch", d.switchOn().text());
            }
            if (!d.when().isEmpty()) {
                ArrayNode w = mo.putArray("when");
                d.when().forEach(e -> w.add(e.text()));
            }
            if (d.size() != null) {
                mo.put("size", d.size().text());
            }
        }
        return o;
    }

    private static ObjectNode enumeration(EnumType e) {
        ObjectNode o = F.objectNode();
        o.put("kind", "enum");
        putIf(o, "name", e.tag());
        if (e.underlying() != null) {
            o.put("underlying", e.underlying().cName());
        }
        if (e.packed()) {
            o.put("packed", true);
        }
        putIf(o, "comment", e.comment());
        ArrayNode values = o.putArray("enumerators");
        for (Enumerator en : e.enumerators()) {
            ObjectNode eo = values.addObject();
            eo.put("name", en.name());
            eo.put("value", en.value());
            putIf(eo, "comment", en.comment());
        }
        return o;
    }

    /** A type string when {@link TypeSyntax} can say it exactly, else an object. */
    static JsonNode type(CType t) {
        String s = TypeSyntax.format(t);
        if (s != null) {
            return F.textNode(s);
        }
        return switch (t) {
            case RecordType r -> record(r);
            case EnumType e -> enumeration(e);
            case PointerType p -> {
                ObjectNode o = F.objectNode();
                o.put("kind", "pointer");
                o.set("to", type(p.target()));
                yield o;
            }
            case ArrayType a -> {
                ObjectNode o = F.objectNode();
                o.put("kind", "array");
                if (!a.isFlexible()) {
                    o.put("length", a.length());
                }
                o.set("of", type(a.element()));
                yield o;
            }
            case PrimitiveType p -> {
                ObjectNode o = F.objectNode();
                o.put("kind", "primitive");
                o.put("primitive", p.prim().cName());
                o.put("spelling", p.spelling());
                yield o;
            }
            case NamedType n -> {
                ObjectNode o = F.objectNode();
                o.put("kind", "ref");
                o.put("namespace", n.kind().name().toLowerCase(Locale.ROOT));
                o.put("name", n.name());
                yield o;
            }
        };
    }

    private static void putIf(ObjectNode o, String key, String value) {
        if (value != null) {
            o.put(key, value);
        }
    }
}
