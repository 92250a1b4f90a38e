package dev.structscope.columnar;

import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.xerial.snappy.Snappy;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Page compression for {@link ParquetOut} without Hadoop: parquet-java's own codec factory goes
 * through Hadoop's codec classes, so this one compresses with snappy-java directly (Snappy: what
 * DuckDB, pandas/pyarrow and Spark read by default, and fast to write). Write only. Stateless but
 * for one reused output buffer per thread.
 */
final class SnappyCodecs implements CompressionCodecFactory {
    static final SnappyCodecs INSTANCE = new SnappyCodecs();

    /** Per thread (two row groups are compressed at once), the compressed page being handed over. */
    private static final ThreadLocal<byte[]> OUT = ThreadLocal.withInitial(() -> new byte[1 << 16]);

    private static final BytesInputCompressor SNAPPY = new BytesInputCompressor() {
        @Override
        public BytesInput compress(BytesInput bytes) throws IOException {
            // Into a buffer of this thread that the next page reuses: parquet-java's page writer
            // copies the compressed bytes into its own buffers before compressing another page
            // (ColumnChunkPageWriter.writePage collects them), so no array per page is needed.
            // A page made from an array (ParquetPage's, and most of the column writers') is read
            // where it is: toByteBuffer() wraps it; only other inputs are copied into an array.
            ByteBuffer page = bytes.toByteBuffer();
            byte[] in;
            int from;
            int length = page.remaining();
            if (page.hasArray()) {
                in = page.array();
                from = page.arrayOffset() + page.position();
            } else {
                in = bytes.toByteArray();
                from = 0;
            }
            int max = Snappy.maxCompressedLength(length);
            byte[] out = OUT.get();
            if (out.length < max) {
                out = new byte[Math.max(max, out.length * 2)];
                OUT.set(out);
            }
            int n = Snappy.rawCompress(in, from, length, out, 0);
            return BytesInput.from(out, 0, n);
        }

        @Override
        public CompressionCodecName getCodecName() {
            return CompressionCodecName.SNAPPY;
        }

        @Override
        public void release() {
        }
    };

    private static final BytesInputCompressor NONE = new BytesInputCompressor() {
        @Override
        public BytesInput compress(BytesInput bytes) {
            return bytes;
        }

        @Override
        public CompressionCodecName getCodecName() {
            return CompressionCodecName.UNCOMPRESSED;
        }

        @Override
        public void release() {
        }
    };

    private SnappyCodecs() {
    }

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codec) {
        return switch (codec) {
            case SNAPPY -> SNAPPY;
            case UNCOMPRESSED -> NONE;
            default -> throw new IllegalArgumentException("not available without Hadoop: " + codec);
        };
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
        return new BytesInputDecompressor() {
            @Override
            public BytesInput decompress(BytesInput bytes, int uncompressedSize) {
                throw new UnsupportedOperationException("write only");
            }

            @Override
            public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize) {
                throw new UnsupportedOperationException("write only");
            }

            @Override
            public void release() {
            }
        };
    }

    @Override
    public void release() {
    }
}
