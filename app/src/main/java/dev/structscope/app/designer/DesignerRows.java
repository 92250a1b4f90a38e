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
        for (int i = 0; i < fields.size(); i++) {
            FieldLayout f = fields.get(i);
            while (!union && !pads.isEmpty() && pads.getFirst().offset() < f.offset() + (f.isBitField() ? 1 : 0)
                    && !pads.getFirst().tail()) {
                out.add(new DesignerRow.PaddingRow(pads.removeFirst(), "hole before " + (f.name() == null
                        ? "the next member" : f.name())));
            }
            out.add(new DesignerRow.MemberRow(i, f));
        }
        for (Padding p : pads) {
            out.add(new DesignerRow.PaddingRow(p, p.tail() ? "tail, to align " + l.align() : "hole"));
        }
        return out;
    }

    static String summary(RecordLayout l) {
        long pad = l.holeBytes() + l.tailBytes();
        return "size " + l.size() + " · align " + l.align() + " · members " + l.fields().size() + " · holes "
                + l.holeCount() + " (" + l.holeBytes() + " B) · tail " + l.tailBytes() + " B · padding " + pad + " B";
    }
}
