package dev.structscope.app.live.compose;

import dev.structscope.io.decode.ArrayNode;
import dev.structscope.io.decode.PlanNode;
import dev.structscope.io.decode.RecordNode;
import dev.structscope.io.decode.ScalarNode;
import dev.structscope.io.decode.StringNode;
import dev.structscope.io.decode.ScalarKind;
import dev.structscope.io.encode.DynamicEncoder;
import dev.structscope.model.layout.ArrayLayout;
import dev.structscope.model.layout.FieldLayout;
import dev.structscope.model.layout.RecordLayout;
import dev.structscope.model.layout.TypeLayout;
import dev.structscope.model.type.RecordKind;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds the compose form's rows from a record layout and the decoder plan compiled from it: the
 * plan gives each leaf's offsets and kind, the layout tells where anonymous structs and unions
 * were (the plan flattens them), so that an anonymous union still edits one member at a time.
 * Bounded: an array shows at most {@link #ELEMENTS_SHOWN} element rows and the whole form at most
 * {@link #EDITORS} editors; the rest are sent as zero and a note says so.
 *
 * <p>A dynamic record's form is built from one instance of it (the plan {@code DynamicDecoder}
 * read from the bytes the form encodes to): tagged unions show the chosen alternative, counted
 * arrays their elements; members the encoder derives are marked so, and arrays whose counts it
 * derives grow and shrink (byte arrays as hex text). Placed members are not part of the bytes
 * sent and have no row. Any thread.
 */
final class FormBuilder {
    static final int ELEMENTS_SHOWN = 32;
    static final int EDITORS = 1500;
    /** The most elements of a growable array. */
    static final int GROWABLE_ELEMENTS = 256;
    private final boolean dynamic;
    /** Names of members some expression reads (their edits reshape a dynamic form). */
    private final Set<String> read = new HashSet<>();
    private int budget = EDITORS;

    private FormBuilder(boolean dynamic) {
        this.dynamic = dynamic;
    }

    /** The form of one instance of a dynamic record ({@code root}: its decoded plan). */
    static GroupEntry buildDynamic(RecordLayout layout, RecordNode root) {
        FormBuilder b = new FormBuilder(true);
        b.collectReads(layout, new HashSet<>());
        List<FormEntry> rows = new ArrayList<>();
        int skipped = b.members(layout, root, "", 0, rows);
        return new GroupEntry(kind(layout), "", "", root.typeName(), -1, false, rows, skippedNote(skipped));
    }

    private void collectReads(TypeLayout t, Set<TypeLayout> seen) {
        if (!seen.add(t)) {
            return;
        }
        switch (t) {
            case RecordLayout r -> {
                for (FieldLayout f : r.fields()) {
                    var d = f.member().dynamic();
                    for (var e : java.util.Arrays.asList(d.at(), d.switchOn(), d.size())) {
                        if (e != null) {
                            e.references().forEach(p -> read.add(p.getLast()));
                        }
                    }
                    if (f.layout() instanceof ArrayLayout a && a.count() != null) {
                        a.count().references().forEach(p -> read.add(p.getLast()));
                    }
                    collectReads(f.layout(), seen);
                }
            }
            case ArrayLayout a -> collectReads(a.element(), seen);
            default -> { }
        }
    }

    static GroupEntry build(RecordLayout layout, RecordNode root) {
        FormBuilder b = new FormBuilder(false);
        List<FormEntry> rows = new ArrayList<>();
        int skipped = b.members(layout, root, "", 0, rows);
        return new GroupEntry(kind(layout), "", "", root.typeName(), -1, false, rows, skippedNote(skipped));
    }

    /** Adds the rows of {@code rl}'s members (found by name in {@code rn}); returns how many were left out. */
    private int members(RecordLayout rl, RecordNode rn, String prefix, int depth, List<FormEntry> out) {
        int skipped = 0;
        Set<String> derived = dynamic ? DynamicEncoder.derivedMembers(rl) : Set.of();
        Set<String> switches = dynamic ? switches(rl) : Set.of();
        List<FieldLayout> fields = rl.fields();
        for (int i = 0; i < fields.size(); i++) {
            FieldLayout f = fields.get(i);
            if (f.isAnonymousRecord() && f.layout() instanceof RecordLayout inner) {
                // The plan put the anonymous record's members in this record's place.
                List<FormEntry> rows = new ArrayList<>();
                int sk = members(inner, rn, prefix, depth + 1, rows);
                String path = join(prefix, "(anonymous " + i + ")");
                out.add(new GroupEntry(kind(inner), "", path, inner.type().spelling(), depth, true, rows, skippedNote(sk)));
                continue;
            }
            if (f.name() == null || f.isBitField() && f.bits().width() == 0) {
                continue; // unnamed bit-fields hold no value
            }
            if (dynamic && f.member().dynamic().at() != null) {
                continue; // placed members lie outside the record's own bytes: not sent
            }
            int idx = rn.indexOf(f.name());
            if (idx < 0) {
                continue;
            }
            if (budget <= 0) {
                skipped++;
                continue;
            }
            PlanNode pn = rn.members().get(idx);
            String path = join(prefix, f.name());
            FormEntry row = dynamic ? dynamicNode(f, derived, switches, path, depth, pn) : null;
            out.add(row != null ? row : node(f.name(), path, depth, pn, f.layout()));
        }
        return skipped;
    }

    /** The row of a dynamic record's member where it differs from a fixed one's, else null. */
    private FormEntry dynamicNode(FieldLayout f, Set<String> derived, Set<String> switches, String path, int depth,
                                  PlanNode pn) {
        if (f.member().dynamic().switchOn() != null && f.layout() instanceof RecordLayout union
                && pn instanceof RecordNode tn && tn.tagged()) {
            List<String> names = new ArrayList<>();
            List<FieldLayout> alts = new ArrayList<>();
            for (FieldLayout a : union.fields()) {
                if (a.name() != null) {
                    names.add(a.name());
                    alts.add(a);
                }
            }
            List<FormEntry> chosen = new ArrayList<>();
            int selected = -1;
            if (!tn.members().isEmpty()) {
                PlanNode c = tn.members().getFirst();
                selected = names.indexOf(c.name());
                if (selected >= 0) {
                    chosen.add(node(c.name(), path + "." + c.name(), depth + 1, c, alts.get(selected).layout()));
                }
            }
            List<com.fasterxml.jackson.databind.JsonNode> blanks = alts.stream().map(a -> blank(a.layout())).toList();
            String discriminator = f.member().dynamic().switchOn() instanceof dev.structscope.model.type.Expr.Ref ref
                    && ref.path().size() == 1 && derived.contains(ref.path().getFirst()) ? ref.path().getFirst() : null;
            String note = selected < 0 ? "no alternative matches: the member is skipped by its size" : "";
            return GroupEntry.tagged(f.name(), path, tn.typeName(), depth, chosen, names, blanks, selected, discriminator, note);
        }
        if (f.layout() instanceof ArrayLayout al && al.dynamicLength()) {
            boolean growable = al.flexible()
                    || (al.count() != null && derived.contains(DynamicEncoder.derivedMember(al.count())));
            if (!growable) {
                return null;
            }
            if (pn instanceof StringNode sn) {
                budget--;
                return new StringEntry(f.name(), path, depth, sn, true);
            }
            if (pn instanceof ArrayNode an && an.element() instanceof ScalarNode e && e.byteSize() == 1
                    && !e.isBitField() && (e.kind() == ScalarKind.SIGNED || e.kind() == ScalarKind.UNSIGNED)) {
                budget--;
                return new BytesEntry(f.name(), path, depth, an.typeName(), e.kind());
            }
            if (pn instanceof ArrayNode an) {
                List<FormEntry> rows = new ArrayList<>();
                for (int i = 0; i < an.length() && budget > 0; i++) {
                    rows.add(node("[" + i + "]", path + "[" + i + "]", depth + 1, element(an, i), al.element()));
                }
                int capacity = Math.min(GROWABLE_ELEMENTS, rows.size() + Math.max(0, budget));
                String note = rows.isEmpty() ? "no elements: add one with +" : "";
                return GroupEntry.growable(f.name(), path, an.typeName(), depth, rows, capacity, blank(al.element()), note);
            }
            return null;
        }
        if (pn instanceof ScalarNode s) {
            budget--;
            ScalarEntry e = new ScalarEntry(f.name(), path, depth, s);
            // A discriminator stays editable (an alternative may have several values: a trade and
            // a trade correction); choosing an alternative sets it, editing it picks one.
            e.role(derived.contains(f.name()) && !switches.contains(f.name()) ? ScalarEntry.Role.DERIVED
                    : read.contains(f.name()) ? ScalarEntry.Role.SHAPING : ScalarEntry.Role.VALUE);
            return e;
        }
        return null;
    }

    /**
     * The value a new record, element or alternative starts from: null (zero bytes) for a leaf or
     * an array, and for a record an object that chooses each tagged union's first alternative
     * with a {@code when} (so that the record has a shape before anything is typed).
     */
    static com.fasterxml.jackson.databind.JsonNode blank(TypeLayout t) {
        var json = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
        if (!(t instanceof RecordLayout r)) {
            return json.nullNode();
        }
        var o = json.objectNode();
        blankMembers(r, o);
        return o;
    }

    private static void blankMembers(RecordLayout r, com.fasterxml.jackson.databind.node.ObjectNode o) {
        for (FieldLayout f : r.fields()) {
            if (f.name() == null) {
                if (f.isAnonymousRecord() && f.layout() instanceof RecordLayout inner) {
                    blankMembers(inner, o);
                }
                continue;
            }
            if (f.member().dynamic().switchOn() != null && f.layout() instanceof RecordLayout union) {
                FieldLayout first = null;
                for (FieldLayout a : union.fields()) {
                    if (a.name() != null && (first == null
                            || first.member().dynamic().when().isEmpty() && !a.member().dynamic().when().isEmpty())) {
                        first = a;
                    }
                }
                if (first != null) {
                    o.putObject(f.name()).set(first.name(), blank(first.layout()));
                }
            } else if (f.layout() instanceof RecordLayout inner && !inner.definition().kind().equals(RecordKind.UNION)) {
                var b = blank(inner);
                if (!b.isEmpty()) {
                    o.set(f.name(), b);
                }
            }
        }
    }

    /** Names of the members of {@code r} (anonymous records' too) that tagged unions switch on. */
    private static Set<String> switches(RecordLayout r) {
        Set<String> out = new HashSet<>();
        for (FieldLayout f : r.fields()) {
            if (f.name() == null && f.isAnonymousRecord() && f.layout() instanceof RecordLayout inner) {
                out.addAll(switches(inner));
            } else if (f.member().dynamic().switchOn() instanceof dev.structscope.model.type.Expr.Ref ref
                    && ref.path().size() == 1) {
                out.add(ref.path().getFirst());
            }
        }
        return out;
    }

    private static PlanNode element(ArrayNode a, int i) {
        return a.elements() != null ? a.elements().get(i) : a.element();
    }

    private FormEntry node(String label, String path, int depth, PlanNode pn, TypeLayout tl) {
        return switch (pn) {
            case ScalarNode s -> {
                budget--;
                yield new ScalarEntry(label, path, depth, s);
            }
            case StringNode s -> {
                budget--;
                yield new StringEntry(label, path, depth, s);
            }
            case RecordNode r -> {
                List<FormEntry> rows = new ArrayList<>();
                int sk = tl instanceof RecordLayout rl ? members(rl, r, path, depth + 1, rows) : 0;
                yield new GroupEntry(r.union() ? GroupEntry.Kind.UNION : GroupEntry.Kind.STRUCT, label, path,
                        r.typeName(), depth, false, rows, skippedNote(sk));
            }
            case ArrayNode a -> array(label, path, depth, a, tl instanceof ArrayLayout al ? al.element() : null);
        };
    }

    private GroupEntry array(String label, String path, int depth, ArrayNode a, TypeLayout element) {
        List<FormEntry> rows = new ArrayList<>();
        long shown = Math.min(a.length(), ELEMENTS_SHOWN);
        for (int i = 0; i < shown && budget > 0; i++) {
            rows.add(node("[" + i + "]", path + "[" + i + "]", depth + 1, element(a, i), element));
        }
        String note;
        if (a.length() == 0) {
            note = "flexible or empty array: no bytes in the record, nothing to send";
        } else if (rows.size() < a.length()) {
            long rest = a.length() - rows.size();
            note = "showing " + rows.size() + " of " + a.length() + " elements; the other " + rest
                    + (rest == 1 ? " is" : " are") + " sent as zero";
        } else {
            note = "";
        }
        return new GroupEntry(GroupEntry.Kind.ARRAY, label, path, a.typeName(), depth, false, rows, note);
    }

    private static GroupEntry.Kind kind(RecordLayout rl) {
        return rl.definition().kind() == RecordKind.UNION ? GroupEntry.Kind.UNION : GroupEntry.Kind.STRUCT;
    }

    private static String skippedNote(int skipped) {
        return skipped == 0 ? "" : skipped + " more member" + (skipped == 1 ? "" : "s")
                + " not shown (the form has " + EDITORS + " editors at most); sent as zero";
    }

    private static String join(String prefix, String name) {
        return prefix.isEmpty() ? name : prefix + "." + name;
    }
}
