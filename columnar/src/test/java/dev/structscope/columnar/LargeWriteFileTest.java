package dev.structscope.columnar;

import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The Parquet output file in large writes, held to parquet-java's own LocalOutputFile. */
class LargeWriteFileTest {
    @TempDir
    Path dir;

    /** Writes that end inside, exactly at and far across the buffer's end; single bytes between them. */
    private static List<byte[]> pieces() {
        Random random = new Random(18);
        int[] sizes = {0, 1, 8192, LargeWriteFile.BUFFER - 8193, 1, LargeWriteFile.BUFFER, 3 * LargeWriteFile.BUFFER + 17,
                4096, 7, LargeWriteFile.BUFFER - 1, 2, 100_000};
        List<byte[]> out = new ArrayList<>();
        for (int size : sizes) {
            byte[] b = new byte[size];
            random.nextBytes(b);
            out.add(b);
        }
        for (int i = 0; i < 300; i++) {
            byte[] b = new byte[random.nextInt(20_000)];
            random.nextBytes(b);
            out.add(b);
        }
        return out;
    }

    /** Writes the pieces (a piece of one byte through write(int), the others from an offset inside a larger array); returns the positions seen after each. */
    private static List<Long> write(OutputFile file, List<byte[]> pieces) throws IOException {
        List<Long> positions = new ArrayList<>();
        try (PositionOutputStream out = file.createOrOverwrite(0)) {
            for (byte[] p : pieces) {
                if (p.length == 1) {
                    out.write(p[0]);
                } else {
                    byte[] padded = new byte[p.length + 10];
                    System.arraycopy(p, 0, padded, 3, p.length);
                    out.write(padded, 3, p.length);
                }
                positions.add(out.getPos());
            }
            out.flush();
            positions.add(out.getPos());
        }
        return positions;
    }

    @Test
    void writesTheSameBytesAndPositionsAsParquetJavasLocalOutputFile() throws IOException {
        List<byte[]> pieces = pieces();
        Path ours = dir.resolve("ours.bin");
        Path theirs = dir.resolve("theirs.bin");
        List<Long> ourPositions = write(new LargeWriteFile(ours), pieces);
        List<Long> theirPositions = write(new LocalOutputFile(theirs), pieces);
        assertEquals(theirPositions, ourPositions);
        assertArrayEquals(Files.readAllBytes(theirs), Files.readAllBytes(ours));
        long total = pieces.stream().mapToLong(p -> p.length).sum();
        assertEquals(total, Files.size(ours));
    }

    @Test
    void createRefusesAnExistingFileAndOverwriteTruncatesIt() throws IOException {
        Path file = dir.resolve("out.parquet");
        Files.write(file, new byte[5000]);
        LargeWriteFile out = new LargeWriteFile(file);
        assertThrows(FileAlreadyExistsException.class, () -> out.create(0));
        try (PositionOutputStream s = out.createOrOverwrite(0)) {
            s.write(new byte[] {1, 2, 3}, 0, 3);
        }
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(file));
        assertEquals(file.toString(), out.getPath());
    }
}
