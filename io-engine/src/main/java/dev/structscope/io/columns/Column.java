package dev.structscope.io.columns;

import java.util.List;

/**
 * One column of the columnar form of a record type: what {@code structscope convert} writes as
 * Parquet or Arrow, and what the Spark data source gives Spark. A record type becomes a tree: the
 * root {@link Struct} has one column per member; nested records are {@link Struct}s, arrays are
 * {@link ListOf}s, everything else is a {@link Leaf} of a {@link LeafType}. The tree is built once
 * per type by {@link ColumnSchema}, the one place where the type mapping is decided; writers switch
 * over this sealed interface and never look at C types.
 *
 * <p>Immutable; share between threads. No Parquet, Arrow, Spark or JavaFX type appears here, so
 * that every writer can sit on top of it.
 */
public sealed interface Column permits Column.Struct, Column.ListOf, Column.Leaf {

    /**
     * The column's number in the schema, counted in pre-order from the root (0): a writer keeps
     * its per-column state (a vector, a field index) in arrays indexed by it.
     */
    int id();

    /** The member name ({@code "element"} for the elements of a list; empty for the root). */
    String name();

    /**
     * Whether a row may lack a value here: a tagged union (no alternative matched) and each of its
     * alternatives (only the chosen one has a value). Everything else always has a value.
     */
    boolean nullable();

    /** A struct or union: its visible members in declaration order (anonymous members in place). */
    record Struct(int id, String name, boolean nullable, List<Column> fields) implements Column {
        public Struct {
            fields = List.copyOf(fields);
        }

        /** The position of the field called {@code fieldName}, or -1. */
        public int indexOf(String fieldName) {
            for (int i = 0; i < fields.size(); i++) {
                if (fields.get(i).name().equals(fieldName)) {
                    return i;
                }
            }
            return -1;
        }
    }

    /** An array, fixed or counted: a list of elements, nested for several dimensions. */
    record ListOf(int id, String name, boolean nullable, Column element) implements Column {
    }

    /** A scalar value, a {@code char} array's string or an enum's name. */
    record Leaf(int id, String name, boolean nullable, LeafType type) implements Column {
    }
}
