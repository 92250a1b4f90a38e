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

    /** Whether data decides the size of a value of this type (counted or to-the-end arrays, dynamic records). */
    default boolean sizeFromData() {
        return RecordLayouter.isDynamic(this);
    }
}
