package dev.structscope.io.columns;

import dev.structscope.io.decode.ArrayNode;
import dev.structscope.io.decode.PlanNode;
import dev.structscope.io.decode.RecordNode;
import dev.structscope.io.decode.RecordValue;
import dev.structscope.io.decode.ScalarKind;
import dev.structscope.io.decode.ScalarNode;
import dev.structscope.io.decode.StringNode;
import dev.structscope.io.decode.Value;

import java.lang.foreign.MemorySegment;
import java.util.BitSet;

/**
 * Turns decoded records into rows of a {@link ColumnSchema}: walks a record's plan (the fixed
 * plan, or the instance plan a dynamic decode built for this record) against the schema and
 * reports each value to a {@link RowSink}, read in place from the segment: scalars go straight
 * from the bytes to the sink with no value objects between.
 *
 * <p>Immutable; any thread (each call works on its own sink).
 */
public final class RowFeeder {
    /** The most steps a fixed record is compiled to; larger records (huge arrays) are walked. */
    private static final int MAX_STEPS = 1 << 16;

    private final ColumnSchema schema;
    /** The column ids to report, or null for all. */
    private final BitSet selected;
    /** The fixed plan's root the steps were compiled from (every fixed record has it), or null. */
    private final RecordNode compiled;
    private final Step[] steps;
    /** The same record column by column, for writers that fill whole columns (null: not compiled, or no such form). */
    private final FixedColumns fixedColumns;

    /** What one step of a compiled fixed record does. */
    enum Op { LEAF, BEGIN_STRUCT, END_STRUCT, BEGIN_LIST, END_LIST }

    /**
     * One event of a fixed record, in order: a leaf read at {@code offset} (from the record's
     * start, of the node's holder), or a struct or list boundary ({@code length}: list elements).
     */
    record Step(Op op, Column column, PlanNode node, long offset, int length) {
    }

    /** Reports every column of records of any plan. */
    public RowFeeder(ColumnSchema schema) {
        this(schema, null, null);
    }

    /**
     * A feeder that also compiles {@code reader}, when it is a fixed plan, into a flat list of
     * steps: every fixed record walks the same tree, so its walk is done once and each row is a
     * loop over the steps (about twice as fast as walking the tree per row).
     */
    public RowFeeder(ColumnSchema schema, dev.structscope.io.decode.RecordReader reader) {
        this(schema, reader, null);
    }

    /**
     * Reports only the columns whose {@link Column#id() ids} are in {@code selected} (the root's
     * need not be): a query that needs two columns reads two values per record, not the record.
     * A column's parents must be selected with it; an unselected struct or list is skipped whole,
     * and a selected list reports every element (of a list of structs, the selected fields of
     * each). The sink sees the selected columns only, in schema order.
     *
     * @param selected the column ids to report, or null for all
     */
    public RowFeeder(ColumnSchema schema, BitSet selected) {
        this(schema, null, selected);
    }

    /**
     * The general form: {@code reader} compiled into steps when it is a fixed plan and every
     * column is reported (the steps report all of them), {@code selected} as above.
     */
    public RowFeeder(ColumnSchema schema, dev.structscope.io.decode.RecordReader reader, BitSet selected) {
        this.schema = schema;
        this.selected = selected == null ? null : (BitSet) selected.clone();
        RecordNode root = selected == null && reader instanceof dev.structscope.io.decode.DecoderPlan plan ? plan.root() : null;
        java.util.List<Step> out = new java.util.ArrayList<>();
        if (root != null && compile(schema.root(), root, 0, out)) {
            this.compiled = root;
            this.steps = out.toArray(Step[]::new);
            this.fixedColumns = FixedColumns.of(root, steps);
        } else {
            this.compiled = null;
            this.steps = null;
            this.fixedColumns = null;
        }
    }

