package dev.structscope.bench;

import dev.structscope.io.decode.DecoderPlan;
import dev.structscope.io.source.DataSource;
import dev.structscope.io.source.MappedFileSource;
import dev.structscope.io.stats.RecordStats;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * {@code stats} over a file of 32-byte records (1 GiB by default: 33,554,432 records), the file
 * mapped and in the page cache after the first pass — the same conditions as the peers in
 * {@code benchmarks/peers/} (numpy, a C mmap loop, ctypes readinto). Time per whole pass.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 3, jvmArgs = {"-Xmx256m"})
public class StatsBenchmark {
    @Param({"1024"})
    public int sizeMiB;

    private DataSource source;
    private DecoderPlan plan;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        source = MappedFileSource.open(BenchData.bench32((long) sizeMiB << 20));
        plan = BenchData.bench32Plan();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        source.close();
    }

    @Benchmark
    public RecordStats.Result stats() {
        return RecordStats.compute(source, plan, 0);
    }
}
