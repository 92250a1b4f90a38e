package dev.structscope.io.stats;

/**
 * Running count/min/max/sum of every leaf over some records: one per parallel task, merged at the
 * end. Flat arrays indexed by leaf, so the heap used does not grow with the data. Integer sums
 * are exact 128-bit two's complement ({@code sumHi:sumLo}); floating sums are doubles with NaNs
 * counted apart. Unsigned 64-bit min/max are kept with the sign bit flipped so that signed
 * comparison orders them. Confined to the thread of its task.
 */
final class Partial {
    final long[] count;
    final long[] minL;
    final long[] maxL;
    final long[] sumLo;
    final long[] sumHi;
    final double[] minD;
    final double[] maxD;
    final double[] sumD;
    final long[] nan;

    Partial(int leaves) {
        count = new long[leaves];
        minL = new long[leaves];
        maxL = new long[leaves];
        sumLo = new long[leaves];
        sumHi = new long[leaves];
        minD = new double[leaves];
        maxD = new double[leaves];
        sumD = new double[leaves];
        nan = new long[leaves];
        java.util.Arrays.fill(minL, Long.MAX_VALUE);
        java.util.Arrays.fill(maxL, Long.MIN_VALUE);
        java.util.Arrays.fill(minD, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(maxD, Double.NEGATIVE_INFINITY);
    }

    /** Adds a signed 64-bit value to the 128-bit sum of leaf {@code i}. */
    void addSigned(int i, long v) {
        long lo = sumLo[i];
        long nlo = lo + v;
        sumHi[i] += (v >> 63) + carry(lo, v, nlo);
        sumLo[i] = nlo;
    }

    /** Adds an unsigned 64-bit value to the 128-bit sum of leaf {@code i}. */
    void addUnsigned(int i, long v) {
        long lo = sumLo[i];
        long nlo = lo + v;
        sumHi[i] += carry(lo, v, nlo);
        sumLo[i] = nlo;
    }

    /**
     * Adds {@code hiSum * 2^32 + loSum} to the 128-bit sum of leaf {@code i}, where {@code hiSum}
     * is a sum of high 32-bit halves (signed when {@code signed}, else unsigned) and {@code loSum}
     * a sum of unsigned low halves (non-negative: fewer than 2^31 terms).
     */
    void add128(int i, long hiSum, long loSum, boolean signed) {
        // hiSum * 2^32 as 128 bits: high word hiSum >> 32 (arithmetic or logical), low word hiSum << 32.
        long addHi = signed ? hiSum >> 32 : hiSum >>> 32;
        long addLo = hiSum << 32;
        long lo = sumLo[i];
        long nlo = lo + addLo;
        long nlo2 = nlo + loSum;
        sumLo[i] = nlo2;
        sumHi[i] += addHi + carry(lo, addLo, nlo) + carry(nlo, loSum, nlo2);
    }

    /**
     * The carry out of the 64-bit addition {@code a + b = sum}, 0 or 1, without a branch: these
     * run inlined after every generated loop, and a data-dependent branch there that the profile
     * had never seen taken made C2 drop it, then throw the whole compiled loop away (an uncommon
     * trap, then recompilation) the first time it was taken, in the middle of a large file.
     */
    static long carry(long a, long b, long sum) {
        return ((a & b) | ((a | b) & ~sum)) >>> 63;
    }

    /** Folds one generated loop's figures for a narrow integer value into leaf {@code i}. */
    void foldInt(int i, long min, long max, long sum) {
        minL[i] = Math.min(minL[i], min);
        maxL[i] = Math.max(maxL[i], max);
        addSigned(i, sum);
    }

    /** As {@link #foldInt} for a 64-bit value whose sum came as halves (see {@link #add128}). */
    void foldWide(int i, long min, long max, long hiSum, long loSum, boolean signed) {
        minL[i] = Math.min(minL[i], min);
        maxL[i] = Math.max(maxL[i], max);
        add128(i, hiSum, loSum, signed);
    }

    /** Folds one generated loop's figures for a floating value into leaf {@code i}. */
    void foldReal(int i, double min, double max, double sum, long nans) {
        minD[i] = Math.min(minD[i], min);
        maxD[i] = Math.max(maxD[i], max);
        sumD[i] += sum;
        nan[i] += nans;
    }

    /**
     * Folds one decoded value into index {@code i} (the dynamic paths, a value at a time): integers
     * into the exact sum ({@code u64}: ordered with the sign bit flipped), reals with NaNs apart.
     * Strings and missing values are not values here and fold nothing.
     */
    void value(int i, dev.structscope.io.decode.Value v, boolean u64) {
        switch (v) {
            case dev.structscope.io.decode.Value.Int x -> integer(i, x.bits(), x.unsigned(), u64);
            case dev.structscope.io.decode.Value.Enum e -> integer(i, e.value(), e.unsigned(), u64);
            case dev.structscope.io.decode.Value.Bool b -> integer(i, b.value() ? 1 : 0, true, u64);
            case dev.structscope.io.decode.Value.Pointer ptr -> integer(i, ptr.address(), true, u64);
            case dev.structscope.io.decode.Value.Real r -> real(i, r.value());
            case dev.structscope.io.decode.Value.ExtReal x -> real(i, x.value().toDouble());
            default -> {
            }
        }
    }

    private void integer(int i, long v, boolean unsigned, boolean u64) {
        count[i]++;
        if (unsigned) {
            addUnsigned(i, v);
        } else {
            addSigned(i, v);
        }
        long k = u64 ? v ^ Long.MIN_VALUE : v;
        minL[i] = Math.min(minL[i], k);
        maxL[i] = Math.max(maxL[i], k);
    }

    private void real(int i, double d) {
        count[i]++;
        if (Double.isNaN(d)) {
            nan[i]++;
            return;
        }
        minD[i] = Math.min(minD[i], d);
        maxD[i] = Math.max(maxD[i], d);
        sumD[i] += d;
    }

    /** Merges index {@code j} of {@code o} into index {@code at + j} of this, for every index of {@code o}. */
    void mergeAt(Partial o, int at) {
        for (int j = 0; j < o.count.length; j++) {
            int i = at + j;
            count[i] += o.count[j];
            minL[i] = Math.min(minL[i], o.minL[j]);
            maxL[i] = Math.max(maxL[i], o.maxL[j]);
            long lo = sumLo[i];
            long nlo = lo + o.sumLo[j];
            sumHi[i] += o.sumHi[j] + carry(lo, o.sumLo[j], nlo);
            sumLo[i] = nlo;
            minD[i] = Math.min(minD[i], o.minD[j]);
            maxD[i] = Math.max(maxD[i], o.maxD[j]);
            sumD[i] += o.sumD[j];
            nan[i] += o.nan[j];
        }
    }

    void merge(Partial o) {
        mergeAt(o, 0);
    }
}
