package dev.structscope.io.decode;

/** How the bytes of a scalar leaf become a value. */
public enum ScalarKind {
    /** Two's complement integer of 1, 2, 4, 8 or 16 bytes (or a signed bit-field). */
    SIGNED,
    /** Unsigned integer of 1, 2, 4 or 8 bytes (or an unsigned bit-field); 64-bit values are exact. */
    UNSIGNED,
    /** {@code _Bool}: false for 0, true otherwise. */
    BOOL,
    /** An enum stored as an integer; decoded to the enumerator's name when it has one. */
    ENUM,
    /** A data pointer: an unsigned address. */
    POINTER,
    /** IEEE binary16 ({@code _Float16}). */
    FLOAT16,
    /** bfloat16 ({@code __bf16}): the top 16 bits of a binary32. */
    BFLOAT16,
    /** IEEE binary32. */
    FLOAT32,
    /** IEEE binary64. */
    FLOAT64,
    /** x87 80-bit extended precision (the first 10 bytes of {@code long double} on x86). */
    X87_EXTENDED,
    /** IEEE binary128 ({@code long double} on AArch64 Linux, {@code __float128} on x86). */
    BINARY128;

    /** Whether the value is an integer (min/max/mean as integers). */
    public boolean isInteger() {
        return this == SIGNED || this == UNSIGNED || this == BOOL || this == ENUM || this == POINTER;
    }

    /** Whether integers of this kind compare unsigned. */
    public boolean isUnsigned() {
        return this == UNSIGNED || this == BOOL || this == POINTER;
    }
}
