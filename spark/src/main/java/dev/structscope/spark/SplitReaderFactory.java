package dev.structscope.spark;

import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.vectorized.ColumnarBatch;

import java.io.Serial;
import java.util.BitSet;

/**
 * What the driver sends to the executors to read splits: the layout in its shippable form, the
 * selected columns and the Hadoop configuration (a broadcast, only for files not on the local file
 * system). Each task builds a {@link SplitReader} from it, which reads column batches.
 *
 * <p>Immutable and serialisable.
 */
final class SplitReaderFactory implements PartitionReaderFactory {
    @Serial
    private static final long serialVersionUID = 1L;
    private final ShippedLayout layout;
    private final BitSet selected;
    private final Broadcast<HadoopConf> hadoop;

    SplitReaderFactory(ShippedLayout layout, BitSet selected, Broadcast<HadoopConf> hadoop) {
        this.layout = layout;
        this.selected = (BitSet) selected.clone();
        this.hadoop = hadoop;
    }

    /** Every split is read into column vectors (Spark turns them into rows where it needs rows). */
    @Override
    public boolean supportColumnarReads(InputPartition partition) {
        return true;
    }

    @Override
    public PartitionReader<ColumnarBatch> createColumnarReader(InputPartition partition) {
        FileSplit split = (FileSplit) partition;
        return new SplitReader(layout, selected, split, split.local() ? null : hadoop.value());
    }

    @Override
    public PartitionReader<InternalRow> createReader(InputPartition partition) {
        throw new UnsupportedOperationException("splits are read in columnar batches");
    }
}
