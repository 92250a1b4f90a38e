package dev.structscope.model.compare;

/**
 * What a comparison knows of one member in one layout. Immutable.
 *
 * @param path      dotted path from the record
 * @param offset    byte offset from the start of the record, or -1 when data decides it (dynamic)
 * @param size      size of the member's type, or -1 when data decides it
 * @param type      the type as written ({@code uint32_t}, {@code char[8]})
 * @param bitOffset first bit from the start of the record for a bit-field, else -1
 * @param bitWidth  bit-field width, else -1
 */
public record MemberView(String path, long offset, long size, String type, long bitOffset, int bitWidth) {

    public boolean offsetKnown() {
        return offset >= 0;
    }

    public boolean sizeKnown() {
        return size >= 0;
    }

    public boolean isBitField() {
        return bitWidth >= 0;
    }
}
