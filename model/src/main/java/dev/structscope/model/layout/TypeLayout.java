package dev.structscope.model.layout;

import dev.structscope.model.type.CType;

/**
 * A type with its size and alignment resolved for one ABI: the output of
 * {@link LayoutEngine}, read by decoders, exporters and every view. Immutable.
 */
public sealed interface TypeLayout permits ScalarLayout, PointerLayout, EnumLayout, ArrayLayout, RecordLayout {
    /** The type as declared (may be a typedef name). */
    CType type();

    /** Size in bytes ({@code sizeof}). */
    long size();

    /** Alignment in bytes ({@code _Alignof}), after pack and aligned attributes. */
    long align();
}
