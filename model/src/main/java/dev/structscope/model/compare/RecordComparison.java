package dev.structscope.model.compare;

import java.util.List;

/**
 * One record compared between an old and a new layout on one pair of ABIs. Immutable.
 *
 * @param name    the record's name (tag, or typedef name of an untagged record)
 * @param status  same, changed, added (only in new) or removed (only in old)
 * @param oldAbi  the old side's ABI name
 * @param newAbi  the new side's ABI name
 * @param old     the old record's kind, size and alignment, or {@code null} when added
 * @param now     the new record's kind, size and alignment, or {@code null} when removed
 * @param changes member changes, old member order first, then members only in new
 */
public record RecordComparison(String name, Status status, String oldAbi, String newAbi, Shape old, Shape now,
                               List<MemberChange> changes) {
    public RecordComparison {
        changes = List.copyOf(changes);
    }

    /** The contract's record statuses. */
    public enum Status {
        SAME, CHANGED, ADDED, REMOVED;

        public String contractName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * A record's kind, size and alignment on one side.
     *
     * @param kind    {@code struct} or {@code union}
     * @param dynamic whether data decides part of the layout ({@code size} is then the smallest)
     */
    public record Shape(String kind, long size, long align, boolean dynamic) {
    }

    public boolean differs() {
        return status != Status.SAME;
    }
}
