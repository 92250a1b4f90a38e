package dev.structscope.spark;

import dev.structscope.io.columns.Column;
import dev.structscope.io.columns.ColumnSchema;
import dev.structscope.io.columns.RowSink;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.util.GenericArrayData;
import org.apache.spark.sql.types.Decimal;
import org.apache.spark.unsafe.types.UTF8String;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.BitSet;

/**
 * Builds Spark rows from what {@link dev.structscope.io.columns.RowFeeder} reports: one
 * {@link InternalRow} per record with the selected columns only, nested structs as rows, lists as
 * array data, text as {@link UTF8String}, {@code uint64_t} as a {@link Decimal}, the narrower
 * unsigned integers widened (see {@link SparkColumns}). Counts the leaf values it receives: what a
 * query decoded.
 *
 * <p>Owned by one partition reader; its thread only.
 */
final class RowBuilder implements RowSink {
    /** The field position of each selected column in its struct (by column id). */
    private final int[] ordinal;
    /** The number of selected fields of each struct (by column id). */
    private final int[] width;
    private final int rootWidth;
    private Object[][] frames = new Object[16][];
    private int[] filled = new int[16];
    private int depth = -1;
    private InternalRow row;
    private long leaves;

    RowBuilder(ColumnSchema schema, BitSet selected) {
        ordinal = new int[schema.count()];
        width = new int[schema.count()];
        number(schema.root(), selected);
        rootWidth = width[schema.root().id()];
    }

    private void number(Column c, BitSet selected) {
        switch (c) {
            case Column.Struct s -> {
                int n = 0;
                for (Column f : s.fields()) {
                    if (selected.get(f.id())) {
                        ordinal[f.id()] = n++;
                        number(f, selected);
                    }
                }
                width[s.id()] = n;
            }
            case Column.ListOf l -> number(l.element(), selected);
            case Column.Leaf leaf -> {
            }
        }
    }

    /** The row the last {@link #endRow()} finished. */
    InternalRow row() {
        return row;
    }

    /** How many leaf values were reported so far. */
    long leaves() {
        return leaves;
    }

    @Override
    public void beginRow() {
        depth = -1;
        push(new Object[rootWidth]);
    }

    @Override
    public void endRow() {
        row = new GenericInternalRow(frames[depth--]);
    }

    private void push(Object[] values) {
        if (++depth == frames.length) {
            frames = java.util.Arrays.copyOf(frames, depth * 2);
            filled = java.util.Arrays.copyOf(filled, depth * 2);
        }
        frames[depth] = values;
        filled[depth] = -1;
    }

    /** Puts a value in the current struct (at the column's place) or list (next element). */
    private void put(Column c, Object value) {
        int at = filled[depth] >= 0 ? filled[depth]++ : ordinal[c.id()];
        frames[depth][at] = value;
    }

    @Override
    public void longValue(Column.Leaf column, long value) {
        leaves++;
        put(column, switch (column.type()) {
            case INT8 -> (byte) value;
            case INT16, UINT8 -> (short) value;
            case INT32, UINT16 -> (int) value;
            case UINT64 -> value >= 0 ? Decimal.apply(value)
                    : Decimal.apply(new BigDecimal(new BigInteger(Long.toUnsignedString(value))), 20, 0);
            default -> value;
        });
    }

    @Override
    public void floatValue(Column.Leaf column, float value) {
        leaves++;
        put(column, value);
    }

    @Override
    public void doubleValue(Column.Leaf column, double value) {
        leaves++;
        put(column, value);
    }

    @Override
    public void booleanValue(Column.Leaf column, boolean value) {
        leaves++;
        put(column, value);
    }

    @Override
    public void stringValue(Column.Leaf column, String value) {
        leaves++;
        // Every char is below 256 (ColumnSchema): ISO-8859-1 text; UTF-8 is what Spark strings hold.
        put(column, UTF8String.fromString(value));
    }

    @Override
    public void nullValue(Column column) {
        put(column, null);
    }

    @Override
    public void beginStruct(Column.Struct column) {
        push(new Object[width[column.id()]]);
    }

    @Override
    public void endStruct(Column.Struct column) {
        Object[] values = frames[depth--];
        put(column, new GenericInternalRow(values));
    }

    @Override
    public void beginList(Column.ListOf column, int length) {
        push(new Object[length]);
        filled[depth] = 0;
    }

    @Override
    public void endList(Column.ListOf column, int length) {
        Object[] values = frames[depth--];
        put(column, new GenericArrayData(values));
    }
}
