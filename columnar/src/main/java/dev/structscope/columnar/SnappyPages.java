package dev.structscope.columnar;

import org.apache.parquet.bytes.BytesInput;
import org.xerial.snappy.Snappy;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Page compression for {@link ParquetOut} without Hadoop: parquet-java's own codec factory goes
 * through Hadoop's codec classes, so pages are compressed with snappy-java directly (Snappy: what
 * DuckDB, pandas/pyarrow and Spark read by default, and fast to write), into the buffer the caller
 * keeps them in ({@link ChunkPages}). Stateless; any thread.
 */
final class SnappyPages {
    private SnappyPages() {
    }

    /** The most bytes {@link #compress} can write for {@code page}. */
    static int maxCompressedLength(BytesInput page) {
        return Snappy.maxCompressedLength(Math.toIntExact(page.size()));
    }

    /**
     * Compresses {@code page} into {@code out} from byte {@code at} (which must have
     * {@link #maxCompressedLength} bytes free there); returns the compressed length. A page made
     * from an array (ParquetPage's, and most of the column writers') is read where it is:
     * {@code toByteBuffer()} wraps it; only other pages are copied into an array first.
     */
    static int compress(BytesInput page, byte[] out, int at) throws IOException {
        ByteBuffer b = page.toByteBuffer();
        if (b.hasArray()) {
            return Snappy.rawCompress(b.array(), b.arrayOffset() + b.position(), b.remaining(), out, at);
        }
        byte[] in = page.toByteArray();
        return Snappy.rawCompress(in, 0, in.length, out, at);
    }
}
