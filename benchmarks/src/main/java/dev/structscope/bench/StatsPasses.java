package dev.structscope.bench;

import dev.structscope.io.decode.DecoderPlan;
import dev.structscope.io.source.DataSource;
import dev.structscope.io.source.MappedFileSource;
import dev.structscope.io.stats.RecordStats;

import java.lang.management.ManagementFactory;

/**
 * {@code stats} passes over the bench32 file of {@link StatsBenchmark}, each printed with its wall
 * clock and the process CPU time it took (all threads). The CPU time per pass is the figure to
 * compare on a shared machine, where other work inflates wall clock far more than CPU time; the
 * first pass also shows what warm-up costs (interpreter, JIT, first touch of the mapping).
 * Usage: {@code StatsPasses [SIZE_MIB [PASSES]]} (1024 and 8 by default). Single-threaded caller.
 */
public final class StatsPasses {
    private StatsPasses() {
    }

    public static void main(String[] args) throws Exception {
        long mib = args.length > 0 ? Long.parseLong(args[0]) : 1024;
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        DecoderPlan plan = BenchData.bench32Plan();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (DataSource source = MappedFileSource.open(BenchData.bench32(mib << 20))) {
            for (int i = 0; i < passes; i++) {
                long wall = System.nanoTime();
                long cpu = os.getProcessCpuTime();
                RecordStats.Result r = RecordStats.compute(source, plan, 0);
                System.out.printf("pass %d: %.1f ms wall, %.1f ms CPU (%d records)%n", i,
                        (System.nanoTime() - wall) / 1e6, (os.getProcessCpuTime() - cpu) / 1e6, r.records());
            }
        }
    }
}
