package dev.structscope.io.stats;

import dev.structscope.io.decode.Layouts;

import java.lang.foreign.MemorySegment;

/**
 * The big-endian column loops of {@link ColumnLoops} (same shapes, byte-swapping layouts), kept
 * apart only to keep files small. Stateless; any thread.
 */
final class BigEndianLoops {
    private BigEndianLoops() {
    }

    static void i16be(MemorySegment s, long start, int n, long stride, Partial p, int leaf) {
        long min = p.minL[leaf], max = p.maxL[leaf], sum = 0;
        for (int r = 0; r < n; r++) {
            long at = start + r * stride;
            long v = s.get(Layouts.I16_BE, at);
            if (v < min) {
                min = v;
            }
            if (v > max) {
                max = v;
            }
            sum += v;
        }
        p.minL[leaf] = min;
        p.maxL[leaf] = max;
        p.addSigned(leaf, sum);
    }

    static void u16be(MemorySegment s, long start, int n, long stride, Partial p, int leaf) {
        long min = p.minL[leaf], max = p.maxL[leaf], sum = 0;
        for (int r = 0; r < n; r++) {
            long at = start + r * stride;
            long v = s.get(Layouts.I16_BE, at) & 0xFFFFL;
            if (v < min) {
                min = v;
            }
            if (v > max) {
                max = v;
            }
            sum += v;
        }
        p.minL[leaf] = min;
        p.maxL[leaf] = max;
        p.addSigned(leaf, sum);
    }

    static void i32be(MemorySegment s, long start, int n, long stride, Partial p, int leaf) {
        long min = p.minL[leaf], max = p.maxL[leaf], sum = 0;
        for (int r = 0; r < n; r++) {
            long at = start + r * stride;
            long v = s.get(Layouts.I32_BE, at);
            if (v < min) {
                min = v;
            }
            if (v > max) {
                max = v;
            }
            sum += v;
        }
        p.minL[leaf] = min;
        p.maxL[leaf] = max;
        p.addSigned(leaf, sum);
    }

    static void u32be(MemorySegment s, long start, int n, long stride, Partial p, int leaf) {
        long min = p.minL[leaf], max = p.maxL[leaf], sum = 0;
        for (int r = 0; r < n; r++) {
            long at = start + r * stride;
            long v = s.get(Layouts.I32_BE, at) & 0xFFFF_FFFFL;
            if (v < min) {
                min = v;
            }
            if (v > max) {
                max = v;
            }
            sum += v;
        }
        p.minL[leaf] = min;
        p.maxL[leaf] = max;
        p.addSigned(leaf, sum);
    }

    static void i64be(MemorySegment s, long start, int n, long stride, Partial p, int leaf) {
        // The 128-bit sum without a carry per element: high and low 32-bit halves summed apart
        // (n < 2^31, so neither long overflows), combined once per block.
        long min = p.minL[leaf], max = p.maxL[leaf], hiSum = 0, loSum = 0;
        for (int r = 0; r < n; r++) {
            long v = s.get(Layouts.I64_BE, start + r * stride);
            long key = v;
            if (key < min) {
                min = key;
            }
            if (key > max) {
                max = key;
            }
            hiSum += v >> 32;
            loSum += v & 0xFFFF_FFFFL;
        }
        p.minL[leaf] = min;
        p.maxL[leaf] = max;
        p.add128(leaf, hiSum, loSum, true);
    }

    static void u64be(MemorySegment s, long start, int n, long stride, Partial p, int leaf) {
        // The 128-bit sum without a carry per element: high and low 32-bit halves summed apart
        // (n < 2^31, so neither long overflows), combined once per block.
        long min = p.minL[leaf], max = p.maxL[leaf], hiSum = 0, loSum = 0;
        for (int r = 0; r < n; r++) {
            long v = s.get(Layouts.I64_BE, start + r * stride);
            long key = v ^ Long.MIN_VALUE;
            if (key < min) {
                min = key;
            }
            if (key > max) {
                max = key;
            }
            hiSum += v >>> 32;
            loSum += v & 0xFFFF_FFFFL;
        }
        p.minL[leaf] = min;
        p.maxL[leaf] = max;
        p.add128(leaf, hiSum, loSum, false);
    }

    static void f32be(MemorySegment s, long start, int n, long stride, Partial p, int leaf) {
        double min = p.minD[leaf], max = p.maxD[leaf], sum = 0;
        long nans = 0;
        for (int r = 0; r < n; r++) {
            long at = start + r * stride;
            double v = s.get(Layouts.F32_BE, at);
            if (v != v) {
                nans++;
            } else {
                min = v < min ? v : min; // plain compares: NaNs are already out
                max = v > max ? v : max;
                sum += v;
            }
        }
        p.minD[leaf] = min;
        p.maxD[leaf] = max;
        p.sumD[leaf] += sum;
        p.nan[leaf] += nans;
    }

    static void f64be(MemorySegment s, long start, int n, long stride, Partial p, int leaf) {
        double min = p.minD[leaf], max = p.maxD[leaf], sum = 0;
        long nans = 0;
        for (int r = 0; r < n; r++) {
            long at = start + r * stride;
            double v = s.get(Layouts.F64_BE, at);
            if (v != v) {
                nans++;
            } else {
                min = v < min ? v : min; // plain compares: NaNs are already out
                max = v > max ? v : max;
                sum += v;
            }
        }
        p.minD[leaf] = min;
        p.maxD[leaf] = max;
        p.sumD[leaf] += sum;
        p.nan[leaf] += nans;
    }
}
