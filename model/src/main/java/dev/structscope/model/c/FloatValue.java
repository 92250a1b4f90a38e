package dev.structscope.model.c;

import dev.structscope.model.type.Prim;

import java.math.BigInteger;

/**
 * A floating value of a constant expression: {@code float} or {@code double} (or {@code long
 * double} where the ABI makes it a double), held in a Java double. A {@code float} holds a value
 * rounded to single precision, and its arithmetic rounds each result to single precision, as
 * GCC's and clang's folding does on every ABI (no excess precision, even on i386). Immutable.
 */
record FloatValue(double value, Prim type) implements Value {

    FloatValue {
        if (type == Prim.FLOAT) {
            value = (float) value;
        }
    }

    @Override
    public boolean isTrue() {
        return value != 0; // NaN is true, as in C
    }

    boolean single() {
        return type == Prim.FLOAT;
    }

    /** An integer converted to floating type {@code type}, rounded to nearest as C converts. */
    static FloatValue of(IntValue v, Prim type) {
        BigInteger b = v.exact();
        // BigInteger rounds to nearest once; a long to float through double would round twice.
        return new FloatValue(type == Prim.FLOAT ? b.floatValue() : b.doubleValue(), type);
    }

    /** The type of the usual arithmetic conversions of two operands, one of them floating at least. */
    static Prim common(Value a, Value b) {
        return a instanceof FloatValue f && !f.single() ? f.type
                : b instanceof FloatValue g && !g.single() ? g.type : Prim.FLOAT;
    }

    /** {@code v} in floating type {@code type}. */
    static FloatValue convert(Value v, Prim type) {
        return switch (v) {
            case IntValue i -> of(i, type);
            case FloatValue f -> new FloatValue(f.value, type);
        };
    }

    @Override
    public String toString() {
        return single() ? Float.toString((float) value) : Double.toString(value);
    }
}
