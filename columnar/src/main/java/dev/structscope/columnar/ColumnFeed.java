package dev.structscope.columnar;

import dev.structscope.io.columns.Column;
import dev.structscope.io.columns.RowSink;
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.io.api.Binary;

/**
 * How {@link ParquetOut} feeds parquet-java's column writers a column at a time, for fixed
 * records ({@code ParquetOut.Group#fill}): a chunk of records' values of one column from a
 * primitive array in one tight loop, or value by value as
 * {@link dev.structscope.io.columns.FixedColumns#feed} reports them. Each value carries the
 * repetition level its place in the record always has and the column's maximum definition level
 * (nothing in a fixed record is null).
 *
 * <p>Stateless but for {@link Leaf}'s position; used by the thread that builds one row group.
 */
final class ColumnFeed {
    /** Records per chunk of the column-at-a-time feed (fewer when a record holds many values). */
    static final int CHUNK = 4096;

    private ColumnFeed() {
    }

    /**
     * Writes the first {@code n} values of {@code array} to {@code w}: value {@code i} with
     * repetition level {@code rep[i % rep.length]} and definition level {@code def}. Integers
     * narrower than 32 bits are extended as their column's signedness says (Parquet stores them
     * as INT32); one loop per array type, so that each is a tight loop around the writer's call.
     */
    static void write(ColumnWriter w, boolean signed, Object array, int n, int[] rep, int def) {
        int per = rep.length;
        if (per == 1) {
            switch (array) {
                case long[] a -> {
                    for (int i = 0; i < n; i++) {
                        w.write(a[i], 0, def);
                    }
                }
                case int[] a -> {
                    for (int i = 0; i < n; i++) {
                        w.write(a[i], 0, def);
                    }
                }
                case short[] a -> {
                    for (int i = 0; i < n; i++) {
                        w.write(signed ? a[i] : a[i] & 0xFFFF, 0, def);
                    }
                }
                case byte[] a -> {
                    for (int i = 0; i < n; i++) {
                        w.write(signed ? a[i] : a[i] & 0xFF, 0, def);
                    }
                }
                case float[] a -> {
                    for (int i = 0; i < n; i++) {
                        w.write(a[i], 0, def);
                    }
                }
                case double[] a -> {
                    for (int i = 0; i < n; i++) {
                        w.write(a[i], 0, def);
                    }
                }
                default -> throw new IllegalStateException("no array of values: " + array);
            }
            return;
        }
        for (int i = 0; i < n; i++) {
            int r = rep[i % per];
            switch (array) {
                case long[] a -> w.write(a[i], r, def);
                case int[] a -> w.write(a[i], r, def);
                case short[] a -> w.write(signed ? a[i] : a[i] & 0xFFFF, r, def);
                case byte[] a -> w.write(signed ? a[i] : a[i] & 0xFF, r, def);
                case float[] a -> w.write(a[i], r, def);
                case double[] a -> w.write(a[i], r, def);
                default -> throw new IllegalStateException("no array of values: " + array);
            }
        }
    }

    /**
     * The values of one leaf column (not copied) as {@link FixedColumns#feed} reports them, to its
     * column writer: the {@code k}-th value of each record with repetition level {@code rep[k]}.
     * Only the value calls arrive; a fixed record has no nulls and no row events here.
     */
    static final class Leaf implements RowSink {
        private final ColumnWriter w;
        private final int[] rep;
        private final int def;
        private int k;

        Leaf(ColumnWriter w, int[] rep, int def) {
            this.w = w;
            this.rep = rep;
            this.def = def;
        }

        private int r() {
            int r = rep[k];
            k = k + 1 == rep.length ? 0 : k + 1;
            return r;
        }

        @Override
        public void longValue(Column.Leaf column, long value) {
            if (column.type().bits() == 64) {
                w.write(value, r(), def);
            } else {
                w.write((int) value, r(), def);
            }
        }

        @Override
        public void floatValue(Column.Leaf column, float value) {
            w.write(value, r(), def);
        }

        @Override
        public void doubleValue(Column.Leaf column, double value) {
            w.write(value, r(), def);
        }

        @Override
        public void booleanValue(Column.Leaf column, boolean value) {
            w.write(value, r(), def);
        }

        @Override
        public void stringValue(Column.Leaf column, String value) {
            w.write(Binary.fromString(value), r(), def);
        }

        @Override
        public void beginRow() {
            throw new IllegalStateException("a column feed has no rows");
        }

        @Override
        public void endRow() {
            throw new IllegalStateException("a column feed has no rows");
        }

        @Override
        public void nullValue(Column column) {
            throw new IllegalStateException("a fixed record has no nulls: " + column);
        }

        @Override
        public void beginStruct(Column.Struct column) {
            throw new IllegalStateException("a column feed has no structs");
        }

        @Override
        public void endStruct(Column.Struct column) {
            throw new IllegalStateException("a column feed has no structs");
        }

        @Override
        public void beginList(Column.ListOf column, int length) {
            throw new IllegalStateException("a column feed has no lists");
        }

        @Override
        public void endList(Column.ListOf column, int length) {
            throw new IllegalStateException("a column feed has no lists");
        }
    }
}
