package dev.structscope.bench;

import dev.structscope.io.decode.DecoderPlan;
import dev.structscope.io.decode.JsonText;
import dev.structscope.io.decode.RecordValue;
import dev.structscope.io.decode.Value;
import dev.structscope.io.source.DataSource;
import dev.structscope.io.source.MappedFileSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Decoding one record at a random offset of a mapped 256 MiB file (pages touched once in setup),
 * the GUI's access pattern:
 * {@code values} reads every member into values, {@code json} also renders the record as JSON.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DecodeBenchmark {
    private DataSource source;
    private MemorySegment all;
    private DecoderPlan plan;
    private long records;
    private final SplittableRandom rng = new SplittableRandom(1);
    private final StringBuilder sb = new StringBuilder();

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        source = MappedFileSource.open(BenchData.bench32(256L << 20));
        all = source.segment();
        plan = BenchData.bench32Plan();
        records = all.byteSize() / plan.recordSize();
        // Touch every page once so that the measurement is decoding, not first-touch page faults.
        long sum = 0;
        for (long i = 0; i < all.byteSize(); i += 4096) {
            sum += all.get(java.lang.foreign.ValueLayout.JAVA_BYTE, i);
        }
        touched = sum;
    }

    /** Keeps the page-touching loop from being optimised away. */
    public long touched;

    @TearDown(Level.Trial)
    public void tearDown() {
        source.close();
    }

    @Benchmark
    public long values() {
        RecordValue r = plan.decode(all, rng.nextLong(records) * plan.recordSize());
        long h = 0;
        for (int i = 0; i < r.memberCount(); i++) {
            Value v = r.get(i);
            h += v.hashCode();
        }
        return h;
    }

    @Benchmark
    public int json() {
        sb.setLength(0);
        JsonText.append(sb, plan.decode(all, rng.nextLong(records) * plan.recordSize()));
        return sb.length();
    }
}
