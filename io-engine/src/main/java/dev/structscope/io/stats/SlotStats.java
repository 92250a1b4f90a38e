package dev.structscope.io.stats;

import dev.structscope.io.decode.DecoderPlan;
import dev.structscope.io.decode.ScalarNode;
import dev.structscope.io.decode.Value;

import java.lang.foreign.MemorySegment;

/**
 * The figures of {@code stats} for one scalar leaf, kept in numbered slots: {@code series} gives
 * each bucket of records a slot. The same reads (generated loops for machine types, the plan's
 * generic reads for bit-fields and odd types) and the same arithmetic (exact 128-bit integer sums,
 * unsigned 64-bit order, NaNs counted apart) as the whole-file figures, because it is the same
 * code: {@link RecordLoops} folding into a {@link Partial} whose indexes are slots, finished by
 * {@link RecordStats}.
 *
 * <p>Confined to one thread (one per parallel task); tasks' slots are merged with
 * {@link #mergeInto}.
 */
public final class SlotStats {
    private final String path;
    private final ScalarNode node;
    private final boolean unsigned64;
    private final Partial p;

    /** How one leaf of fixed records is read in bulk: built once per run, shared by the tasks. Immutable. */
    public static final class Reader {
        private final RecordLoops loops;

        /**
         * @param leaf       a leaf with exactly one instance per record (one base offset)
         * @param recordSize bytes from one record to the next
         */
        public Reader(DecoderPlan.Leaf leaf, long recordSize) {
            if (leaf.bases().length != 1) {
                throw new IllegalArgumentException(leaf.path() + " has " + leaf.bases().length + " values per record");
            }
            this.loops = RecordLoops.of(java.util.List.of(leaf), recordSize);
        }
    }

    /** {@code slots} empty slots for values of {@code node}, reported under {@code path}. */
    public SlotStats(String path, ScalarNode node, int slots) {
        this.path = path;
        this.node = node;
        this.unsigned64 = LeafRead.unsigned64(node);
        this.p = new Partial(slots);
    }

    /** Folds the leaf of the {@code n} records that start at byte {@code at} of {@code s} into {@code slot}. */
    public void fold(Reader reader, MemorySegment s, long at, int n, int slot) {
        reader.loops.block(s, at, n, p, slot);
    }

    /** Folds one decoded value (dynamic records) into {@code slot}; strings and missing values fold nothing. */
    public void add(int slot, Value v) {
        p.value(slot, v, unsigned64);
    }

    /** Merges every slot {@code j} of this into slot {@code at + j} of {@code total}. */
    public void mergeInto(SlotStats total, int at) {
        total.p.mergeAt(p, at);
    }

    /** The figures of {@code slot}: count (values, NaNs included), NaNs, min, max and mean as {@code stats} gives them. */
    public FieldStats result(int slot) {
        return RecordStats.finish(path, node, p, slot);
    }

    public int slots() {
        return p.count.length;
    }
}
