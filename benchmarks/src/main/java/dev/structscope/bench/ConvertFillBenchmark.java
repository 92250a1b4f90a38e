package dev.structscope.bench;

import dev.structscope.columnar.ArrowBatch;
import dev.structscope.io.columns.ColumnSchema;
import dev.structscope.io.columns.FixedColumns;
import dev.structscope.io.columns.RowFeeder;
import dev.structscope.io.decode.DecoderPlan;
import dev.structscope.io.source.DataSource;
import dev.structscope.io.source.MappedFileSource;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
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
import java.lang.foreign.MemorySegment;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The part of {@code convert} that is StructScope's own, without a writer: turning a mapped file
 * of 32-byte {@code struct Bench32} records into batches of 65,536 rows on one thread, with the
 * Arrow writer's own batch ({@link ArrowBatch}: one vector per column, in Arrow's native memory).
 * {@code rows} is the row-by-row walk ({@link RowFeeder#row} and one batch call per value, as
 * {@code -Dstructscope.convert.rowByRow=true} writes); {@code columns} is the column path
 * ({@link ArrowBatch#fill}: the generated strided copies into the vectors' data buffers);
 * {@code columnsToHeap} the same copies ({@link FixedColumns#copy}) into heap arrays, as Parquet's
 * pages are filled. Time per whole pass over the file, in the page cache.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
// Arrow Java's memory layer on Java 25: the flags the launcher passes (the parent pom's arrow.jvmArgs).
@Fork(value = 1, jvmArgs = {"-Xmx256m", "--add-opens=java.base/java.nio=ALL-UNNAMED",
        "--sun-misc-unsafe-memory-access=allow"})
public class ConvertFillBenchmark {
    @Param({"256"})
    public int sizeMiB;

    static final int BATCH = 65_536;

    private DataSource source;
    /** The whole file, its record size and how many whole records it holds. */
    private MemorySegment file;
    private long size;
    private long count;
    private DecoderPlan plan;
    private RowFeeder feeder;
    private FixedColumns columns;
    private BufferAllocator allocator;
    /** Filled row by row: a batch of a form without the column path. */
    private ArrowBatch rowBatch;
    /** Filled a column at a time. */
    private ArrowBatch columnBatch;
    private MemorySegment[] heapBuffers;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        source = MappedFileSource.open(BenchData.bench32((long) sizeMiB << 20));
        plan = BenchData.bench32Plan();
        file = source.segment();
        size = plan.recordSize();
        count = file.byteSize() / size;
        feeder = new RowFeeder(ColumnSchema.of(BenchData.bench32Layout()), plan);
        columns = feeder.fixedColumns();
        allocator = new RootAllocator();
        rowBatch = new ArrowBatch(ArrowBatch.Form.of(feeder.schema(), null, BATCH), allocator);
        columnBatch = new ArrowBatch(ArrowBatch.Form.of(feeder.schema(), columns, BATCH), allocator);
        List<FixedColumns.Leaf> leaves = columns.leaves();
        heapBuffers = new MemorySegment[leaves.size()];
        for (int i = 0; i < leaves.size(); i++) {
            heapBuffers[i] = MemorySegment.ofArray(new byte[BATCH * leaves.get(i).copyBytes()]);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        rowBatch.close();
        columnBatch.close();
        allocator.close();
        source.close();
    }

    @Benchmark
    public long rows() {
        long rows = 0;
        for (long at = 0, i = 0; i < count; i++, at += size) {
            if (i % BATCH == 0) {
                rows += rowBatch.rows();
                rowBatch.reset();
            }
            feeder.row(file, plan.root(), at, rowBatch);
        }
        return rows + rowBatch.rows();
    }

    @Benchmark
    public long columns() {
        long rows = 0;
        for (long i = 0; i < count; i += BATCH) {
            columnBatch.reset();
            columnBatch.fill(file, i * size, (int) Math.min(BATCH, count - i));
            rows += columnBatch.rows();
        }
        return rows;
    }

    /** The column path's copies into heap arrays ({@code byte[]}), as Parquet's pages are filled. */
    @Benchmark
    public long columnsToHeap() {
        for (long i = 0; i < count; i += BATCH) {
            int n = (int) Math.min(BATCH, count - i);
            columns.copy(file, i * size, n, heapBuffers, null);
        }
        return count;
    }
}
