package dev.structscope.model.dwarf;

import dev.structscope.model.InputException;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A bounds-checked reader over one section of an ELF file: fixed-width integers in the file's
 * byte order, LEB128 numbers and NUL-terminated strings. Every read past the end, and every
 * number that does not fit where it goes, is an {@link InputException} naming the section and the
 * offset, so malformed input ends in one message and never in an index error.
 *
 * <p>Owned by one reading pass on one thread; the buffer it reads is never written.
 */
final class Cursor {
    final String section;
    private final ByteBuffer buf;
    private int pos;

    Cursor(String section, ByteBuffer buf, ByteOrder order) {
        this.section = section;
        this.buf = buf.duplicate().order(order);
        this.buf.clear();
    }

    int position() {
        return pos;
    }

    int limit() {
        return buf.capacity();
    }

    boolean atEnd() {
        return pos >= buf.capacity();
    }

    Cursor at(long offset) {
        if (offset < 0 || offset > buf.capacity()) {
            throw error(offset, "offset " + offset + " is outside the section (" + buf.capacity() + " bytes)");
        }
        pos = (int) offset;
        return this;
    }

    InputException error(long offset, String message) {
        return new InputException(section + "+0x" + Long.toHexString(offset), message);
    }

    InputException error(String message) {
        return error(pos, message);
    }

    private int need(int n) {
        if (n < 0 || pos > buf.capacity() - n) {
            throw error("truncated: " + n + " bytes needed, " + (buf.capacity() - pos) + " left");
        }
        int p = pos;
        pos += n;
        return p;
    }

    void skip(long n) {
        if (n < 0 || n > buf.capacity() - pos) {
            throw error("truncated: " + n + " bytes to skip, " + (buf.capacity() - pos) + " left");
        }
        pos += (int) n;
    }

    int u8() {
        return buf.get(need(1)) & 0xff;
    }

    int u16() {
        return buf.getShort(need(2)) & 0xffff;
    }

    long u32() {
        return buf.getInt(need(4)) & 0xffffffffL;
    }

    long u64() {
        return buf.getLong(need(8));
    }

    /** An unsigned integer of 1, 2, 4 or 8 bytes. */
    long unsigned(int size) {
        return switch (size) {
            case 1 -> u8();
            case 2 -> u16();
            case 3 -> u16() | ((long) u8() << 16);
            case 4 -> u32();
            case 8 -> u64();
            default -> throw error("unsupported integer size " + size);
        };
    }

    /** A section offset or length of the unit's format: 4 bytes (32-bit DWARF) or 8 (64-bit). */
    long offset(boolean dwarf64) {
        return dwarf64 ? u64() : u32();
    }

    long uleb() {
        long result = 0;
        for (int shift = 0; ; shift += 7) {
            int b = u8();
            if (shift < 64) {
                result |= (long) (b & 0x7f) << shift;
            } else if ((b & 0x7f) != 0) {
                throw error(pos - 1, "LEB128 number does not fit in 64 bits");
            }
            if ((b & 0x80) == 0) {
                return result;
            }
            if (shift > 630) {
                throw error(pos - 1, "LEB128 number longer than 90 bytes");
            }
        }
    }

    long sleb() {
        long result = 0;
        int shift = 0;
        int b;
        do {
            b = u8();
            if (shift < 64) {
                result |= (long) (b & 0x7f) << shift;
            }
            shift += 7;
            if (shift > 630) {
                throw error(pos - 1, "LEB128 number longer than 90 bytes");
            }
        } while ((b & 0x80) != 0);
        if (shift < 64 && (b & 0x40) != 0) {
            result |= -1L << shift;
        }
        return result;
    }

    /** A NUL-terminated string (UTF-8, as compilers write identifiers). */
    String cstring() {
        int start = pos;
        int end = start;
        while (end < buf.capacity() && buf.get(end) != 0) {
            end++;
        }
        if (end >= buf.capacity()) {
            throw error(start, "string runs past the end of the section");
        }
        byte[] bytes = new byte[end - start];
        buf.get(start, bytes);
        pos = end + 1;
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** The string at {@code offset}, leaving the position where it was. */
    String cstringAt(long offset) {
        int saved = pos;
        try {
            return at(offset).cstring();
        } finally {
            pos = saved;
        }
    }

    /** A read-only view of {@code length} bytes from {@code offset}. */
    ByteBuffer slice(long offset, long length) {
        if (offset < 0 || length < 0 || offset > buf.capacity() || length > buf.capacity() - offset) {
            throw error(offset, length + " bytes from here run past the end (" + buf.capacity() + " bytes)");
        }
        return buf.slice((int) offset, (int) length).order(buf.order());
    }
}
