package dev.structscope.app.compare;

import dev.structscope.model.Limits;
import dev.structscope.model.abi.Abi;
import dev.structscope.model.abi.Abis;
import dev.structscope.model.compare.LayoutComparison;
import dev.structscope.model.compare.MemberView;
import dev.structscope.model.layout.LayoutEngine;
import dev.structscope.model.layout.RecordLayout;
import dev.structscope.model.type.RecordType;
import dev.structscope.model.type.TypeLibrary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The "Portability" view's model: one record laid out on all five ABIs, its size and every
 * member's offset and size side by side, with the places where the ABIs disagree marked — whether
 * the struct can go over the wire between, say, an ARM board and an x86 server as is. Immutable
 * and pure (no JavaFX); the view that shows it builds it on the FX thread, or off it for a large
 * record, and owns it. Members as {@code structscope compare} matches them (dotted paths for the
 * members of nested records, see {@link LayoutComparison#members}).
 *
 * @param record the record's name
 * @param abis   the ABIs, one column each, in {@link Abis#ALL} order (x86_64-linux first)
 * @param size   the record's {@code sizeof} and alignment on each ABI
 * @param rows   one row per member, in layout order
 */
public record PortabilityTable(String record, List<Abi> abis, Row size, List<Row> rows) {
    public PortabilityTable {
        abis = List.copyOf(abis);
        rows = List.copyOf(rows);
    }

    /**
     * One ABI's numbers for a member (or, in the size row, the record: {@code offset} is then its
     * alignment). {@code -1} where data decides the value (a dynamic layout) or the member does not
     * exist on that ABI.
     *
     * @param differs whether this value differs from the first ABI's (the reference column)
     */
    public record Cell(long offset, long size, boolean differs) {
    }

    /**
     * One member across the ABIs.
     *
     * @param label   the member's dotted path, or "sizeof" for the size row
     * @param type    the type as written (the record's name in the size row)
     * @param cells   one per ABI, in {@link #abis()} order
     * @param differs whether any two known values in the row disagree
     */
    public record Row(String label, String type, List<Cell> cells, boolean differs) {
        public Row {
            cells = List.copyOf(cells);
        }
    }

    /** Whether the record has the same size, alignment, offsets and sizes on every ABI. */
    public boolean portable() {
        return !size.differs() && rows.stream().noneMatch(Row::differs);
    }

    /**
     * The table for {@code named} of {@code library} on the five ABIs, titled with the name the
     * library knows it by (a typedef of an anonymous struct has no tag).
     */
    public static PortabilityTable of(TypeLibrary.NamedRecord named, TypeLibrary library, Limits limits) {
        RecordType record = named.record();
        List<Abi> abis = Abis.ALL;
        List<RecordLayout> layouts = new ArrayList<>();
        List<Map<String, MemberView>> members = new ArrayList<>();
        for (Abi abi : abis) {
            RecordLayout l = LayoutEngine.layout(record, library, abi, limits);
            layouts.add(l);
            members.add(LayoutComparison.members(l));
        }
        List<long[]> sizes = new ArrayList<>();
        for (RecordLayout l : layouts) {
            sizes.add(new long[] {l.align(), l.size()});
        }
        Row size = row("sizeof", named.name(), sizes);
        Map<String, String> types = new LinkedHashMap<>();
        for (Map<String, MemberView> m : members) {
            m.values().forEach(v -> types.putIfAbsent(v.path(), v.type()));
        }
        List<Row> rows = new ArrayList<>();
        for (var e : types.entrySet()) {
            List<long[]> values = new ArrayList<>();
            for (Map<String, MemberView> m : members) {
                MemberView v = m.get(e.getKey());
                values.add(v == null ? new long[] {-1, -1} : new long[] {v.offset(), v.size()});
            }
            rows.add(row(e.getKey(), e.getValue(), values));
        }
        return new PortabilityTable(named.name(), abis, size, rows);
    }

    /** A row from {offset, size} per ABI: a cell differs from the first column; the row if any two known values do. */
    private static Row row(String label, String type, List<long[]> values) {
        long[] ref = values.getFirst();
        List<Cell> cells = new ArrayList<>();
        boolean differs = false;
        for (long[] v : values) {
            boolean cellDiffers = differ(ref[0], v[0]) || differ(ref[1], v[1]);
            cells.add(new Cell(v[0], v[1], cellDiffers));
            for (long[] w : values) {
                differs |= differ(v[0], w[0]) || differ(v[1], w[1]);
            }
        }
        return new Row(label, type, cells, differs);
    }

    /** Two values differ when both are known and unequal. */
    private static boolean differ(long a, long b) {
        return a >= 0 && b >= 0 && a != b;
    }
}
