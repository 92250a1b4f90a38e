package dev.structscope.io.decode;

import java.lang.foreign.MemorySegment;

/**
 * A decoded array, lazily: a view over the bytes that decodes element {@code i} when asked.
 * Valid as long as the segment it reads is. Cheap; any thread.
 *
 * @param node    the plan node that reads the array
 * @param segment the bytes it is read from
 * @param start   byte offset of the array's start in the segment
 */
public record ArrayValue(ArrayNode node, MemorySegment segment, long start) implements Value {

    public long length() {
        return node.length();
    }

    /** Byte offset of element {@code i} in the segment. */
    public long offsetOf(long i) {
        if (node.elements() != null) {
            return start + node.elements().get((int) i).offset();
        }
        return start + i * node.stride();
    }

    /** The node that reads element {@code i} (its offset is from the element's start for equal elements). */
    public PlanNode elementNode(long i) {
        return node.elements() != null ? node.elements().get((int) i) : node.element();
    }

    public Value get(long i) {
        if (i < 0 || i >= node.length()) {
            throw new IndexOutOfBoundsException("index " + i + " of array of " + node.length());
        }
        if (node.elements() != null) {
            return node.elements().get((int) i).read(segment, start);
        }
        return node.element().read(segment, start + i * node.stride());
    }

    /** Whether the elements are plain unsigned bytes ({@code uint8_t}, {@code unsigned char}). */
    public boolean isUnsignedBytes() {
        return node.elements() == null && node.element() instanceof ScalarNode s && s.kind() == ScalarKind.UNSIGNED
                && s.byteSize() == 1 && !s.isBitField() && node.stride() == 1;
    }

    /** Appends the bytes as lower-case hex, read in place. Only for {@link #isUnsignedBytes()}. */
    public void appendHex(StringBuilder sb) {
        for (long i = 0; i < node.length(); i++) {
            int b = segment.get(Layouts.I8, start + i) & 0xFF;
            sb.append(Character.forDigit(b >> 4, 16)).append(Character.forDigit(b & 0xF, 16));
        }
    }
}
