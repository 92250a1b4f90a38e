package dev.structscope.io.stats;

import dev.structscope.io.decode.ArrayValue;
import dev.structscope.io.decode.DynamicDecoder;
import dev.structscope.io.decode.RecordReader;
import dev.structscope.io.decode.RecordValue;
import dev.structscope.io.decode.ScalarNode;
import dev.structscope.io.decode.PlanNode;
import dev.structscope.io.decode.Value;
import dev.structscope.io.edit.OverlayContent;
import dev.structscope.io.source.DataSource;
import dev.structscope.io.source.Sources;
import dev.structscope.model.InputException;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code stats} over records of a dynamic layout: a sequential walk, each record as long as its
 * own content, every scalar leaf folded into its member's figures (array elements flattened per
 * member, a tagged union's chosen alternative under its own path). The same arithmetic as the
 * fixed path ({@link RecordStats}): exact 128-bit integer sums, NaNs counted apart. Slower than the
 * fixed path's column loops by nature (each record's plan is built from its data), bounded memory:
 * one accumulator per member path. Stateless; any thread.
 */
public final class DynamicStats {
    private DynamicStats() {
    }

    /** Accumulates one member path (the first node seen under it decides how it is finished). */
    private static final class Slot {
        final String path;
        final ScalarNode node;
        final boolean unsigned64;
        final Partial p = new Partial(1);

        Slot(String path, ScalarNode node) {
            this.path = path;
            this.node = node;
            this.unsigned64 = LeafRead.unsigned64(node);
        }

        FieldStats finish() {
            return RecordStats.finish(path, node, p, 0);
        }
    }

    /** The first window a record of edited content is read through (it grows as the record needs). */
    private static final long WINDOW = 256;

    /** Stats of the records that lie back to back from byte {@code offset} of {@code source}. */
    public static RecordStats.Result compute(DataSource source, DynamicDecoder decoder, long offset) {
        return compute(source, decoder, offset, StatsProgress.NONE);
    }

    /** As above, reporting bytes walked (every 4,096 records) and obeying a cancel. */
    public static RecordStats.Result compute(DataSource source, DynamicDecoder decoder, long offset,
                                             StatsProgress progress) {
        long size = source.size();
        if (offset < 0 || offset > size) {
            throw new InputException(source.name() + ": byte offset " + offset,
                    "--offset is outside the data (" + size + " bytes)");
        }
        Map<String, Slot> slots = new LinkedHashMap<>();
        // Edited content (after an insert or delete) is not one segment: each record is read
        // through its own window, a view inside a piece or a copy of just that record.
        OverlayContent pieces = source instanceof OverlayContent oc ? oc : null;
        MemorySegment all = pieces == null ? source.segment() : null;
        long[] state = Sources.guard(source, () -> {
            long pos = offset;
            long records = 0;
            while (pos < size) {
                RecordReader.Decoded d;
                try {
                    d = pieces == null ? decoder.read(all, pos, size)
                            : decoder.readThrough(pieces::slice, pos, size, WINDOW).decoded();
                } catch (DynamicDecoder.DataEndsException e) {
                    break;
                } catch (InputException e) {
                    throw new InputException(source.name() + ": " + e.where(), "record " + records + ": " + e.getMessage());
                }
                if (d.size() <= 0) {
                    throw new InputException(source.name() + ": byte offset " + pos, "record " + records
                            + " is 0 bytes long: records of it cannot follow one another");
                }
                walk(d.value(), "", slots);
                pos += d.size();
                records++;
                if ((records & 4095) == 0) {
                    if (progress.cancelled()) {
                        throw new java.util.concurrent.CancellationException("stats cancelled");
                    }
                    progress.update(pos - offset, size - offset);
                }
            }
            return new long[] {records, size - pos};
        });
        List<FieldStats> out = new ArrayList<>();
        for (Slot s : slots.values()) {
            out.add(s.finish());
        }
        return new RecordStats.Result(state[0], state[1], out);
    }

    private static void walk(RecordValue r, String prefix, Map<String, Slot> slots) {
        List<PlanNode> members = r.node().members();
        for (int i = 0; i < members.size(); i++) {
            PlanNode n = members.get(i);
            String path = prefix.isEmpty() ? n.name() : prefix + "." + n.name();
            leaf(n, r.get(i), path, slots);
        }
    }

    private static void leaf(PlanNode n, Value v, String path, Map<String, Slot> slots) {
        switch (v) {
            case RecordValue inner -> walk(inner, path, slots);
            case ArrayValue a -> {
                for (long i = 0; i < a.length(); i++) {
                    leaf(a.elementNode(i), a.get(i), path, slots);
                }
            }
            case Value.Str s -> {
            }
            case Value.Null x -> {
            }
            default -> {
                if (!(n instanceof ScalarNode s)) {
                    return;
                }
                if (slots.size() >= RecordStats.MAX_VALUES_PER_RECORD && !slots.containsKey(path)) {
                    throw new InputException(path, "the records have too many distinct members for stats");
                }
                Slot slot = slots.computeIfAbsent(path, p -> new Slot(p, s));
                slot.p.value(0, v, slot.unsigned64);
            }
        }
    }
}
