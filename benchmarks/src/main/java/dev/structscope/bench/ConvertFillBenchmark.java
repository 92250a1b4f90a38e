package dev.structscope.bench;

import dev.structscope.io.columns.Column;
import dev.structscope.io.columns.ColumnSchema;
import dev.structscope.io.columns.FixedColumns;
import dev.structscope.io.columns.RowFeeder;
import dev.structscope.io.columns.RowSink;
import dev.structscope.io.decode.DecoderPlan;
import dev.structscope.io.source.DataSource;
import dev.structscope.io.source.MappedFileSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The part of {@code convert} that is StructScope's own, without a writer: turning a mapped file
 * of 32-byte {@code struct Bench32} records into column batches of 65,536 rows (one little-endian
 * buffer per column, as Arrow's vectors and Parquet's pages hold them), on one thread. {@code rows}
 * is the row-by-row walk ({@link RowFeeder#row}: one sink call per value, stored into the
 * column's buffer); {@code columns} is the column path ({@link FixedColumns#copy}: the generated
 * strided copies). Time per whole pass over the file, in the page cache.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xmx256m"})
public class ConvertFillBenchmark {
    @Param({"256"})
    public int sizeMiB;

    static final int BATCH = 65_536;

    private DataSource source;
    private DecoderPlan plan;
    private RowFeeder feeder;
    private FixedColumns columns;
    private Arena arena;
    private MemorySegment[] buffers;
    private MemorySegment[] heapBuffers;
    private BufferSink sink;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        source = MappedFileSource.open(BenchData.bench32((long) sizeMiB << 20));
        plan = BenchData.bench32Plan();
        feeder = new RowFeeder(ColumnSchema.of(BenchData.bench32Layout()), plan);
        columns = feeder.fixedColumns();
        arena = Arena.ofShared();
        List<FixedColumns.Leaf> leaves = columns.leaves();
        buffers = new MemorySegment[leaves.size()];
        for (int i = 0; i < leaves.size(); i++) {
            buffers[i] = arena.allocate((long) BATCH * leaves.get(i).copyBytes(), 8);
        }
        heapBuffers = new MemorySegment[leaves.size()];
        for (int i = 0; i < leaves.size(); i++) {
            heapBuffers[i] = MemorySegment.ofArray(new byte[BATCH * leaves.get(i).copyBytes()]);
        }
        sink = new BufferSink(feeder.schema().count(), leaves, buffers);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        arena.close();
        source.close();
    }

    @Benchmark
    public long rows() {
        MemorySegment s = source.segment();
        long size = plan.recordSize();
        long count = s.byteSize() / size;
        for (long at = 0, i = 0; i < count; i++, at += size) {
            if (i % BATCH == 0) {
                sink.rewind();
            }
            feeder.row(s, plan.root(), at, sink);
        }
        return sink.rows;
    }

    @Benchmark
    public long columns() {
        return copyAll(buffers);
    }

    /** The column path into heap arrays ({@code byte[]}), as Parquet's pages are filled. */
    @Benchmark
    public long columnsToHeap() {
        return copyAll(heapBuffers);
    }

    /** One pass of the column path over the file, batch by batch, into {@code into}. */
    private long copyAll(MemorySegment[] into) {
        MemorySegment s = source.segment();
        long size = plan.recordSize();
        long count = s.byteSize() / size;
        for (long i = 0; i < count; i += BATCH) {
            int n = (int) Math.min(BATCH, count - i);
            columns.copy(s, i * size, n, into, null);
        }
        return count;
    }

    /** Stores each value into its column's buffer at the column's next index, as a batch does. */
    static final class BufferSink implements RowSink {
        private final MemorySegment[] byId;
        private final int[] widthById;
        private final int[] next;
        long rows;

        BufferSink(int ids, List<FixedColumns.Leaf> leaves, MemorySegment[] buffers) {
            byId = new MemorySegment[ids];
            widthById = new int[ids];
            next = new int[ids];
            for (int i = 0; i < leaves.size(); i++) {
                byId[leaves.get(i).column().id()] = buffers[i];
                widthById[leaves.get(i).column().id()] = leaves.get(i).copyBytes();
            }
        }

        void rewind() {
            java.util.Arrays.fill(next, 0);
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
            int id = column.id();
            int i = next[id]++;
            if (widthById[id] == 8) {
                byId[id].setAtIndex(ValueLayout.JAVA_LONG, i, value);
            } else {
                byId[id].setAtIndex(ValueLayout.JAVA_INT, i, (int) value);
            }
        }

        @Override
        public void floatValue(Column.Leaf column, float value) {
            int id = column.id();
            byId[id].setAtIndex(ValueLayout.JAVA_FLOAT, next[id]++, value);
        }

        @Override
        public void doubleValue(Column.Leaf column, double value) {
            int id = column.id();
            byId[id].setAtIndex(ValueLayout.JAVA_DOUBLE, next[id]++, value);
        }

        @Override
        public void booleanValue(Column.Leaf column, boolean value) {
        }

        @Override
        public void stringValue(Column.Leaf column, String value) {
        }

        @Override
        public void nullValue(Column column) {
        }

        @Override
        public void beginStruct(Column.Struct column) {
        }

        @Override
        public void endStruct(Column.Struct column) {
        }

        @Override
        public void beginList(Column.ListOf column, int length) {
        }

        @Override
        public void endList(Column.ListOf column, int length) {
        }
    }
}
