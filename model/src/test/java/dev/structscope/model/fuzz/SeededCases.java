package dev.structscope.model.fuzz;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * The seeded half of the fuzz targets: runs {@code structscope.fuzz.cases} random cases (the
 * target's default otherwise) from {@code structscope.fuzz.seed} (likewise) through a target's
 * check and counts how often each outcome came, so that a test can ask that every outcome is
 * common — or the generator has stopped exploring one side. Runs on the test's thread.
 */
public final class SeededCases {
    /** How many cases ran, and how many of them ended in each outcome. */
    public record Counts<O>(int cases, Map<O, Integer> outcomes) {
        public int of(O outcome) {
            return outcomes.getOrDefault(outcome, 0);
        }
    }

    private SeededCases() {
    }

    public static <O> Counts<O> run(int defaultCases, long defaultSeed, Function<Choices, O> check) {
        int cases = Integer.getInteger("structscope.fuzz.cases", defaultCases);
        Random random = new Random(Long.getLong("structscope.fuzz.seed", defaultSeed));
        Map<O, Integer> outcomes = new HashMap<>();
        for (int i = 0; i < cases; i++) {
            outcomes.merge(check.apply(Choices.of(random)), 1, Integer::sum);
        }
        return new Counts<>(cases, Map.copyOf(outcomes));
    }
}
