package dev.structscope.model.export;

import dev.structscope.model.type.ArrayType;
import dev.structscope.model.type.CType;
import dev.structscope.model.type.Dynamic;
import dev.structscope.model.type.Expr;
import dev.structscope.model.type.Member;
import dev.structscope.model.type.RecordKind;
import dev.structscope.model.type.RecordType;

import java.util.ArrayList;
import java.util.List;

/**
 * The dynamic members of the C export, written so that the header both compiles as C and
 * re-imports to the same library. A counted array that ends a struct and is counted by a member
 * of it is C's own {@code T x[] __attribute__((counted_by(n)))}. Everything else C cannot hold is
 * written in the contract's header syntax inside {@code #ifdef __STRUCTSCOPE__} (the macro
 * StructScope's importer defines, as compilers define {@code __GNUC__}), beside a C form and a
 * comment saying what C cannot hold: a placed member or a counted array elsewhere has no C form
 * (a counted array that ends a struct becomes a flexible array member); the
 * {@code [[structscope::...]]} attributes of a member C does hold stand alone in such a block. So
 * a C compiler in any mode (C17 has no {@code [[ ]]}) sees plain C, and the importer sees all.
 * Stateless.
 */
final class CDynamic {
    /** The macro the importer defines and a C compiler does not. */
    static final String MACRO = "__STRUCTSCOPE__";

    private CDynamic() {
    }

    /** Whether {@code m} is written as a {@code counted_by} flexible array member. */
    static boolean countedBy(RecordType r, Member m) {
        if (r.kind() != RecordKind.STRUCT || r.members().getLast() != m || !m.dynamic().isNone() || m.isBitField()
                || !(m.type() instanceof ArrayType a) || !(a.count() instanceof Expr.Ref ref) || ref.path().size() != 1
                || (a.element() instanceof ArrayType inner && inner.isDynamic())) {
            return false;
        }
        String n = ref.path().getFirst();
        return r.members().stream().anyMatch(x -> x != m && n.equals(x.name()));
    }

    static String countedByDeclaration(Member m, String in) {
        ArrayType a = (ArrayType) m.type();
        return in + CExporter.declarator(a.element(), m.name() + "[]", in) + " __attribute__((counted_by("
                + a.count().text() + ")))";
    }

    /** Whether C has no declaration for {@code m}: a placed member, or an array whose length data gives. */
    static boolean notC(Member m) {
        return m.dynamic().at() != null || counted(m.type());
    }

    private static boolean counted(CType t) {
        for (CType x = t; x instanceof ArrayType a; x = a.element()) {
            if (a.count() != null) {
                return true;
            }
        }
        return false;
    }

    /** A member C cannot hold: the header form for StructScope, else a comment and what C can hold of it. */
    static void twoForms(StringBuilder sb, RecordType r, Member m, String in) {
        String name = m.name() == null ? "" : m.name();
        sb.append("#ifdef ").append(MACRO).append('\n');
        List<String> attrs = attributeList(m.dynamic());
        if (!attrs.isEmpty()) {
            sb.append(in).append("[[").append(String.join(", ", attrs)).append("]]\n");
        }
        sb.append(in).append(CExporter.declarator(m.type(), name, in)).append(";\n");
        sb.append("#else\n");
        List<String> why = new ArrayList<>();
        if (m.dynamic().at() != null) {
            why.add("placed at byte " + m.dynamic().at().text() + " of the outermost record, outside the sequence of members");
        }
        if (m.type() instanceof ArrayType a && counted(a)) {
            why.add("an array of " + (a.count() != null ? a.count().text() : "counted") + " elements, a length data gives");
        }
        why.addAll(comments(m.dynamic()));
        sb.append(in).append("/* ").append(name).append(": C cannot hold ").append(String.join("; ", why)).append(" */\n");
        if (m.dynamic().at() == null && r.kind() == RecordKind.STRUCT && r.members().getLast() == m
                && m.type() instanceof ArrayType a && a.count() != null && !counted(a.element())) {
            sb.append(in).append(CExporter.declarator(ArrayType.flexible(a.element()), name, in)).append(";\n");
        }
        sb.append("#endif\n");
    }

    /** The {@code [[structscope::...]]} attributes of a member C does hold, in a block only the importer reads. */
    static void attributes(StringBuilder sb, Member m, String in) {
        List<String> attrs = attributeList(m.dynamic());
        if (attrs.isEmpty()) {
            return;
        }
        List<String> why = comments(m.dynamic());
        if (!why.isEmpty()) {
            sb.append(in).append("/* C cannot hold ").append(String.join("; ", why)).append(" */\n");
        }
        sb.append("#ifdef ").append(MACRO).append('\n').append(in).append("[[").append(String.join(", ", attrs))
                .append("]]\n#endif\n");
    }

    private static List<String> attributeList(Dynamic d) {
        List<String> out = new ArrayList<>();
        if (d.at() != null) {
            out.add("structscope::at(" + d.at().text() + ")");
        }
        if (d.switchOn() != null) {
            out.add("structscope::switch(" + d.switchOn().text() + ")");
        }
        if (!d.when().isEmpty()) {
            out.add("structscope::when(" + String.join(", ", d.when().stream().map(Expr::text).toList()) + ")");
        }
        if (d.size() != null) {
            out.add("structscope::size(" + d.size().text() + ")");
        }
        return out;
    }

    private static List<String> comments(Dynamic d) {
        List<String> out = new ArrayList<>();
        if (d.switchOn() != null) {
            out.add("which alternative data chooses (by " + d.switchOn().text() + "): here all overlap");
        }
        if (d.size() != null) {
            out.add("a size window of " + d.size().text() + " bytes around the member");
        }
        return out;
    }
}
