package dev.structscope.io.decode;

import java.lang.foreign.MemorySegment;

/**
 * An array member: {@code length} elements {@code stride} bytes apart, each read through
 * {@code element} (whose offset is 0, relative to the element's start). Multi-dimensional arrays
 * nest. Reading gives a lazy {@link ArrayValue}: elements are decoded only when asked for, so an
 * array of a million elements costs nothing until a view scrolls to it.
 *
 * <p>An array of dynamic records (each its own length, as a dynamic decode found them) has
 * {@code elements}: one node per element, its offset from the array's start; {@code stride} and
 * {@code element} then describe the first element only.
 *
 * @param elements the elements one by one when they differ in size, else null
 * @param bytes    the bytes the array occupies when {@code elements} is set, else ignored
 */
public record ArrayNode(String name, long offset, long length, long stride, PlanNode element, String typeName,
                        java.util.List<PlanNode> elements, long bytes) implements PlanNode {

    /** An array of equal elements {@code stride} bytes apart. */
    public ArrayNode(String name, long offset, long length, long stride, PlanNode element, String typeName) {
        this(name, offset, length, stride, element, typeName, null, 0);
    }

    public ArrayNode {
        if (elements != null) {
            elements = java.util.List.copyOf(elements);
        }
    }

    @Override
    public long size() {
        return elements != null ? bytes : length * stride;
    }

    @Override
    public Value read(MemorySegment segment, long base) {
        return new ArrayValue(this, segment, base + offset);
    }
}
