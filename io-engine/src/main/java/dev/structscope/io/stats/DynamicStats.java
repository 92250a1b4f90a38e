package dev.structscope.io.stats;

import dev.structscope.io.decode.ArrayValue;
import dev.structscope.io.decode.DynamicDecoder;
import dev.structscope.io.decode.RecordReader;
import dev.structscope.io.decode.RecordValue;
import dev.structscope.io.decode.ScalarKind;
import dev.structscope.io.decode.ScalarNode;
import dev.structscope.io.decode.PlanNode;
import dev.structscope.io.decode.Value;
import dev.structscope.io.source.DataSource;
import dev.structscope.io.source.Sources;
import dev.structscope.model.InputException;

import java.lang.foreign.MemorySegment;
import java.math.BigDecimal;
import java.math.MathContext;
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

    /** Accumulates one member path. */
    private static final class Slot {
        final String path;
        final ScalarKind kind;
        final boolean unsigned64;
        final Partial p = new Partial(1);
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;

        Slot(String path, ScalarNode node) {
            this.path = path;
            this.kind = node.kind();
            this.unsigned64 = LeafRead.unsigned64(node);
        }

        void integer(long v, boolean unsigned) {
            p.count[0]++;
            if (unsigned) {
                p.addUnsigned(0, v);
            } else {
                p.addSigned(0, v);
            }
            // Unsigned 64-bit values are ordered with the sign bit flipped.
            long k = unsigned64 ? v ^ Long.MIN_VALUE : v;
            min = Math.min(min, k);
            max = Math.max(max, k);
        }

        void real(double d) {
            p.count[0]++;
            if (Double.isNaN(d)) {
                p.nan[0]++;
                return;
            }
            p.minD[0] = Math.min(p.minD[0], d);
            p.maxD[0] = Math.max(p.maxD[0], d);
            p.sumD[0] += d;
        }

        FieldStats finish() {
            long count = p.count[0];
            if (kind.isInteger()) {
                if (count == 0) {
                    return new FieldStats(path, kind, 0, 0, null, null, Double.NaN);
                }
                double mean = new BigDecimal(FieldStats.sum128(p.sumHi[0], p.sumLo[0]))
                        .divide(BigDecimal.valueOf(count), MathContext.DECIMAL64).doubleValue();
                String lo = unsigned64 ? Long.toUnsignedString(min ^ Long.MIN_VALUE) : Long.toString(min);
                String hi = unsigned64 ? Long.toUnsignedString(max ^ Long.MIN_VALUE) : Long.toString(max);
                return new FieldStats(path, kind, count, 0, lo, hi, mean);
            }
            long values = count - p.nan[0];
            if (values == 0) {
                return new FieldStats(path, kind, count, p.nan[0], null, null, Double.NaN);
            }
            boolean single = kind == ScalarKind.FLOAT32;
            return new FieldStats(path, kind, count, p.nan[0], dev.structscope.io.decode.JsonText.number(p.minD[0], single),
                    dev.structscope.io.decode.JsonText.number(p.maxD[0], single), p.sumD[0] / values);
        }
    }

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
        MemorySegment all = source.segment();
        long[] state = Sources.guard(source, () -> {
            long pos = offset;
            long records = 0;
            while (pos < size) {
                RecordReader.Decoded d;
                try {
                    d = decoder.read(all, pos, size);
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
                switch (v) {
                    case Value.Int i -> slot.integer(i.bits(), i.unsigned());
                    case Value.Enum e -> slot.integer(e.value(), e.unsigned());
                    case Value.Bool b -> slot.integer(b.value() ? 1 : 0, true);
                    case Value.Pointer p -> slot.integer(p.address(), true);
                    case Value.Real r -> slot.real(r.value());
                    case Value.ExtReal x -> slot.real(x.value().toDouble());
                    default -> {
                    }
                }
            }
        }
    }
}
