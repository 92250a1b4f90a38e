package dev.structscope.io.bytemap;

import dev.structscope.io.source.DataSource;
import dev.structscope.io.source.MappedFileSource;
import dev.structscope.io.source.Sources;
import dev.structscope.io.stats.StatsProgress;
import dev.structscope.io.testing.Tools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The byte map and histogram against Python: for files of zero, text, 0xFF and random regions
 * in random order and lengths, every block's entropy (Shannon, {@code math.log2}) and class counts
 * equal what plain Python computes over the same blocks, the last block short where the file
 * does not divide evenly; a range's histogram equals {@code numpy.bincount} of the same bytes.
 */
class ByteScanPythonTest {
    @TempDir
    Path dir;

    /** Python's blocks: one line per block, "entropy zero text other ff", plain Python only. */
    static final String BLOCKS = """
            import math, sys
            data = open(sys.argv[1], 'rb').read()
            off, length, bs = int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
            data = data[off:off + length]
            text = set(range(0x20, 0x7f)) | {9, 10, 13}
            for start in range(0, len(data), bs):
                blk = data[start:start + bs]
                hist = [blk.count(b) for b in range(256)]
                n = len(blk)
                h = -sum(c / n * math.log2(c / n) for c in hist if c)
                zero, ff = hist[0], hist[255]
                txt = sum(hist[b] for b in text)
                print(repr(max(0.0, h)), zero, txt, n - zero - ff - txt, ff)
            """;

    static final String BINCOUNT = """
            import sys, numpy as np
            a = np.fromfile(sys.argv[1], dtype=np.uint8)
            off, length = int(sys.argv[2]), int(sys.argv[3])
            print(' '.join(str(int(c)) for c in np.bincount(a[off:off + length], minlength=256)))
            """;

