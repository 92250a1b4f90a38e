package dev.structscope.columnar;

import dev.structscope.io.columns.Column;
import dev.structscope.io.columns.ColumnSchema;
import dev.structscope.io.columns.RowFeeder;
import dev.structscope.io.columns.RowSink;
import dev.structscope.io.decode.RecordValue;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes rows as an Apache Parquet file through parquet-java's record-level writer, which encodes
 * and compresses column by column and buffers one row group (64 MiB) at a time: memory stays
 * bounded whatever the file's size. Runs without Hadoop: the file goes through
 * {@link LocalOutputFile} and the configuration is a {@link PlainParquetConfiguration}.
 *
 * <p>Schema, from {@link ColumnSchema}: structs are groups, lists Parquet's three-level LIST
 * ({@code group name (LIST) { repeated group list { element } }}), integers INT32/INT64 with their
 * width and signedness as {@code INTEGER(bits, signed)} annotations (so {@code uint64_t} stays
 * unsigned 64-bit), text BINARY annotated STRING (UTF-8). Nullable columns are OPTIONAL, all others
 * REQUIRED. Used by one thread.
 */
final class ParquetOut implements ColumnarOut {
    static final long ROW_GROUP_BYTES = 64L << 20;

    private final RowFeeder feeder;
    private final ParquetWriter<Row> writer;

    /** One record to write: the segment it is read from and its lazy value. */
    record Row(MemorySegment segment, RecordValue value) {
    }

    ParquetOut(ColumnSchema schema, Path file) throws IOException {
        this.feeder = new RowFeeder(schema);
        MessageType message = messageType(schema.root());
        this.writer = new Builder(new LocalOutputFile(file), schema, message)
                .withConf(new PlainParquetConfiguration())
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .withCodecFactory(SnappyCodecs.INSTANCE)
                .withCompressionCodec(CompressionCodecName.SNAPPY)
                .withRowGroupSize(ROW_GROUP_BYTES)
                .build();
    }

