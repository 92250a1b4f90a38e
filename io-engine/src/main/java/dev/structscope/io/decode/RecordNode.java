package dev.structscope.io.decode;

import java.lang.foreign.MemorySegment;
import java.util.List;

/**
 * A struct or union: its visible members (members of anonymous structs and unions in their place,
 * unnamed bit-fields left out) with offsets from the record's start. A union's members all start
 * at offset 0 and are each read from the same bytes.
 */
public record RecordNode(String name, long offset, long size, boolean union, List<PlanNode> members, String typeName)
        implements PlanNode {
    public RecordNode {
        members = List.copyOf(members);
    }

    @Override
    public Value read(MemorySegment segment, long base) {
        return new RecordValue(this, segment, base + offset);
    }

    /** The index of the member called {@code memberName}, or -1. */
    public int indexOf(String memberName) {
        for (int i = 0; i < members.size(); i++) {
            if (members.get(i).name().equals(memberName)) {
                return i;
            }
        }
        return -1;
    }
}
