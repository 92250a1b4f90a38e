package dev.structscope.io.decode;

import dev.structscope.model.fuzz.Choices;
import dev.structscope.model.fuzz.SeededCases;

import java.util.function.Function;

/**
 * The seeded half of the decoder fuzz tests: {@link SeededCases} over a decode check, counting
 * how each case ended, so that a test can ask that both ends are reached.
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
        SeededCases.Counts<Outcome> n = SeededCases.run(defaultCases, defaultSeed, check);
        return new Counts(n.cases(), n.of(Outcome.DECODED), n.of(Outcome.REFUSED));
    }
}
