package dev.structscope.spark;

import dev.structscope.io.columns.Column;
import dev.structscope.io.columns.ColumnSchema;
import dev.structscope.io.columns.RowSink;
import org.apache.spark.sql.execution.vectorized.OnHeapColumnVector;
import org.apache.spark.sql.execution.vectorized.WritableColumnVector;
import org.apache.spark.sql.types.Decimal;
import org.apache.spark.sql.vectorized.ColumnarBatch;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;

/**
 * Fills a Spark {@link ColumnarBatch} with what {@link dev.structscope.io.columns.RowFeeder}
 * reports: one column vector per selected column, a nested struct's fields as the struct vector's
 * children, a list's elements in the list vector's element vector; each value appended straight
 * into its vector, with no row object or boxed value between. Text and enum names are UTF-8 bytes,
 * {@code uint64_t} a {@code decimal(20,0)}, the narrower unsigned integers widened (see
 * {@link SparkColumns}). Counts the leaf values it receives: what a query decoded.
 *
 * <p>The batch and its vectors are reused from one batch to the next (Spark reads a batch before
 * asking for the next). Owned by one partition reader; its thread only.
 */
final class BatchBuilder implements RowSink, AutoCloseable {
    /** Records per batch, Spark's usual vectorised batch size. */
    static final int ROWS = 4096;

    private final OnHeapColumnVector[] columns;
    /** The vector of each selected column, by column id. */
    private final WritableColumnVector[] vectors;
    private final ColumnarBatch batch;
    private long values;

    BatchBuilder(ColumnSchema schema, BitSet selected) {
        columns = OnHeapColumnVector.allocateColumns(ROWS, SparkColumns.structType(schema, selected));
        vectors = new WritableColumnVector[schema.count()];
        int i = 0;
        for (Column f : schema.root().fields()) {
            if (selected.get(f.id())) {
                map(f, columns[i++], selected);
            }
        }
        batch = new ColumnarBatch(columns, 0);
    }

    private void map(Column c, WritableColumnVector v, BitSet selected) {
        vectors[c.id()] = v;
        switch (c) {
            case Column.Struct s -> {
                int i = 0;
                for (Column f : s.fields()) {
                    if (selected.get(f.id())) {
                        map(f, v.getChild(i++), selected);
                    }
                }
            }
            case Column.ListOf l -> map(l.element(), v.arrayData(), selected);
            case Column.Leaf leaf -> {
            }
        }
    }

    /** Empties the vectors for the next batch. */
    void reset() {
        for (OnHeapColumnVector c : columns) {
            c.reset();
        }
    }

    /** The batch of the {@code rows} records reported since {@link #reset()}. */
    ColumnarBatch batch(int rows) {
        batch.setNumRows(rows);
        return batch;
    }

    /** How many leaf values were reported so far. */
    long values() {
        return values;
    }

    @Override
    public void beginRow() {
    }

    @Override
    public void endRow() {
    }

    /** Counts a leaf's value and returns the vector it is appended to. */
    private WritableColumnVector leaf(Column.Leaf column) {
        values++;
        return vectors[column.id()];
    }

    @Override
    public void longValue(Column.Leaf column, long value) {
        WritableColumnVector v = leaf(column);
        switch (column.type()) {
            case INT8 -> v.appendByte((byte) value);
            case INT16, UINT8 -> v.appendShort((short) value);
            case INT32, UINT16 -> v.appendInt((int) value);
            case UINT64 -> v.putDecimal(v.appendNotNull(), value >= 0 ? Decimal.apply(value)
                    : Decimal.apply(new BigDecimal(new BigInteger(Long.toUnsignedString(value))), 20, 0), 20);
            default -> v.appendLong(value);
        }
    }

    @Override
    public void floatValue(Column.Leaf column, float value) {
        leaf(column).appendFloat(value);
    }

    @Override
    public void doubleValue(Column.Leaf column, double value) {
        leaf(column).appendDouble(value);
    }

    @Override
    public void booleanValue(Column.Leaf column, boolean value) {
        leaf(column).appendBoolean(value);
    }

    @Override
    public void stringValue(Column.Leaf column, String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        leaf(column).appendByteArray(utf8, 0, utf8.length);
    }

    @Override
    public void nullValue(Column column) {
        WritableColumnVector v = vectors[column.id()];
        if (column instanceof Column.Struct) {
            v.appendStruct(true);
        } else {
            v.appendNull();
        }
    }

    @Override
    public void beginStruct(Column.Struct column) {
        vectors[column.id()].appendStruct(false);
    }

    @Override
    public void endStruct(Column.Struct column) {
    }

    @Override
    public void beginList(Column.ListOf column, int length) {
        vectors[column.id()].appendArray(length);
    }

    @Override
    public void endList(Column.ListOf column, int length) {
    }

    @Override
    public void close() {
        batch.close();
    }
}
