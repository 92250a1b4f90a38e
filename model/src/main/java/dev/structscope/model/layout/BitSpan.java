package dev.structscope.model.layout;

/**
 * Where a bit-field sits: {@code width} bits starting {@code offset} bits after a base that its
 * holder names. A {@link FieldLayout} counts from the start of the record that holds the member;
 * a decoder's scalar leaf counts from the byte at its own offset (so there {@code offset} is 0 to
 * 7). Bits are counted in allocation order (from the least significant bit of each byte on
 * little-endian ABIs, from the most significant on big-endian ones).
 *
 * <p>A member that is not a bit-field has no span: its holder keeps none ({@code null}), rather
 * than a width of -1 or 0, because a zero-width bit-field ({@code int : 0;}) is a bit-field too.
 * Immutable; any thread.
 *
 * @param offset first bit, from the holder's base; not negative
 * @param width  how many bits; 0 for a zero-width bit-field
 */
public record BitSpan(long offset, int width) {
    public BitSpan {
        if (offset < 0 || width < 0) {
            throw new IllegalArgumentException("bit span must not be negative: " + offset + "+" + width);
        }
    }

    /** The bit after the last one. */
    public long end() {
        return offset + width;
    }

    /** The byte that holds the first bit. */
    public long firstByte() {
        return offset / 8;
    }

    /** The byte after the last one that holds any of the bits. */
    public long endByte() {
        return (end() + 7) / 8;
    }

    /** The same bits counted from the first byte that holds them: {@code offset} becomes 0 to 7. */
    public BitSpan fromFirstByte() {
        return new BitSpan(offset % 8, width);
    }

    /** The same bits seen from a base {@code bits} bits earlier. */
    public BitSpan shifted(long bits) {
        return new BitSpan(offset + bits, width);
    }
}