    /** Appends the steps of {@code node}'s members; false when there would be too many. */
    private static boolean compile(Column.Struct struct, RecordNode node, long start, java.util.List<Step> out) {
        var columns = struct.fields();
        var members = node.members();
        if (node.tagged() || columns.size() != members.size()) {
            return false;
        }
        for (int i = 0; i < columns.size(); i++) {
            if (!compile(columns.get(i), members.get(i), start, out)) {
                return false;
            }
        }
        return out.size() <= MAX_STEPS;
    }

    private static boolean compile(Column column, PlanNode node, long base, java.util.List<Step> out) {
        if (out.size() > MAX_STEPS) {
            return false;
        }
        switch (column) {
            case Column.Leaf leaf -> out.add(new Step(Op.LEAF, leaf, node, base, 0));
            case Column.Struct struct -> {
                RecordNode r = (RecordNode) node;
                out.add(new Step(Op.BEGIN_STRUCT, struct, r, base, 0));
                if (!compile(struct, r, base + r.offset(), out)) {
                    return false;
                }
                out.add(new Step(Op.END_STRUCT, struct, r, base, 0));
            }
            case Column.ListOf list -> {
                ArrayNode a = (ArrayNode) node;
                if (a.elements() != null || a.length() > MAX_STEPS) {
                    return false;
                }
                int n = (int) a.length();
                out.add(new Step(Op.BEGIN_LIST, list, a, base, n));
                for (int i = 0; i < n; i++) {
                    if (!compile(list.element(), a.element(), base + a.offset() + i * a.stride(), out)) {
                        return false;
                    }
                }
                out.add(new Step(Op.END_LIST, list, a, base, n));
            }
        }
        return true;
    }

    public ColumnSchema schema() {
        return schema;
    }

    /**
     * Whether {@code node} is the fixed plan this feeder was compiled for: every record of it
     * then has the same shape and size, so a writer may hand ranges of records to other threads
     * (each with its own sink) and feed them with {@link #row(MemorySegment, RecordNode, long, RowSink)}.
     */
    public boolean compiledFor(RecordNode node) {
        return node == compiled;
    }

    /**
     * The compiled fixed record column by column ({@link FixedColumns}): what a writer uses to fill
     * whole column batches from ranges of records instead of walking them row by row. Null when
     * there is no compiled plan, or the record has a member that form does not cover.
     */
    public FixedColumns fixedColumns() {
        return fixedColumns;
    }

    /**
     * Reports the record {@code value} (read from {@code segment}) as one row.
     *
     * @throws IllegalStateException when the record's plan does not fit the schema (a defect: both
     *                               come from the same layout)
     */
    public void row(MemorySegment segment, RecordValue value, RowSink sink) {
        row(segment, value.node(), value.start(), sink);
    }

    /**
     * Reports {@code count} consecutive fixed records of {@code node} from byte {@code start} of
     * {@code segment}, one row each: the row-by-row way to fill a writer's batch.
     */
    public void rows(MemorySegment segment, RecordNode node, long start, int count, RowSink sink) {
        for (int i = 0; i < count; i++) {
            row(segment, node, start + i * node.size(), sink);
        }
    }

    /** Reports the record whose plan is {@code node} and which starts at byte {@code start} of {@code segment}. */
    public void row(MemorySegment segment, RecordNode node, long start, RowSink sink) {
        sink.beginRow();
        if (node == compiled) {
            for (Step step : steps) {
                switch (step.op()) {
                    case LEAF -> leaf((Column.Leaf) step.column(), step.node(), segment, start + step.offset(), sink);
                    case BEGIN_STRUCT -> sink.beginStruct((Column.Struct) step.column());
                    case END_STRUCT -> sink.endStruct((Column.Struct) step.column());
                    case BEGIN_LIST -> sink.beginList((Column.ListOf) step.column(), step.length());
                    case END_LIST -> sink.endList((Column.ListOf) step.column(), step.length());
                }
            }
        } else {
            fields(schema.root(), node, segment, start, sink);
        }
        sink.endRow();
    }

