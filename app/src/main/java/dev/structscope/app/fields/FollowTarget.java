package dev.structscope.app.fields;

import dev.structscope.io.decode.ScalarNode;
import dev.structscope.io.decode.Value;

import java.lang.foreign.MemorySegment;
import java.util.OptionalLong;

/**
 * What "follow" in the decoded tree can do with a row: the row's integer value read as a file
 * offset (an ELF {@code e_shoff}, a pcap length used as a distance), for "go to this value as an
 * offset" and "overlay a type there" — also where the layout has no placement. Pure; any thread.
 */
public final class FollowTarget {
    private FollowTarget() {
    }

    /**
     * The value of {@code row} as a file offset: an integer, enum or pointer member that is not
     * negative and lies inside {@code fileSize} bytes; empty for anything else.
     */
    public static OptionalLong offsetOf(FieldRow row, MemorySegment seg, long fileSize) {
        return offsetOf(row, new Window(seg, 0), fileSize);
    }

    /** As above, reading the row from {@code window}, the bytes of the record it belongs to. */
    public static OptionalLong offsetOf(FieldRow row, Window window, long fileSize) {
        if (row == null || !(row.node() instanceof ScalarNode s)) {
            return OptionalLong.empty();
        }
        Value v;
        try {
            v = s.read(window.segment(), window.at(row.offset() - s.offset()));
        } catch (RuntimeException | InternalError e) {
            return OptionalLong.empty();
        }
        long off;
        switch (v) {
            case Value.Int i -> {
                if (!i.unsigned() && i.bits() < 0) {
                    return OptionalLong.empty();
                }
                off = i.bits();
            }
            case Value.Enum e -> off = e.value();
            case Value.Pointer p -> off = p.address();
            default -> {
                return OptionalLong.empty();
            }
        }
        // An unsigned 64-bit value above Long.MAX_VALUE is negative here: outside any file.
        return off >= 0 && off < fileSize ? OptionalLong.of(off) : OptionalLong.empty();
    }
}
