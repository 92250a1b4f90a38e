package dev.structscope.model.layout;

/**
 * A byte range of a record that belongs to no member.
 *
 * @param offset first byte, from the start of the record
 * @param size   bytes
 * @param tail   whether it is tail padding (after the last member) rather than a hole
 */
public record Padding(long offset, long size, boolean tail) {
}
