package dev.structscope.io.decode;

/**
 * A decoded value. Scalars are small immutable records; arrays and records are lazy views
 * ({@link ArrayValue}, {@link RecordValue}) that decode their parts on demand. Switch over this
 * sealed type to render values.
 */
public sealed interface Value permits Value.Int, Value.Wide, Value.Real, Value.ExtReal, Value.Bool, Value.Pointer,
        Value.Enum, Value.Str, Value.Null, ArrayValue, RecordValue {

    /** An integer; when {@code unsigned}, {@code bits} holds the 64-bit pattern of the unsigned value. */
    record Int(long bits, boolean unsigned) implements Value {
        @Override
        public String toString() {
            return unsigned ? Long.toUnsignedString(bits) : Long.toString(bits);
        }
    }

    /** A 128-bit integer ({@code __int128}, {@code unsigned __int128}), exact. */
    record Wide(java.math.BigInteger value) implements Value {
        @Override
        public String toString() {
            return value.toString();
        }
    }

    /** A {@code float} (widened exactly) or {@code double}; {@code single} remembers which. */
    record Real(double value, boolean single) implements Value {
    }

    /** A {@code long double} wider than a double (x87 extended, binary128), kept exactly. */
    record ExtReal(ExtendedFloat value) implements Value {
    }

    record Bool(boolean value) implements Value {
    }

    /** A data pointer's address, unsigned. */
    record Pointer(long address) implements Value {
    }

    /** An enum value with the enumerator's name, or {@code null} when no enumerator has it. */
    record Enum(long value, boolean unsigned, String name) implements Value {
    }

    /** A {@code char} array up to its first NUL. */
    record Str(String value) implements Value {
    }

    /** No value: a tagged union none of whose alternatives matched its discriminator. */
    enum Null implements Value {
        INSTANCE
    }
}
