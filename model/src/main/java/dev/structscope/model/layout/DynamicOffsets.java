package dev.structscope.model.layout;

import dev.structscope.model.type.Expr;
import dev.structscope.model.type.Member;

import java.util.ArrayList;
import java.util.List;

/**
 * The offsets of a dynamic record's members as people read them: a number where the layout knows
 * it, else an expression over the members data decides ({@code 4 + name_len},
 * {@code align(8 + 2 * n, 4)}, {@code at(ehdr.e_shoff)}). For the text listing and the designer.
 * Stateless.
 */
public final class DynamicOffsets {
    private DynamicOffsets() {
    }

    /** One text per {@link RecordLayout#visibleFields()} entry, in the same order. */
    public static List<String> of(RecordLayout r) {
        List<String> out = new ArrayList<>();
        walk(r, "", out);
        return out;
    }

    /**
     * Appends the offset texts of {@code r}'s visible fields, {@code r} starting at {@code base}
     * ("" for 0); returns the expression of the end of its last sequential member, or null when
     * the record is static.
     */
    private static String walk(RecordLayout r, String base, List<String> out) {
        boolean union = r.definition().kind() == dev.structscope.model.type.RecordKind.UNION;
        String end = null;
        for (FieldLayout f : r.fields()) {
            Member m = f.member();
            String at;
            if (m.dynamic().at() != null) {
                at = "at(" + m.dynamic().at().text() + ")";
            } else if (!f.dynamic() || union) {
                at = plus(base, Long.toString(f.offset()));
            } else if (f.isBitField()) {
                // C packs a bit-field into the unit the data before it ends in when it fits: its
                // place follows the bits before it, not an alignment of their end.
                at = "bits after " + end;
            } else {
                at = f.align() > 1 ? "align(" + end + ", " + f.align() + ")" : end;
            }
            if (f.isAnonymousRecord() && f.layout() instanceof RecordLayout inner) {
                walk(inner, at.equals("0") ? "" : at, out);
            } else if (f.name() != null) {
                out.add(f.isBitField() && !f.dynamic() ? plus(base, Long.toString(f.offset())) : at);
            }
            if (m.dynamic().at() == null && !union && f.dynamic() && f.isBitField()) {
                end = f.name() == null ? end : "end of " + f.name();
            } else if (m.dynamic().at() == null && !union && (f.dynamic() || RecordLayouter.sizeFromData(f))) {
                end = plus(at, sizeText(f));
            }
        }
        return end;
    }

    /** The size of a member whose size data decides, as an expression. */
    private static String sizeText(FieldLayout f) {
        Member m = f.member();
        if (m.dynamic().size() != null) {
            return paren(m.dynamic().size());
        }
        if (f.layout() instanceof ArrayLayout a && a.count() != null && !RecordLayouter.isDynamic(a.element())) {
            long each = a.element().size();
            return each == 1 ? paren(a.count()) : each + " * " + paren(a.count());
        }
        if (!RecordLayouter.sizeFromData(f)) {
            return Long.toString(f.size());
        }
        return "sizeof(" + (f.name() == null ? "<anonymous>" : f.name()) + ")";
    }

    /** {@code e} as an operand of the products and sums the offsets are written with. */
    private static String paren(Expr e) {
        return e.operandText(Expr.BinaryOp.MUL.precedence);
    }

    private static String plus(String a, String b) {
        if (a == null || a.isEmpty() || a.equals("0")) {
            return b;
        }
        if (b.equals("0")) {
            return a;
        }
        return a + " + " + b;
    }
}
