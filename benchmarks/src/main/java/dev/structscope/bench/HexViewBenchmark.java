package dev.structscope.bench;

import dev.structscope.app.hexview.HexRowFormatter;
import dev.structscope.io.source.DataSource;
import dev.structscope.io.source.Sources;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The hex view's per-screen work without the toolkit: slice the visible rows of a 16 GiB sparse
 * file out of the mapping and format them (offset, hex pairs, ASCII) exactly as
 * {@code HexView.paint} does. {@code openAndFirstScreen} adds mapping and unmapping the file, i.e.
 * what opening a 16 GiB file costs before the first paint.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class HexViewBenchmark {
    /** Rows on a screen (about 1000 px of 16 px rows, plus one partial). */
    @Param({"60"})
    int rows;

    @Param({"16"})
    int bytesPerRow;

    private Path file;
    private DataSource source;
    private final HexRowFormatter formatter = new HexRowFormatter();
    private long row;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Files.createDirectories(BenchData.DIR);
        file = BenchData.DIR.resolve("sparse-16g.bin");
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(16L << 30);
            f.seek(0);
            f.write("StructScope hex view benchmark".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        source = Sources.open(file);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        source.close();
        Files.deleteIfExists(file);
    }

    private long paint(DataSource s, long firstRow, Blackhole bh) {
        long first = firstRow * bytesPerRow;
        long len = Math.min((long) rows * bytesPerRow, s.size() - first);
        MemorySegment seg = s.slice(first, len);
        long sum = 0;
        for (int r = 0; r < rows; r++) {
            long at = (long) r * bytesPerRow;
            int count = (int) Math.min(bytesPerRow, len - at);
            if (count <= 0) {
                break;
            }
            formatter.format(seg, at, count, first + at, true, HexRowFormatter.hexDigits(s.size()));
            sum += formatter.hexChars()[0] + formatter.asciiChars()[count - 1];
        }
        bh.consume(formatter);
        return sum;
    }

    /**
     * A screen at a different place each time, within the first 64 MiB (pages already in the page
     * cache after the first pass: the cost of scrolling, not of disk or first-touch faults).
     */
    @Benchmark
    public long screen(Blackhole bh) {
        row = (row + 7_919L) % ((64L << 20) / bytesPerRow - rows);
        return paint(source, row, bh);
    }

    /** A screen far into the file (row index past 2^30), always the same one. */
    @Benchmark
    public long screenPast2pow30Rows(Blackhole bh) {
        return paint(source, (15L << 30) / bytesPerRow + 12345, bh);
    }

    /** Map the 16 GiB file, paint its first screen, unmap it. */
    @Benchmark
    public long openAndFirstScreen(Blackhole bh) {
        try (DataSource s = Sources.open(file)) {
            return paint(s, 0, bh);
        }
    }
}
