package dev.structscope.io.decode;

/**
 * One node of a {@link DecoderPlan}: where a member sits (bytes from the start of the record or
 * array element that holds it) and how to read it. Nodes are immutable and shared by every
 * decode of the plan, on any thread.
 */
public sealed interface PlanNode permits ScalarNode, StringNode, ArrayNode, RecordNode {
    /** Member name; empty for array elements and the root. */
    String name();

    /** Byte offset from the start of the enclosing record or array element. */
    long offset();

    /** Bytes the member occupies (for a bit-field: the bytes its bits touch). */
    long size();

    /** The declared type as written, for views ({@code "uint32_t"}, {@code "struct Inner"}). */
    String typeName();

    /** Reads the member of the record or element that starts at {@code base} of {@code segment}. */
    Value read(java.lang.foreign.MemorySegment segment, long base);
}
