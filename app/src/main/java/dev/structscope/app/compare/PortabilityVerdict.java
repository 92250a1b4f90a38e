package dev.structscope.app.compare;

import dev.structscope.model.abi.Abi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Portability view's one-line answer for a {@link PortabilityTable}: "same on all five ABIs",
 * or what differs — the member types whose size changes ("long is 4 bytes on ILP32 and LLP64"),
 * else the first member that moves, and the record's {@code sizeof} per ABI. ABIs are named by
 * their data model (LP64, ILP32, LLP64) when every ABI of that model agrees, else by name. Pure;
 * any thread.
 */
public final class PortabilityVerdict {
    private static final Pattern MODEL = Pattern.compile("\\b(I?L?LP\\d+|ILP\\d+)\\b");
    private static final String[] COUNT = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight"};
    /** At most this many member types are named; the table shows the rest. */
    private static final int MAX_TYPES = 3;

    private PortabilityVerdict() {
    }

    public static String of(PortabilityTable t) {
        int n = t.abis().size();
        String all = n < COUNT.length ? COUNT[n] : Integer.toString(n);
        if (t.portable()) {
            return "same on all " + all + " ABIs: " + t.record() + " can go over the wire between them as is";
        }
        List<String> reasons = new ArrayList<>();
        Set<String> types = new LinkedHashSet<>();
        for (PortabilityTable.Row row : t.rows()) {
            if (!row.differs() || !sizesDiffer(row) || !types.add(row.type())) {
                continue;
            }
            if (reasons.size() == MAX_TYPES) {
                reasons.add("…");
                break;
            }
            reasons.add(row.type() + " is " + groups(t.abis(), row, false, " bytes"));
        }
        if (reasons.isEmpty()) {
            for (PortabilityTable.Row row : t.rows()) {
                if (row.differs()) {
                    reasons.add(row.label() + " (" + row.type() + ") is at " + groups(t.abis(), row, true, ""));
                    break;
                }
            }
        }
        if (t.size().differs() && sizesDiffer(t.size())) {
            reasons.add("sizeof " + t.record() + " is " + groups(t.abis(), t.size(), false, ""));
        } else if (t.size().differs()) {
            // Same size, other alignment (the size row keeps the alignment where members keep offsets).
            reasons.add("_Alignof " + t.record() + " is " + groups(t.abis(), t.size(), true, ""));
        }
        return "differs: " + String.join("; ", reasons);
    }

    private static boolean sizesDiffer(PortabilityTable.Row row) {
        long first = -1;
        for (PortabilityTable.Cell c : row.cells()) {
            if (c.size() >= 0) {
                if (first >= 0 && c.size() != first) {
                    return true;
                }
                first = c.size();
            }
        }
        return false;
    }

    /**
     * "4 bytes on ILP32 and LLP64" style groups: the values that differ from the first ABI's,
     * each with where it holds; the first ABI's own value last ("8 bytes on LP64").
     */
    private static String groups(List<Abi> abis, PortabilityTable.Row row, boolean offsets, String unit) {
        Map<Long, List<Abi>> byValue = new LinkedHashMap<>();
        for (int i = 0; i < abis.size(); i++) {
            PortabilityTable.Cell c = row.cells().get(i);
            long v = offsets ? c.offset() : c.size();
            if (v >= 0) {
                byValue.computeIfAbsent(v, k -> new ArrayList<>()).add(abis.get(i));
            }
        }
        List<String> parts = new ArrayList<>();
        Map.Entry<Long, List<Abi>> first = null;
        for (var e : byValue.entrySet()) {
            if (first == null) {
                first = e;
                continue;
            }
            parts.add(e.getKey() + unit + " on " + where(abis, e.getValue()));
        }
        if (first != null) {
            parts.add(first.getKey() + unit + " on " + where(abis, first.getValue()));
        }
        return String.join(", ", parts);
    }

    /** The data models all of whose ABIs are in {@code group}, plus the ABIs left over, by name. */
    static String where(List<Abi> all, List<Abi> group) {
        Map<String, List<Abi>> byModel = new LinkedHashMap<>();
        for (Abi a : all) {
            byModel.computeIfAbsent(model(a), k -> new ArrayList<>()).add(a);
        }
        List<String> names = new ArrayList<>();
        Set<Abi> named = new LinkedHashSet<>();
        for (var e : byModel.entrySet()) {
            if (e.getKey() != null && group.containsAll(e.getValue())) {
                names.add(e.getKey());
                named.addAll(e.getValue());
            }
        }
        for (Abi a : group) {
            if (!named.contains(a)) {
                names.add(a.name());
            }
        }
        if (names.size() == 1) {
            return names.getFirst();
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.getLast();
    }

    /** The data model an ABI's description names ("LP64"), or null. */
    static String model(Abi abi) {
        Matcher m = MODEL.matcher(abi.description());
        return m.find() ? m.group(1) : null;
    }
}
