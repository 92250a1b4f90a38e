package dev.structscope.columnar;

import dev.structscope.io.columns.Column;
import dev.structscope.io.columns.ColumnSchema;
import dev.structscope.io.columns.FixedColumns;
import dev.structscope.io.columns.RowSink;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.UInt1Vector;
import org.apache.arrow.vector.UInt2Vector;
import org.apache.arrow.vector.UInt4Vector;
import org.apache.arrow.vector.UInt8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One batch of rows being filled for {@link ArrowOut}: its own vectors (native memory of the
 * writer's allocator) and the write position of each column. Rows arrive through its
 * {@link RowSink} methods ({@link dev.structscope.io.columns.RowFeeder}), or a range of fixed
 * records a column at a time ({@link #fill}). Filled on one thread at a time (a worker, or the
 * writer's caller), then written and {@link #reset()} for reuse; closed by its writer. Public so
 * that {@code benchmarks}' {@code ConvertFillBenchmark} measures the fill that {@code convert}
 * runs, not a stand-in.
 */
public final class ArrowBatch implements RowSink, AutoCloseable {
    /**
     * What every batch of one output shares: the Arrow schema of the columns and how they are fed.
     * Immutable (the arrays are not handed out).
     *
     * @param columns   the columns rows are reported in
     * @param schema    their Arrow schema ({@link #field})
     * @param direct    by column id: one value per row (not inside a list), so a batch never holds
     *                  more than {@code batchRows} of them and the room allocated up front suffices
     * @param fast      the fixed record column by column, or null when rows are fed one by one
     * @param batchRows the rows a batch holds at most
     */
    public record Form(ColumnSchema columns, Schema schema, boolean[] direct, FixedColumns fast, int batchRows) {
        /**
         * The form of batches of {@code columns}, {@code batchRows} rows each, filled a column at a
         * time through {@code fast} (null: row by row).
         */
        public static Form of(ColumnSchema columns, FixedColumns fast, int batchRows) {
            List<Field> fields = new ArrayList<>();
            for (Column c : columns.root().fields()) {
                fields.add(field(c));
            }
            boolean[] direct = new boolean[columns.count()];
            for (Column c : columns.root().fields()) {
                markDirect(direct, c, true);
            }
            return new Form(columns, new Schema(fields), direct, fast, batchRows);
        }

        private static void markDirect(boolean[] direct, Column c, boolean outsideLists) {
            direct[c.id()] = outsideLists;
            switch (c) {
                case Column.Struct s -> s.fields().forEach(f -> markDirect(direct, f, outsideLists));
                case Column.ListOf l -> markDirect(direct, l.element(), false);
                case Column.Leaf leaf -> {
                }
            }
        }
    }

    private final FixedColumns fast;
    /** {@link Form#direct()}: read for every value. */
    private final boolean[] direct;
    final VectorSchemaRoot root;
    /** By column id: the vector that holds it (null for the root). */
    private final FieldVector[] vectors;
    /** By top-level field: a leaf the column path copies (see {@link #reset()}). */
    private final boolean[] copiedTop;
    /** By column id: the next index to write in its vector. */
    private final int[] next;
    int rows;
    long values;

    /** An empty batch of {@code form}, its vectors allocated from {@code allocator}. */
    public ArrowBatch(Form form, BufferAllocator allocator) {
        this.fast = form.fast();
        this.direct = form.direct();
        this.root = VectorSchemaRoot.create(form.schema(), allocator);
        this.vectors = new FieldVector[direct.length];
        this.next = new int[direct.length];
        List<Column> columns = form.columns().root().fields();
        this.copiedTop = new boolean[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            bind(columns.get(i), root.getVector(i));
        }
        // Room for a whole batch up front: columns outside lists then take plain set(), whose
        // per-value capacity check (a division in setSafe) costs as much as the store itself.
        for (FieldVector v : root.getFieldVectors()) {
            v.setInitialCapacity(form.batchRows());
            v.allocateNew();
        }
        if (fast != null) {
            for (FixedColumns.Leaf leaf : fast.leaves()) {
                int i = columns.indexOf(leaf.column());
                if (i >= 0 && leaf.copied()) {
                    copiedTop[i] = true;
                }
            }
        }
    }

    /** The Arrow field of a column: Struct, List, {@code Int(bits, signed)}, FloatingPoint, Bool or Utf8; nullable as the column is. */
    static Field field(Column c) {
        return switch (c) {
            case Column.Struct s -> {
                List<Field> children = new ArrayList<>();
                for (Column f : s.fields()) {
                    children.add(field(f));
                }
                yield new Field(s.name(), new FieldType(s.nullable(), ArrowType.Struct.INSTANCE, null), children);
            }
            case Column.ListOf l -> new Field(l.name(), new FieldType(l.nullable(), ArrowType.List.INSTANCE, null),
                    List.of(field(l.element())));
            case Column.Leaf leaf -> new Field(leaf.name(), new FieldType(leaf.nullable(), switch (leaf.type()) {
                case INT8, INT16, INT32, INT64, UINT8, UINT16, UINT32, UINT64 ->
                        new ArrowType.Int(leaf.type().bits(), leaf.type().signed());
                case FLOAT32 -> new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE);
                case FLOAT64 -> new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
                case BOOLEAN -> ArrowType.Bool.INSTANCE;
                case STRING, ENUM -> ArrowType.Utf8.INSTANCE;
            }, null), null);
        };
    }

    /** The rows filled since the last {@link #reset()}. */
    public int rows() {
        return rows;
    }

    private void bind(Column c, FieldVector v) {
        vectors[c.id()] = v;
        switch (c) {
            case Column.Struct s -> {
                StructVector sv = (StructVector) v;
                for (int i = 0; i < s.fields().size(); i++) {
                    bind(s.fields().get(i), (FieldVector) sv.getChildByOrdinal(i));
                }
            }
            case Column.ListOf l -> bind(l.element(), ((ListVector) v).getDataVector());
            case Column.Leaf leaf -> {
            }
        }
    }

    /**
     * Fills the batch with {@code count} fixed records from byte {@code start} of {@code s}, a
     * column at a time: structs and lists get their (always present) entries and fixed
     * lengths, plain leaves a generated strided copy straight into their vectors' data
     * buffers (Arrow is little-endian; big-endian data is swapped on the way), the other
     * leaves their values one by one through this batch's {@link RowSink} methods. Only for a
     * form with {@link Form#fast()}; on an empty batch (new, or {@link #reset()}).
     */
    public void fill(MemorySegment s, long start, int count) {
        for (FixedColumns.Container c : fast.containers()) {
            int m = count * c.perRow();
            switch (vectors[c.column().id()]) {
                case StructVector v -> {
                    for (int i = 0; i < m; i++) {
                        v.setIndexDefined(i);
                    }
                }
                case ListVector v -> {
                    for (int i = 0; i < m; i++) {
                        v.startNewValue(i);
                        v.endValue(i, c.length());
                    }
                }
                default -> throw new IllegalStateException("not a container: " + c);
            }
        }
        List<FixedColumns.Leaf> leaves = fast.leaves();
        MemorySegment[] dst = new MemorySegment[leaves.size()];
        for (int i = 0; i < leaves.size(); i++) {
            FixedColumns.Leaf leaf = leaves.get(i);
            int id = leaf.column().id();
            if (!leaf.copied()) {
                fast.feed(leaf, s, start, count, this);
                continue;
            }
            int m = count * leaf.perRow();
            BaseFixedWidthVector v = (BaseFixedWidthVector) vectors[id];
            while (v.getValueCapacity() < m) {
                v.reAlloc();
            }
            int bytes = Math.multiplyExact(m, leaf.copyBytes());
            dst[i] = MemorySegment.ofBuffer(v.getDataBuffer().nioBuffer(0, bytes));
            // Every value is present: whole bytes of the validity bitmap at once, then the last bits.
            ArrowBuf validity = v.getValidityBuffer();
            validity.setOne(0L, m / 8);
            if (m % 8 != 0) {
                validity.setByte(m / 8, (1 << (m % 8)) - 1);
            }
            next[id] = m;
        }
        fast.copy(s, start, count, dst, null);
        rows = count;
        values = count * fast.valuesPerRow();
    }

    /** Empties the batch for the next rows; its vectors' memory is kept. */
    public void reset() {
        List<FieldVector> top = root.getFieldVectors();
        for (int i = 0; i < top.size(); i++) {
            // A copied leaf of the column path is overwritten whole by the next fill (data and
            // validity): zeroing its buffers first would only cost another pass over them.
            if (!(fast != null && copiedTop[i])) {
                top.get(i).reset();
            }
        }
        java.util.Arrays.fill(next, 0);
        rows = 0;
        values = 0;
    }

    @Override
    public void beginRow() {
    }

    @Override
    public void endRow() {
        rows++;
    }

    /**
     * Counts a fixed-width leaf's value and returns its index in the leaf's vector. Inside a list
     * the vector may need more room than was allocated up front: {@code setIndexDefined} grows it
     * (a column outside lists never needs to, and takes the plain store alone).
     */
    private int slot(Column.Leaf column) {
        values++;
        int id = column.id();
        int i = next[id]++;
        if (!direct[id]) {
            ((BaseFixedWidthVector) vectors[id]).setIndexDefined(i);
        }
        return i;
    }

    @Override
    public void longValue(Column.Leaf column, long value) {
        int i = slot(column);
        FieldVector vector = vectors[column.id()];
        switch (column.type()) {
            case INT64 -> ((BigIntVector) vector).set(i, value);
            case UINT64 -> ((UInt8Vector) vector).set(i, value);
            case INT32 -> ((IntVector) vector).set(i, (int) value);
            case UINT32 -> ((UInt4Vector) vector).set(i, (int) value);
            case INT16 -> ((SmallIntVector) vector).set(i, (short) value);
            case UINT16 -> ((UInt2Vector) vector).set(i, (char) value);
            case INT8 -> ((TinyIntVector) vector).set(i, (byte) value);
            case UINT8 -> ((UInt1Vector) vector).set(i, (byte) value);
            default -> throw new IllegalStateException("not an integer column: " + column);
        }
    }

    @Override
    public void floatValue(Column.Leaf column, float value) {
        int i = slot(column);
        ((Float4Vector) vectors[column.id()]).set(i, value);
    }

    @Override
    public void doubleValue(Column.Leaf column, double value) {
        int i = slot(column);
        ((Float8Vector) vectors[column.id()]).set(i, value);
    }

    @Override
    public void booleanValue(Column.Leaf column, boolean value) {
        int i = slot(column);
        ((BitVector) vectors[column.id()]).set(i, value ? 1 : 0);
    }

    @Override
    public void stringValue(Column.Leaf column, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        values += 1 + bytes.length / 8;
        ((VarCharVector) vectors[column.id()]).setSafe(next[column.id()]++, bytes);
    }

    @Override
    public void nullValue(Column column) {
        values++;
        int i = next[column.id()]++;
        switch (column) {
            case Column.Struct s -> {
                ((StructVector) vectors[s.id()]).setNull(i);
                // The children of a struct have a slot in every row, null ones included.
                for (Column f : s.fields()) {
                    nullValue(f);
                }
            }
            case Column.ListOf l -> ((ListVector) vectors[l.id()]).setNull(i);
            case Column.Leaf leaf -> {
                FieldVector v = vectors[leaf.id()];
                if (v instanceof BaseFixedWidthVector f) {
                    f.setNull(i);
                } else {
                    ((VarCharVector) v).setNull(i);
                }
            }
        }
    }

    @Override
    public void beginStruct(Column.Struct column) {
        ((StructVector) vectors[column.id()]).setIndexDefined(next[column.id()]++);
    }

    @Override
    public void endStruct(Column.Struct column) {
    }

    @Override
    public void beginList(Column.ListOf column, int length) {
        ((ListVector) vectors[column.id()]).startNewValue(next[column.id()]);
    }

    @Override
    public void endList(Column.ListOf column, int length) {
        ((ListVector) vectors[column.id()]).endValue(next[column.id()]++, length);
    }

    /** Frees the vectors' memory. */
    @Override
    public void close() {
        root.close();
    }
}
