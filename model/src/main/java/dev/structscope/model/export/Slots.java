package dev.structscope.model.export;

import dev.structscope.model.layout.ArrayLayout;
import dev.structscope.model.layout.FieldLayout;
import dev.structscope.model.layout.RecordLayout;
import dev.structscope.model.layout.TypeLayout;
import dev.structscope.model.type.RecordKind;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A record cut into the byte ranges a layout-driven target declares one after another: whole
 * members, bit-field storage runs, and explicit padding, so that every target reproduces the
 * offsets of the {@link RecordLayout} exactly instead of re-deriving them with its own rules.
 * For a union every slot starts at 0 and a final {@link Pad} of the union's size fixes its size.
 * A dynamic record is cut in its static form ({@link Flattened}): placed members are left out, a
 * sized member is a zero-length array of its type.
 */
public final class Slots {
    private Slots() {
    }

    /** One byte range of a record. */
    public sealed interface Slot permits Whole, Bits, Pad {
        long offset();

        long size();
    }

    /**
     * A member that is not a bit-field (anonymous struct/union members included).
     *
     * @param name the member name, or a generated {@code anonN} for an anonymous member
     */
    public record Whole(String name, FieldLayout field) implements Slot {
        public long offset() {
            return field.offset();
        }

        public long size() {
            return field.size();
        }
    }

    /**
     * Bytes holding a run of bit-fields; {@code fields} keep their bit offsets from the record
     * start, so a field's shift inside the storage is {@code bits.offset - 8 * offset}.
     *
     * @param name a generated storage name, unused by the record's members
     */
    public record Bits(String name, long offset, long size, List<FieldLayout> fields) implements Slot {
        public long shift(FieldLayout f) {
            return f.bits().offset() - 8 * offset;
        }

        /** Whether the storage is a whole 1, 2, 4 or 8 byte integer. */
        public boolean integral() {
            return size == 1 || size == 2 || size == 4 || size == 8;
        }
    }

    /** Bytes that belong to no member. */
    public record Pad(String name, long offset, long size) implements Slot {
    }

    /**
     * @param storagePrefix prefix of bit-field storage names (e.g. {@code "_bits_"})
     * @param padPrefix     prefix of padding names (e.g. {@code "_pad"})
     */
    public static List<Slot> of(RecordLayout r, String storagePrefix, String padPrefix) {
        Set<String> taken = new HashSet<>();
        for (FieldLayout f : r.fields()) {
            if (f.name() != null) {
                taken.add(f.name());
            }
        }
        List<Slot> out = new ArrayList<>();
        boolean union = r.definition().kind() == RecordKind.UNION;
        long cursor = 0;
        long runStart = -1;
        long runEnd = -1;
        List<FieldLayout> run = new ArrayList<>();
        int anon = 0;
        for (FieldLayout f : r.fields()) {
            if (f.member().dynamic().at() != null) {
                continue; // placed by data ([[structscope::at]]): not in the sequence of members
            }
            if (f.isBitField()) {
                if (f.bits().width() == 0) {
                    continue;
                }
                long start = f.bits().firstByte();
                long end = f.bits().endByte();
                if (!union && !run.isEmpty() && start < runEnd) {
                    runEnd = Math.max(runEnd, end);
                    run.add(f);
                    continue;
                }
                if (!run.isEmpty()) {
                    cursor = flush(out, run, runStart, runEnd, cursor, union, storagePrefix, padPrefix, taken);
                }
                runStart = union ? 0 : start;
                runEnd = end;
                run.add(f);
                continue;
            }
            if (!run.isEmpty()) {
                cursor = flush(out, run, runStart, runEnd, cursor, union, storagePrefix, padPrefix, taken);
            }
            if (!union && f.offset() > cursor) {
                out.add(new Pad(unique(padPrefix + cursor, taken), cursor, f.offset() - cursor));
            }
            if (f.member().dynamic().size() != null) {
                // Sized by data: the engine's static form gives it no bytes, so it is a zero-length
                // array of its type here (Flattened says so).
                TypeLayout t = f.layout();
                f = f.withLayout(new ArrayLayout(t.type(), t, 0, false, 0, t.align()));
            }
            String name = f.name() != null ? f.name() : unique("anon" + anon++, taken);
            out.add(new Whole(name, f));
            cursor = union ? 0 : f.offset() + f.size();
        }
        if (!run.isEmpty()) {
            cursor = flush(out, run, runStart, runEnd, cursor, union, storagePrefix, padPrefix, taken);
        }
        if (union) {
            long max = out.stream().mapToLong(Slot::size).max().orElse(0);
            if (max < r.size()) {
                out.add(new Pad(unique(padPrefix + "0", taken), 0, r.size()));
            }
        } else if (cursor < r.size()) {
            out.add(new Pad(unique(padPrefix + cursor, taken), cursor, r.size() - cursor));
        }
        return out;
    }

    private static long flush(List<Slot> out, List<FieldLayout> run, long start, long end, long cursor, boolean union,
                              String storagePrefix, String padPrefix, Set<String> taken) {
        if (!union && start > cursor) {
            out.add(new Pad(unique(padPrefix + cursor, taken), cursor, start - cursor));
        }
        String first = run.stream().filter(f -> f.name() != null).map(FieldLayout::name).findFirst().orElse("unnamed");
        out.add(new Bits(unique(storagePrefix + first, taken), start, end - start, List.copyOf(run)));
        run.clear();
        return union ? 0 : end;
    }

    private static String unique(String base, Set<String> taken) {
        String n = base;
        for (int i = 2; !taken.add(n); i++) {
            n = base + "_" + i;
        }
        return n;
    }
}
