package dev.structscope.model.export;

import dev.structscope.model.layout.ArrayLayout;
import dev.structscope.model.layout.EnumLayout;
import dev.structscope.model.layout.FieldLayout;
import dev.structscope.model.layout.RecordLayout;
import dev.structscope.model.layout.ScalarLayout;
import dev.structscope.model.layout.TypeLayout;
import dev.structscope.model.type.Dynamic;
import dev.structscope.model.type.Expr;
import dev.structscope.model.type.Prim;
import dev.structscope.model.type.RecordKind;
import dev.structscope.model.type.RecordType;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The dynamic half of the Kaitai export: records whose layout data decides ({@link RecordLayout#dynamic()}).
 * Counted arrays become {@code repeat: expr} with the count in Kaitai's expression language,
 * arrays to the end {@code repeat: eos}, placed members instances with {@code pos:} over the root
 * stream counted from the start of the outermost record (a parameter of the types that need it:
 * {@link #placing}), tagged unions {@code switch-on} over one wrapper type per alternative (a type
 * with one field named like the alternative, so that the parsed object has the shape {@code decode} prints:
 * {@code body.trade.price}), sized members {@code size:} substreams, {@code char} arrays strings.
 *
 * <p>Assumptions, each also true of every sample: alignment after a dynamic member, in a record that
 * is not packed, is {@code (A - _io.pos % A) % A} bytes, i.e. counted from the start of the
 * current stream, which is the record's own start rounded to its alignment wherever C places it;
 * C's truncating {@code /} and {@code %} agree with Kaitai's only for non-negative operands.
 *
 * <p>Names in expressions resolve as the decoder resolves them, statically: a member of the
 * record, else of an enclosing record, reached with one {@code _parent.} per Kaitai object in
 * between (wrapper types count). A record used in several places takes the first place met from
 * the outermost records. One instance per export; not thread-safe.
 */
final class KaitaiDynamic {
    private static final String IN = "        ";
    /** The name of the parameter holding the outermost record's start (made unique per type). */
    private static final String START = "outer_start";

    private final KaitaiExporter exporter;
    private final ExportModel model;
    private final List<String> warnings;
    /** Per record: its enclosing scopes, innermost first (a scope is the members of one Kaitai type). */
    private final Map<RecordType, List<Map<String, FieldLayout>>> enclosing = new IdentityHashMap<>();
    private final StringBuilder extra = new StringBuilder();
    /** Unions read as tagged unions, and records used otherwise (held, in arrays, placed). */
    private final Set<RecordType> switched = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<RecordType> held = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<String> extraIds = new HashSet<>();
    /**
     * Records that place members or hold (in any way) records that do. A placed member counts from
     * the start of the outermost record being decoded, which no Kaitai object knows by itself (a
     * value instance of {@code _io.pos} is taken when first read, and a nested record's stream may
     * be a substream): such a record takes it as the parameter {@value #START}, from whoever
     * reads it; the file's own sequence passes each record's {@code _io.pos} as it starts it.
     */
    private final Set<RecordType> placing = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

    KaitaiDynamic(KaitaiExporter exporter, ExportModel model, List<String> warnings) {
        this.exporter = exporter;
        this.model = model;
        this.warnings = warnings;
        List<ExportModel.Rec> recs = model.records();
        // Outermost first: a record comes after everything it holds, so the reverse meets holders first.
        for (int i = recs.size() - 1; i >= 0; i--) {
            RecordLayout r = recs.get(i).layout();
            List<Map<String, FieldLayout>> ctx = context(r);
            for (FieldLayout f : r.fields()) {
                Dynamic d = f.member().dynamic();
                if (d.switchOn() != null && strip(f.layout()) instanceof RecordLayout u) {
                    enclosing.putIfAbsent(u.definition(), ctx);
                    switched.add(u.definition());
                    for (FieldLayout alt : u.fields()) {
                        if (strip(alt.layout()) instanceof RecordLayout inner) {
                            enclosing.putIfAbsent(inner.definition(), push(ctx, scope(alt)));
                        }
                    }
                } else if (strip(f.layout()) instanceof RecordLayout inner && !inner.isReference()) {
                    held.add(inner.definition());
                    enclosing.putIfAbsent(inner.definition(), windowed(f) ? push(ctx, scope(f)) : ctx);
                }
            }
        }
        // Until nothing changes: records may hold one another (a placed member of its own type).
        for (boolean more = true; more; ) {
            more = false;
            for (ExportModel.Rec rec : recs) {
                if (!placing.contains(rec.definition()) && rec.layout().fields().stream().anyMatch(
                        f -> f.member().dynamic().at() != null || placing(f.layout()))) {
                    placing.add(rec.definition());
                    more = true;
                }
            }
        }
    }

    /** Whether values of {@code t} (a record, or an array of records) take the outermost record's start. */
    boolean placing(TypeLayout t) {
        return strip(t) instanceof RecordLayout r && placing.contains(r.definition());
    }

    /** The arguments that give the type of {@code t} the outermost record's start {@code start}, if it takes it. */
    String startArgument(TypeLayout t, String start) {
        return placing(t) ? "(" + start + ")" : "";
    }

    /** Whether this record is written here rather than by the static exporter. */
    static boolean handles(RecordLayout r) {
        // C's own struct hack (a flexible array at the end, nothing else dynamic) keeps the fixed
        // export, which reads bit-fields exactly; its array is read as C's sizeof leaves it.
        return r.dynamic() && !r.fixedInC();
    }

    /**
     * Whether a record is left out of {@code types:}: a union read only as a tagged union is
     * written as its alternatives' wrapper types instead (Kaitai rejects a type nobody uses that
     * reads {@code _parent}).
     */
    boolean replaced(RecordLayout r) {
        return switched.contains(r.definition()) && !held.contains(r.definition());
    }

    /** The wrapper types made for tagged unions and sized members, as {@code types:} entries. */
    String extraTypes() {
        return extra.toString();
    }

    /** Writes the {@code types:} entry of a dynamic record. */
    void type(StringBuilder sb, ExportModel.Rec rec) {
        RecordLayout rl = rec.layout();
        sb.append("  ").append(KaitaiExporter.typeId(rec.name())).append(":\n");
        String doc = rl.definition().kind().keyword() + " " + rec.name() + ": at least " + rl.size()
                + " bytes (data decides the rest), aligned to " + rl.align() + "."
                + (rl.definition().comment() == null ? "" : " " + rl.definition().comment().strip());
        sb.append("    doc: ").append(KaitaiExporter.q(doc)).append('\n');
        List<Map<String, FieldLayout>> ctx = context(rl);
        Set<String> ids = new HashSet<>();
        for (FieldLayout f : rl.fields()) {
            if (f.name() != null) {
                ids.add(KaitaiExporter.id(f.name()));
            }
        }
        String start = placing(rl) ? unique(START, ids) : null;
        if (start != null) {
            params(sb, start);
        }
        StringBuilder seq = new StringBuilder();
        StringBuilder inst = new StringBuilder();
        StringBuilder counts = new StringBuilder();
        boolean union = rl.definition().kind() == RecordKind.UNION;
        if (union && rl.fields().stream().anyMatch(f -> f.member().dynamic().at() == null)) {
            // Kaitai gives a type no stream of its own without a size, and data decides this one's:
            // its pos: 0 instances count from the start of the stream of the record holding it.
            warnings.add(rec.name() + ": a union whose size data decides and that no switch chooses from is read "
                    + "from the start of the record holding it (right where it starts that record; its placed members "
                    + "are right everywhere)");
        }
        long cursor = 0;
        boolean dynamicSoFar = false;
        int pads = 0;
        int anon = 0;
        for (int i = 0; i < rl.fields().size(); i++) {
            FieldLayout f = rl.fields().get(i);
            String name = f.name() != null ? f.name() : "anon" + anon++;
            Dynamic d = f.member().dynamic();
            if (f.isBitField()) {
                // Bit-fields next to dynamic members are rare: their storage is read as raw bytes.
                int j = i;
                long end = 0;
                while (j < rl.fields().size() && rl.fields().get(j).isBitField()) {
                    FieldLayout b = rl.fields().get(j++);
                    end = Math.max(end, b.bits().endByte());
                }
                long first = f.bits().firstByte();
                String w = rec.name() + ": bit-fields from " + name + " in a dynamic record exported as raw bytes";
                warnings.add(w);
                if (!dynamicSoFar && first > cursor) {
                    pad(seq, unique("pad_" + pads++, ids), Long.toString(first - cursor));
                }
                seq.append("      - id: ").append(unique("bits_" + KaitaiExporter.id(name), ids)).append("\n        size: ")
                        .append(end - first).append("\n        doc: ").append(KaitaiExporter.q(w)).append('\n');
                cursor = end;
                i = j - 1;
                continue;
            }
            String id = KaitaiExporter.id(name);
            // A placed member is read where its at says, in a union as in a struct.
            if (d.at() != null) {
                inst.append("      ").append(id).append(":\n        io: _root._io\n        pos: ")
                        .append(KaitaiExporter.q(start + " + " + expr(d.at(), ctx))).append('\n');
                member(inst, counts, f, ctx, start);
                continue;
            }
            if (union) {
                inst.append("      ").append(id).append(":\n        pos: 0\n");
                member(inst, counts, f, ctx, start);
                continue;
            }
            if (!f.dynamic()) {
                if (f.offset() > cursor) {
                    pad(seq, unique("pad_" + pads++, ids), Long.toString(f.offset() - cursor));
                }
                cursor = f.offset() + f.size();
            } else if (f.align() > 1) {
                pad(seq, unique("pad_" + pads++, ids), align(f.align()));
            }
            if (windowed(f)) {
                // Kaitai's size: on a non-user type (a scalar, an array) sizes each element: read the
                // member in a window type of its own and show it under its own name.
                String window = KaitaiExporter.typeId(rec.name()) + "_" + id + "_window";
                seq.append("      - id: ").append(unique(id + "_window", ids)).append("\n        type: ").append(window)
                        .append(startArgument(f.layout(), start))
                        .append("\n        size: ").append(KaitaiExporter.q(expr(d.size(), ctx))).append('\n');
                inst.append("      ").append(id).append(":\n        value: ").append(id).append("_window.").append(id)
                        .append('\n');
                wrapper(window, f, push(ctx, scope(f)), "the " + rl.definition().kind().keyword() + " " + rec.name()
                        + " member " + name + " inside its size window");
            } else {
                seq.append("      - id: ").append(id).append('\n');
                member(seq, counts, f, ctx, start);
                String chosen = chosen(f, ctx);
                if (chosen != null && d.size() != null) {
                    // No alternative chosen: decode shows null and skips the size window, so the
                    // typed member is absent (its if:) and a field of its own skips the bytes.
                    seq.append("      - id: ").append(unique(id + "_skipped", ids)).append("\n        size: ")
                            .append(KaitaiExporter.q(expr(d.size(), ctx))).append("\n        if: ")
                            .append(KaitaiExporter.q("not " + chosen)).append("\n        doc: ")
                            .append(KaitaiExporter.q("the bytes of " + name + " when no alternative is chosen"))
                            .append('\n');
                }
            }
            dynamicSoFar |= f.dynamic() || f.sizeFromData();
        }
        if (!union) {
            if (!dynamicSoFar && rl.size() > cursor) {
                pad(seq, unique("pad_" + pads, ids), Long.toString(rl.size() - cursor));
            } else if (dynamicSoFar && rl.align() > 1) {
                // Tail padding, as far as the data goes: a last member read to the end of the data
                // leaves none (decode then ends the record with the data).
                String a = align(rl.align());
                pad(seq, unique("pad_" + pads, ids), "(" + a + ") < _io.size - _io.pos ? (" + a + ") : _io.size - _io.pos");
            }
        }
        if (!seq.isEmpty()) {
            sb.append("    seq:\n").append(seq);
        }
        inst.append(counts);
        if (!inst.isEmpty()) {
            sb.append("    instances:\n").append(inst);
        }
    }

    /**
     * The keys of one member after its {@code id} or instance name: type, size, repeat, switch;
     * {@code start} is the outermost record's start where the record holding it takes it, else null.
     */
    private void member(StringBuilder sb, StringBuilder counts, FieldLayout f, List<Map<String, FieldLayout>> ctx,
                        String start) {
        Dynamic d = f.member().dynamic();
        if (d.switchOn() != null && f.layout() instanceof RecordLayout u) {
            sb.append(IN).append("type:\n").append(IN).append("  switch-on: ").append(KaitaiExporter.q(expr(d.switchOn(), ctx)))
                    .append('\n').append(IN).append("  cases:\n");
            String unionId = KaitaiExporter.typeId(model.nameOf(u));
            for (FieldLayout alt : u.fields()) {
                if (alt.name() == null) {
                    continue;
                }
                String wrapper = unionId + "_as_" + KaitaiExporter.id(alt.name());
                List<Expr> when = alt.member().dynamic().when();
                String type = wrapper + (takesStart(alt) ? "(" + start + ")" : "");
                if (when.isEmpty()) {
                    sb.append(IN).append("    _: ").append(type).append('\n');
                }
                for (Expr v : when) {
                    String key = v instanceof Expr.Str s ? "'" + str(s.value()).replace("'", "''") + "'" : expr(v, ctx);
                    sb.append(IN).append("    ").append(key).append(": ").append(type).append('\n');
                }
                wrapper(wrapper, alt, push(ctx, scope(alt)), "the alternative " + alt.name() + " of "
                        + u.definition().kind().keyword() + " " + model.nameOf(u));
            }
            if (d.size() != null) {
                sb.append(IN).append("size: ").append(KaitaiExporter.q(expr(d.size(), ctx))).append('\n');
            }
            String chosen = chosen(f, ctx);
            if (chosen != null) {
                // Without it, Kaitai keeps a sized switch's bytes raw when no case matches, where
                // decode prints null.
                sb.append(IN).append("if: ").append(KaitaiExporter.q(chosen)).append('\n');
            }
        } else {
            value(sb, counts, f.layout(), ctx, f.name(), start);
            if (d.size() != null && f.layout() instanceof RecordLayout) {
                sb.append(IN).append("size: ").append(KaitaiExporter.q(expr(d.size(), ctx))).append('\n');
            } else if (d.size() != null) {
                // Sequential members get a window type; Kaitai has no size: on a placed scalar or array.
                warnings.add(f.name() + ": the size " + d.size().text() + " of a placed " + f.typeName()
                        + " is not applied (only its own bytes are read)");
            }
        }
        if (f.member().comment() != null) {
            sb.append(IN).append("doc: ").append(KaitaiExporter.q(f.member().comment().strip())).append('\n');
        }
    }

    /**
     * For a tagged union without a default alternative, the Kaitai condition that one of its
     * alternatives is chosen (the switch expression equals one of their {@code when} values);
     * null for any other member, and for a tagged union with a default, which always has one.
     */
    private String chosen(FieldLayout f, List<Map<String, FieldLayout>> ctx) {
        Dynamic d = f.member().dynamic();
        if (d.switchOn() == null || !(f.layout() instanceof RecordLayout u)) {
            return null;
        }
        String on = expr(d.switchOn(), ctx);
        List<String> tests = new ArrayList<>();
        for (FieldLayout alt : u.fields()) {
            if (alt.name() == null) {
                continue;
            }
            List<Expr> when = alt.member().dynamic().when();
            if (when.isEmpty()) {
                return null;
            }
            for (Expr v : when) {
                tests.add(on + " == " + (v instanceof Expr.Str str ? str(str.value()) : expr(v, ctx)));
            }
        }
        return tests.isEmpty() ? "false" : "(" + String.join(" or ", tests) + ")";
    }

    /** A type holding the one member {@code f} under its own name (a union alternative, a sized member's window). */
    private void wrapper(String typeId, FieldLayout f, List<Map<String, FieldLayout>> ctx, String doc) {
        if (!extraIds.add(typeId)) {
            return;
        }
        StringBuilder sb = new StringBuilder();
        StringBuilder counts = new StringBuilder();
        String field = KaitaiExporter.id(f.name());
        sb.append("  ").append(typeId).append(":\n    doc: ").append(KaitaiExporter.q(doc)).append('\n');
        String start = takesStart(f) ? unique(START, new HashSet<>(Set.of(field))) : null;
        if (start != null) {
            params(sb, start);
        }
        if (f.member().dynamic().at() != null) {
            // A placed alternative: read where its at says, taking no room where the union is.
            sb.append("    instances:\n      ").append(field).append(":\n        io: _root._io\n        pos: ")
                    .append(KaitaiExporter.q(start + " + " + expr(f.member().dynamic().at(), ctx))).append('\n');
            value(sb, counts, f.layout(), ctx, f.name(), start);
            sb.append(counts);
        } else {
            sb.append("    seq:\n      - id: ").append(field).append('\n');
            value(sb, counts, f.layout(), ctx, f.name(), start);
            if (!counts.isEmpty()) {
                sb.append("    instances:\n").append(counts);
            }
        }
        extra.append(sb);
    }

    /** Whether the wrapper type of {@code f} takes the outermost record's start: it is placed, or its type takes it. */
    private boolean takesStart(FieldLayout f) {
        return f.member().dynamic().at() != null || placing(f.layout());
    }

    /**
     * {@code type} and {@code repeat} keys of a value of type {@code t} (no {@code size} window of
     * its own); {@code start} as in {@link #member}.
     */
    private void value(StringBuilder sb, StringBuilder counts, TypeLayout t, List<Map<String, FieldLayout>> ctx,
                       String name, String start) {
        List<String> dims = new ArrayList<>();
        boolean eos = false;
        while (t instanceof ArrayLayout a && !string(a)) {
            if (a.count() != null) {
                dims.add(expr(a.count(), ctx));
            } else if (a.flexible()) {
                if (!dims.isEmpty()) {
                    warnings.add(name + ": an inner array dimension to the end is read as empty");
                    dims.add("0");
                } else if (!a.element().sizeFromData() && !(a.element() instanceof RecordLayout r && r.isReference())) {
                    // As many whole elements as fit in what remains (a partial one is left, as decode
                    // leaves it; repeat: eos would fail on it): counted once, where the array starts.
                    long each = a.element().size();
                    dims.add(each == 0 ? "0" : "(_io.size - _io.pos) / " + each);
                } else {
                    eos = true;
                }
            } else {
                dims.add(Long.toString(a.length()));
            }
            t = a.element();
        }
        switch (t) {
            case ArrayLayout a -> {
                sb.append(IN).append("type: strz\n").append(IN).append("encoding: ISO-8859-1\n");
                if (a.count() != null) {
                    sb.append(IN).append("size: ").append(KaitaiExporter.q(expr(a.count(), ctx))).append('\n');
                } else if (a.flexible()) {
                    sb.append(IN).append("size-eos: true\n");
                } else {
                    sb.append(IN).append("size: ").append(a.length()).append('\n');
                }
            }
            case RecordLayout r when r.dynamic() || r.isReference() -> sb.append(IN).append("type: ")
                    .append(KaitaiExporter.typeId(model.nameOf(r))).append(startArgument(r, start)).append('\n');
            default -> exporter.element(sb, model, t, IN);
        }
        if (eos && dims.isEmpty()) {
            sb.append(IN).append("repeat: eos\n");
        } else if (!dims.isEmpty()) {
            String n = dims.size() == 1 ? dims.getFirst() : String.join(" * ", dims.stream().map(c -> "(" + c + ")").toList());
            if (eos) {
                warnings.add(name + ": an array to the end with inner dimensions is read as the inner elements to the end");
                sb.append(IN).append("repeat: eos\n");
            } else {
                if (!n.matches("[a-z0-9_.]+")) {
                    // The JavaScript the compiler writes drops the parentheses around a count in its
                    // loop test ("i < this.size & 1"): an operator count is a value instance instead.
                    String c = KaitaiExporter.id(name) + "_count";
                    counts.append("      ").append(c).append(":\n        value: ").append(KaitaiExporter.q(n)).append('\n');
                    n = c;
                }
                sb.append(IN).append("repeat: expr\n").append(IN).append("repeat-expr: ").append(KaitaiExporter.q(n)).append('\n');
            }
        }
    }

    /** Whether an array is what {@code decode} prints as a string: one dimension of plain {@code char}. */
    static boolean string(ArrayLayout a) {
        return a.element() instanceof ScalarLayout s && s.prim() == Prim.CHAR && s.size() == 1;
    }

    /** An expression in Kaitai's language, member names resolved against {@code ctx}. */
    String expr(Expr e, List<Map<String, FieldLayout>> ctx) {
        if (truth(e)) {
            // C's comparisons and logical operators give the int 0 or 1; Kaitai's give booleans,
            // which a count, size or arithmetic refuses ("expected integer, got CalcBooleanType").
            return "(" + bool(e, ctx) + " ? 1 : 0)";
        }
        return switch (e) {
            case Expr.Const c -> c.value() < 0 ? "(" + c.value() + ")" : Long.toString(c.value());
            case Expr.Str s -> str(s.value());
            case Expr.Ref r -> ref(r, ctx);
            case Expr.Unary u -> switch (u.op()) {
                case NEG -> "(-" + expr(u.operand(), ctx) + ")";
                case COMPL -> "(~" + expr(u.operand(), ctx) + ")";
                default -> expr(u.operand(), ctx); // PLUS (NOT is a truth, above)
            };
            case Expr.Binary b -> "(" + expr(b.left(), ctx) + " " + b.op().symbol + " " + expr(b.right(), ctx) + ")";
            case Expr.Cond c -> "(" + bool(c.test(), ctx) + " ? " + expr(c.then(), ctx) + " : " + expr(c.otherwise(), ctx) + ")";
        };
    }

    /** Whether {@code e} is one of C's truth operators: a comparison, {@code &&}, {@code ||} or {@code !}. */
    private static boolean truth(Expr e) {
        return switch (e) {
            case Expr.Binary b -> switch (b.op()) {
                case LT, GT, LE, GE, EQ, NE, LAND, LOR -> true;
                default -> false;
            };
            case Expr.Unary u -> u.op() == Expr.UnaryOp.NOT;
            default -> false;
        };
    }

    /** C's truth of an integer as a Kaitai boolean (Kaitai does not mix the two). */
    private String bool(Expr e, List<Map<String, FieldLayout>> ctx) {
        return switch (e) {
            case Expr.Binary b when b.op() == Expr.BinaryOp.LAND -> "(" + bool(b.left(), ctx) + " and " + bool(b.right(), ctx) + ")";
            case Expr.Binary b when b.op() == Expr.BinaryOp.LOR -> "(" + bool(b.left(), ctx) + " or " + bool(b.right(), ctx) + ")";
            case Expr.Binary b when truth(b) -> "(" + expr(b.left(), ctx) + " " + b.op().symbol + " " + expr(b.right(), ctx) + ")";
            case Expr.Unary u when u.op() == Expr.UnaryOp.NOT -> "(not " + bool(u.operand(), ctx) + ")";
            default -> "(" + expr(e, ctx) + " != 0)";
        };
    }

    private String ref(Expr.Ref r, List<Map<String, FieldLayout>> ctx) {
        String first = r.path().getFirst();
        for (int level = 0; level < ctx.size(); level++) {
            FieldLayout f = ctx.get(level).get(first);
            if (f == null) {
                continue;
            }
            StringBuilder sb = new StringBuilder("_parent.".repeat(level)).append(KaitaiExporter.id(first));
            TypeLayout t = f.layout();
            for (String seg : r.path().subList(1, r.path().size())) {
                sb.append('.').append(KaitaiExporter.id(seg));
                t = t instanceof RecordLayout rl ? rl.fields().stream().filter(g -> seg.equals(g.name()))
                        .map(FieldLayout::layout).findFirst().orElse(t) : t;
            }
            // Kaitai enums are not integers: arithmetic and switches need the number.
            return t instanceof EnumLayout ? sb + ".to_i" : sb.toString();
        }
        warnings.add("'" + r.text() + "': no enclosing record in the export has a member " + first
                + " (written as is)");
        return KaitaiExporter.id(first);
    }

    /** A Kaitai string literal. */
    private static String str(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7E) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    private static String align(long a) {
        return "(" + a + " - (_io.pos % " + a + ")) % " + a;
    }

    /** The {@code params:} of a type that takes the outermost record's start as {@code name}. */
    private static void params(StringBuilder sb, String name) {
        sb.append("    params:\n      - id: ").append(name).append("\n        type: u8\n        doc: ")
                .append(KaitaiExporter.q("byte offset where the outermost record starts: placed members count from it"))
                .append('\n');
    }

    private static void pad(StringBuilder seq, String id, String size) {
        seq.append("      - id: ").append(id).append("\n        size: ")
                .append(size.matches("\\d+") ? size : KaitaiExporter.q(size)).append("\n        doc: \"padding\"\n");
    }

    private List<Map<String, FieldLayout>> context(RecordLayout r) {
        return push(enclosing.getOrDefault(r.definition(), List.of()), scope(r));
    }

    private static Map<String, FieldLayout> scope(RecordLayout r) {
        Map<String, FieldLayout> m = new LinkedHashMap<>();
        for (FieldLayout f : r.fields()) {
            if (f.name() != null) {
                m.put(f.name(), f);
            }
        }
        return m;
    }

    private static Map<String, FieldLayout> scope(FieldLayout f) {
        return f.name() == null ? Map.of() : Map.of(f.name(), f);
    }

    private static List<Map<String, FieldLayout>> push(List<Map<String, FieldLayout>> ctx, Map<String, FieldLayout> inner) {
        List<Map<String, FieldLayout>> out = new ArrayList<>();
        out.add(inner);
        out.addAll(ctx);
        return out;
    }

    /** A sized member that is not a record or a tagged union: read through a window type. */
    private static boolean windowed(FieldLayout f) {
        Dynamic d = f.member().dynamic();
        return d.size() != null && d.switchOn() == null && d.at() == null && !(f.layout() instanceof RecordLayout);
    }

    private static TypeLayout strip(TypeLayout t) {
        while (t instanceof ArrayLayout a) {
            t = a.element();
        }
        return t;
    }

    private static String unique(String base, Set<String> ids) {
        String n = base;
        for (int i = 2; !ids.add(n); i++) {
            n = base + "_" + i;
        }
        return n;
    }
}