    @Override
    public void record(long index, long offset, MemorySegment segment, RecordValue value) {
        try {
            writer.write(new Row(segment, value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }

    /** The Parquet schema of {@code root}: one field per column. */
    static MessageType messageType(Column.Struct root) {
        List<Type> fields = new ArrayList<>();
        for (Column c : root.fields()) {
            fields.add(type(c));
        }
        return new MessageType("record", fields);
    }

    private static Type type(Column c) {
        Type.Repetition rep = c.nullable() ? Type.Repetition.OPTIONAL : Type.Repetition.REQUIRED;
        return switch (c) {
            case Column.Struct s -> {
                List<Type> fields = new ArrayList<>();
                for (Column f : s.fields()) {
                    fields.add(type(f));
                }
                // Parquet has no empty group: a struct without members gets none of its own.
                yield fields.isEmpty() ? Types.primitive(PrimitiveTypeName.BOOLEAN, Type.Repetition.OPTIONAL).named(s.name())
                        : new GroupType(rep, s.name(), fields);
            }
            case Column.ListOf l -> Types.buildGroup(rep).as(LogicalTypeAnnotation.listType())
                    .addField(Types.repeatedGroup().addField(type(l.element())).named("list"))
                    .named(l.name());
            case Column.Leaf leaf -> switch (leaf.type()) {
                case INT8, INT16, INT32, UINT8, UINT16, UINT32 -> Types.primitive(PrimitiveTypeName.INT32, rep)
                        .as(LogicalTypeAnnotation.intType(leaf.type().bits(), leaf.type().signed())).named(leaf.name());
                case INT64, UINT64 -> Types.primitive(PrimitiveTypeName.INT64, rep)
                        .as(LogicalTypeAnnotation.intType(64, leaf.type().signed())).named(leaf.name());
                case FLOAT32 -> Types.primitive(PrimitiveTypeName.FLOAT, rep).named(leaf.name());
                case FLOAT64 -> Types.primitive(PrimitiveTypeName.DOUBLE, rep).named(leaf.name());
                case BOOLEAN -> Types.primitive(PrimitiveTypeName.BOOLEAN, rep).named(leaf.name());
                case STRING, ENUM -> Types.primitive(PrimitiveTypeName.BINARY, rep)
                        .as(LogicalTypeAnnotation.stringType()).named(leaf.name());
            };
        };
    }

    private static final class Builder extends ParquetWriter.Builder<Row, Builder> {
        private final ColumnSchema schema;
        private final MessageType message;

        Builder(LocalOutputFile file, ColumnSchema schema, MessageType message) {
            super(file);
            this.schema = schema;
            this.message = message;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<Row> getWriteSupport(org.apache.hadoop.conf.Configuration conf) {
            return new Support(schema, message);
        }

        @Override
        protected WriteSupport<Row> getWriteSupport(ParquetConfiguration conf) {
            return new Support(schema, message);
        }
    }

    /**
     * Turns rows into parquet-java's record events: each column a field of its group, found by its
     * position there; a list's elements each one repetition of the {@code list} group.
     */
    private static final class Support extends WriteSupport<Row> implements RowSink {
        private final RowFeeder feeder;
        private final MessageType message;
        /** By column id: its position among its parent's fields (0 for a list's element). */
        private final int[] position;
        /** By column id: whether it is a list's element (each value wrapped in a repetition). */
        private final boolean[] element;
        private RecordConsumer out;

        Support(ColumnSchema schema, MessageType message) {
            this.feeder = new RowFeeder(schema);
            this.message = message;
            this.position = new int[schema.count()];
            this.element = new boolean[schema.count()];
            index(schema.root());
        }

        private void index(Column c) {
            switch (c) {
                case Column.Struct s -> {
                    for (int i = 0; i < s.fields().size(); i++) {
                        position[s.fields().get(i).id()] = i;
                        index(s.fields().get(i));
                    }
                }
                case Column.ListOf l -> {
                    element[l.element().id()] = true;
                    index(l.element());
                }
                case Column.Leaf leaf -> {
                }
            }
        }

        @Override
        public WriteContext init(ParquetConfiguration configuration) {
            return new WriteContext(message, Map.of("structscope.schema", "convert"));
        }

        @Override
        public WriteContext init(org.apache.hadoop.conf.Configuration configuration) {
            return new WriteContext(message, Map.of("structscope.schema", "convert"));
        }

        @Override
        public void prepareForWrite(RecordConsumer recordConsumer) {
            this.out = recordConsumer;
        }

        @Override
        public void write(Row row) {
            feeder.row(row.segment(), row.value(), this);
        }

        private void open(Column c) {
            if (element[c.id()]) {
                out.startGroup();
                out.startField(ColumnSchema.ELEMENT, 0);
            } else {
                out.startField(c.name(), position[c.id()]);
            }
        }

        private void close(Column c) {
            if (element[c.id()]) {
                out.endField(ColumnSchema.ELEMENT, 0);
                out.endGroup();
            } else {
                out.endField(c.name(), position[c.id()]);
            }
        }

        @Override
        public void beginRow() {
            out.startMessage();
        }

        @Override
        public void endRow() {
            out.endMessage();
        }

        @Override
        public void longValue(Column.Leaf column, long value) {
            open(column);
            if (column.type().bits() == 64) {
                out.addLong(value);
            } else {
                out.addInteger((int) value);
            }
            close(column);
        }

        @Override
        public void floatValue(Column.Leaf column, float value) {
            open(column);
            out.addFloat(value);
            close(column);
        }

        @Override
        public void doubleValue(Column.Leaf column, double value) {
            open(column);
            out.addDouble(value);
            close(column);
        }

        @Override
        public void booleanValue(Column.Leaf column, boolean value) {
            open(column);
            out.addBoolean(value);
            close(column);
        }

        @Override
        public void stringValue(Column.Leaf column, String value) {
            open(column);
            out.addBinary(Binary.fromString(value));
            close(column);
        }

        @Override
        public void nullValue(Column column) {
            // An absent OPTIONAL field: no events at all.
        }

        @Override
        public void beginStruct(Column.Struct column) {
            open(column);
            out.startGroup();
        }

        @Override
        public void endStruct(Column.Struct column) {
            out.endGroup();
            close(column);
        }

        @Override
        public void beginList(Column.ListOf column, int length) {
            open(column);
            out.startGroup();
            if (length > 0) {
                out.startField("list", 0);
            }
        }

        @Override
        public void endList(Column.ListOf column, int length) {
            if (length > 0) {
                out.endField("list", 0);
            }
            out.endGroup();
            close(column);
        }
    }
}
