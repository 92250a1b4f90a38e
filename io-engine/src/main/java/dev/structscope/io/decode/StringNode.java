package dev.structscope.io.decode;

import java.lang.foreign.MemorySegment;

/**
 * A {@code char} array read as a string: its bytes up to the first NUL (or all of them), each byte
 * one ISO-8859-1 character, so that every byte value survives.
 */
public record StringNode(String name, long offset, long length, String typeName) implements PlanNode {
    @Override
    public long size() {
        return length;
    }

    @Override
    public Value read(MemorySegment segment, long base) {
        return new Value.Str(string(segment, base + offset, length));
    }

    static String string(MemorySegment segment, long at, long length) {
        int n = 0;
        while (n < length && segment.get(Layouts.I8, at + n) != 0) {
            n++;
        }
        if (n > Integer.MAX_VALUE - 16) {
            throw new dev.structscope.model.InputException("byte offset " + at, "string of " + n + " bytes is too long to show");
        }
        char[] chars = new char[n];
        for (int i = 0; i < n; i++) {
            chars[i] = (char) (segment.get(Layouts.I8, at + i) & 0xFF);
        }
        return new String(chars);
    }
}
