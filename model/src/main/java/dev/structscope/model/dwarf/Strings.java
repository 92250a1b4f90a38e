package dev.structscope.model.dwarf;

import dev.structscope.model.InputException;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.Map;

/**
 * The string sections an entry's name can live in: {@code .debug_str} (by offset),
 * {@code .debug_line_str} (by offset) and {@code .debug_str_offsets} (by index, through the
 * unit's base). Strings read once are kept, since the same names repeat in every unit.
 * One import, one thread.
 */
final class Strings {
    private final Cursor str;
    private final Cursor lineStr;
    private final Cursor offsets;
    private final Map<Long, String> cache = new HashMap<>();

    Strings(ByteBuffer str, ByteBuffer lineStr, ByteBuffer offsets, ByteOrder order) {
        this.str = str == null ? null : new Cursor(".debug_str", str, order);
        this.lineStr = lineStr == null ? null : new Cursor(".debug_line_str", lineStr, order);
        this.offsets = offsets == null ? null : new Cursor(".debug_str_offsets", offsets, order);
    }

    String str(long offset, Cursor from, long at) {
        if (str == null) {
            throw from.error(at, "refers to .debug_str, which the file does not have");
        }
        String s = cache.get(offset);
        if (s == null) {
            s = str.cstringAt(offset);
            cache.put(offset, s);
        }
        return s;
    }

    String lineStr(long offset, Cursor from, long at) {
        if (lineStr == null) {
            throw from.error(at, "refers to .debug_line_str, which the file does not have");
        }
        return lineStr.cstringAt(offset);
    }

    /** The string at index {@code index} of the unit's string offsets ({@code base} from {@code DW_AT_str_offsets_base}). */
    String indexed(long base, long index, boolean dwarf64, Cursor from, long at) {
        if (offsets == null) {
            throw from.error(at, "refers to .debug_str_offsets, which the file does not have");
        }
        int size = dwarf64 ? 8 : 4;
        if (index < 0 || index > (Integer.MAX_VALUE - base) / size) {
            throw from.error(at, "string index " + index + " is out of range");
        }
        long entry = base + index * size;
        if (entry + size > offsets.limit()) {
            throw new InputException(".debug_str_offsets+0x" + Long.toHexString(entry),
                    "string index " + index + " runs past the end of the section");
        }
        offsets.at(entry);
        return str(offsets.offset(dwarf64), from, at);
    }
}
