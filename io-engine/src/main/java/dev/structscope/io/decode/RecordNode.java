package dev.structscope.io.decode;

import java.lang.foreign.MemorySegment;
import java.util.List;

/**
 * A struct or union: its visible members (members of anonymous structs and unions in their place,
 * unnamed bit-fields left out) with offsets from the record's start. A union's members all start
 * at offset 0 and are each read from the same bytes.
 */
public record RecordNode(String name, long offset, long size, boolean union, List<PlanNode> members, String typeName,
                         boolean tagged) implements PlanNode {
    public RecordNode {
        members = List.copyOf(members);
    }

    /** A struct or an ordinary union. */
    public RecordNode(String name, long offset, long size, boolean union, List<PlanNode> members, String typeName) {
        this(name, offset, size, union, members, typeName, false);
    }

    /**
     * A tagged union as decoded: {@code members} holds the chosen alternative only, or nothing
     * when no alternative matched (its value is then {@link Value.Null}).
     */
    public static RecordNode tagged(String name, long offset, long size, PlanNode chosen, String typeName) {
        return new RecordNode(name, offset, size, true, chosen == null ? List.of() : List.of(chosen), typeName, true);
    }

    @Override
    public Value read(MemorySegment segment, long base) {
        if (tagged && members.isEmpty()) {
            return Value.Null.INSTANCE;
        }
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
