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

    static void writeX87(MemorySegment dst, long at, double d, boolean bigEndian) {
        long bits = Double.doubleToRawLongBits(d);
        int sign = (int) (bits >>> 63);
        int exp = (int) ((bits >>> 52) & 0x7FF);
        long frac = bits & 0xF_FFFF_FFFF_FFFFL;
        int e;
        long mant;
        if (exp == 0x7FF) {
            e = 0x7FFF;
            mant = 0x8000_0000_0000_0000L | (frac << 11);
        } else if (exp == 0 && frac == 0) {
            e = 0;
            mant = 0;
        } else if (exp == 0) {
            // A double subnormal is a normal extended value: normalise it.
            int shift = Long.numberOfLeadingZeros(frac) - 11;
            mant = frac << (11 + shift);
            e = 1 - 1023 - shift + 16383;
        } else {
            e = exp - 1023 + 16383;
            mant = 0x8000_0000_0000_0000L | (frac << 11);
        }
        int se = (sign << 15) | e;
        if (bigEndian) {
            dst.set(Layouts.I16_BE, at, (short) se);
            dst.set(Layouts.I64_BE, at + 2, mant);
        } else {
            dst.set(Layouts.I64_LE, at, mant);
            dst.set(Layouts.I16_LE, at + 8, (short) se);
        }
    }

    static void writeBinary128(MemorySegment dst, long at, double d, boolean bigEndian) {
        long bits = Double.doubleToRawLongBits(d);
        long sign = bits >>> 63;
        int exp = (int) ((bits >>> 52) & 0x7FF);
        long frac = bits & 0xF_FFFF_FFFF_FFFFL;
        long e;
        long f;
        if (exp == 0x7FF) {
            e = 0x7FFF;
            f = frac;
        } else if (exp == 0 && frac == 0) {
            e = 0;
            f = 0;
        } else if (exp == 0) {
            int shift = Long.numberOfLeadingZeros(frac) - 11;
            f = (frac << (shift + 1)) & 0xF_FFFF_FFFF_FFFFL;
            e = 1 - 1023 - shift - 1 + 16383;
        } else {
            e = exp - 1023 + 16383;
            f = frac;
        }
        // 112 fraction bits: the double's 52 go to the top.
        long hi = (sign << 63) | (e << 48) | (f >>> 4);
        long lo = f << 60;
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
