package dev.structscope.model.type;

import java.util.Objects;

/**
 * An array of {@code length} elements. Multi-dimensional arrays nest: {@code int16_t[2][3]} is an
 * array of 2 arrays of 3 {@code int16_t}. A length of {@link #FLEXIBLE} is a flexible array member
 * ({@code T data[]}), allowed only as the last member of a struct.
 *
 * <p>A <em>counted</em> array ({@code char name[name_len]}, or C's
 * {@code T data[] __attribute__((counted_by(n)))}) has a {@link #count()} expression over members
 * decoded before it: its length is known only when data is decoded; its static length is 0. A
 * flexible array member, in a decoded record, takes as many whole elements as the data holds.
 *
 * @param element the element type (itself an array for further dimensions)
 * @param length  element count, at least 0, or {@link #FLEXIBLE}; 0 for a counted array
 * @param count   the element count as an expression over earlier members, or null when fixed
 */
public record ArrayType(CType element, long length, Expr count) implements CType {
    /** The length of a flexible array member. */
    public static final long FLEXIBLE = -1;

    public ArrayType {
        Objects.requireNonNull(element, "element");
        if (length < 0 && length != FLEXIBLE) {
            throw new IllegalArgumentException("array length must be >= 0, was " + length);
        }
        if (count != null) {
            length = 0;
        }
    }

    /** A fixed or flexible array. */
    public ArrayType(CType element, long length) {
        this(element, length, null);
    }

    /** A counted array: {@code element[count]}. */
    public static ArrayType counted(CType element, Expr count) {
        return new ArrayType(element, 0, Objects.requireNonNull(count, "count"));
    }

    public boolean isFlexible() {
        return length == FLEXIBLE;
    }

    /** Whether the length depends on data: counted, or flexible (to the end), in any dimension. */
    public boolean isDynamic() {
        for (CType t = this; t instanceof ArrayType a; t = a.element()) {
            if (a.count != null || a.isFlexible()) {
                return true;
            }
        }
        return false;
    }

    /** The innermost non-array element type. */
    public CType innermost() {
        CType t = element;
        while (t instanceof ArrayType a) {
            t = a.element();
        }
        return t;
    }

    /** The dimensions outermost first: {@code int x[2][3]} gives {@code [2, 3]}; flexible is -1, counted 0. */
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
        for (CType t = this; t instanceof ArrayType a; t = a.element()) {
            sb.append('[');
            if (a.count != null) {
                sb.append(a.count.text());
            } else if (a.length != FLEXIBLE) {
                sb.append(a.length);
            }
            sb.append(']');
        }
        return sb.toString();
    }
}
