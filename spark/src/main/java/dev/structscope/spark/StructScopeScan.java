package dev.structscope.spark;

import dev.structscope.io.columns.ColumnSchema;
import dev.structscope.io.columns.RecordCursor;
import dev.structscope.io.decode.DecoderPlan;
import dev.structscope.io.decode.RecordReader;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connector.metric.CustomMetric;
import org.apache.spark.sql.connector.read.Batch;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.connector.read.SupportsPushDownRequiredColumns;
import org.apache.spark.sql.internal.SQLConf;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * A read of the files of one {@code load(...)}: which columns (Spark prunes them through
 * {@link #pruneColumns}, nested fields too), and how the files are cut into tasks. Files of
 * fixed-size records are cut on record boundaries into splits of at most
 * {@code spark.sql.files.maxPartitionBytes} (at least one record each); a file of dynamic records
 * is one split, since only reading finds where its records end.
 *
 * <p>Driver only; Spark calls it from the query's planning thread.
 */
final class StructScopeScan implements ScanBuilder, SupportsPushDownRequiredColumns, Scan, Batch {
    private static final Logger LOG = LoggerFactory.getLogger(StructScopeScan.class);
    private final ShippedLayout layout;
    private final ColumnSchema columns;
    private final List<DataFiles.DataFile> files;
    private BitSet selected;
    private boolean warned;

    StructScopeScan(ShippedLayout layout, List<DataFiles.DataFile> files) {
        this.layout = layout;
        this.columns = layout.decoding().columns();
        this.files = files;
        this.selected = SparkColumns.all(columns);
    }

    @Override
    public void pruneColumns(StructType required) {
        selected = SparkColumns.select(columns, required);
    }

    @Override
    public Scan build() {
        return this;
    }

    @Override
    public StructType readSchema() {
        return SparkColumns.structType(columns, selected);
    }

    @Override
    public String description() {
        return "StructScope " + layout.type() + " from " + layout.layoutName() + " (" + files.size() + " files)";
    }

    @Override
    public Batch toBatch() {
        return this;
    }

    @Override
    public CustomMetric[] supportedCustomMetrics() {
        return Metrics.supported();
    }

    @Override
    public InputPartition[] planInputPartitions() {
        RecordReader reader = layout.decoding().reader();
        long maxBytes = Math.max(1, SQLConf.get().filesMaxPartitionBytes());
        List<InputPartition> splits = new ArrayList<>();
        for (DataFiles.DataFile f : files) {
            String path = f.path().toUri().toString();
            if (!(reader instanceof DecoderPlan plan)) {
                splits.add(new FileSplit(path, f.size(), f.local(), 0, -1, f.hostsAt(0)));
                continue;
            }
            StructScopeException.wrap(() -> {
                RecordCursor.checkStart(f.name(), f.size(), plan, layout.offset());
                return null;
            });
            long size = plan.recordSize();
            long records = (f.size() - layout.offset()) / size;
            long trailing = f.size() - layout.offset() - records * size;
            if (trailing > 0 && !warned) {
                LOG.warn("structscope: {}: {} bytes after the last whole record are not read", f.name(), trailing);
            }
            long perSplit = Math.max(1, maxBytes / size);
            for (long first = 0; first < records; first += perSplit) {
                long start = layout.offset() + first * size;
                splits.add(new FileSplit(path, f.size(), f.local(), first, Math.min(perSplit, records - first),
                        f.hostsAt(start)));
            }
        }
        warned = true;
        return splits.toArray(InputPartition[]::new);
    }

    @Override
    public PartitionReaderFactory createReaderFactory() {
        Broadcast<HadoopConf> hadoop = null;
        if (files.stream().anyMatch(f -> !f.local())) {
            SparkSession spark = SparkSession.active();
            hadoop = JavaSparkContext.fromSparkContext(spark.sparkContext())
                    .broadcast(new HadoopConf(spark.sessionState().newHadoopConf()));
        }
        return new SplitReaderFactory(layout, selected, hadoop);
    }
}
