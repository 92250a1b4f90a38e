package dev.structscope.app.fields;

import dev.structscope.io.decode.ArrayNode;
import dev.structscope.io.decode.PlanNode;
import dev.structscope.io.decode.RecordNode;
import dev.structscope.io.decode.ScalarNode;
import dev.structscope.io.decode.StringNode;
import javafx.collections.ObservableList;
import javafx.scene.control.TreeItem;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

/**
 * A node of the decoded-fields tree whose children are made the first time they are asked for
 * (when the node is expanded or searched), never before. An array of more than {@link #CHUNK}
 * elements gets range children ({@code [0 … 999]}, {@code [1000 … 1999]}, …), nested again for
 * huge arrays so that no node ever has more than {@code CHUNK} children: an array of a million
 * or a billion elements costs at most a thousand items per level opened.
 *
 * <p>FX thread (TreeItems belong to the tree that shows them).
 */
public final class FieldItem extends TreeItem<FieldRow> {
    /** The most children one node gets. */
    public static final int CHUNK = 1000;

    /** The bytes this item's record was read from (file offsets read at {@link Window#at}). */
    private final Window seg;
    /** For members of a record: the record's start. For elements/ranges: the array's start. */
    private final long start;
    /** For a range item: the array and the element range [lo, hi). */
    private final ArrayNode rangeArray;
    private final long lo;
    private final long hi;
    private boolean built;

    private FieldItem(FieldRow row, Window seg, long start, ArrayNode rangeArray, long lo, long hi) {
        super(row);
        this.seg = seg;
        this.start = start;
        this.rangeArray = rangeArray;
        this.lo = lo;
        this.hi = hi;
    }

    /** The root: the record {@code root} at file offset {@code base} of {@code seg}, the whole file's bytes. */
    public static FieldItem root(RecordNode root, MemorySegment seg, long base) {
        return root(root, new Window(seg, 0), base, root.size());
    }

    /** As {@link #root(RecordNode, Window, long, long)} over the whole file's bytes. */
    public static FieldItem root(RecordNode root, MemorySegment seg, long base, long size) {
        return root(root, new Window(seg, 0), base, size);
    }

    /**
     * The root of a record {@code size} bytes long at {@code base}, read from {@code seg}: for a
     * dynamic record, its instance plan and the size this record's content gave it.
     */
    public static FieldItem root(RecordNode root, Window seg, long base, long size) {
        FieldRow row = new FieldRow(root.typeName(), root.typeName(), base, size,
                ValueText.raw(seg.segment(), seg.at(base), size, 8), "", -1, root, "");
        return new FieldItem(row, seg, base, null, 0, 0);
    }

    /** How many children have been created under this item, recursively (for tests). */
    public long builtDescendants() {
        if (!built) {
            return 0;
        }
        long n = 0;
        for (TreeItem<FieldRow> c : super.getChildren()) {
            n += 1 + ((FieldItem) c).builtDescendants();
        }
        return n;
    }

    @Override
    public boolean isLeaf() {
        if (rangeArray != null) {
            return false;
        }
        PlanNode n = getValue().node();
        return switch (n) {
            case RecordNode r -> r.members().isEmpty();
            case ArrayNode a -> a.length() == 0;
            default -> true;
        };
    }

    @Override
    public ObservableList<TreeItem<FieldRow>> getChildren() {
        if (!built) {
            built = true;
            super.getChildren().setAll(build());
        }
        return super.getChildren();
    }

    private List<TreeItem<FieldRow>> build() {
        List<TreeItem<FieldRow>> out = new ArrayList<>();
        if (rangeArray != null) {
            addElements(out, rangeArray, start, lo, hi);
            return out;
        }
        FieldRow me = getValue();
        switch (me.node()) {
            case RecordNode r -> {
                for (int i = 0; i < r.members().size(); i++) {
                    PlanNode m = r.members().get(i);
                    int color = me.color() < 0 ? i : me.color();
                    out.add(member(m, m.name(), me.offset(), color));
                }
            }
            case ArrayNode a -> addElements(out, a, me.offset(), 0, a.length());
            default -> {
            }
        }
        return out;
    }

