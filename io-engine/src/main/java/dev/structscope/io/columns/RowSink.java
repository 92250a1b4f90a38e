package dev.structscope.io.columns;

/**
 * What a columnar writer implements to receive rows: {@link RowFeeder} walks each record against
 * its {@link ColumnSchema} and reports, depth first in schema order, every column's value. For
 * each row: {@link #beginRow()}, then one call per field of the root struct (a struct field's
 * fields between {@link #beginStruct} and {@link #endStruct}, a list's elements between
 * {@link #beginList} and {@link #endList}), then {@link #endRow()}. A column with no value in this
 * row (see {@link Column#nullable()}) gets {@link #nullValue} instead, once, without calls for the
 * columns under it.
 *
 * <p>Called on the thread that feeds rows; an implementation need not be thread-safe.
 */
public interface RowSink {
    void beginRow();

    void endRow();

    /** An integer column's value ({@link LeafType#isInteger()}): sign- or zero-extended to 64 bits. */
    void longValue(Column.Leaf column, long value);

    void floatValue(Column.Leaf column, float value);

    void doubleValue(Column.Leaf column, double value);

    void booleanValue(Column.Leaf column, boolean value);

    /** A {@link LeafType#STRING} or {@link LeafType#ENUM} column's text. */
    void stringValue(Column.Leaf column, String value);

    /** No value for {@code column} (and so none for the columns under it) in this row. */
    void nullValue(Column column);

    void beginStruct(Column.Struct column);

    void endStruct(Column.Struct column);

    /** A list of {@code length} elements starts; the elements follow as values of {@code column.element()}. */
    void beginList(Column.ListOf column, int length);

    void endList(Column.ListOf column, int length);
}
