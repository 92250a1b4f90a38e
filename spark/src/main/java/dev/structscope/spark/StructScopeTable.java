package dev.structscope.spark;

import org.apache.spark.sql.connector.catalog.SupportsRead;
import org.apache.spark.sql.connector.catalog.TableCapability;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

import java.util.List;
import java.util.Set;

/**
 * The records of the files of one {@code load(...)} as a table Spark reads in batches: one row per
 * whole record, with the columns of the record type.
 *
 * <p>Immutable; driver only.
 */
final class StructScopeTable implements SupportsRead {
    private final ShippedLayout layout;
    private final List<DataFiles.DataFile> files;
    private final StructType schema;

    StructScopeTable(ShippedLayout layout, List<DataFiles.DataFile> files) {
        this.layout = layout;
        this.files = List.copyOf(files);
        var columns = layout.decoding().columns();
        this.schema = SparkColumns.structType(columns, SparkColumns.all(columns));
    }

    @Override
    public String name() {
        return "structscope:" + layout.type();
    }

    @Override
    @SuppressWarnings("deprecation")
    public StructType schema() {
        return schema;
    }

    @Override
    public Set<TableCapability> capabilities() {
        return Set.of(TableCapability.BATCH_READ);
    }

    @Override
    public ScanBuilder newScanBuilder(CaseInsensitiveStringMap options) {
        return new StructScopeScan(layout, files);
    }
}
