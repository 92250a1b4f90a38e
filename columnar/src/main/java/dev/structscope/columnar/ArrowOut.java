package dev.structscope.columnar;

import dev.structscope.io.columns.Column;
import dev.structscope.io.columns.ColumnSchema;
import dev.structscope.io.columns.RowFeeder;
import dev.structscope.io.columns.RowSink;
import dev.structscope.io.decode.RecordValue;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
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
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes rows as an Arrow IPC file (the random-access "file format", {@code .arrow}) with Apache
 * Arrow Java: rows fill one batch of vectors (at most {@value #BATCH_ROWS} rows or about
 * {@value #BATCH_VALUES} values, whichever comes first), which is written as one record batch and
 * then reused, so memory stays bounded whatever the file's size. The vectors live in native
 * memory of Arrow's own allocator.
 *
 * <p>Schema, from {@link ColumnSchema}: structs are Struct, lists List, integers {@code Int(bits,
 * signed)} (so {@code uint64_t} is {@code UInt8Vector}), floats FloatingPoint, text Utf8; nullable
 * as the column says. Arrow Java needs {@code --add-opens=java.base/java.nio=ALL-UNNAMED} on Java
 * 9+ (the launcher passes it). Used by one thread.
 */
final class ArrowOut implements ColumnarOut, RowSink {
    static final int BATCH_ROWS = 65_536;
    static final long BATCH_VALUES = 4_000_000;

    private final RowFeeder feeder;
    private final BufferAllocator allocator;
    private final VectorSchemaRoot root;
    private final FileChannel channel;
    private final ArrowFileWriter writer;
    /** By column id: the vector that holds it (null for the root). */
    private final FieldVector[] vectors;
    /** By column id: the next index to write in its vector. */
    private final int[] next;
    /**
     * By column id: one value per row (not inside a list), so a batch never holds more than
     * {@link #BATCH_ROWS} of them and the room allocated up front suffices.
     */
    private final boolean[] direct;
    private int rows;
    private long values;

    ArrowOut(RowFeeder feeder, Path file) throws IOException {
        this.feeder = feeder;
        ColumnSchema schema = feeder.schema();
        List<Field> fields = new ArrayList<>();
        for (Column c : schema.root().fields()) {
            fields.add(field(c));
        }
        this.allocator = new RootAllocator();
        this.root = VectorSchemaRoot.create(new Schema(fields), allocator);
        this.vectors = new FieldVector[schema.count()];
        this.next = new int[schema.count()];
        this.direct = new boolean[schema.count()];
        List<Column> columns = schema.root().fields();
        for (int i = 0; i < columns.size(); i++) {
            bind(columns.get(i), root.getVector(i), true);
        }
        // Room for a whole batch up front: columns outside lists then take plain set(), whose
        // per-value capacity check (a division in setSafe) costs as much as the store itself.
        for (FieldVector v : root.getFieldVectors()) {
            v.setInitialCapacity(BATCH_ROWS);
            v.allocateNew();
        }
        this.channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING);
        this.writer = new ArrowFileWriter(root, null, channel);
        writer.start();
    }

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

    private void bind(Column c, FieldVector v, boolean outsideLists) {
        vectors[c.id()] = v;
        direct[c.id()] = outsideLists;
        switch (c) {
            case Column.Struct s -> {
                StructVector sv = (StructVector) v;
                for (int i = 0; i < s.fields().size(); i++) {
                    bind(s.fields().get(i), (FieldVector) sv.getChildByOrdinal(i), outsideLists);
                }
            }
            case Column.ListOf l -> bind(l.element(), ((ListVector) v).getDataVector(), false);
            case Column.Leaf leaf -> {
            }
        }
    }

    @Override
    public void record(long index, long offset, MemorySegment segment, RecordValue value) {
        feeder.row(segment, value, this);
        if (rows >= BATCH_ROWS || values >= BATCH_VALUES) {
            flush();
        }
    }

    private void flush() {
        if (rows == 0) {
            return;
        }
        root.setRowCount(rows);
        try {
            writer.writeBatch();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        for (FieldVector v : root.getFieldVectors()) {
            v.reset();
        }
        java.util.Arrays.fill(next, 0);
        rows = 0;
        values = 0;
    }

    @Override
    public void close() throws IOException {
        try (allocator; root; channel; writer) {
            flush();
            writer.end();
        }
    }

    @Override
    public void beginRow() {
    }

    @Override
    public void endRow() {
        rows++;
    }

    @Override
    public void longValue(Column.Leaf column, long value) {
        values++;
        int id = column.id();
        int i = next[id]++;
        FieldVector vector = vectors[id];
        if (!direct[id]) {
            ((BaseFixedWidthVector) vector).setIndexDefined(i);
        }
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
        values++;
        int id = column.id();
        int i = next[id]++;
        Float4Vector v = (Float4Vector) vectors[id];
        if (!direct[id]) {
            v.setIndexDefined(i);
        }
        v.set(i, value);
    }

    @Override
    public void doubleValue(Column.Leaf column, double value) {
        values++;
        int id = column.id();
        int i = next[id]++;
        Float8Vector v = (Float8Vector) vectors[id];
        if (!direct[id]) {
            v.setIndexDefined(i);
        }
        v.set(i, value);
    }

    @Override
    public void booleanValue(Column.Leaf column, boolean value) {
        values++;
        int id = column.id();
        int i = next[id]++;
        BitVector v = (BitVector) vectors[id];
        if (!direct[id]) {
            v.setIndexDefined(i);
        }
        v.set(i, value ? 1 : 0);
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
}