    /** The fields of {@code struct} from the members of {@code node}, which starts at {@code start}. */
    private void fields(Column.Struct struct, RecordNode node, MemorySegment s, long start, RowSink sink) {
        var columns = struct.fields();
        var members = node.members();
        if (node.tagged()) {
            // The chosen alternative (at most one member) by name; the others have no value.
            PlanNode chosen = members.isEmpty() ? null : members.getFirst();
            for (Column c : columns) {
                if (!wanted(c)) {
                    continue;
                }
                if (chosen != null && chosen.name().equals(c.name())) {
                    value(c, chosen, s, start, sink);
                } else {
                    sink.nullValue(c);
                }
            }
            return;
        }
        if (columns.size() != members.size()) {
            throw new IllegalStateException(node.typeName() + ": " + members.size() + " members against "
                    + columns.size() + " columns");
        }
        for (int i = 0; i < columns.size(); i++) {
            if (wanted(columns.get(i))) {
                value(columns.get(i), members.get(i), s, start, sink);
            }
        }
    }

    private boolean wanted(Column c) {
        return selected == null || selected.get(c.id());
    }

    /** The value of {@code node}, a member of the record or element that starts at {@code base}. */
    private void value(Column column, PlanNode node, MemorySegment s, long base, RowSink sink) {
        switch (column) {
            case Column.Leaf leaf -> leaf(leaf, node, s, base, sink);
            case Column.Struct struct -> {
                RecordNode r = (RecordNode) node;
                if (r.tagged() && r.members().isEmpty()) {
                    sink.nullValue(struct);
                    return;
                }
                sink.beginStruct(struct);
                fields(struct, r, s, base + r.offset(), sink);
                sink.endStruct(struct);
            }
            case Column.ListOf list -> {
                ArrayNode a = (ArrayNode) node;
                int n = Math.toIntExact(a.length());
                long start = base + a.offset();
                sink.beginList(list, n);
                if (a.elements() != null) {
                    for (PlanNode e : a.elements()) {
                        value(list.element(), e, s, start, sink);
                    }
                } else {
                    PlanNode e = a.element();
                    long stride = a.stride();
                    for (int i = 0; i < n; i++) {
                        value(list.element(), e, s, start + i * stride, sink);
                    }
                }
                sink.endList(list, n);
            }
        }
    }

    /**
     * One leaf's value, read from {@code s} at {@code base} (its holder's start), reported to
     * {@code sink}: the one place the leaf conversions are written.
     */
    static void leaf(Column.Leaf leaf, PlanNode node, MemorySegment s, long base, RowSink sink) {
        if (node instanceof StringNode str) {
            sink.stringValue(leaf, ((Value.Str) str.read(s, base)).value());
            return;
        }
        ScalarNode n = (ScalarNode) node;
        switch (leaf.type()) {
            case INT8, INT16, INT32, INT64, UINT8, UINT16, UINT32, UINT64 -> sink.longValue(leaf, n.readLong(s, base));
            case BOOLEAN -> sink.booleanValue(leaf, n.readLong(s, base) != 0);
            case FLOAT32 -> sink.floatValue(leaf, (float) n.readDouble(s, base));
            case FLOAT64 -> sink.doubleValue(leaf, n.readDouble(s, base));
            case ENUM -> {
                long v = n.readLong(s, base);
                String name = n.enumType() == null ? null : n.enumType().nameOf(v);
                sink.stringValue(leaf, name != null ? name : n.unsigned() ? Long.toUnsignedString(v) : Long.toString(v));
            }
            case STRING -> {
                // A 128-bit integer: its decimal text (see ColumnSchema).
                if (n.kind() != ScalarKind.SIGNED && n.kind() != ScalarKind.UNSIGNED) {
                    throw new IllegalStateException(n.typeName() + " is not text");
                }
                sink.stringValue(leaf, n.readWide(s, base).toString());
            }
        }
    }
}
