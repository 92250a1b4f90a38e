package dev.structscope.spark;

import dev.structscope.io.columns.Column;
import dev.structscope.io.columns.ColumnSchema;
import dev.structscope.io.columns.LeafType;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Spark's form of a {@link ColumnSchema}: which Spark type each {@link LeafType} is read as, and
 * which columns a pruned schema keeps. Spark has no unsigned integers, so each unsigned width
 * widens to the next signed one and {@code uint64_t} becomes {@code decimal(20,0)} (every value
 * exact); text and enum names are strings; structs and lists keep their shape.
 *
 * <p>Stateless; any thread.
 */
final class SparkColumns {
    /** The type of a {@code uint64_t} column: 20 digits hold 2^64 - 1. */
    static final DataType U64 = DataTypes.createDecimalType(20, 0);

    private SparkColumns() {
    }

    /** Every column id of {@code schema}. */
    static BitSet all(ColumnSchema schema) {
        BitSet b = new BitSet(schema.count());
        b.set(0, schema.count());
        return b;
    }

    /** The Spark schema of the {@code selected} columns of {@code schema}, in schema order. */
    static StructType structType(ColumnSchema schema, BitSet selected) {
        return (StructType) type(schema.root(), selected);
    }

    private static DataType type(Column c, BitSet selected) {
        return switch (c) {
            case Column.Struct s -> {
                List<StructField> fields = new ArrayList<>();
                for (Column f : s.fields()) {
                    if (selected.get(f.id())) {
                        fields.add(DataTypes.createStructField(f.name(), type(f, selected), f.nullable()));
                    }
                }
                yield DataTypes.createStructType(fields);
            }
            case Column.ListOf l -> DataTypes.createArrayType(type(l.element(), selected), l.element().nullable());
            case Column.Leaf leaf -> leafType(leaf.type());
        };
    }

    static DataType leafType(LeafType t) {
        return switch (t) {
            case INT8 -> DataTypes.ByteType;
            case INT16, UINT8 -> DataTypes.ShortType;
            case INT32, UINT16 -> DataTypes.IntegerType;
            case INT64, UINT32 -> DataTypes.LongType;
            case UINT64 -> U64;
            case FLOAT32 -> DataTypes.FloatType;
            case FLOAT64 -> DataTypes.DoubleType;
            case BOOLEAN -> DataTypes.BooleanType;
            case STRING, ENUM -> DataTypes.StringType;
        };
    }

    /**
     * The columns a query needs: those of {@code required} (a pruned form of the full schema, as
     * Spark hands it to {@code pruneColumns}, nested structs pruned too), with their parents.
     */
    static BitSet select(ColumnSchema schema, StructType required) {
        BitSet b = new BitSet(schema.count());
        select(schema.root(), required, b);
        return b;
    }

    private static void select(Column c, DataType required, BitSet out) {
        out.set(c.id());
        switch (c) {
            case Column.Struct s when required instanceof StructType st -> {
                for (StructField f : st.fields()) {
                    int i = s.indexOf(f.name());
                    if (i < 0) {
                        throw new IllegalArgumentException("no column '" + f.name() + "' in " + s.name());
                    }
                    select(s.fields().get(i), f.dataType(), out);
                }
            }
            case Column.ListOf l when required instanceof ArrayType at -> select(l.element(), at.elementType(), out);
            case Column.Leaf leaf -> {
            }
            default -> throw new IllegalArgumentException("column '" + c.name() + "' is not " + required.simpleString());
        }
    }
}
