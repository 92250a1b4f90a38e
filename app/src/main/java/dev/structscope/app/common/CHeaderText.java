package dev.structscope.app.common;

import dev.structscope.model.type.ArrayType;
import dev.structscope.model.type.CType;
import dev.structscope.model.type.Decl;
import dev.structscope.model.type.EnumType;
import dev.structscope.model.type.Enumerator;
import dev.structscope.model.type.Member;
import dev.structscope.model.type.PointerType;
import dev.structscope.model.type.RecordType;
import dev.structscope.model.type.TypeLibrary;
import dev.structscope.model.type.Typedef;

/**
 * Writes a document's declarations as a C header that GCC and clang accept and lay out the same
 * way (pack pragmas, packed/aligned attributes, bit-fields, arrays). Used to save a document as
 * {@code .h} and as the "C" preview until the exporters module provides its own. Pure; any thread.
 */
public final class CHeaderText {
    private CHeaderText() {
    }

    public static String of(TypeLibrary lib) {
        StringBuilder sb = new StringBuilder("/* Written by StructScope. */\n#include <stdint.h>\n#include <stddef.h>\n"
                + "#include <wchar.h>\n#include <uchar.h>\n\n");
        for (Decl d : lib.decls()) {
            int pack = packOf(d);
            if (pack != 0) {
                sb.append("#pragma pack(push, ").append(pack).append(")\n");
            }
            switch (d) {
                case RecordType r -> sb.append(record(r, "")).append(";\n\n");
                case EnumType e -> sb.append(enumeration(e)).append(";\n\n");
                case Typedef t -> {
                    comment(sb, t.comment(), "");
                    sb.append("typedef ").append(declarator(t.target(), t.name(), ""));
                    if (t.alignedAttr() != 0) {
                        sb.append(" __attribute__((aligned(").append(t.alignedAttr()).append(")))");
                    }
                    sb.append(";\n\n");
                }
            }
            if (pack != 0) {
                sb.insert(sb.length() - 1, "#pragma pack(pop)\n");
            }
        }
        return sb.toString();
    }

    private static void comment(StringBuilder sb, String c, String indent) {
        if (c != null && !c.isBlank()) {
            sb.append(indent).append("/* ").append(c.replace("*/", "* /")).append(" */\n");
        }
    }

    /** A record definition (without the trailing semicolon), its pack pragma around it. */
    public static String record(RecordType r, String indent) {
        StringBuilder sb = new StringBuilder();
        comment(sb, r.comment(), indent);
        sb.append(indent).append(r.kind().keyword());
        if (r.packed() || r.alignedAttr() != 0) {
            sb.append(" __attribute__((");
            if (r.packed()) {
                sb.append("packed");
            }
            if (r.alignedAttr() != 0) {
                sb.append(r.packed() ? ", " : "").append("aligned(").append(r.alignedAttr()).append(')');
            }
            sb.append("))");
        }
        if (r.tag() != null) {
            sb.append(' ').append(r.tag());
        }
        sb.append(" {\n");
        for (Member m : r.members()) {
            String in = indent + "    ";
            sb.append(in);
            if (m.type() instanceof RecordType inner && inner.tag() == null) {
                sb.append(record(inner, in).strip());
                if (m.name() != null) {
                    sb.append(' ').append(m.name());
                }
            } else {
                sb.append(declarator(m.type(), m.name() == null ? "" : m.name(), in));
            }
            if (m.bitWidth() != null) {
                sb.append(" : ").append(m.bitWidth());
            }
            if (m.packed()) {
                sb.append(" __attribute__((packed))");
            }
            if (m.alignAs() != 0) {
                sb.append(" __attribute__((aligned(").append(m.alignAs()).append(")))");
            }
            sb.append(';');
            if (m.comment() != null && !m.comment().isBlank()) {
                sb.append(" /* ").append(m.comment().replace("*/", "* /")).append(" */");
            }
            sb.append('\n');
        }
        sb.append(indent).append('}');
        return sb.toString();
    }

    /** The {@code #pragma pack} a top-level declaration needs around it, or 0. */
    private static int packOf(Decl d) {
        return switch (d) {
            case RecordType r -> r.pack();
            case Typedef t when t.target() instanceof RecordType r -> r.pack();
            default -> 0;
        };
    }

    private static String enumeration(EnumType e) {
        StringBuilder sb = new StringBuilder();
        comment(sb, e.comment(), "");
        sb.append("enum");
        if (e.packed()) {
            sb.append(" __attribute__((packed))");
        }
        if (e.tag() != null) {
            sb.append(' ').append(e.tag());
        }
        if (e.underlying() != null) {
            sb.append(" : ").append(e.underlying().cName());
        }
        sb.append(" {\n");
        for (Enumerator en : e.enumerators()) {
            sb.append("    ").append(en.name()).append(" = ").append(en.value()).append(",\n");
        }
        return sb.append('}').toString();
    }

    /** {@code T name}, {@code T *name}, {@code T name[2][3]}. */
    public static String declarator(CType t, String name, String indent) {
        return switch (t) {
            case ArrayType a -> {
                yield declarator(a.innermost(), name + a.dimensionsText(), indent);
            }
            case PointerType p -> declarator(p.target(), "*" + name, indent);
            case RecordType r when r.tag() == null -> record(r, indent).strip() + (name.isEmpty() ? "" : " " + name);
            case EnumType e when e.tag() == null -> enumeration(e) + (name.isEmpty() ? "" : " " + name);
            default -> {
                String base = t instanceof RecordType r ? r.spelling() : t instanceof EnumType e ? e.spelling()
                        : t.spelling();
                yield name.isEmpty() ? base : base + " " + name;
            }
        };
    }
}
