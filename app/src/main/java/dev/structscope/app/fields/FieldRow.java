package dev.structscope.app.fields;

import dev.structscope.io.decode.PlanNode;

/**
 * One row of the decoded-fields tree: a member, an array element, or a range of elements of a
 * large array. Offsets are absolute (file offsets). Immutable.
 *
 * @param name   member name, {@code [i]} for an element, {@code [lo … hi]} for a range
 * @param type   declared type as written
 * @param offset first byte in the file
 * @param size   bytes covered
 * @param raw    the first bytes as hex
 * @param value  the decoded value's text (empty for records, arrays and ranges)
 * @param color  the top-level member's colour index (as in the designer), -1 for the root
 * @param node   the plan node the row was read through
 * @param bitText bit range text for bit-fields, else empty
 */
public record FieldRow(String name, String type, long offset, long size, String raw, String value, int color,
                       PlanNode node, String bitText) {
}
