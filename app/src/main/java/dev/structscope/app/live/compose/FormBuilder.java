package dev.structscope.app.live.compose;

import dev.structscope.io.decode.ArrayNode;
import dev.structscope.io.decode.PlanNode;
import dev.structscope.io.decode.RecordNode;
import dev.structscope.io.decode.ScalarNode;
import dev.structscope.io.decode.StringNode;
import dev.structscope.model.layout.ArrayLayout;
import dev.structscope.model.layout.FieldLayout;
import dev.structscope.model.layout.RecordLayout;
import dev.structscope.model.layout.TypeLayout;
import dev.structscope.model.type.RecordKind;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the compose form's rows from a record layout and the decoder plan compiled from it: the
 * plan gives each leaf's offsets and kind, the layout tells where anonymous structs and unions
 * were (the plan flattens them), so that an anonymous union still edits one member at a time.
 * Bounded: an array shows at most {@link #ELEMENTS_SHOWN} element rows and the whole form at most
 * {@link #EDITORS} editors; the rest are sent as zero and a note says so. Any thread.
 */
final class FormBuilder {
    static final int ELEMENTS_SHOWN = 32;
    static final int EDITORS = 1500;
    private int budget = EDITORS;

    private FormBuilder() {
    }

    static GroupEntry build(RecordLayout layout, RecordNode root) {
        FormBuilder b = new FormBuilder();
        List<FormEntry> rows = new ArrayList<>();
        int skipped = b.members(layout, root, "", 0, rows);
        return new GroupEntry(kind(layout), "", "", root.typeName(), -1, false, rows, skippedNote(skipped));
    }

    /** Adds the rows of {@code rl}'s members (found by name in {@code rn}); returns how many were left out. */
    private int members(RecordLayout rl, RecordNode rn, String prefix, int depth, List<FormEntry> out) {
        int skipped = 0;
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
            if (f.name() == null || f.bitWidth() == 0) {
                continue; // unnamed bit-fields hold no value
            }
            int idx = rn.indexOf(f.name());
            if (idx < 0) {
                continue;
            }
            if (budget <= 0) {
                skipped++;
                continue;
            }
            out.add(node(f.name(), join(prefix, f.name()), depth, rn.members().get(idx), f.layout()));
        }
        return skipped;
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
            rows.add(node("[" + i + "]", path + "[" + i + "]", depth + 1, a.element(), element));
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
