package dev.structscope.columnar;

import dev.structscope.io.columns.Column;
import dev.structscope.io.columns.ColumnSchema;
import dev.structscope.io.columns.RowFeeder;
import dev.structscope.io.decode.DecoderPlan;
import dev.structscope.io.decode.RecordNode;
import dev.structscope.io.decode.RecordValue;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.VectorLoader;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;

/**
 * Writes rows as an Arrow IPC file (the random-access "file format", {@code .arrow}) with Apache
 * Arrow Java: rows fill a batch of vectors (at most {@value #BATCH_ROWS} rows or about
 * {@value #BATCH_VALUES} values, whichever comes first), which is written as one record batch and
 * then reused, so memory stays bounded whatever the file's size. Batches of fixed records are
 * filled on two worker threads and written in order (at most three in flight: two filling, one
 * being written); those of dynamic records on the caller's thread. The vectors live in native
 * memory of Arrow's own allocator.
 *
 * <p>Schema, from {@link ColumnSchema} ({@link ArrowBatch#field}): structs are Struct, lists List,
 * integers {@code Int(bits, signed)} (so {@code uint64_t} is {@code UInt8Vector}), floats
 * FloatingPoint, text Utf8; nullable as the column says. Arrow Java needs {@code --add-opens=java.base/java.nio=ALL-UNNAMED} on Java
 * 9+ (the launcher passes it). Called by one thread; it runs its own workers for fixed records.
 */
final class ArrowOut implements ColumnarOut {
    static final int BATCH_ROWS = 65_536;
    static final long BATCH_VALUES = 4_000_000;
    /** A system property that overrides {@link #BATCH_ROWS} (small batches in tests, so that a small file has many). */
    static final String BATCH_PROPERTY = "structscope.arrow.batchRows";

    private final RowFeeder feeder;
    private final int batchRows = Math.max(1, Integer.getInteger(BATCH_PROPERTY, BATCH_ROWS));
    private final BufferAllocator allocator;
    /** What every batch shares; fixed records are filled a column at a time where the record has that form. */
    private final ArrowBatch.Form form;
    /** The root the file writer writes from: each batch is loaded into it, written, then released. */
    private final VectorSchemaRoot out;
    private final FileChannel channel;
    private final ArrowFileWriter writer;

    /** The batch records of a dynamic layout are fed to, on the caller's thread. */
    private ArrowBatch current;
    /** Batches ready for reuse (for fixed records at most {@link RangePipeline#IN_FLIGHT} are ever made). */
    private final ArrayDeque<ArrowBatch> free = new ArrayDeque<>();
    /** Fixed records: ranges of a batch's size, each filled on a worker thread, written in order. */
    private final RangePipeline<ArrowBatch> fixed;

    ArrowOut(RowFeeder feeder, Path file) throws IOException {
        this.feeder = feeder;
        // The allocator before the schema: Schema's class may still be initialising on Preload's
        // thread (its Jackson mapper), and the allocator's own start-up can run meanwhile.
        this.allocator = new RootAllocator();
        this.form = ArrowBatch.Form.of(feeder.schema(), ColumnarOut.rowByRow() ? null : feeder.fixedColumns(),
                batchRows);
        this.out = VectorSchemaRoot.create(form.schema(), allocator);
        this.channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING);
        this.writer = new ArrowFileWriter(out, null, channel);
        writer.start();
        long perRow = Math.max(1, rowValues(feeder.schema().root()));
        int rangeRows = (int) Math.max(1, Math.min(batchRows, BATCH_VALUES / perRow));
        this.fixed = new RangePipeline<>(feeder, "convert-arrow", node -> rangeRows, this::take, this::fill,
                this::write);
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
    private ArrowBatch take() {
        ArrowBatch b = free.poll();
        return b != null ? b : new ArrowBatch(form, allocator);
    }

    /** Fills {@code b} with a range of fixed records: a column at a time where the record has that form. */
    private void fill(ArrowBatch b, MemorySegment segment, RecordNode node, long start, int count) {
        if (form.fast() != null) {
            b.fill(segment, start, count);
        } else {
            feeder.rows(segment, node, start, count, b);
        }
    }

    /** Writes a filled batch as one record batch of the file (zero-copy: its buffers are loaded into the writer's root), then frees it. */
    private void write(ArrowBatch b) {
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
            for (ArrowBatch b : free) {
                b.close();
            }
            try (allocator; out; channel; writer) {
                // closes what is open, in reverse order
            }
        }
    }
}
