package dev.structscope.app.hexview;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;

/** Makes sparse files of any size with a few bytes written at chosen offsets. */
public final class SparseFiles {
    private SparseFiles() {
    }

    public static Path make(Path file, long size, long[] offsets, byte[][] contents) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(size);
            for (int i = 0; i < offsets.length; i++) {
                f.seek(offsets[i]);
                f.write(contents[i]);
            }
        }
        return file;
    }
}
