package dev.structscope.io.encode;

import dev.structscope.io.decode.Layouts;

import java.lang.foreign.MemorySegment;

/**
 * Encodes a double as the wider {@code long double} formats, exactly (both can hold every
 * double): x87 80-bit extended with its explicit integer bit, and IEEE binary128.
 */
final class Extended {
    private Extended() {
    }

    private static final long FRACTION = 0xF_FFFF_FFFF_FFFFL;

    /**
     * A double as both wide formats hold it: they share a 15-bit exponent biased by 16383, so
     * only where the fraction goes differs.
     *
     * @param sign     the sign bit, 0 or 1
     * @param exponent the biased 15-bit exponent: 0 for a zero, 0x7FFF for an infinity or NaN
     * @param fraction the 52 fraction bits below the leading one (a NaN's payload as it was)
     */
    private record Parts(long sign, int exponent, long fraction) {
        static Parts of(double d) {
            long bits = Double.doubleToRawLongBits(d);
            long sign = bits >>> 63;
            int exp = (int) ((bits >>> 52) & 0x7FF);
            long frac = bits & FRACTION;
            if (exp == 0x7FF) {
                return new Parts(sign, 0x7FFF, frac);
            }
            if (exp == 0 && frac == 0) {
                return new Parts(sign, 0, 0);
            }
            if (exp == 0) {
                // A double subnormal is a normal wide value: normalise it, the top set bit
                // moved to bit 52 (the leading one), the exponent lowered as far.
                int shift = Long.numberOfLeadingZeros(frac) - 11;
                return new Parts(sign, 1 - 1023 - shift + 16383, (frac << shift) & FRACTION);
            }
            return new Parts(sign, exp - 1023 + 16383, frac);
        }
    }

    static void writeX87(MemorySegment dst, long at, double d, boolean bigEndian) {
        Parts p = Parts.of(d);
        // The integer bit is explicit: set for every value but zero (infinities and NaNs too).
        long mant = p.exponent() == 0 ? 0 : Long.MIN_VALUE | (p.fraction() << 11);
        int se = (int) (p.sign() << 15) | p.exponent();
        if (bigEndian) {
            dst.set(Layouts.I16_BE, at, (short) se);
            dst.set(Layouts.I64_BE, at + 2, mant);
        } else {
            dst.set(Layouts.I64_LE, at, mant);
            dst.set(Layouts.I16_LE, at + 8, (short) se);
        }
    }

    static void writeBinary128(MemorySegment dst, long at, double d, boolean bigEndian) {
        Parts p = Parts.of(d);
        // 112 fraction bits: the double's 52 go to the top.
        long hi = (p.sign() << 63) | ((long) p.exponent() << 48) | (p.fraction() >>> 4);
        long lo = p.fraction() << 60;
        if (bigEndian) {
            dst.set(Layouts.I64_BE, at, hi);
            dst.set(Layouts.I64_BE, at + 8, lo);
        } else {
            dst.set(Layouts.I64_LE, at, lo);
            dst.set(Layouts.I64_LE, at + 8, hi);
        }
    }

    /** The bfloat16 nearest to {@code f} (ties to even; NaN stays a quiet NaN). */
    static short toBfloat16(float f) {
        int bits = Float.floatToRawIntBits(f);
        if (Float.isNaN(f)) {
            return (short) ((bits >>> 16) | 0x40);
        }
        int rounded = bits + 0x7FFF + ((bits >>> 16) & 1);
        return (short) (rounded >>> 16);
    }
}