    /** A file of regions: zeros, English-ish text, 0xFF fill and random bytes, in random lengths. */
    static byte[] regions(long seed, int size) {
        Random r = new Random(seed);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] words = "the quick brown fox jumps over the lazy dog\n\tHELLO, world 1234567890;\r\n"
                .getBytes(StandardCharsets.US_ASCII);
        while (out.size() < size) {
            int len = Math.min(size - out.size(), 1 + r.nextInt(Math.max(1, size / 5)));
            switch (r.nextInt(4)) {
                case 0 -> out.writeBytes(new byte[len]);
                case 1 -> {
                    for (int i = 0; i < len; i++) {
                        out.write(words[r.nextInt(words.length)]);
                    }
                }
                case 2 -> {
                    byte[] ff = new byte[len];
                    java.util.Arrays.fill(ff, (byte) 0xFF);
                    out.writeBytes(ff);
                }
                default -> {
                    byte[] b = new byte[len];
                    r.nextBytes(b);
                    out.writeBytes(b);
                }
            }
        }
        return out.toByteArray();
    }

    private void assertMapMatchesPython(Path file, DataSource src, long off, long len, int maxBlocks, long minBlock)
            throws Exception {
        ByteMap m = ByteScan.map(src, off, len, maxBlocks, minBlock, StatsProgress.NONE);
        long bs = ByteScan.blockSize(len, maxBlocks, minBlock);
        assertEquals(bs, m.blockSize());
        List<String> lines = Tools.run(dir, List.of(Tools.python(), script("blocks.py", BLOCKS).toString(), file.toString(),
                Long.toString(off), Long.toString(len), Long.toString(bs))).lines().toList();
        assertEquals(lines.size(), m.blocks(), "block count for " + len + " bytes in blocks of " + bs);
        assertTrue(m.blocks() <= maxBlocks);
        long total = 0;
        for (int i = 0; i < m.blocks(); i++) {
            String[] f = lines.get(i).split(" ");
            String where = "block " + i + " of " + m.blocks() + " (" + len + " bytes, blocks of " + bs + ")";
            assertEquals(Double.parseDouble(f[0]), m.entropy(i), 1e-12, where + ": entropy");
            assertEquals(Long.parseLong(f[1]), m.count(i, ByteClass.ZERO), where + ": zero");
            assertEquals(Long.parseLong(f[2]), m.count(i, ByteClass.TEXT), where + ": text");
            assertEquals(Long.parseLong(f[3]), m.count(i, ByteClass.OTHER), where + ": other");
            assertEquals(Long.parseLong(f[4]), m.count(i, ByteClass.FF), where + ": ff");
            assertEquals(off + i * bs, m.blockOffset(i));
            total += m.blockLength(i);
        }
        assertEquals(len, total, "the blocks cover the range exactly");
    }

    private Path script(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @ParameterizedTest(name = "seed {0}: {1} bytes, at most {2} blocks of at least {3}")
    @CsvSource({
            "1, 1000, 4096, 256",        // 4 blocks, the last 232 bytes
            "2, 100000, 64, 256",         // 64 blocks, the last one short
            "3, 3000001, 7, 256",         // 7 blocks of ~428 KiB, several split between pieces
            "4, 5242880, 4096, 256",      // an even 5 MiB: 4096 blocks of 1280 bytes
            "5, 4194305, 1, 256",         // one block of 4 MiB + 1 byte, counted by several pieces
            "6, 777, 1000, 1",            // blocks of a single byte: entropy 0 each
            "7, 2500000, 4096, 256",
    })
    void blocksEqualPythons(long seed, int size, int maxBlocks, long minBlock) throws Exception {
        Path file = dir.resolve("f" + seed + ".bin");
        Files.write(file, regions(seed, size));
        try (DataSource src = MappedFileSource.open(file)) {
            assertMapMatchesPython(file, src, 0, size, maxBlocks, minBlock);
        }
    }

    @Test
    void aRangeInsideTheFileIsMappedFromItsOwnStart() throws Exception {
        Path file = dir.resolve("r.bin");
        Files.write(file, regions(11, 1_500_000));
        try (DataSource src = MappedFileSource.open(file)) {
            assertMapMatchesPython(file, src, 123_457, 900_001, 300, 256);
        }
    }

    @Test
    void anEmptyRangeHasNoBlocksAndAnEmptyHistogram() throws Exception {
        Path file = dir.resolve("empty.bin");
        Files.write(file, new byte[0]);
        try (DataSource src = Sources.of("empty", new byte[0])) {
            ByteMap m = ByteScan.map(src, 0, 0, 4096, 256, StatsProgress.NONE);
            assertEquals(0, m.blocks());
            assertEquals(-1, m.blockAt(0));
            List<String> py = Tools.run(dir, List.of(Tools.python(), script("blocks.py", BLOCKS).toString(), file.toString(),
                    "0", "0", "256")).lines().toList();
            assertEquals(List.of(), py, "Python has no blocks either");
            assertEquals(0, java.util.Arrays.stream(ByteScan.histogram(src, 0, 0, StatsProgress.NONE)).sum());
        }
    }

    static boolean numpy() {
        try {
            Process p = new ProcessBuilder("python3", "-c", "import numpy").start();
            return p.waitFor() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    @ParameterizedTest(name = "histogram of {1} bytes from {0}")
    @CsvSource({"0, 3000000", "17, 1", "1000, 999", "2999990, 10", "123, 2999000"})
    void histogramEqualsNumpyBincount(long off, long len) throws Exception {
        assumeTrue(numpy(), "python3 with numpy is needed (apt: python3-numpy)");
        Path file = dir.resolve("h.bin");
        Files.write(file, regions(21, 3_000_000));
        try (DataSource src = MappedFileSource.open(file)) {
            long[] h = ByteScan.histogram(src, off, len, StatsProgress.NONE);
            String[] py = Tools.run(dir, List.of(Tools.python(), script("bincount.py", BINCOUNT).toString(), file.toString(),
                    Long.toString(off), Long.toString(len))).strip().split(" ");
            assertEquals(256, py.length);
            for (int b = 0; b < 256; b++) {
                assertEquals(Long.parseLong(py[b]), h[b], "count of byte " + b);
            }
        }
    }

    @Test
    void progressReachesTheWholeRangeAndCancelStops() throws Exception {
        byte[] bytes = regions(31, 6_000_000);
        try (DataSource src = Sources.of("r", bytes)) {
            AtomicLong last = new AtomicLong();
            AtomicLong calls = new AtomicLong();
            ByteScan.map(src, 0, bytes.length, 4096, 256, new StatsProgress() {
                @Override
                public void update(long done, long total) {
                    assertEquals(bytes.length, total);
                    last.accumulateAndGet(done, Math::max);
                    calls.incrementAndGet();
                }

                @Override
                public boolean cancelled() {
                    return false;
                }
            });
            assertEquals(bytes.length, last.get(), "every byte was reported done once");
            AtomicLong checks = new AtomicLong();
            assertThrows(CancellationException.class, () -> ByteScan.histogram(src, 0, bytes.length, new StatsProgress() {
                @Override
                public void update(long done, long total) {
                }

                @Override
                public boolean cancelled() {
                    return checks.incrementAndGet() > 2;
                }
            }));
        }
    }

    @Test
    void aRangePastTheEndIsRefused() {
        try (DataSource src = Sources.of("r", new byte[100])) {
            assertThrows(dev.structscope.model.InputException.class,
                    () -> ByteScan.map(src, 50, 51, 10, 1, StatsProgress.NONE));
            assertThrows(dev.structscope.model.InputException.class,
                    () -> ByteScan.histogram(src, 101, 0, StatsProgress.NONE));
        }
    }
}
