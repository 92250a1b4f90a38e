package dev.structscope.spark;

import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connector.catalog.Table;
import org.apache.spark.sql.connector.catalog.TableProvider;
import org.apache.spark.sql.connector.expressions.Transform;
import org.apache.spark.sql.sources.DataSourceRegister;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

import java.util.Map;

/**
 * {@code spark.read.format("structscope")}: binary files of C records read through a StructScope
 * layout, one row per whole record (cli-contract.md, "Apache Spark data source"). Spark finds it
 * by its short name through {@code META-INF/services}. The LAYOUT is read here, on the driver,
 * once per {@code load(...)}; the schema follows from it, and the executors get it in a shippable
 * form ({@link ShippedLayout}).
 *
 * <p>Spark makes one instance per {@code load(...)} and calls it on the driver's planning thread.
 */
public final class StructScopeSource implements TableProvider, DataSourceRegister {
    private ShippedLayout layout;
    private CaseInsensitiveStringMap loadedFor;

    public StructScopeSource() {
    }

    @Override
    public String shortName() {
        return "structscope";
    }

    @Override
    public StructType inferSchema(CaseInsensitiveStringMap options) {
        ShippedLayout l = layout(options);
        var columns = l.decoding().columns();
        return SparkColumns.structType(columns, SparkColumns.all(columns));
    }

    @Override
    public Table getTable(StructType schema, Transform[] partitioning, Map<String, String> properties) {
        CaseInsensitiveStringMap options = new CaseInsensitiveStringMap(properties);
        ShippedLayout l = layout(options);
        var files = StructScopeException.wrap(() -> DataFiles.list(DataFiles.paths(options), hadoop(options)));
        return new StructScopeTable(l, files);
    }

    /** The layout of these options, read once (Spark asks for the schema, then for the table). */
    private ShippedLayout layout(CaseInsensitiveStringMap options) {
        if (layout == null || !options.equals(loadedFor)) {
            layout = StructScopeException.wrap(() -> ShippedLayout.load(ReadOptions.of(options), hadoop(options)));
            loadedFor = options;
        }
        return layout;
    }

    private static org.apache.hadoop.conf.Configuration hadoop(CaseInsensitiveStringMap options) {
        return SparkSession.active().sessionState().newHadoopConfWithOptions(
                scala.jdk.javaapi.CollectionConverters.asScala(options.asCaseSensitiveMap()).toMap(
                        scala.$less$colon$less$.MODULE$.refl()));
    }
}
