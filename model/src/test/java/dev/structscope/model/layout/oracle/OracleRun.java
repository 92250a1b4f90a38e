package dev.structscope.model.layout.oracle;

import dev.structscope.model.abi.Abi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The random cases of the oracle tests: a fixed list of seeds (so failures reproduce) plus two
 * seeds drawn from the clock (printed in every failure; {@code -Dstructscope.oracle.random=N}
 * draws N instead, {@code -Dstructscope.oracle.seed=S} runs seed S alone), each one header of
 * {@link #RECORDS_PER_HEADER} records. Headers are written under {@code target/layout-oracle/}
 * and kept, so a failing one can be fed to clang by hand. Test code; thread-safe.
 */
public final class OracleRun {
    public static final int RECORDS_PER_HEADER = 120;
    /**
     * Seeds every run checks; the last was a random seed that found a Microsoft layout error (a
     * typedef aligned(1) over an aligned(2) struct of ints, in a packed struct, took 4 not 2).
     */
    private static final long[] FIXED_SEEDS = {1, 2, 42, 9001, 31337, 271828, -4657853752302291366L};
    private static final List<Long> SEEDS;
    private static final Map<Long, RandomHeader.Generated> CACHE = new ConcurrentHashMap<>();
    private static final Map<Long, RandomHeader.Generated> GCC_CACHE = new ConcurrentHashMap<>();

    static {
        List<Long> s = new ArrayList<>();
        for (long f : FIXED_SEEDS) {
            s.add(f);
        }
        String forced = System.getProperty("structscope.oracle.seed");
        if (forced != null) {
            s = new ArrayList<>(List.of(Long.parseLong(forced)));
        } else {
            long next = System.currentTimeMillis();
            int random = Integer.getInteger("structscope.oracle.random", 2);
            for (int i = 0; i < random; i++) {
                s.add(next);
                next = next * 6364136223846793005L + 1442695040888963407L;
            }
        }
        SEEDS = List.copyOf(s);
    }

    private OracleRun() {
    }

    public static List<Long> seeds() {
        return SEEDS;
    }

    public static RandomHeader.Generated header(long seed) {
        return CACHE.computeIfAbsent(seed, s -> RandomHeader.generate(s, RECORDS_PER_HEADER));
    }

    /** The header of a seed without the constructs where gcc and clang lay out differently. */
    public static RandomHeader.Generated gccHeader(long seed) {
        return GCC_CACHE.computeIfAbsent(seed, s -> RandomHeader.generate(s, RECORDS_PER_HEADER, false));
    }

    /** Writes the header of a seed to {@code target/layout-oracle/seed-N.h} and returns its path. */
    public static Path write(RandomHeader.Generated g, String suffix, String text) {
        try {
            Path dir = Path.of("target", "layout-oracle").toAbsolutePath();
            Files.createDirectories(dir);
            Path p = dir.resolve("seed-" + g.seed() + suffix);
            Files.writeString(p, text);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fails the test with every report in {@code failures}, one after another, if there are any. */
    public static void failOnAny(List<String> failures) {
        if (!failures.isEmpty()) {
            fail(String.join("\n", failures));
        }
    }

    /**
     * Compares expected (compiler) texts with the engine's, record by record, and returns a
     * failure report of the first few differences, or null when all agree.
     */
    public static String compare(RandomHeader.Generated g, Abi abi, Map<String, String> expected,
                                 Map<String, String> actual, String oracle) {
        StringBuilder report = new StringBuilder();
        int failures = 0;
        for (String r : g.records()) {
            String e = expected.get(r);
            String a = actual.get(r);
            if (e == null) {
                failures++;
                report.append("  ").append(oracle).append(" gave no layout for ").append(r).append('\n');
                continue;
            }
            String diff = LayoutText.firstDifference(e, a);
            if (diff != null) {
                if (failures++ < 4) {
                    report.append("--- ").append(r).append(" (seed ").append(g.seed()).append(", ")
                            .append(abi.name()).append("): ").append(diff).append("\n").append(oracle)
                            .append(":\n").append(e).append("engine:\n").append(a);
                }
            }
        }
        if (failures == 0) {
            return null;
        }
        return failures + " of " + g.records().size() + " records differ from " + oracle + " for " + abi.name()
                + " (seed " + g.seed() + ", rerun with -Dstructscope.oracle.seed=" + g.seed() + ")\n" + report;
    }
}
