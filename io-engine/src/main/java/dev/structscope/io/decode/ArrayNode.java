package dev.structscope.io.decode;

import java.lang.foreign.MemorySegment;

/**
 * An array member: {@code length} elements {@code stride} bytes apart, each read through
 * {@code element} (whose offset is 0, relative to the element's start). Multi-dimensional arrays
 * nest. Reading gives a lazy {@link ArrayValue}: elements are decoded only when asked for, so an
 * array of a million elements costs nothing until a view scrolls to it.
 */
public record ArrayNode(String name, long offset, long length, long stride, PlanNode element, String typeName)
        implements PlanNode {
    @Override
    public long size() {
        return length * stride;
    }

    @Override
    public Value read(MemorySegment segment, long base) {
        return new ArrayValue(this, segment, base + offset);
    }
}
