package dev.structscope.app.designer;

import dev.structscope.model.layout.FieldLayout;
import dev.structscope.model.layout.Padding;
import dev.structscope.model.layout.RecordLayout;
import dev.structscope.model.type.RecordKind;

import java.util.ArrayList;
import java.util.List;

/** Builds the designer's rows and summary line from a record layout. Pure; any thread. */
final class DesignerRows {
    private DesignerRows() {
    }

    /** Members in declaration order with padding rows placed at their offsets. */
    static List<DesignerRow> of(RecordLayout l) {
        List<DesignerRow> out = new ArrayList<>();
        List<Padding> pads = new ArrayList<>(l.padding());
        List<FieldLayout> fields = l.fields();
        boolean union = l.definition().kind() == RecordKind.UNION;
        FieldLayout previous = null;
        for (int i = 0; i < fields.size(); i++) {
            FieldLayout f = fields.get(i);
            while (!union && !pads.isEmpty() && pads.getFirst().offset() < f.offset() + (f.isBitField() ? 1 : 0)
                    && !pads.getFirst().tail()) {
                Padding p = pads.removeFirst();
                out.add(new DesignerRow.PaddingRow(p, holeLabel(p, previous, f)));
            }
            out.add(new DesignerRow.MemberRow(i, f));
            previous = f;
        }
        for (Padding p : pads) {
            out.add(new DesignerRow.PaddingRow(p, p.tail() ? "tail, to align " + l.align() : "hole"));
        }
        return out;
    }

    /**
     * What a hole is before member {@code next}. An anonymous struct/union member's holes are the
     * record's padding too (its members are the record's), so a hole may start inside the
     * anonymous member the designer shows as one row.
     */
    private static String holeLabel(Padding p, FieldLayout previous, FieldLayout next) {
        if (previous != null && previous.isAnonymousRecord() && previous.layout() instanceof RecordLayout r
                && p.offset() < previous.offset() + previous.size()) {
            String kind = "anonymous " + r.definition().kind().keyword();
            return p.offset() + p.size() <= previous.offset() + previous.size() ? "hole inside the " + kind
                    : "hole inside the " + kind + " and after it";
        }
        return "hole before " + (next.name() == null ? "the next member" : next.name());
    }

    static String summary(RecordLayout l) {
        long pad = l.holeBytes() + l.tailBytes();
        return "size " + l.size() + " · align " + l.align() + " · members " + l.fields().size() + " · holes "
                + l.holeCount() + " (" + l.holeBytes() + " B) · tail " + l.tailBytes() + " B · padding " + pad + " B";
    }
}
