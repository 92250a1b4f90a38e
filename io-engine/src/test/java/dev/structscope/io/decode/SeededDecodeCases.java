package dev.structscope.io.decode;

import dev.structscope.model.fuzz.Choices;

import java.util.Random;
import java.util.function.Function;

/**
 * The seeded half of the decoder fuzz tests: runs {@code structscope.fuzz.cases} random cases
 * (default {@code defaultCases}) from {@code structscope.fuzz.seed} (default {@code defaultSeed})
 * through a check and counts how each ended, so that a test can ask that both ends are reached.
 */
final class SeededDecodeCases {
    /** How a decode case ended: values, a refusal with a message, or no layout to decode with. */
    enum Outcome { DECODED, REFUSED, NO_LAYOUT }

    /** How many cases ran, and how many of them decoded and were refused. */
    record Counts(int cases, int decoded, int refused) {
    }

    private SeededDecodeCases() {
    }

    static Counts run(int defaultCases, long defaultSeed, Function<Choices, Outcome> check) {
        int cases = Integer.getInteger("structscope.fuzz.cases", defaultCases);
        Random random = new Random(Long.getLong("structscope.fuzz.seed", defaultSeed));
        int decoded = 0;
        int refused = 0;
        for (int i = 0; i < cases; i++) {
            switch (check.apply(Choices.of(random))) {
                case DECODED -> decoded++;
                case REFUSED -> refused++;
                case NO_LAYOUT -> {
                }
            }
        }
        return new Counts(cases, decoded, refused);
    }
}
