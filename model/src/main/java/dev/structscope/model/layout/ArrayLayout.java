package dev.structscope.model.layout;

import dev.structscope.model.type.CType;
import dev.structscope.model.type.Expr;

/**
 * An array resolved for an ABI. Elements are {@code element.size()} bytes apart.
 *
 * @param length   element count; 0 for a flexible array member
 * @param flexible whether it is a flexible array member ({@code T x[]}), whose size is 0
 * @param count    the element count of a counted array (its static length and size are 0), or null
 */
public record ArrayLayout(CType type, TypeLayout element, long length, boolean flexible, long size, long align,
                          Expr count) implements TypeLayout {

    /** A fixed or flexible array. */
    public ArrayLayout(CType type, TypeLayout element, long length, boolean flexible, long size, long align) {
        this(type, element, length, flexible, size, align, null);
    }

    /** Whether the number of elements is known only from data (counted, or flexible: to the end). */
    public boolean dynamicLength() {
        return flexible || count != null;
    }
}
