package dev.structscope.io.decode;

import java.lang.foreign.MemorySegment;

/**
 * A decoded array, lazily: a view over the bytes that decodes element {@code i} when asked.
 * Valid as long as the segment it reads is. Cheap; any thread.
 */
public final class ArrayValue implements Value {
    private final ArrayNode node;
    private final MemorySegment segment;
    private final long start;

    ArrayValue(ArrayNode node, MemorySegment segment, long start) {
        this.node = node;
        this.segment = segment;
        this.start = start;
    }

    public ArrayNode node() {
        return node;
    }

    public long length() {
        return node.length();
    }

    /** Byte offset of element {@code i} in the segment. */
    public long offsetOf(long i) {
        return start + i * node.stride();
    }

    public Value get(long i) {
        if (i < 0 || i >= node.length()) {
            throw new IndexOutOfBoundsException("index " + i + " of array of " + node.length());
        }
        return node.element().read(segment, start + i * node.stride());
    }
}
