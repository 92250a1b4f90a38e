package dev.structscope.columnar;

import dev.structscope.io.columns.Column;
import dev.structscope.io.columns.ColumnSchema;
import dev.structscope.io.columns.FixedColumns;
import dev.structscope.io.columns.RowFeeder;
import dev.structscope.io.columns.RowSink;
import dev.structscope.io.decode.DecoderPlan;
import dev.structscope.io.decode.RecordNode;
import dev.structscope.io.decode.RecordValue;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.io.api.Binary;
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
 * Writes rows as an Apache Parquet file with parquet-java's column writers, fed directly: each
 * value goes to its leaf column's writer with its repetition and definition levels (the Dremel
 * encoding, computed here from the {@link RowSink} events), skipping parquet-java's record-level
 * layer, which costs several times the encoding itself. Pages are encoded and Snappy-compressed as
 * they fill, kept by the group's {@link ChunkPages} and written a column chunk at a time through
 * {@link ParquetFileWriter}'s page-level calls. Row groups (about {@value #ROW_GROUP_BYTES} bytes)
 * of fixed records are encoded two at a time on worker threads and written in order, those of dynamic records one at a time, so
 * memory stays bounded whatever the file's size. Runs without Hadoop: the file goes through
 * {@link LargeWriteFile}, compression through {@link SnappyPages}.
 *
 * <p>Fixed records with a {@link FixedColumns} form are fed a column at a time instead
 * ({@link Group#fill}): plain 4- and 8-byte members outside lists become PLAIN pages made here
 * ({@link ParquetPage}), the other leaves go to their column writers from primitive arrays. The writer
 * settings (page rows, statistics, dictionary, codec) and why are in docs/user/bulk.md.
 *
 * <p>Schema, from {@link ColumnSchema}: structs are groups, lists Parquet's three-level LIST
 * ({@code group name (LIST) { repeated group list { element } }}), integers INT32/INT64 with their
 * width and signedness as {@code INTEGER(bits, signed)} annotations (so {@code uint64_t} stays
 * unsigned 64-bit), text BINARY annotated STRING (UTF-8). Nullable columns are OPTIONAL, all others
 * REQUIRED. Called by one thread; it runs its own workers for fixed records.
 */
final class ParquetOut implements ColumnarOut {
    /** About how many bytes of encoded data a row group holds (a fixed-record group: its raw size). */
    static final long ROW_GROUP_BYTES = 32L << 20;
    /**
     * A system property that overrides {@link #ROW_GROUP_BYTES} ({@code JAVA_OPTS=-D...=N}): larger
     * groups for readers that prefer them, small ones in tests so that a small file has many.
     */
    static final String ROW_GROUP_PROPERTY = "structscope.parquet.rowGroupBytes";
    /** Rows between checks of the buffered size (the check walks every column). */
    private static final int CHECK_ROWS = 256;

    private final RowFeeder feeder;
    /** The fixed record column by column, when it has that form: groups are then fed a column at a time. */
    private final FixedColumns fast;
    private final MessageType message;
    private final ParquetProperties props;
    private final ParquetFileWriter file;
    private final long rowGroupBytes = Math.max(1024, Long.getLong(ROW_GROUP_PROPERTY, ROW_GROUP_BYTES));

    // By column id, fixed for the file (read by every group's thread):
    /** Leaf columns (and empty structs, which Parquet has as an always-null leaf): position in the Parquet leaves. */
    private final int[] leafIndex;
    /** The definition level of a present value of a leaf. */
    private final int[] maxDef;
    /** Definition levels a struct or list adds when it is present (1 when nullable, else 0). */
    private final int[] ownDef;
    /** For a list: its repetition level. */
    private final int[] repLevel;
    /** For a list's element column: the list's id; else -1. */
    private final int[] parentList;
    /** Every leaf under a column (itself for a leaf), for nulls and empty lists. */
    private final int[][] leavesUnder;

    /**
     * By position in {@link FixedColumns#leaves()}: the leaf's pages are made here, not by a
     * column writer ({@link ParquetPage}); null without the column form.
     */
    private final boolean[] paged;
    /**
     * The schema of the column writers of a fixed-record group: the message without the paged
     * leaves (null when every leaf is paged). Its columns have the full message's paths and
     * levels, so their pages go to the same {@link ChunkPages}.
     */
    private final MessageType rest;

    /** The group records of a dynamic layout are fed to, one record at a time, on the caller's thread. */
    private Group current;

    /**
     * Fixed records are encoded in parallel: consecutive ranges of records of about
     * {@link #rowGroupBytes}, each a row group built on a worker thread, written to the file in order.
     */
    private final RangePipeline<Group> fixed;

    /**
     * Where the groups' {@link ChunkPages} keep compressed pages, reused from group to group: a written
     * group's buffers wait for the next one, so at most about one group's worth (a group's pages
     * compressed are at most its raw size, plus the size classes' rounding) is kept.
     */
    private final PageBuffers pageBuffers = new PageBuffers(rowGroupBytes + rowGroupBytes / 2);

    ParquetOut(RowFeeder feeder, Path path) throws IOException {
        this.feeder = feeder;
        this.fast = ColumnarOut.rowByRow() ? null : feeder.fixedColumns();
        ColumnSchema schema = feeder.schema();
        this.message = messageType(schema.root());
        int n = schema.count();
        leafIndex = new int[n];
        maxDef = new int[n];
        ownDef = new int[n];
        repLevel = new int[n];
        parentList = new int[n];
        leavesUnder = new int[n][];
        java.util.Arrays.fill(parentList, -1);
        java.util.Arrays.fill(leafIndex, -1);
        int[] leaves = {0};
        for (Column c : schema.root().fields()) {
            index(c, 0, 0, leaves);
        }
        // Dictionary encoding only for text (enum names, strings repeat): for numbers it costs a
        // third of the write time and, on measurements, mostly falls back to plain anyway.
        ParquetProperties.Builder properties = ParquetProperties.builder()
                .withPageSize(1 << 20)
                .withDictionaryPageSize(1 << 20)
                .withDictionaryEncoding(false)
                .withWriterVersion(ParquetProperties.WriterVersion.PARQUET_1_0);
        for (ColumnDescriptor c : message.getColumns()) {
            if (c.getPrimitiveType().getPrimitiveTypeName() == PrimitiveTypeName.BINARY) {
                properties.withDictionaryEncoding(String.join(".", c.getPath()), true);
            }
        }
        this.props = properties.build();
        this.paged = fast == null ? null : new boolean[fast.leaves().size()];
        java.util.Set<String> pagedPaths = new java.util.HashSet<>();
        if (fast != null) {
            for (int i = 0; i < paged.length; i++) {
                FixedColumns.Leaf leaf = fast.leaves().get(i);
                ColumnDescriptor c = message.getColumns().get(leafIndex[leaf.column().id()]);
                // Paged: a plain 4- or 8-byte value once per record, outside lists (no levels to encode).
                paged[i] = leaf.copied() && leaf.perRow() == 1 && leaf.copyBytes() >= 4
                        && c.getMaxRepetitionLevel() == 0 && c.getMaxDefinitionLevel() == 0;
                if (paged[i]) {
                    pagedPaths.add(String.join(".", c.getPath()));
                }
            }
        }
        GroupType kept = pagedPaths.isEmpty() ? message : without(message, pagedPaths, "");
        this.rest = kept == null ? null : new MessageType(message.getName(), kept.getFields());
        this.file = new ParquetFileWriter(new LargeWriteFile(path), message, ParquetFileWriter.Mode.OVERWRITE,
                rowGroupBytes, 0, null, props);
        file.start();
        this.fixed = new RangePipeline<>(feeder, "convert-parquet",
                node -> (int) Math.min(1 << 24, rowGroupBytes / Math.max(1, node.size())),
                () -> new Group(fast != null), this::fill, g -> g.writeTo(file));
    }

    /** Fills the per-column tables; returns the leaves under {@code c}. */
    private List<Integer> index(Column c, int def, int rep, int[] leaves) {
        int id = c.id();
        int own = c.nullable() ? 1 : 0;
        ownDef[id] = own;
        List<Integer> under = new ArrayList<>();
        switch (c) {
            case Column.Struct s when s.fields().isEmpty() -> {
                leafIndex[id] = leaves[0]++;
                maxDef[id] = def + 1;
                under.add(id);
            }
            case Column.Struct s -> {
                for (Column f : s.fields()) {
                    under.addAll(index(f, def + own, rep, leaves));
                }
            }
            case Column.ListOf l -> {
                repLevel[id] = rep + 1;
                parentList[l.element().id()] = id;
                under.addAll(index(l.element(), def + own + 1, rep + 1, leaves));
            }
            case Column.Leaf leaf -> {
                leafIndex[id] = leaves[0]++;
                maxDef[id] = def + own;
                under.add(id);
            }
        }
        leavesUnder[id] = under.stream().mapToInt(Integer::intValue).toArray();
        return under;
    }

    @Override
    public void record(long index, long offset, MemorySegment segment, RecordValue value) {
        if (fixed.offer(segment, value)) {
            return;
        }
        RecordNode node = value.node();
        try {
            if (current == null) {
                current = new Group();
            }
            feeder.row(segment, node, value.start(), current);
            if (current.rows % CHECK_ROWS == 0 && current.columns.getBufferedSize() >= rowGroupBytes) {
                current.finish();
                current.writeTo(file);
                current = null;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void records(long first, long offset, MemorySegment segment, DecoderPlan plan, int count) {
        if (!fixed.offer(segment, plan, offset, count)) {
            ColumnarOut.super.records(first, offset, segment, plan, count);
        }
    }

    /** Encodes a range of fixed records into {@code g}: a column at a time where the record has that form. */
    private void fill(Group g, MemorySegment segment, RecordNode node, long start, int count) {
        if (fast != null) {
            g.fill(segment, start, count);
        } else {
            feeder.rows(segment, node, start, count, g);
        }
        g.finish();
    }

    @Override
    public void close() throws IOException {
        try {
            fixed.finish();
            if (current != null) {
                current.finish();
                current.writeTo(file);
                current = null;
            }
            file.end(Map.of("structscope.writer", "structscope convert"));
        } finally {
            // Groups not written hold heap buffers only: nothing to release.
            fixed.shutdown();
        }
    }

    /** {@code group} without the leaves whose dotted paths are in {@code drop}; null when nothing is left. */
    private static GroupType without(GroupType group, java.util.Set<String> drop, String prefix) {
        List<Type> kept = new ArrayList<>();
        for (Type t : group.getFields()) {
            String path = prefix + t.getName();
            if (t.isPrimitive()) {
                if (!drop.contains(path)) {
                    kept.add(t);
                }
            } else {
                GroupType g = without(t.asGroupType(), drop, path + ".");
                if (g != null) {
                    kept.add(g);
                }
            }
        }
        return kept.isEmpty() ? null : group.withNewFields(kept);
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
            // Parquet has no empty group: a struct without members is a boolean that is never set.
            case Column.Struct s when s.fields().isEmpty() ->
                    Types.primitive(PrimitiveTypeName.BOOLEAN, Type.Repetition.OPTIONAL).named(s.name());
            case Column.Struct s -> {
                List<Type> fields = new ArrayList<>();
                for (Column f : s.fields()) {
                    fields.add(type(f));
                }
                yield new GroupType(rep, s.name(), fields);
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

    /**
     * One row group being built: its column writers and pages, and the Dremel state of the
     * row being fed. Built on one thread (a worker, or the caller's for dynamic records), then
     * written to the file by the caller's thread in order.
     */
    private final class Group implements RowSink {
        private final ChunkPages pages;
        private final ColumnWriteStore columns;
        private final ColumnWriter[] writers;
        private long rows;

        private int r;
        private int d;
        private final int[] dStack = new int[4096];
        private int depth;
        /** By list id: the repetition level its first element's values take, and the elements seen. */
        private final int[] startR = new int[leafIndex.length];
        private final int[] seen = new int[leafIndex.length];

        /** Paged leaves (fixed groups only), by position in {@link FixedColumns#leaves()}; else null. */
        private final ParquetPage[] pagedColumns;
        /** Records in the paged leaves' current pages. */
        private int pageFill;

        /** A group of dynamic records, or of fixed records fed row by row: every column has its writer. */
        Group() {
            this(false);
        }

        /** With {@code columnar}, a group of fixed records fed by {@link #fill}: the paged leaves get no writer. */
        Group(boolean columnar) {
            pages = new ChunkPages(message, pageBuffers);
            MessageType schema = columnar ? rest : message;
            List<ColumnDescriptor> descriptors = message.getColumns();
            if (schema == null) {
                columns = null;
            } else if (schema == message) {
                columns = props.newColumnWriteStore(message, pages, pages);
            } else {
                // The rest's descriptors equal the message's (same path, type and levels).
                columns = props.newColumnWriteStore(schema, pages, pages);
            }
            writers = new ColumnWriter[leafIndex.length];
            pagedColumns = columnar ? new ParquetPage[paged.length] : null;
            java.util.Set<Integer> skip = new java.util.HashSet<>();
            if (columnar) {
                for (int i = 0; i < paged.length; i++) {
                    if (paged[i]) {
                        FixedColumns.Leaf leaf = fast.leaves().get(i);
                        ColumnDescriptor c = descriptors.get(leafIndex[leaf.column().id()]);
                        pagedColumns[i] = new ParquetPage(c, pages.getPageWriter(c), leaf.copyBytes());
                        skip.add(leaf.column().id());
                    }
                }
            }
            for (int id = 0; id < leafIndex.length; id++) {
                if (leafIndex[id] >= 0 && !skip.contains(id)) {
                    writers[id] = columns.getColumnWriter(descriptors.get(leafIndex[id]));
                }
            }
        }

        /**
         * Feeds {@code count} fixed records from byte {@code start} of {@code s} a column at a time,
         * in chunks of records: the plain leaves of a chunk are copied by a generated loop into
         * primitive arrays, then handed to their column writers in one tight loop each (the
         * writers take one value per call: parquet-java has no bulk write); the other leaves are
         * converted value by value as {@link RowFeeder} does. Each value's repetition level is
         * the one its place in the record always has ({@link FixedColumns.Leaf#repetition()}), its
         * definition level the leaf's maximum (nothing in a fixed record is null). Then one
         * {@code endRecord} per record, where the store checks page sizes; pages still end on
         * record boundaries, since every value of a record is written before its page can close.
         */
        void fill(MemorySegment s, long start, int count) {
            List<FixedColumns.Leaf> leaves = fast.leaves();
            long perRow = Math.max(1, fast.valuesPerRow());
            int chunk = (int) Math.max(1, Math.min(ColumnFeed.CHUNK, ColumnFeed.CHUNK * 16 / perRow));
            Object[] arrays = new Object[leaves.size()];
            MemorySegment[] dst = new MemorySegment[leaves.size()];
            ColumnFeed.Leaf[] feeds = new ColumnFeed.Leaf[leaves.size()];
            long[] row0 = new long[leaves.size()];
            boolean anyPaged = false;
            for (int i = 0; i < leaves.size(); i++) {
                FixedColumns.Leaf leaf = leaves.get(i);
                int n = chunk * leaf.perRow();
                if (pagedColumns[i] != null) {
                    dst[i] = pagedColumns[i].segment;
                    anyPaged = true;
                } else if (leaf.copied()) {
                    arrays[i] = switch (leaf.column().type()) {
                        case INT8, UINT8 -> new byte[n];
                        case INT16, UINT16 -> new short[n];
                        case INT32, UINT32 -> new int[n];
                        case INT64, UINT64 -> new long[n];
                        case FLOAT32 -> new float[n];
                        case FLOAT64 -> new double[n];
                        default -> throw new IllegalStateException("not copied: " + leaf);
                    };
                    dst[i] = switch (arrays[i]) {
                        case byte[] a -> MemorySegment.ofArray(a);
                        case short[] a -> MemorySegment.ofArray(a);
                        case int[] a -> MemorySegment.ofArray(a);
                        case long[] a -> MemorySegment.ofArray(a);
                        case float[] a -> MemorySegment.ofArray(a);
                        case double[] a -> MemorySegment.ofArray(a);
                        default -> throw new IllegalStateException();
                    };
                } else {
                    int id = leaf.column().id();
                    feeds[i] = new ColumnFeed.Leaf(writers[id], leaf.repetition(), maxDef[id]);
                }
            }
            long size = fast.recordSize();
            for (int done = 0; done < count; ) {
                int n = Math.min(chunk, count - done);
                if (anyPaged) {
                    n = Math.min(n, ParquetPage.ROWS - pageFill);
                    for (int i = 0; i < leaves.size(); i++) {
                        row0[i] = pagedColumns[i] != null ? pageFill : 0;
                    }
                }
                long at = start + done * size;
                fast.copy(s, at, n, dst, row0);
                for (int i = 0; i < leaves.size(); i++) {
                    FixedColumns.Leaf leaf = leaves.get(i);
                    if (feeds[i] != null) {
                        fast.feed(leaf, s, at, n, feeds[i]);
                    } else if (arrays[i] != null) {
                        int id = leaf.column().id();
                        ColumnFeed.write(writers[id], leaf.column().type().signed(), arrays[i], n * leaf.perRow(),
                                leaf.repetition(), maxDef[id]);
                    }
                }
                if (columns != null) {
                    for (int j = 0; j < n; j++) {
                        columns.endRecord();
                    }
                }
                rows += n;
                done += n;
                pageFill += n;
                if (pageFill == ParquetPage.ROWS) {
                    flushPages();
                }
            }
        }

        /** Writes the paged leaves' current pages (all hold the same records). */
        private void flushPages() {
            if (pageFill == 0 || pagedColumns == null) {
                return;
            }
            try {
                for (ParquetPage p : pagedColumns) {
                    if (p != null) {
                        p.writePage(pageFill);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            pageFill = 0;
        }

        /** Encodes what is still buffered into pages (any thread). */
        void finish() {
            flushPages();
            if (columns != null) {
                columns.flush();
            }
        }

        /** Appends the group to the file (the file's thread, in order). */
        void writeTo(ParquetFileWriter out) throws IOException {
            if (rows > 0) {
                out.startBlock(rows);
                pages.writeTo(out);
                out.endBlock();
            }
            if (columns != null) {
                columns.close();
            }
            pages.release();
        }

        /**
         * The start of a value (or null) of {@code c}: an element of a list repeats at the list's
         * level, except the first, which continues whatever repeated before the list.
         */
        private void enter(int id) {
            int list = parentList[id];
            if (list >= 0) {
                r = seen[list]++ == 0 ? startR[list] : repLevel[list];
            }
        }

        /** Enters a leaf's value ({@link #enter}, which sets {@link #r}) and returns the leaf's column writer. */
        private ColumnWriter leaf(Column.Leaf column) {
            enter(column.id());
            return writers[column.id()];
        }

        @Override
        public void beginRow() {
            r = 0;
            d = 0;
            depth = 0;
        }

        @Override
        public void endRow() {
            columns.endRecord();
            rows++;
        }

        @Override
        public void longValue(Column.Leaf column, long value) {
            ColumnWriter w = leaf(column);
            if (column.type().bits() == 64) {
                w.write(value, r, maxDef[column.id()]);
            } else {
                w.write((int) value, r, maxDef[column.id()]);
            }
        }

        @Override
        public void floatValue(Column.Leaf column, float value) {
            ColumnWriter w = leaf(column);
            w.write(value, r, maxDef[column.id()]);
        }

        @Override
        public void doubleValue(Column.Leaf column, double value) {
            ColumnWriter w = leaf(column);
            w.write(value, r, maxDef[column.id()]);
        }

        @Override
        public void booleanValue(Column.Leaf column, boolean value) {
            ColumnWriter w = leaf(column);
            w.write(value, r, maxDef[column.id()]);
        }

        @Override
        public void stringValue(Column.Leaf column, String value) {
            ColumnWriter w = leaf(column);
            w.write(Binary.fromString(value), r, maxDef[column.id()]);
        }

        @Override
        public void nullValue(Column column) {
            enter(column.id());
            for (int leaf : leavesUnder[column.id()]) {
                writers[leaf].writeNull(r, d);
            }
        }

        @Override
        public void beginStruct(Column.Struct column) {
            int id = column.id();
            enter(id);
            dStack[depth++] = d;
            if (column.fields().isEmpty()) {
                writers[id].writeNull(r, d + ownDef[id]);
            }
            d += ownDef[id];
        }

        @Override
        public void endStruct(Column.Struct column) {
            d = dStack[--depth];
        }

        @Override
        public void beginList(Column.ListOf column, int length) {
            int id = column.id();
            enter(id);
            dStack[depth++] = d;
            dStack[depth++] = r;
            d += ownDef[id];
            if (length == 0) {
                // Present but empty: every leaf below says so at the list's own level.
                for (int leaf : leavesUnder[id]) {
                    writers[leaf].writeNull(r, d);
                }
            } else {
                startR[id] = r;
                seen[id] = 0;
                d += 1;
            }
        }

        @Override
        public void endList(Column.ListOf column, int length) {
            r = dStack[--depth];
            d = dStack[--depth];
        }
    }
}
