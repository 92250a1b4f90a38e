package dev.structscope.app.fields;

import java.lang.foreign.MemorySegment;

/**
 * Part of a file's content as one segment: byte 0 of {@code segment} is byte {@code origin} of
 * the content (the whole content has origin 0). Readers keep file offsets and read at
 * {@link #at}. Immutable; any thread, while the content it came from lives. See {@link Content}.
 */
public record Window(MemorySegment segment, long origin) {
    /** Where file offset {@code offset} lies in the segment. */
    public long at(long offset) {
        return offset - origin;
    }
}
