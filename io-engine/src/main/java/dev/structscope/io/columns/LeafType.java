package dev.structscope.io.columns;

/**
 * The value type of a {@link Column.Leaf}, as a columnar file stores it. Which C types map to
 * which is decided in {@link ColumnSchema} only; what each means to a writer is said here.
 */
public enum LeafType {
    /** Signed integers of 8, 16, 32 and 64 bits, delivered as {@code long}. */
    INT8(8, true), INT16(16, true), INT32(32, true), INT64(64, true),
    /**
     * Unsigned integers of 8, 16, 32 and 64 bits, delivered as {@code long} (zero-extended; a
     * 64-bit value is its bit pattern, so 2^63 and above arrive negative). Writers keep them
     * unsigned: Parquet {@code INTEGER(bits, false)}, Arrow {@code Int(bits, false)}.
     */
    UINT8(8, false), UINT16(16, false), UINT32(32, false), UINT64(64, false),
    /** IEEE binary32, delivered as {@code float}. */
    FLOAT32(32, true),
    /** IEEE binary64, delivered as {@code double}. */
    FLOAT64(64, true),
    /** {@code _Bool}, delivered as {@code boolean}. */
    BOOLEAN(1, false),
    /** Text, delivered as a {@link String} whose chars are all below 256 (bytes as ISO-8859-1 for {@code char} arrays). */
    STRING(0, false),
    /**
     * An enum's value as text: the enumerator's name, or the decimal integer when no enumerator
     * has the value. Delivered as a {@link String}; writers store it as a string column.
     */
    ENUM(0, false);

    private final int bits;
    private final boolean signed;

    LeafType(int bits, boolean signed) {
        this.bits = bits;
        this.signed = signed;
    }

    /** Width of an integer or floating type in bits (1 for boolean, 0 for text). */
    public int bits() {
        return bits;
    }

    /** Whether an integer type is signed (floating types count as signed). */
    public boolean signed() {
        return signed;
    }

    /** Whether values arrive through {@link RowSink#longValue}. */
    public boolean isInteger() {
        return ordinal() <= UINT64.ordinal();
    }

    /** Whether values arrive through {@link RowSink#stringValue}. */
    public boolean isText() {
        return this == STRING || this == ENUM;
    }

    /** The integer type of {@code bytes} bytes (1, 2, 4 or 8). */
    static LeafType integer(long bytes, boolean signed) {
        return switch ((int) bytes) {
            case 1 -> signed ? INT8 : UINT8;
            case 2 -> signed ? INT16 : UINT16;
            case 4 -> signed ? INT32 : UINT32;
            case 8 -> signed ? INT64 : UINT64;
            default -> throw new IllegalArgumentException("no integer column of " + bytes + " bytes");
        };
    }
}
