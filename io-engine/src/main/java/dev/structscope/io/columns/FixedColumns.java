package dev.structscope.io.columns;

import dev.structscope.io.decode.Layouts;
import dev.structscope.io.decode.PlanNode;
import dev.structscope.io.decode.RecordNode;
import dev.structscope.io.decode.ScalarKind;
import dev.structscope.io.decode.ScalarNode;
import dev.structscope.io.stats.LoopGenerator;
import dev.structscope.io.stats.LoopGenerator.Copy;
import dev.structscope.io.stats.LoopGenerator.GatherLoop;
import dev.structscope.io.stats.LoopGenerator.GatherShape;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A fixed record column by column: how {@code convert} fills whole column batches from a range of
 * records (all the same shape) without walking them one by one. Each leaf column has the same
 * values in every record, at the same offsets ({@link Leaf#bases()}: one per value, in the order
 * the column's vector holds them, so a leaf inside arrays has several per row); every struct and
 * list column has the same count per row and every list the same length ({@link Container}).
 *
 * <p>Leaves that are a plain machine value of their column's width (integers, pointers,
 * {@code float}, {@code double}, in either byte order) are copied by loops generated with
 * {@link LoopGenerator} (the record size and offsets are constants to C2, as in {@code stats}):
 * strided copies into little-endian buffers, byte-swapped for big-endian data. Every other leaf
 * (bit-fields, {@code _Bool}, enums, {@code char} arrays, {@code long double}, half floats,
 * 128-bit integers) is reported value by value through {@link #feed}, with the conversions of
 * {@link RowFeeder} (written once, there).
 *
 * <p>Built by {@link RowFeeder} for its compiled plan; immutable, any thread.
 */
public final class FixedColumns {
    /**
     * One leaf column.
     *
     * @param column     the column
     * @param node       its plan node, read at each of {@code bases} from a record's start
     * @param bases      per record, where each of its values is read (the node's holder's start)
     * @param repetition per value, the Dremel repetition level it takes (0 for the first of a row)
     * @param copyBytes  the width of a plain copy (1, 2, 4, 8), or 0: reported by {@link #feed}
     */
    public record Leaf(Column.Leaf column, PlanNode node, long[] bases, int[] repetition, int copyBytes) {
        /** Values per record. */
        public int perRow() {
            return bases.length;
        }

        public boolean copied() {
            return copyBytes > 0;
        }
    }

    /**
     * A struct or list column (not the root), {@code perRow} times in each record; a list of
     * {@code length} elements.
     */
    public record Container(Column column, int perRow, int length) {
    }

    /** One generated loop run per range: its first value sits {@code offset} bytes into each record. */
    private record Call(GatherLoop loop, long offset, int[] leaves, int[] firstValue) {
    }

    private final long recordSize;
    private final List<Leaf> leaves;
    private final List<Container> containers;
    private final Call[] calls;

    private FixedColumns(long recordSize, List<Leaf> leaves, List<Container> containers, Call[] calls) {
        this.recordSize = recordSize;
        this.leaves = List.copyOf(leaves);
        this.containers = List.copyOf(containers);
        this.calls = calls;
    }

    public long recordSize() {
        return recordSize;
    }

    /** Every leaf column, in schema order. */
    public List<Leaf> leaves() {
        return leaves;
    }

    /** Every struct and list column below the root, in schema order. */
    public List<Container> containers() {
        return containers;
    }

    /** Values of every column per record (leaves' values and containers' entries). */
    public long valuesPerRow() {
        long n = 0;
        for (Leaf l : leaves) {
            n += l.perRow();
        }
        for (Container c : containers) {
            n += c.perRow();
        }
        return n;
    }

    /**
     * Copies the values of every {@link Leaf#copied() copied} leaf of {@code n} records, the first
     * at byte {@code at} of {@code src}, little-endian into {@code dst[i]} for leaf {@code i}:
     * record {@code r}'s value {@code k} at byte {@code ((row0[i] + r) * perRow + k) * copyBytes}.
     * Entries for other leaves are ignored (may be null). Signalling NaNs of {@code float} columns
     * come out quiet, as the row walk gives them.
     *
     * @param row0 by leaf, the record number the first record's values go to (null: 0 for all)
     */
    public void copy(MemorySegment src, long at, int n, MemorySegment[] dst, long[] row0) {
        for (Call c : calls) {
            int m = c.leaves().length;
            MemorySegment[] d = new MemorySegment[m];
            long[] dAt = new long[m];
            for (int t = 0; t < m; t++) {
                Leaf leaf = leaves.get(c.leaves()[t]);
                d[t] = dst[c.leaves()[t]];
                long first = row0 == null ? 0 : row0[c.leaves()[t]];
                dAt[t] = (first * leaf.perRow() + c.firstValue()[t]) * leaf.copyBytes();
            }
            c.loop().run(src, at + c.offset(), n, d, dAt);
        }
        for (int i = 0; i < leaves.size(); i++) {
            Leaf leaf = leaves.get(i);
            if (leaf.copied() && leaf.column().type() == LeafType.FLOAT32) {
                long first = (row0 == null ? 0 : row0[i]) * leaf.perRow();
                quietSignallingNaNs(dst[i], first * 4, (long) n * leaf.perRow());
            }
        }
    }

    /**
     * Sets the quiet bit of every signalling NaN among {@code count} floats from byte {@code at}:
     * what the row walk's {@code float} to {@code double} and back does to them (x86 and ARM alike
     * keep the payload and set that bit), so that both paths write the same bits. A rare value:
     * the pass costs one read of the column.
     */
    private static void quietSignallingNaNs(MemorySegment s, long at, long count) {
        for (long i = 0; i < count; i++) {
            int bits = s.get(Layouts.I32_LE, at + i * 4);
            if ((bits & 0x7FC0_0000) == 0x7F80_0000 && (bits & 0x003F_FFFF) != 0) {
                s.set(Layouts.I32_LE, at + i * 4, bits | 0x0040_0000);
            }
        }
    }

    /**
     * Reports the values of {@code leaf} in {@code n} records, the first at byte {@code at} of
     * {@code src}, to {@code sink} in column order (record by record, each record's values in
     * order), as {@link RowFeeder} converts them; only the value calls, no row or struct events.
     */
    public void feed(Leaf leaf, MemorySegment src, long at, int n, RowSink sink) {
        long[] bases = leaf.bases();
        for (int r = 0; r < n; r++, at += recordSize) {
            for (long b : bases) {
                RowFeeder.leaf(leaf.column(), leaf.node(), src, at + b, sink);
            }
        }
    }

    /**
     * The column form of the compiled steps of {@code root}, or null when some member has none:
     * an empty array or an empty struct (no value in a row, which the writers say with nulls
     * row by row), or a machine whose native order is not little-endian (the copies assume it).
     */
    static FixedColumns of(RecordNode root, RowFeeder.Step[] steps) {
        if (ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN) {
            return null;
        }
        // Per column id, in first-seen (schema) order: its values' bases and repetition levels.
        Map<Integer, List<long[]>> leafValues = new HashMap<>();
        Map<Integer, Column> byId = new HashMap<>();
        Map<Integer, PlanNode> nodes = new HashMap<>();
        Map<Integer, int[]> containerCount = new HashMap<>();
        List<Integer> order = new ArrayList<>();
        // The Dremel state, as a Parquet writer computes it row by row (see ParquetOut).
        Map<Integer, Column.ListOf> listOfElement = new HashMap<>();
        Map<Integer, int[]> listState = new HashMap<>(); // list id -> {level, startR, seen}
        int[] stack = new int[steps.length + 1];
        int depth = 0;
        int openLists = 0;
        int r = 0;
        for (RowFeeder.Step step : steps) {
            Column c = step.column();
            if (step.op() != RowFeeder.Op.END_STRUCT && step.op() != RowFeeder.Op.END_LIST) {
                Column.ListOf parent = listOfElement.get(c.id());
                if (parent != null) {
                    int[] st = listState.get(parent.id());
                    r = st[2]++ == 0 ? st[1] : st[0];
                }
                if (!byId.containsKey(c.id())) {
                    byId.put(c.id(), c);
                    order.add(c.id());
                }
            }
            switch (step.op()) {
                case LEAF -> {
                    leafValues.computeIfAbsent(c.id(), k -> new ArrayList<>()).add(new long[] {step.offset(), r});
                    nodes.putIfAbsent(c.id(), step.node());
                }
                case BEGIN_STRUCT -> {
                    if (((Column.Struct) c).fields().isEmpty()) {
                        return null;
                    }
                    containerCount.computeIfAbsent(c.id(), k -> new int[2])[0]++;
                }
                case END_STRUCT -> {
                }
                case BEGIN_LIST -> {
                    if (step.length() == 0) {
                        return null;
                    }
                    Column.ListOf list = (Column.ListOf) c;
                    int[] count = containerCount.computeIfAbsent(c.id(), k -> new int[2]);
                    count[0]++;
                    count[1] = step.length();
                    listOfElement.put(list.element().id(), list);
                    stack[depth++] = r;
                    openLists++;
                    listState.put(list.id(), new int[] {openLists, r, 0});
                }
                case END_LIST -> {
                    r = stack[--depth];
                    openLists--;
                }
            }
        }
        List<Leaf> leaves = new ArrayList<>();
        List<Container> containers = new ArrayList<>();
        for (int id : order) {
            Column c = byId.get(id);
            if (c instanceof Column.Leaf leaf) {
                List<long[]> values = leafValues.get(id);
                long[] bases = new long[values.size()];
                int[] rep = new int[values.size()];
                for (int i = 0; i < bases.length; i++) {
                    bases[i] = values.get(i)[0];
                    rep[i] = (int) values.get(i)[1];
                }
                leaves.add(new Leaf(leaf, nodes.get(id), bases, rep, copyBytes(leaf, nodes.get(id))));
            } else {
                int[] count = containerCount.get(id);
                containers.add(new Container(c, count[0], count[1]));
            }
        }
        return new FixedColumns(root.size(), leaves, containers, calls(root.size(), leaves));
    }

    /**
     * The width of a plain copy of {@code node} into {@code leaf}'s column, or 0: a scalar that is
     * no bit-field, of an integer or floating kind whose width is the column's (the bytes of the
     * value are then the bytes the column stores, after a byte swap for big-endian data).
     */
    private static int copyBytes(Column.Leaf leaf, PlanNode node) {
        if (!(node instanceof ScalarNode n) || n.isBitField()) {
            return 0;
        }
        LeafType t = leaf.type();
        boolean fits = switch (n.kind()) {
            case SIGNED, UNSIGNED, POINTER -> t.isInteger();
            case FLOAT32 -> t == LeafType.FLOAT32;
            case FLOAT64 -> t == LeafType.FLOAT64;
            default -> false;
        };
        return fits && n.byteSize() * 8 == t.bits() ? n.byteSize() : 0;
    }

    /**
     * The generated loops for the copied leaves: every copied value as (offset in the record,
     * leaf, value number), in offset order (each pass walks a record's bytes forwards, as the data
     * lies), cut into shapes of at most {@link LoopGenerator#MAX_SLOTS} values, each shape's
     * offsets relative to its first so that an array's repeating shapes share one class.
     */
    private static Call[] calls(long recordSize, List<Leaf> leaves) {
        List<long[]> values = new ArrayList<>();
        for (int i = 0; i < leaves.size(); i++) {
            Leaf leaf = leaves.get(i);
            if (leaf.copied()) {
                long off = ((ScalarNode) leaf.node()).offset();
                for (int k = 0; k < leaf.perRow(); k++) {
                    values.add(new long[] {leaf.bases()[k] + off, i, k});
                }
            }
        }
        values.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0])
                : a[1] != b[1] ? Long.compare(a[1], b[1]) : Long.compare(a[2], b[2]));
        List<Call> calls = new ArrayList<>();
        for (int from = 0; from < values.size(); from += LoopGenerator.MAX_SLOTS) {
            List<long[]> part = values.subList(from, Math.min(values.size(), from + LoopGenerator.MAX_SLOTS));
            long first = part.getFirst()[0];
            // Destinations in first-seen order; each starts at its smallest value number here.
            List<Integer> dsts = new ArrayList<>();
            Map<Integer, Integer> firstK = new HashMap<>();
            for (long[] v : part) {
                int leaf = (int) v[1];
                if (!firstK.containsKey(leaf)) {
                    dsts.add(leaf);
                }
                firstK.merge(leaf, (int) v[2], Math::min);
            }
            List<Copy> copies = new ArrayList<>();
            for (long[] v : part) {
                Leaf leaf = leaves.get((int) v[1]);
                int w = leaf.copyBytes();
                copies.add(new Copy(w, ((ScalarNode) leaf.node()).bigEndian(), v[0] - first, dsts.indexOf((int) v[1]),
                        (v[2] - firstK.get((int) v[1])) * w, (long) leaf.perRow() * w));
            }
            int[] leafIds = dsts.stream().mapToInt(Integer::intValue).toArray();
            int[] ks = Arrays.stream(leafIds).map(firstK::get).toArray();
            calls.add(new Call(LoopGenerator.gather(new GatherShape(recordSize, copies)), first, leafIds, ks));
        }
        return calls.toArray(Call[]::new);
    }
}
