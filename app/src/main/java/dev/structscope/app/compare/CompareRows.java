package dev.structscope.app.compare;

import dev.structscope.model.compare.LayoutComparison;
import dev.structscope.model.compare.MemberChange;
import dev.structscope.model.compare.MemberChange.Kind;
import dev.structscope.model.compare.MemberView;
import dev.structscope.model.compare.RecordComparison;
import dev.structscope.model.layout.FieldLayout;
import dev.structscope.model.layout.RecordLayout;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lines up the members of one compared record for the compare view: old members in their order,
 * each member only in the new layout placed after the new member it follows. The changes are the
 * comparison's own ({@link LayoutComparison}); nothing is compared again here. Pure; any thread.
 */
public final class CompareRows {
    private CompareRows() {
    }

    /**
     * The rows of {@code record}, whose two layouts are {@code old} and {@code now} (either null
     * when the record was added or removed).
     */
    public static List<CompareRow> of(RecordComparison record, RecordLayout old, RecordLayout now) {
        Map<String, MemberView> om = old == null ? Map.of() : LayoutComparison.members(old);
        Map<String, MemberView> nm = now == null ? Map.of() : LayoutComparison.members(now);
        Map<String, List<Kind>> kinds = new LinkedHashMap<>();
        for (MemberChange c : record.changes()) {
            kinds.computeIfAbsent(c.member(), k -> new ArrayList<>()).add(c.kind());
        }
        List<String> order = new ArrayList<>(om.keySet());
        String previous = null;
        for (String path : nm.keySet()) {
            if (!om.containsKey(path)) {
                int at = previous == null ? 0 : order.indexOf(previous) + 1;
                order.add(at, path);
            }
            previous = path;
        }
        List<CompareRow> rows = new ArrayList<>();
        for (String path : order) {
            MemberView o = om.get(path);
            MemberView n = nm.get(path);
            List<Kind> k = kinds.getOrDefault(path, List.of());
            // A whole record only on one side has no member changes of its own: its members are all added or removed.
            if (k.isEmpty() && (o == null || n == null)) {
                k = List.of(o == null ? Kind.ADDED : Kind.REMOVED);
            }
            rows.add(new CompareRow(path, o, n, k, colour(old, o), colour(now, n)));
        }
        return List.copyOf(rows);
    }

    /**
     * The member colour index of {@code m} in {@code layout}: the index of the top-level member
     * that holds it, as the byte ruler and the designer colour it; -1 when there is none.
     */
    public static int colour(RecordLayout layout, MemberView m) {
        if (layout == null || m == null) {
            return -1;
        }
        String head = m.path().contains(".") ? m.path().substring(0, m.path().indexOf('.')) : m.path();
        List<FieldLayout> fields = layout.fields();
        for (int i = 0; i < fields.size(); i++) {
            if (head.equals(fields.get(i).name())) {
                return i;
            }
        }
        // A member of an anonymous struct or union: the anonymous member whose bytes hold it.
        for (int i = 0; i < fields.size(); i++) {
            FieldLayout f = fields.get(i);
            if (f.name() == null && m.offsetKnown() && !f.dynamic() && m.offset() >= f.offset()
                    && m.offset() < f.offset() + Math.max(1, f.size())) {
                return i;
            }
        }
        return -1;
    }
}
