package dev.structscope.model.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;

import java.util.Random;

/**
 * Where a fuzz generator takes its decisions from: Jazzer's {@link FuzzedDataProvider} when
 * fuzzing (so that mutations of the input steer the tree), or a seeded {@link Random} for the
 * bounded runs of the normal suite. Used by one thread.
 */
public interface Choices {
    /** A number in {@code [0, bound)}; {@code bound >= 1}. */
    int pick(int bound);

    /** Any long (also the extremes). */
    long anyLong();

    /** Bytes for data: {@code n} of them. */
    byte[] bytes(int n);

    default boolean chance(int oneIn) {
        return pick(oneIn) == 0;
    }

    static Choices of(FuzzedDataProvider data) {
        return new Choices() {
            @Override
            public int pick(int bound) {
                return bound <= 1 ? 0 : data.consumeInt(0, bound - 1);
            }

            @Override
            public long anyLong() {
                return data.consumeLong();
            }

            @Override
            public byte[] bytes(int n) {
                byte[] got = data.consumeBytes(n);
                return got.length == n ? got : java.util.Arrays.copyOf(got, n);
            }
        };
    }

    static Choices of(Random random) {
        return new Choices() {
            @Override
            public int pick(int bound) {
                return bound <= 1 ? 0 : random.nextInt(bound);
            }

            @Override
            public long anyLong() {
                return switch (random.nextInt(6)) {
                    case 0 -> Long.MAX_VALUE;
                    case 1 -> Long.MIN_VALUE;
                    case 2 -> random.nextInt(1 << 16);
                    default -> random.nextLong();
                };
            }

            @Override
            public byte[] bytes(int n) {
                byte[] b = new byte[n];
                random.nextBytes(b);
                return b;
            }
        };
    }
}