    private void addElements(List<TreeItem<FieldRow>> out, ArrayNode a, long arrayStart, long from, long to) {
        long count = to - from;
        int color = getValue().color();
        // Elements of a dynamic array each have their own node, offset from the array's start.
        List<PlanNode> each = a.elements();
        if (count <= CHUNK) {
            for (long i = from; i < to; i++) {
                out.add(each != null ? member(each.get((int) i), "[" + i + "]", arrayStart, color)
                        : member(a.element(), "[" + i + "]", arrayStart + i * a.stride(), color));
            }
            return;
        }
        // Ranges of CHUNK^k elements, the smallest power that keeps us at or under CHUNK children.
        long per = CHUNK;
        while ((count + per - 1) / per > CHUNK) {
            per *= CHUNK;
        }
        for (long r = from; r < to; r += per) {
            long end = Math.min(to, r + per);
            long off;
            long bytes;
            if (each != null) {
                PlanNode last = each.get((int) (end - 1));
                off = arrayStart + each.get((int) r).offset();
                bytes = arrayStart + last.offset() + last.size() - off;
            } else {
                off = arrayStart + r * a.stride();
                bytes = (end - r) * a.stride();
            }
            FieldRow row = new FieldRow("[" + r + " … " + (end - 1) + "]", a.element().typeName(), off,
                    bytes, "", (end - r) + " elements", color, a, "");
            out.add(new FieldItem(row, seg, arrayStart, a, r, end));
        }
    }

    /** A child for node {@code m} of the record (or element) that starts at {@code base}. */
    private FieldItem member(PlanNode m, String name, long base, int color) {
        long at = base + m.offset();
        String value;
        String bits = "";
        try {
            value = switch (m) {
                case ScalarNode s -> {
                    if (s.isBitField()) {
                        bits = "bits " + s.bits().offset() + ".." + (s.bits().end() - 1);
                    }
                    yield ValueText.of(s.read(seg.segment(), seg.at(base)), s);
                }
                case StringNode s -> ValueText.of(s.read(seg.segment(), seg.at(base)), null);
                case ArrayNode a -> "[" + a.length() + "]";
                // A tagged union holds only the alternative its switch chose (or none).
                case RecordNode r when r.tagged() -> r.members().isEmpty() ? "(no alternative matched)"
                        : "⇒ " + r.members().getFirst().name();
                case RecordNode r -> "";
            };
        } catch (InternalError | IllegalStateException e) {
            value = "⚠ unreadable: " + e.getMessage();
        }
        String raw;
        try {
            raw = ValueText.raw(seg.segment(), seg.at(at), m.size(), 16);
        } catch (InternalError | IllegalStateException e) {
            raw = "";
        }
        FieldRow row = new FieldRow(name, m.typeName(), at, m.size(), raw, value, color, m, bits);
        return new FieldItem(row, seg, at, null, 0, 0);
    }

    /** Whether this item groups a range of an array's elements ({@code [lo … hi]}), not one member. */
    public boolean isRange() {
        return rangeArray != null;
    }

    /** Whether this item's bytes contain file offset {@code offset}. */
    public boolean contains(long offset) {
        FieldRow r = getValue();
        return offset >= r.offset() && offset - r.offset() < Math.max(1, r.size());
    }

    /**
     * The deepest item containing {@code offset}, creating only the children along the way
     * (at most {@link #CHUNK} per level), or {@code null} when this item does not contain it.
     */
    public FieldItem deepest(long offset) {
        if (contains(offset)) {
            FieldItem cur = this;
            while (!cur.isLeaf()) {
                FieldItem next = null;
                for (TreeItem<FieldRow> c : cur.getChildren()) {
                    FieldItem f = (FieldItem) c;
                    if (f.contains(offset)) {
                        next = f;
                        break;
                    }
                }
                if (next == null) {
                    FieldItem placed = cur.inPlaced(offset);
                    return placed != null ? placed : cur;
                }
                cur = next;
            }
            return cur;
        }
        return inPlaced(offset);
    }

    /**
     * The deepest item holding {@code offset} under a placed member of this record: one whose
     * bytes lie outside the record's own (a dynamic layout's {@code at}). Only records are
     * searched this way, so arrays are never opened just to look.
     */
    private FieldItem inPlaced(long offset) {
        if (rangeArray != null || !(getValue().node() instanceof RecordNode)) {
            return null;
        }
        FieldRow me = getValue();
        for (TreeItem<FieldRow> c : getChildren()) {
            FieldItem f = (FieldItem) c;
            FieldRow r = f.getValue();
            boolean outside = r.offset() < me.offset() || r.offset() + r.size() > me.offset() + me.size();
            if (outside) {
                FieldItem hit = f.deepest(offset);
                if (hit != null) {
                    return hit;
                }
            }
        }
        return null;
    }
}
