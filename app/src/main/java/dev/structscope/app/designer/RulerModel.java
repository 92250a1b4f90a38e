package dev.structscope.app.designer;

import dev.structscope.model.layout.FieldLayout;
import dev.structscope.model.layout.Padding;
import dev.structscope.model.layout.RecordLayout;
import dev.structscope.model.type.RecordKind;

import java.util.ArrayList;
import java.util.List;

/**
 * What the byte ruler draws, as data: one block per member (bit-fields to the bit) and per padding
 * run. Kept apart from the drawing so that tests can compare the blocks with the table. Pure; any
 * thread.
 */
public final class RulerModel {
    private RulerModel() {
    }

    /**
     * One drawn block.
     *
     * @param memberIndex the member's index (colour), or -1 for padding
     * @param name        the member name, or a description for padding / unnamed bit-fields
     * @param bitOffset   first bit from the start of the record (byte offset × 8 for whole bytes)
     * @param bitLength   length in bits (size × 8 for whole bytes)
     * @param lane        0 for structs; the member's index for unions, whose members overlap
     * @param bitField    whether the block is a bit-field
     */
    public record Block(int memberIndex, String name, long bitOffset, long bitLength, int lane, boolean bitField) {
        public boolean isPadding() {
            return memberIndex < 0;
        }

        public long byteOffset() {
            return bitOffset / 8;
        }

        /** Bytes touched by the block (a bit-field's partial bytes count whole). */
        public long byteLength() {
            return (bitOffset + bitLength + 7) / 8 - bitOffset / 8;
        }
    }

    /**
     * The part of a dynamic record that data decides, drawn after the static prefix as one marked
     * block: where it starts (bytes from the record's start) and one line per member in it.
     */
    public record Tail(long from, List<String> members) {
    }

    /**
     * Whether data decides member {@code f}'s place or size (it is drawn in the tail, not as a
     * block). A tagged union's alternative that only says {@code when} it is chosen has its own
     * fixed bytes: it keeps its block in its lane.
     */
    public static boolean fromData(FieldLayout f) {
        var d = f.member().dynamic();
        return f.dynamic() || d.at() != null || d.switchOn() != null || d.size() != null
                || (f.member().type() instanceof dev.structscope.model.type.ArrayType a && a.isDynamic())
                || (f.layout() instanceof RecordLayout r && r.dynamic() && !r.isReference());
    }

    /** The dynamic tail of {@code layout}, or null for a static record. */
    public static Tail tail(RecordLayout layout) {
        if (!layout.dynamic()) {
            return null;
        }
        long from = layout.size();
        List<String> parts = new ArrayList<>();
        boolean union = layout.definition().kind() == RecordKind.UNION;
        for (FieldLayout f : layout.fields()) {
            if (!fromData(f)) {
                continue;
            }
            var d = f.member().dynamic();
            String name = f.name() == null ? "(anonymous)" : f.name();
            String dims = DynamicText.dimsText(f.member().type());
            StringBuilder sb = new StringBuilder(name).append(dims);
            if (d.at() != null) {
                sb.append(" at(").append(d.at().text()).append(')');
            } else if (!union) {
                from = Math.min(from, f.offset());
            }
            if (d.switchOn() != null) {
                sb.append(" switch(").append(d.switchOn().text()).append(')');
            }
            if (d.size() != null) {
                sb.append(" size(").append(d.size().text()).append(')');
            }
            parts.add(sb.toString());
        }
        return new Tail(from, List.copyOf(parts));
    }

    public static List<Block> blocks(RecordLayout layout) {
        List<Block> out = new ArrayList<>();
        boolean union = layout.definition().kind() == RecordKind.UNION;
        List<FieldLayout> fields = layout.fields();
        Tail tail = tail(layout);
        for (int i = 0; i < fields.size(); i++) {
            FieldLayout f = fields.get(i);
            int lane = union ? i : 0;
            if (tail != null && fromData(f)) {
                // Its static offset is only the smallest it can be: the tail shows it instead.
                continue;
            }
            if (f.isBitField()) {
                if (f.bits().width() > 0) {
                    out.add(new Block(i, f.name() == null ? "(unnamed)" : f.name(), f.bits().offset(), f.bits().width(),
                            lane, true));
                }
            } else if (f.size() > 0) {
                out.add(new Block(i, f.name() == null ? "(anonymous)" : f.name(), f.offset() * 8, f.size() * 8,
                        lane, false));
            }
        }
        for (Padding p : layout.padding()) {
            if (tail != null && p.offset() >= tail.from()) {
                continue;
            }
            out.add(new Block(-1, (p.tail() ? "tail padding " : "padding ") + p.size() + " B", p.offset() * 8,
                    p.size() * 8, 0, false));
        }
        return out;
    }

    /** Number of lanes to draw: 1 for a struct, one per member for a union. */
    public static int lanes(RecordLayout layout) {
        return layout.definition().kind() == RecordKind.UNION ? Math.max(1, layout.fields().size()) : 1;
    }
}
