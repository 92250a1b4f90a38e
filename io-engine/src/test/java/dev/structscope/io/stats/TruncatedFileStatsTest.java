package dev.structscope.io.stats;

import dev.structscope.io.decode.DecoderPlan;
import dev.structscope.io.source.DataSource;
import dev.structscope.io.source.MappedFileSource;
import dev.structscope.model.InputException;
import dev.structscope.model.abi.Abis;
import dev.structscope.model.layout.LayoutEngine;
import dev.structscope.model.type.Prim;
import dev.structscope.model.type.RecordType;
import dev.structscope.model.type.TypeLibrary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;

import static dev.structscope.io.testing.T.m;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A file truncated by someone else while {@code stats} has it mapped: the column loops, by now
 * JIT-compiled and running on fork-join threads, touch pages past the new end (SIGBUS). The JVM
 * must survive and the caller must get a clear {@link InputException}.
 */
class TruncatedFileStatsTest {
    @TempDir
    Path dir;

    @Test
    void truncationDuringCompiledParallelLoopsIsAnInputException() throws Exception {
        RecordType t = RecordType.struct("R", List.of(m("a", Prim.INT64), m("b", Prim.DOUBLE)));
        DecoderPlan plan = DecoderPlan.compile(LayoutEngine.layout(t, TypeLibrary.of(t), Abis.X86_64_LINUX),
                Abis.X86_64_LINUX, ByteOrder.LITTLE_ENDIAN);
        Path f = dir.resolve("r.bin");
        long size = 32L << 20;
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            raf.setLength(size);
        }
        try (DataSource src = MappedFileSource.open(f)) {
            for (int i = 0; i < 30; i++) { // enough passes for C2 to compile the loops
                assertEquals(size / 16, RecordStats.compute(src, plan, 0).records());
            }
            try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
                raf.setLength(8192);
            }
            InputException e = assertThrows(InputException.class, () -> RecordStats.compute(src, plan, 0));
            assertEquals(f + ": file changed size on disk: was " + size + ", now 8192", e.oneLine());
        }
        // Still alive: another source works.
        try (DataSource again = MappedFileSource.open(f)) {
            assertEquals(512, RecordStats.compute(again, plan, 0).records());
        }
    }
}
