package dev.structscope.spark;

import dev.structscope.io.columns.RecordCursor;
import dev.structscope.io.columns.RowFeeder;
import dev.structscope.io.decode.DecoderPlan;
import dev.structscope.io.source.DataSource;
import dev.structscope.io.source.InMemorySource;
import dev.structscope.io.source.Sources;
import dev.structscope.model.InputException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.connector.metric.CustomTaskMetric;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.vectorized.ColumnarBatch;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.net.URI;
import java.util.BitSet;

/**
 * Reads one {@link FileSplit} on an executor: the records of its range (or of the whole file of
 * dynamic records), decoded into batches of column vectors of the selected columns only. A local file is mapped
 * ({@link Sources#open}); a file of another Hadoop file system is read into native memory, a block
 * of fixed records at a time ({@link BlockReader}) or whole for dynamic records (an
 * {@link InMemorySource} filled by the same block reads). Bad data fails the task with the CLI's one-line message.
 *
 * <p>Owned by the task that reads the split; its thread only.
 */
final class SplitReader implements PartitionReader<ColumnarBatch> {
    private final RowFeeder feeder;
    private final BatchBuilder rows;
    private int batchRows;
    private DataSource source;
    private RecordCursor cursor;
    private BlockReader blocks;
    private DecoderPlan plan;
    private MemorySegment block = MemorySegment.NULL;
    private long inBlock;
    private long records;

    SplitReader(ShippedLayout layout, BitSet selected, FileSplit split, HadoopConf hadoop) {
        ShippedLayout.Decoding decoding = StructScopeException.wrap(layout::decoding);
        feeder = new RowFeeder(decoding.columns(), selected);
        rows = new BatchBuilder(decoding.columns(), selected);
        try {
            StructScopeException.wrap(() -> {
                open(layout, decoding, split, hadoop);
                return null;
            });
        } catch (RuntimeException e) {
            // Spark closes only the readers it was given: unmap what was opened before the failure.
            close();
            throw e;
        }
    }

    private void open(ShippedLayout layout, ShippedLayout.Decoding decoding, FileSplit split, HadoopConf hadoop) {
        if (split.local()) {
            source = Sources.open(java.nio.file.Path.of(URI.create(split.path())));
            cursor = split.count() < 0 ? RecordCursor.open(source, decoding.reader(), layout.offset())
                    : RecordCursor.range(source, (DecoderPlan) decoding.reader(), layout.offset(), split.first(), split.count());
            return;
        }
        if (split.count() >= 0) {
            RecordCursor.checkStart(split.path(), split.size(), decoding.reader(), layout.offset());
        }
        Path path = new Path(split.path());
        Configuration conf = hadoop.get();
        FSDataInputStream in;
        try {
            in = path.getFileSystem(conf).open(path);
        } catch (IOException e) {
            throw new InputException(split.path(), "cannot be opened: " + e.getMessage());
        }
        if (split.count() < 0) {
            try (in) {
                // Dynamic records: boundaries are known only by reading, so one task reads the whole
                // file, and holds its bytes in native memory until it closes the source.
                source = InMemorySource.filled(split.path(), split.size(),
                        all -> BlockReader.readFully(in, 0, all, split.path()));
            } catch (IOException e) {
                throw new InputException(split.path(), "cannot be closed: " + e.getMessage());
            }
            cursor = RecordCursor.open(source, decoding.reader(), layout.offset());
            return;
        }
        plan = (DecoderPlan) decoding.reader();
        blocks = new BlockReader(in, split.path(), layout.offset() + split.first() * plan.recordSize(),
                plan.recordSize(), split.count());
    }

    @Override
    public boolean next() {
        rows.reset();
        batchRows = 0;
        StructScopeException.wrap(() -> {
            while (batchRows < BatchBuilder.ROWS && (cursor != null ? nextFromCursor() : nextFromBlocks())) {
                batchRows++;
            }
            return null;
        });
        return batchRows > 0;
    }

    private boolean nextFromCursor() {
        if (!cursor.next()) {
            return false;
        }
        Sources.guard(source, () -> {
            feeder.row(cursor.segment(), cursor.value(), rows);
            return null;
        });
        records++;
        return true;
    }

    private boolean nextFromBlocks() {
        long size = plan.recordSize();
        if (inBlock * size >= block.byteSize()) {
            block = blocks.next();
            inBlock = 0;
            if (block.byteSize() == 0) {
                return false;
            }
        }
        feeder.row(block, plan.decode(block, inBlock * size), rows);
        inBlock++;
        records++;
        return true;
    }

    @Override
    public ColumnarBatch get() {
        return rows.batch(batchRows);
    }

    @Override
    public CustomTaskMetric[] currentMetricsValues() {
        return Metrics.values(records, rows.values());
    }

    @Override
    public void close() {
        rows.close();
        if (blocks != null) {
            blocks.close();
        }
        if (source != null) {
            source.close();
        }
    }
}
