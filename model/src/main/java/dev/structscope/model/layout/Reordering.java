package dev.structscope.model.layout;

import dev.structscope.model.type.RecordType;

/**
 * A reordering of a record's members that minimises padding.
 *
 * @param reordered  the record with its members in the new order (same attributes)
 * @param sizeBefore {@code sizeof} with the original order
 * @param sizeAfter  {@code sizeof} with the new order
 */
public record Reordering(RecordType reordered, long sizeBefore, long sizeAfter) {
    /** Bytes saved; 0 when no order is better. */
    public long saved() {
        return sizeBefore - sizeAfter;
    }
}
