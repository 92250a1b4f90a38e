package dev.structscope.model.layout;

import dev.structscope.model.type.CType;

/**
 * An array resolved for an ABI. Elements are {@code element.size()} bytes apart.
 *
 * @param length   element count; 0 for a flexible array member
 * @param flexible whether it is a flexible array member ({@code T x[]}), whose size is 0
 */
public record ArrayLayout(CType type, TypeLayout element, long length, boolean flexible, long size, long align)
        implements TypeLayout {
}
