package dev.structscope.model.type;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An array of elements. Multi-dimensional arrays nest: {@code int16_t[2][3]} is an array of 2
 * arrays of 3 {@code int16_t}. How many elements it has is its {@link Extent}: a fixed number, a
 * flexible array member's {@code T data[]} (allowed only as the last member of a struct; in a
 * decoded record it takes as many whole elements as the data holds), or a count over members
 * decoded before it ({@code char name[name_len]}, or C's
 * {@code T data[] __attribute__((counted_by(n)))}), known only when data is decoded.
 *
 * @param element the element type (itself an array for further dimensions)
 * @param extent  how many elements there are
 */
public record ArrayType(CType element, Extent extent) implements CType {
    /** How many elements an array has. */
    public sealed interface Extent {
        /** The extent as written between the brackets: {@code 4}, nothing, or the count expression. */
        String text();
    }

    /** A fixed number of elements, at least 0. */
    public record Fixed(long length) implements Extent {
        public Fixed {
            if (length < 0) {
                throw new IllegalArgumentException("array length must be >= 0, was " + length);
            }
        }

        @Override
        public String text() {
            return Long.toString(length);
        }
    }

    /** A flexible array member's {@code []}: as many elements as there are. */
    public record Flexible() implements Extent {
        @Override
        public String text() {
            return "";
        }
    }

    /** A count over members decoded before the array. */
    public record Counted(Expr count) implements Extent {
        public Counted {
            Objects.requireNonNull(count, "count");
        }

        @Override
        public String text() {
            return count.text();
        }
    }

    private static final Flexible FLEXIBLE = new Flexible();

    public ArrayType {
        Objects.requireNonNull(element, "element");
        Objects.requireNonNull(extent, "extent");
    }

    /** A fixed array of {@code length} elements. */
    public ArrayType(CType element, long length) {
        this(element, new Fixed(length));
    }

    /** A flexible array member's type: {@code element[]}. */
    public static ArrayType flexible(CType element) {
        return new ArrayType(element, FLEXIBLE);
    }

    /** A counted array: {@code element[count]}. */
    public static ArrayType counted(CType element, Expr count) {
        return new ArrayType(element, new Counted(count));
    }

    /** The same extent over another element type. */
    public ArrayType withElement(CType newElement) {
        return new ArrayType(newElement, extent);
    }

    /** The fixed number of elements; 0 for a flexible or counted array, whose length data decides. */
    public long length() {
        return extent instanceof Fixed f ? f.length() : 0;
    }

    /** The count expression of a counted array, else null. */
    public Expr count() {
        return extent instanceof Counted c ? c.count() : null;
    }

    public boolean isFlexible() {
        return extent instanceof Flexible;
    }

    /** Whether the length depends on data: counted, or flexible (to the end), in any dimension. */
    public boolean isDynamic() {
        for (CType t = this; t instanceof ArrayType a; t = a.element()) {
            if (!(a.extent instanceof Fixed)) {
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

    /** The extents outermost first: {@code int x[2][]} gives {@code [Fixed(2), Flexible]}. */
    public List<Extent> dimensions() {
        List<Extent> dims = new ArrayList<>();
        for (CType t = this; t instanceof ArrayType a; t = a.element()) {
            dims.add(a.extent);
        }
        return List.copyOf(dims);
    }

    /** The dimensions as C writes them after a name: {@code [2][]}. */
    public String dimensionsText() {
        StringBuilder sb = new StringBuilder();
        for (Extent e : dimensions()) {
            sb.append('[').append(e.text()).append(']');
        }
        return sb.toString();
    }

    @Override
    public String spelling() {
        return innermost().spelling() + dimensionsText();
    }
}
