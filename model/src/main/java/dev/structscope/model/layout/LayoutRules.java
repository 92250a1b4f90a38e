package dev.structscope.model.layout;

import dev.structscope.model.type.Member;

import java.util.List;

/**
 * One family of record layout rules (System V/AAPCS as clang's Itanium builder does it, or
 * Microsoft's), fed one member at a time by {@link RecordLayouter} after it has checked the
 * member. One instance per record being laid out; confined to its thread.
 */
sealed interface LayoutRules permits SysvRules, MsvcRules {

    /** Places a member that is not a bit-field. */
    void plain(Member m, TypeLayout tl);

    /** Places a bit-field of {@code width} bits (0 for a zero-width one) of integer type {@code tl}. */
    void bitField(Member m, TypeLayout tl, int width);

    /** Ends the record: final size in bytes (tail padding included) and alignment. */
    long[] finish();

    /** The members placed so far, in declaration order. */
    List<FieldLayout> fields();

    /** The first byte after the data placed so far (bits a bit-field leaves free included), before tail padding. */
    long dataEnd();
}
