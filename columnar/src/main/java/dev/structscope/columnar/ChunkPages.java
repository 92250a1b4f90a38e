package dev.structscope.columnar;

import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageWriteStore;
import org.apache.parquet.column.page.PageWriter;
import org.apache.parquet.column.statistics.SizeStatistics;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.column.statistics.geospatial.GeospatialStatistics;
import org.apache.parquet.column.values.bloomfilter.BloomFilterWriteStore;
import org.apache.parquet.column.values.bloomfilter.BloomFilterWriter;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.schema.MessageType;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The pages of one Parquet row group ({@link ParquetOut}), compressed as they are made and kept
 * until the group is written; then each column chunk goes to parquet-java's
 * {@link ParquetFileWriter} page by page ({@code startColumn}, {@code writeDataPage},
 * {@code endColumn}), which writes the page headers and checksums and keeps the statistics,
 * column and offset indexes and encodings for the footer, as it does for its own page store.
 *
 * <p>Why not parquet-java's page store ({@code ColumnChunkPageWriteStore}): it copies every
 * compressed page into its collector, and hands the chunk to the file through
 * {@code Channels.newChannel}'s 8 KiB array, two copies of everything written before the file's
 * own buffer. Here Snappy writes each page straight into a slab kept for the group, and the file's
 * buffer takes it from there ({@link LargeWriteFile}): one copy. Slabs ({@value #SLAB} bytes, or a
 * page's own when larger) come from {@link PageBuffers} and go back to it when the group is written.
 *
 * <p>Filled by the thread that builds the group (its column writers and paged leaves call
 * {@link Column#writePage}), then written and released by the file's thread
 * ({@link #writeTo}, {@link #release}), after the pipeline's hand-over.
 */
final class ChunkPages implements PageWriteStore, BloomFilterWriteStore {
    /** Bytes per slab: pages are at most about 1 MiB before compression ({@code withPageSize}). */
    static final int SLAB = 1 << 20;

    /** A compressed data page: its bytes, {@code compressed} of them from {@code offset} of {@code slab}. */
    private record Page(byte[] slab, int offset, int compressed, int uncompressed, int valueCount, int rowCount,
                        Statistics<?> statistics, SizeStatistics sizes, Encoding rl, Encoding dl, Encoding values) {
    }

    private final MessageType message;
    private final PageBuffers buffers;
    private final Map<ColumnDescriptor, Column> columns = new HashMap<>();
    /** Every slab taken, for {@link #release}. */
    private final List<ByteBuffer> slabs = new ArrayList<>();
    /** The slab pages are compressed into, and where its free bytes start. */
    private byte[] slab;
    private int used;

    ChunkPages(MessageType message, PageBuffers buffers) {
        this.message = message;
        this.buffers = buffers;
        for (ColumnDescriptor c : message.getColumns()) {
            columns.put(c, new Column());
        }
    }

    @Override
    public Column getPageWriter(ColumnDescriptor path) {
        Column c = columns.get(path);
        if (c == null) {
            throw new IllegalArgumentException("not a column of the file: " + path);
        }
        return c;
    }

    /** Nothing to close: the slabs go back by {@link #release}, once the group is written. */
    @Override
    public void close() {
    }

    /** Bloom filters are not written (docs/user/bulk.md): column writers get one that is never called. */
    @Override
    public BloomFilterWriter getBloomFilterWriter(ColumnDescriptor path) {
        return filter -> {
            throw new IllegalStateException("bloom filters are not written");
        };
    }

    /** Compresses {@code bytes} into a slab; returns where they are: {slab offset, compressed length}. */
    private int[] compress(BytesInput bytes) throws IOException {
        int max = SnappyPages.maxCompressedLength(bytes);
        if (slab == null || SLAB - used < max) {
            ByteBuffer b = buffers.allocate(Math.max(SLAB, max));
            slabs.add(b);
            slab = b.array();
            used = 0;
        }
        int at = used;
        int n = SnappyPages.compress(bytes, slab, at);
        used += n;
        return new int[] {at, n};
    }

    /**
     * Writes the group's column chunks, in the message's column order (the order the footer lists
     * them in, which readers expect), between the caller's {@code startBlock} and {@code endBlock}.
     */
    void writeTo(ParquetFileWriter file) throws IOException {
        for (ColumnDescriptor d : message.getColumns()) {
            Column c = columns.get(d);
            file.startColumn(d, c.values, CompressionCodecName.SNAPPY);
            if (c.dictionary != null) {
                file.writeDictionaryPage(c.dictionary);
            }
            for (Page p : c.pages) {
                file.writeDataPage(p.valueCount(), p.uncompressed(), BytesInput.from(p.slab(), p.offset(), p.compressed()),
                        p.statistics(), p.rowCount(), p.rl(), p.dl(), p.values(), null, null, p.sizes());
            }
            file.endColumn();
        }
    }

    /** Gives the slabs back for the next groups; the pages are gone. */
    void release() {
        for (ByteBuffer b : slabs) {
            buffers.release(b);
        }
        slabs.clear();
        slab = null;
        columns.values().forEach(c -> c.pages.clear());
    }

    /** The pages of one column chunk: what the column writer (or a {@link ParquetPage}) hands over. */
    final class Column implements PageWriter {
        private final List<Page> pages = new ArrayList<>();
        private DictionaryPage dictionary;
        /** Values (with nulls and repetitions) in the chunk's pages. */
        private long values;
        /** Compressed bytes kept for this column. */
        private long bytes;

        @Override
        public void writePage(BytesInput page, int valueCount, int rowCount, Statistics<?> statistics,
                              SizeStatistics sizes, GeospatialStatistics geospatial,
                              Encoding rl, Encoding dl, Encoding valuesEncoding) throws IOException {
            int uncompressed = Math.toIntExact(page.size());
            int[] at = compress(page);
            pages.add(new Page(slab, at[0], at[1], uncompressed, valueCount, rowCount, statistics, sizes,
                    rl, dl, valuesEncoding));
            values += valueCount;
            bytes += at[1];
        }

        @Override
        public void writePage(BytesInput page, int valueCount, int rowCount, Statistics<?> statistics,
                              SizeStatistics sizes, Encoding rl, Encoding dl, Encoding valuesEncoding) throws IOException {
            writePage(page, valueCount, rowCount, statistics, sizes, null, rl, dl, valuesEncoding);
        }

        @Override
        public void writePage(BytesInput page, int valueCount, int rowCount, Statistics<?> statistics,
                              Encoding rl, Encoding dl, Encoding valuesEncoding) {
            throw new UnsupportedOperationException("pages come with their size statistics");
        }

        @Override
        public void writePage(BytesInput page, int valueCount, Statistics<?> statistics,
                              Encoding rl, Encoding dl, Encoding valuesEncoding) {
            throw new UnsupportedOperationException("pages come with their row count");
        }

        @Override
        public void writePageV2(int rowCount, int nullCount, int valueCount, BytesInput repetitionLevels,
                                BytesInput definitionLevels, Encoding dataEncoding, BytesInput data,
                                Statistics<?> statistics) {
            throw new UnsupportedOperationException("data pages are written in format 1.0");
        }

        @Override
        public void writeDictionaryPage(DictionaryPage page) throws IOException {
            if (dictionary != null) {
                throw new IllegalStateException("a second dictionary page for one column chunk");
            }
            int[] at = compress(page.getBytes());
            dictionary = new DictionaryPage(BytesInput.from(slab, at[0], at[1]), page.getUncompressedSize(),
                    page.getDictionarySize(), page.getEncoding());
            bytes += at[1];
        }

        @Override
        public long getMemSize() {
            return bytes;
        }

        @Override
        public long allocatedSize() {
            return bytes;
        }

        @Override
        public String memUsageString(String prefix) {
            return prefix + " " + bytes + " compressed bytes in " + pages.size() + " pages";
        }
    }
}
