package dev.structscope.io.decode;

import java.lang.foreign.MemorySegment;

/**
 * A decoded struct or union, lazily: member {@code i} is read from the bytes when asked. Valid as
 * long as the segment it reads is. Cheap; any thread.
 *
 * @param node    the plan node that reads the record
 * @param segment the bytes it is read from
 * @param start   byte offset of the record's start in the segment
 */
public record RecordValue(RecordNode node, MemorySegment segment, long start) implements Value {

    public int memberCount() {
        return node.members().size();
    }

    public String memberName(int i) {
        return node.members().get(i).name();
    }

    public Value get(int i) {
        return node.members().get(i).read(segment, start);
    }

    /** The member called {@code name}, or an {@link IllegalArgumentException}. */
    public Value get(String name) {
        int i = node.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no member '" + name + "' in " + node.typeName());
        }
        return get(i);
    }
}
