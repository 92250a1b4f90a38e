package dev.structscope.app.designer;

import dev.structscope.model.InputException;
import dev.structscope.model.c.Expressions;
import dev.structscope.model.layout.ArrayLayout;
import dev.structscope.model.layout.EnumLayout;
import dev.structscope.model.layout.FieldLayout;
import dev.structscope.model.layout.RecordLayout;
import dev.structscope.model.layout.ScalarLayout;
import dev.structscope.model.layout.TypeLayout;
import dev.structscope.model.type.ArrayType;
import dev.structscope.model.type.CType;
import dev.structscope.model.type.Expr;
import dev.structscope.model.type.Member;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The designer's text for the dynamic parts of a member: array dimensions that may be counts
 * ({@code [name_len]}, {@code [ehdr.e_shnum][2]}), placement, switch, when and size expressions,
 * parsed with the model's expression parser ({@link Expressions#parse}) and checked against the
 * record being edited: every name must be a member declared before this one (or a member of
 * such a member's struct), holding a number. Also the member paths offered for completion. Pure;
 * any thread.
 */
public final class DynamicText {
    /** The most completion candidates offered. */
    static final int MAX_PATHS = 400;

    private DynamicText() {
    }

    /** The array cell text: {@code "[4][2]"}, {@code "[]"}, {@code "[name_len]"} or empty. */
    public static String dimsText(CType t) {
        return t instanceof ArrayType a ? a.dimensionsText() : "";
    }

    /**
     * The member type for array cell {@code text} over element type {@code element}: numbers
     * are lengths, an empty first dimension is flexible, anything else a count expression
     * checked against the members before member {@code index} of {@code layout}.
     */
    public static CType withDims(CType element, String text, RecordLayout layout, int index,
                                 Map<String, Long> enumerators) {
        String s = text == null ? "" : text.strip();
        if (s.isEmpty()) {
            return element;
        }
        if (!s.startsWith("[")) {
            try {
                return CellText.withDims(element, CellText.parseDims(s));
            } catch (InputException notLengths) {
                // A bare expression is one dimension's count, as At, Switch and Size take theirs bare.
                return withDims(element, "[" + s + "]", layout, index, enumerators);
            }
        }
        List<String> parts = brackets(s);
        CType t = element;
        for (int i = parts.size() - 1; i >= 0; i--) {
            String p = parts.get(i).strip();
            if (p.isEmpty()) {
                if (i != 0) {
                    throw new InputException("array", "only the first dimension may be left empty (flexible)");
                }
                t = ArrayType.flexible(t);
            } else if (p.matches("\\d{1,9}")) {
                t = new ArrayType(t, Long.parseLong(p));
            } else {
                t = ArrayType.counted(t, expression(p, "count", layout, index, false, enumerators));
            }
        }
        return t;
    }

    /** The contents of {@code [a][b]...}, brackets inside expressions respected. */
    private static List<String> brackets(String s) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = -1;
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' && (i == 0 || s.charAt(i - 1) != '\\')) {
                quoted = !quoted;
            }
            if (quoted) {
                continue;
            }
            if (c == '[') {
                if (depth++ == 0) {
                    start = i + 1;
                }
            } else if (c == ']') {
                if (--depth == 0) {
                    parts.add(s.substring(start, i));
                } else if (depth < 0) {
                    throw new InputException("array", "unbalanced ']' in " + s);
                }
            } else if (depth == 0 && !Character.isWhitespace(c)) {
                throw new InputException("array", "write dimensions as [4], [4][2] or [count_member]");
            }
        }
        if (depth != 0) {
            throw new InputException("array", "missing ']' in " + s);
        }
        return parts;
    }

    /**
     * Parses {@code text} (the {@code what} of member {@code index}) and checks its names.
     *
     * @param allowText   whether a name may hold characters ({@code char id[4]}: a switch over a tag)
     * @param enumerators the document's enum constants, which a name may also be
     */
    public static Expr expression(String text, String what, RecordLayout layout, int index, boolean allowText,
                                  Map<String, Long> enumerators) {
        Expr e = Expressions.parse(text, what, enumerators);
        for (List<String> path : e.references()) {
            check(path, what, layout, index, allowText);
        }
        return e;
    }

    /** The {@code when} values: constant expressions separated by commas outside quotes. */
    public static List<Expr> whenValues(String text, Map<String, Long> enumerators) {
        List<Expr> out = new ArrayList<>();
        boolean quoted = false;
        int depth = 0;
        int start = 0;
        String s = text.strip();
        for (int i = 0; i <= s.length(); i++) {
            char c = i < s.length() ? s.charAt(i) : ',';
            if (c == '"' && i > 0 && s.charAt(i - 1) != '\\' || c == '"' && i == 0) {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
            } else if (!quoted && depth == 0 && c == ',') {
                Expr v = Expressions.parse(s.substring(start, i), "when", enumerators);
                if (!v.isConstant()) {
                    // A name that is no constant of the document would be read as a member: refused, as the importer does.
                    throw new InputException("when", "a when value must be a constant (a number, a string or a constant of"
                            + " an enum of this document), not '" + v.text() + "'");
                }
                out.add(v);
                start = i + 1;
            }
        }
        return out;
    }

    /** The {@code when} cell text: the values separated by commas. */
    public static String whenText(List<Expr> values) {
        return String.join(", ", values.stream().map(Expr::text).toList());
    }

    private static void check(List<String> path, String what, RecordLayout layout, int index, boolean allowText) {
        List<FieldLayout> fields = layout.fields();
        String first = path.getFirst();
        FieldLayout found = null;
        for (int i = 0; i < Math.min(index, fields.size()); i++) {
            if (first.equals(fields.get(i).name())) {
                found = fields.get(i);
            }
        }
        if (found == null) {
            boolean later = fields.stream().anyMatch(f -> first.equals(f.name()));
            throw new InputException(what, later ? "'" + first + "' is declared after this member: an expression can "
                    + "only name members before it" : "no member named '" + first + "' before this member"
                    + suggestion(layout, index));
        }
        TypeLayout t = found.layout();
        String sofar = first;
        for (String name : path.subList(1, path.size())) {
            if (!(t instanceof RecordLayout r)) {
                throw new InputException(what, "'" + sofar + "' is not a struct or union: it has no member '" + name + "'");
            }
            FieldLayout next = r.fields().stream().filter(f -> name.equals(f.name())).findFirst().orElseThrow(
                    () -> new InputException(what, "'" + r.type().spelling() + "' has no member named '" + name + "'"));
            t = next.layout();
            sofar += "." + name;
        }
        boolean number = t instanceof ScalarLayout || t instanceof EnumLayout;
        boolean text = t instanceof ArrayLayout a && a.element() instanceof ScalarLayout s && s.size() == 1;
        if (!number && !(allowText && text)) {
            throw new InputException(what, "'" + sofar + "' is a " + t.type().spelling() + ", not a number");
        }
    }

    private static String suggestion(RecordLayout layout, int index) {
        List<String> names = paths(layout, index).stream().filter(p -> !p.contains(".")).limit(8).toList();
        return names.isEmpty() ? " (it is the first member: nothing can be named yet)" : " (before it: "
                + String.join(", ", names) + ")";
    }

    /**
     * The member paths an expression of member {@code index} can name: earlier members and the
     * members of earlier structs ({@code ehdr.e_shnum}), in declaration order.
     */
    public static List<String> paths(RecordLayout layout, int index) {
        List<String> out = new ArrayList<>();
        if (layout == null) {
            return out;
        }
        List<FieldLayout> fields = layout.fields();
        for (int i = 0; i < Math.min(index, fields.size()) && out.size() < MAX_PATHS; i++) {
            FieldLayout f = fields.get(i);
            if (f.name() != null) {
                add(out, f.name(), f.layout(), 0);
            }
        }
        return out;
    }

    private static void add(List<String> out, String path, TypeLayout t, int depth) {
        if (out.size() >= MAX_PATHS) {
            return;
        }
        out.add(path);
        if (t instanceof RecordLayout r && depth < 3 && !r.isReference()) {
            for (FieldLayout f : r.fields()) {
                if (f.name() != null) {
                    add(out, path + "." + f.name(), f.layout(), depth + 1);
                }
            }
        }
    }

    /**
     * The offset text of each direct member of a dynamic record, in declaration order: a number
     * where the layout knows it, else the expression data decides ({@code 4 + name_len},
     * {@code at(ehdr.e_shoff)}), from {@link dev.structscope.model.layout.DynamicOffsets}; null
     * for a static record.
     */
    public static List<String> offsetTexts(RecordLayout l) {
        if (l == null || !l.dynamic()) {
            return null;
        }
        List<String> visible = dev.structscope.model.layout.DynamicOffsets.of(l);
        List<String> out = new ArrayList<>();
        int v = 0;
        for (FieldLayout f : l.fields()) {
            if (f.isAnonymousRecord() && f.layout() instanceof RecordLayout inner) {
                int n = inner.visibleFields().size();
                out.add(n > 0 && v < visible.size() ? visible.get(v) : null);
                v += n;
            } else if (f.name() == null) {
                out.add(null);
            } else {
                out.add(v < visible.size() ? visible.get(v) : null);
                v++;
            }
        }
        return out;
    }

    /**
     * The size of a member whose size data decides, as people read it ({@code 64 × ehdr.e_shnum},
     * {@code name_len}, {@code size(chunk_size)}), or null when the size is a number.
     */
    public static String sizeText(FieldLayout f) {
        Member m = f.member();
        if (m.dynamic().size() != null) {
            return m.dynamic().size().text();
        }
        if (m.type() instanceof ArrayType a && (a.count() != null || a.isFlexible())
                && f.layout() instanceof ArrayLayout al) {
            long each = al.element().size();
            String n = a.count() != null ? a.count().text() : "…";
            boolean simple = n.matches("[\\w.]+");
            return each == 1 ? n : each + " × " + (simple ? n : "(" + n + ")");
        }
        if (f.layout() instanceof RecordLayout r && r.dynamic() && !r.isReference()) {
            return "≥ " + r.size();
        }
        return null;
    }

    /** The identifier (dotted path) being typed at the end of {@code text}: what completion replaces. */
    public static String tokenAtEnd(String text) {
        int i = text.length();
        while (i > 0 && (Character.isJavaIdentifierPart(text.charAt(i - 1)) || text.charAt(i - 1) == '.')) {
            i--;
        }
        return text.substring(i);
    }
}
