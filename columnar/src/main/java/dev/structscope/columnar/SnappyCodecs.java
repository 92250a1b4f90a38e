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
 * DuckDB, pandas/pyarrow and Spark read by default, and fast to write). Write only. Stateless.
 */
final class SnappyCodecs implements CompressionCodecFactory {
    static final SnappyCodecs INSTANCE = new SnappyCodecs();

    private static final BytesInputCompressor SNAPPY = new BytesInputCompressor() {
        @Override
        public BytesInput compress(BytesInput bytes) throws IOException {
            // A fresh array per page: the page writer keeps the compressed bytes until the row group is flushed.
            return BytesInput.from(Snappy.compress(bytes.toByteArray()));
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
