package dev.structscope.io.source;

import dev.structscope.model.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class MappedFileSourceTest extends DataSourceContractTest {
    @TempDir
    Path dir;

    private int counter;

    @Override
    DataSource open(byte[] content) throws Exception {
        Path f = dir.resolve("data" + (counter++) + ".bin");
        Files.write(f, content);
        return MappedFileSource.open(f);
    }

    private static String failure(Path p) {
        return assertThrows(InputException.class, () -> MappedFileSource.open(p)).oneLine();
    }

    @Test
    void badFilesAreClearErrorsNamingThePath() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.bin"));
        try (MappedFileSource none = MappedFileSource.open(empty)) {
            assertEquals(0, none.size(), "an empty file is data without bytes, not an error");
        }
        assertEquals(dir + ": is a directory, not a data file", failure(dir));
        assertTrue(failure(dir.resolve("nope")).endsWith("nope: no such file"));
        assertTrue(failure(Path.of("/dev/zero")).startsWith("/dev/zero: is not a regular file"));
        Path fifo = dir.resolve("fifo");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertEquals(0, mk.waitFor());
        assertTrue(failure(fifo).contains("is not a regular file"), failure(fifo));
    }

    @Test
    void unreadableFileIsAClearError() throws Exception {
        assumeTrue(!"root".equals(System.getProperty("user.name")), "root reads any file");
        Path f = Files.write(dir.resolve("secret.bin"), new byte[]{1, 2, 3});
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("---------"));
        assertTrue(failure(f).contains("permission denied"), failure(f));
    }

    @Test
    void mapsSparseFilesPastFourGiB() throws Exception {
        Path f = dir.resolve("sparse.bin");
        long size = 6L << 30;
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            raf.setLength(size);
            raf.seek(size - 8);
            raf.writeLong(0x1122334455667788L);
        }
        try (DataSource s = MappedFileSource.open(f)) {
            assertEquals(size, s.size());
            MemorySegment tail = s.slice(size - 8, 8);
            assertEquals(0x1122334455667788L, tail.get(ValueLayout.JAVA_LONG_UNALIGNED.withOrder(java.nio.ByteOrder.BIG_ENDIAN), 0));
            assertEquals(0, s.slice(5L << 30, 4).get(ValueLayout.JAVA_INT_UNALIGNED, 0));
        }
    }

    /**
     * Another process (here: this one, through a second channel) truncates the file while it is
     * mapped. Reading a page past the new end raises SIGBUS; the JVM must turn it into an error we
     * can catch, and the source must then report the size change. The JVM keeps running.
     */
    @Test
    void truncationWhileMappedIsReportedAndTheJvmSurvives() throws Exception {
        Path f = dir.resolve("shrinks.bin");
        int size = 1 << 20;
        Files.write(f, randomBytes(size, 9));
        try (DataSource s = MappedFileSource.open(f)) {
            s.checkUnchanged();
            MemorySegment all = s.segment();
            try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
                raf.setLength(4096);
            }
            InputException e = assertThrows(InputException.class, () -> Sources.guard(s, () -> {
                long sum = 0;
                for (long i = 0; i < all.byteSize(); i += 4096) {
                    sum += all.get(ValueLayout.JAVA_BYTE, i);
                }
                return sum;
            }));
            assertEquals(f + ": file changed size on disk: was " + size + ", now 4096", e.oneLine());
            // Still alive, and the first page still reads.
            assertEquals(Files.readAllBytes(f)[7], all.get(ValueLayout.JAVA_BYTE, 7));
        }
    }
}
