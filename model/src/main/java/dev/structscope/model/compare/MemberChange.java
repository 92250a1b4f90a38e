package dev.structscope.model.compare;

/**
 * One change of one member between two layouts of a record, as {@code structscope compare} reports
 * it. A member can have several (moved and resized, say). Immutable; built by {@link LayoutComparison}.
 *
 * @param member the member's dotted path from the record (anonymous members by their own names)
 * @param kind   what changed
 * @param old    the member in the old layout, or {@code null} when {@link Kind#ADDED}
 * @param now    the member in the new layout, or {@code null} when {@link Kind#REMOVED}
 */
public record MemberChange(String member, Kind kind, MemberView old, MemberView now) {

    /** The change kinds of the contract, with their contract names. */
    public enum Kind {
        ADDED("added"), REMOVED("removed"), MOVED("moved"), RESIZED("resized"), RETYPED("retyped"), BITS("bits");

        private final String contractName;

        Kind(String contractName) {
            this.contractName = contractName;
        }

        /** The word the JSON and the text report use. */
        public String contractName() {
            return contractName;
        }
    }
}
