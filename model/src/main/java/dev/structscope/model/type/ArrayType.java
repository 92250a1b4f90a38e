package dev.structscope.model.type;

import java.util.Objects;

/**
 * An array of {@code length} elements. Multi-dimensional arrays nest: {@code int16_t[2][3]} is an
 * array of 2 arrays of 3 {@code int16_t}. A length of {@link #FLEXIBLE} is a flexible array member
 * ({@code T data[]}), allowed only as the last member of a struct.
 *
 * @param element the element type (itself an array for further dimensions)
 * @param length  element count, at least 0, or {@link #FLEXIBLE}
 */
public record ArrayType(CType element, long length) implements CType {
    /** The length of a flexible array member. */
    public static final long FLEXIBLE = -1;

    public ArrayType {
        Objects.requireNonNull(element, "element");
        if (length < 0 && length != FLEXIBLE) {
            throw new IllegalArgumentException("array length must be >= 0, was " + length);
        }
    }

    public boolean isFlexible() {
        return length == FLEXIBLE;
    }

    /** The innermost non-array element type. */
    public CType innermost() {
        CType t = element;
        while (t instanceof ArrayType a) {
            t = a.element();
        }
        return t;
    }

    /** The dimensions outermost first: {@code int x[2][3]} gives {@code [2, 3]}; flexible is -1. */
    public long[] dimensions() {
        int n = 1;
        for (CType t = element; t instanceof ArrayType a; t = a.element()) {
            n++;
        }
        long[] dims = new long[n];
        CType t = this;
        for (int i = 0; i < n; i++) {
            ArrayType a = (ArrayType) t;
            dims[i] = a.length();
            t = a.element();
        }
        return dims;
    }

    @Override
    public String spelling() {
        StringBuilder sb = new StringBuilder(innermost().spelling());
        for (long d : dimensions()) {
            sb.append('[');
            if (d != FLEXIBLE) {
                sb.append(d);
            }
            sb.append(']');
        }
        return sb.toString();
    }
}
