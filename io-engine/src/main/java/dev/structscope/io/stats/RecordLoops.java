package dev.structscope.io.stats;

import dev.structscope.io.decode.DecoderPlan;
import dev.structscope.io.decode.ScalarNode;
import dev.structscope.io.stats.LeafRead.Load;
import dev.structscope.io.stats.LoopGenerator.ChunkLoop;
import dev.structscope.io.stats.LoopGenerator.Shape;
import dev.structscope.io.stats.LoopGenerator.Slot;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How {@code stats} reads one block of records of a fixed layout: every value of a record that
 * is a plain machine type (every instance of every leaf: array elements count one each) goes into
 * a generated loop ({@link LoopGenerator}) with up to {@link LoopGenerator#MAX_SLOTS} values per
 * record, taken in offset order, so a struct of a few members is one pass over the block and an
 * array is a handful of passes of one repeated shape; the rest (bit-fields, {@code long double},
 * half floats) is read a column at a time through the plan's generic reads.
 *
 * <p>Built once per run by the calling thread; immutable after, shared by the worker threads.
 */
final class RecordLoops {
    /** Most distinct generated shapes one layout may use; values past it take the generic path. */
    private static final int MAX_SHAPES = 64;

    /** One generated loop run per block: its first value sits {@code offset} bytes into each record. */
    private record Call(ChunkLoop loop, long offset, int leaf0) {
    }

    /** Values read generically, a column at a time: leaf {@code leaf}'s instances at {@code bases}. */
    private record GenericColumn(int leaf, ScalarNode node, long[] bases) {
    }

    private final Call[] calls;
    private final GenericColumn[] generic;
    private final long[] valuesPerRecord;
    private final long recordSize;

    private RecordLoops(Call[] calls, GenericColumn[] generic, long[] valuesPerRecord, long recordSize) {
        this.calls = calls;
        this.generic = generic;
        this.valuesPerRecord = valuesPerRecord;
        this.recordSize = recordSize;
    }

    /** Leaf indexes fit in this many bits (at most {@link RecordStats#MAX_VALUES_PER_RECORD} leaves). */
    private static final int LEAF_BITS = 22;

    /** The loops for records of {@code recordSize} bytes holding {@code leaves}. */
    static RecordLoops of(List<DecoderPlan.Leaf> leaves, long recordSize) {
        return of(leaves, recordSize, true);
    }

    /**
     * As above; with {@code generate} false every value is read by the generic column reads: for
     * a few records, where making and compiling a class costs more than it saves.
     */
    static RecordLoops of(List<DecoderPlan.Leaf> leaves, long recordSize, boolean generate) {
        long[] perRecord = new long[leaves.size()];
        List<GenericColumn> generic = new ArrayList<>();
        // Every directly loaded value as (offset << LEAF_BITS | leaf) in one primitive array: a
        // record may hold millions of values (arrays), and this keeps the heap at 8 bytes each.
        int loads = 0;
        boolean packable = generate && leaves.size() < 1 << LEAF_BITS && recordSize < 1L << (63 - LEAF_BITS);
        for (int i = 0; i < leaves.size(); i++) {
            DecoderPlan.Leaf leaf = leaves.get(i);
            perRecord[i] = leaf.bases().length;
            if (packable && LeafRead.of(leaf.node()) instanceof Load) {
                loads += leaf.bases().length;
            } else {
                generic.add(new GenericColumn(i, leaf.node(), leaf.bases()));
            }
        }
        long[] keys = new long[loads];
        int k = 0;
        for (int i = 0; i < leaves.size(); i++) {
            DecoderPlan.Leaf leaf = leaves.get(i);
            if (packable && LeafRead.of(leaf.node()) instanceof Load) {
                for (long base : leaf.bases()) {
                    keys[k++] = (base + leaf.node().offset()) << LEAF_BITS | i;
                }
            }
        }
        // Offset order: each pass walks its records' bytes forwards, as the data lies.
        Arrays.sort(keys);
        List<Call> calls = new ArrayList<>();
        Set<Shape> shapes = new HashSet<>();
        for (int from = 0; from < keys.length; from += LoopGenerator.MAX_SLOTS) {
            int to = Math.min(keys.length, from + LoopGenerator.MAX_SLOTS);
            long first = keys[from] >>> LEAF_BITS;
            int leaf0 = leaf(keys[from]);
            List<Slot> slots = new ArrayList<>();
            for (int j = from; j < to; j++) {
                Load load = (Load) LeafRead.of(leaves.get(leaf(keys[j])).node());
                slots.add(new Slot(load.width(), load.bigEndian(), (keys[j] >>> LEAF_BITS) - first, leaf(keys[j]) - leaf0));
            }
            Shape shape = new Shape(recordSize, slots);
            if (shapes.contains(shape) || shapes.size() < MAX_SHAPES) {
                shapes.add(shape);
                calls.add(new Call(LoopGenerator.loop(shape), first, leaf0));
            } else {
                for (int j = from; j < to; j++) {
                    ScalarNode node = leaves.get(leaf(keys[j])).node();
                    generic.add(new GenericColumn(leaf(keys[j]), node, new long[] {(keys[j] >>> LEAF_BITS) - node.offset()}));
                }
            }
        }
        return new RecordLoops(calls.toArray(Call[]::new), generic.toArray(GenericColumn[]::new), perRecord, recordSize);
    }

    private static int leaf(long key) {
        return (int) (key & ((1 << LEAF_BITS) - 1));
    }

    /** Folds the {@code n} records that start at byte {@code blockStart} of {@code s} into {@code p}. */
    void block(MemorySegment s, long blockStart, int n, Partial p) {
        block(s, blockStart, n, p, 0);
    }

    /**
     * As above, folding leaf {@code i} into index {@code slot0 + i} of {@code p}: {@code series}
     * keeps one index per bucket of a single leaf, so each bucket's records fold into their own.
     */
    void block(MemorySegment s, long blockStart, int n, Partial p, int slot0) {
        for (int i = 0; i < valuesPerRecord.length; i++) {
            p.count[slot0 + i] += n * valuesPerRecord[i];
        }
        for (Call c : calls) {
            c.loop().run(s, blockStart + c.offset(), n, p, slot0 + c.leaf0());
        }
        for (GenericColumn g : generic) {
            for (long base : g.bases()) {
                if (g.node().kind().isInteger()) {
                    genericInt(s, blockStart + base, n, recordSize, g.node(), p, slot0 + g.leaf());
                } else {
                    genericReal(s, blockStart + base, n, recordSize, g.node(), p, slot0 + g.leaf());
                }
            }
        }
    }

    private static void genericInt(MemorySegment s, long at, int n, long stride, ScalarNode node, Partial p, int leaf) {
        boolean u64 = LeafRead.unsigned64(node);
        boolean unsigned = node.unsigned();
        long min = p.minL[leaf];
        long max = p.maxL[leaf];
        for (int r = 0; r < n; r++, at += stride) {
            long v = node.readLong(s, at);
            long key = u64 ? v ^ Long.MIN_VALUE : v;
            if (key < min) {
                min = key;
            }
            if (key > max) {
                max = key;
            }
            if (unsigned) {
                p.addUnsigned(leaf, v);
            } else {
                p.addSigned(leaf, v);
            }
        }
        p.minL[leaf] = min;
        p.maxL[leaf] = max;
    }

    private static void genericReal(MemorySegment s, long at, int n, long stride, ScalarNode node, Partial p, int leaf) {
        double min = p.minD[leaf];
        double max = p.maxD[leaf];
        double sum = 0;
        long nans = 0;
        for (int r = 0; r < n; r++, at += stride) {
            double v = node.readDouble(s, at);
            if (v != v) {
                nans++;
            } else {
                if (v < min) {
                    min = v;
                }
                if (v > max) {
                    max = v;
                }
                sum += v;
            }
        }
        p.minD[leaf] = min;
        p.maxD[leaf] = max;
        p.sumD[leaf] += sum;
        p.nan[leaf] += nans;
    }
}
