package dev.structscope.columnar;

import dev.structscope.io.columns.Column;
import dev.structscope.io.columns.ColumnSchema;
import dev.structscope.io.columns.RowFeeder;
import dev.structscope.io.columns.RowSink;
import dev.structscope.io.decode.DecoderPlan;
import dev.structscope.io.decode.RecordNode;
import dev.structscope.io.decode.RecordValue;
import dev.structscope.io.columns.FixedColumns;
import org.apache.arrow.memory.ArrowBuf;
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
import org.apache.arrow.vector.VectorLoader;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes rows as an Arrow IPC file (the random-access "file format", {@code .arrow}) with Apache
 * Arrow Java: rows fill a batch of vectors (at most {@value #BATCH_ROWS} rows or about
 * {@value #BATCH_VALUES} values, whichever comes first), which is written as one record batch and
 * then reused, so memory stays bounded whatever the file's size. Batches of fixed records are
 * filled on two worker threads and written in order (at most three in flight: two filling, one
 * being written); those of dynamic records on the caller's thread. The vectors live in native
 * memory of Arrow's own allocator.
 *
 * <p>Schema, from {@link ColumnSchema}: structs are Struct, lists List, integers {@code Int(bits,
 * signed)} (so {@code uint64_t} is {@code UInt8Vector}), floats FloatingPoint, text Utf8; nullable
 * as the column says. Arrow Java needs {@code --add-opens=java.base/java.nio=ALL-UNNAMED} on Java
 * 9+ (the launcher passes it). Called by one thread; it runs its own workers for fixed records.
 */
final class ArrowOut implements ColumnarOut {
    static final int BATCH_ROWS = 65_536;
    static final long BATCH_VALUES = 4_000_000;
    /** A system property that overrides {@link #BATCH_ROWS} (small batches in tests, so that a small file has many). */
    static final String BATCH_PROPERTY = "structscope.arrow.batchRows";

    private final RowFeeder feeder;
    /** The fixed record column by column, when it has that form: batches are then filled a column at a time. */
    private final FixedColumns fast;
    private final int batchRows = Math.max(1, Integer.getInteger(BATCH_PROPERTY, BATCH_ROWS));
    private final BufferAllocator allocator;
    private final Schema schema;
    /** The root the file writer writes from: each batch is loaded into it, written, then released. */
    private final VectorSchemaRoot out;
    private final FileChannel channel;
    private final ArrowFileWriter writer;
    /**
     * By column id: one value per row (not inside a list), so a batch never holds more than
     * {@link #batchRows} of them and the room allocated up front suffices.
     */
    private final boolean[] direct;

    /** The batch records of a dynamic layout are fed to, on the caller's thread. */
    private Batch current;
    /** Batches ready for reuse (for fixed records at most {@link RangePipeline#IN_FLIGHT} are ever made). */
    private final ArrayDeque<Batch> free = new ArrayDeque<>();
    /** Fixed records: ranges of a batch's size, each filled on a worker thread, written in order. */
    private final RangePipeline<Batch> fixed;

    ArrowOut(RowFeeder feeder, Path file) throws IOException {
        this.feeder = feeder;
        this.fast = ColumnarOut.rowByRow() ? null : feeder.fixedColumns();
        ColumnSchema columns = feeder.schema();
        List<Field> fields = new ArrayList<>();
        for (Column c : columns.root().fields()) {
            fields.add(field(c));
        }
        // The allocator before the schema: Schema's class may still be initialising on Preload's
        // thread (its Jackson mapper), and the allocator's own start-up can run meanwhile.
        this.allocator = new RootAllocator();
        this.schema = new Schema(fields);
        this.direct = new boolean[columns.count()];
        for (Column c : columns.root().fields()) {
            markDirect(c, true);
        }
        this.out = VectorSchemaRoot.create(schema, allocator);
        this.channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING);
        this.writer = new ArrowFileWriter(out, null, channel);
        writer.start();
        long perRow = Math.max(1, rowValues(columns.root()));
        int rangeRows = (int) Math.max(1, Math.min(batchRows, BATCH_VALUES / perRow));
        this.fixed = new RangePipeline<>(feeder, "convert-arrow", node -> rangeRows, this::take, this::fill,
                this::write);
    }

    private void markDirect(Column c, boolean outsideLists) {
        direct[c.id()] = outsideLists;
        switch (c) {
            case Column.Struct s -> s.fields().forEach(f -> markDirect(f, outsideLists));
            case Column.ListOf l -> markDirect(l.element(), false);
            case Column.Leaf leaf -> {
            }
        }
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

    @Override
    public void record(long index, long offset, MemorySegment segment, RecordValue value) {
        if (fixed.offer(segment, value)) {
            return;
        }
        RecordNode node = value.node();
        if (current == null) {
            current = take();
        }
        feeder.row(segment, node, value.start(), current);
        if (current.rows >= batchRows || current.values >= BATCH_VALUES) {
            write(current);
            current = null;
        }
    }

    @Override
    public void records(long first, long offset, MemorySegment segment, DecoderPlan plan, int count) {
        if (!fixed.offer(segment, plan, offset, count)) {
            ColumnarOut.super.records(first, offset, segment, plan, count);
        }
    }

    /** Values one fixed row holds (list lengths are the same in every fixed record; counted as 1 each here). */
    private static long rowValues(Column c) {
        return switch (c) {
            case Column.Struct s -> s.fields().stream().mapToLong(ArrowOut::rowValues).sum();
            case Column.ListOf l -> 1 + rowValues(l.element());
            case Column.Leaf leaf -> 1;
        };
    }

    /** A batch to fill: a free one, or a new one. */
    private Batch take() {
        Batch b = free.poll();
        return b != null ? b : new Batch();
    }

    /** Fills {@code b} with a range of fixed records: a column at a time where the record has that form. */
    private void fill(Batch b, MemorySegment segment, RecordNode node, long start, int count) {
        if (fast != null) {
            b.fill(segment, start, count);
        } else {
            feeder.rows(segment, node, start, count, b);
        }
    }

    /** Writes a filled batch as one record batch of the file (zero-copy: its buffers are loaded into the writer's root), then frees it. */
    private void write(Batch b) {
        if (b.rows > 0) {
            b.root.setRowCount(b.rows);
            try (ArrowRecordBatch batch = new VectorUnloader(b.root).getRecordBatch()) {
                new VectorLoader(out).load(batch);
                writer.writeBatch();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                out.clear();
            }
        }
        b.reset();
        free.add(b);
    }

    @Override
    public void close() throws IOException {
        try {
            fixed.finish();
            if (current != null) {
                write(current);
                current = null;
            }
            writer.end();
        } finally {
            // After a failure, batches may still be in flight or half filled: release them too.
            free.addAll(fixed.shutdown());
            if (current != null) {
                free.add(current);
            }
            for (Batch b : free) {
                b.root.close();
            }
            try (allocator; out; channel; writer) {
                // closes what is open, in reverse order
            }
        }
    }

    /**
     * One batch of rows being filled: its own vectors (native memory of the shared allocator) and
     * the write position of each column. Filled on one thread at a time (a worker, or the
     * caller's), then written and reused.
     */
    private final class Batch implements RowSink {
        final VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator);
        /** By column id: the vector that holds it (null for the root). */
        private final FieldVector[] vectors = new FieldVector[direct.length];
        /** By top-level field: a leaf the column path copies (see {@link #reset()}). */
        private final boolean[] copiedTop = new boolean[feeder.schema().root().fields().size()];
        /** By column id: the next index to write in its vector. */
        private final int[] next = new int[direct.length];
        int rows;
        long values;

        Batch() {
            List<Column> columns = feeder.schema().root().fields();
            for (int i = 0; i < columns.size(); i++) {
                bind(columns.get(i), root.getVector(i));
            }
            // Room for a whole batch up front: columns outside lists then take plain set(), whose
            // per-value capacity check (a division in setSafe) costs as much as the store itself.
            for (FieldVector v : root.getFieldVectors()) {
                v.setInitialCapacity(batchRows);
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
         * leaves their values one by one through this batch's {@link RowSink} methods.
         */
        void fill(MemorySegment s, long start, int count) {
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

        void reset() {
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
}
