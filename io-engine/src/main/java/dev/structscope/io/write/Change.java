package dev.structscope.io.write;

import java.util.ArrayList;
import java.util.List;

/**
 * One range of a file to overwrite: {@code bytes} go at {@code offset}. Immutable value (the array
 * is copied in and never handed out for writing); any thread.
 */
public record Change(long offset, byte[] bytes) {
    public Change {
        if (offset < 0) {
            throw new IllegalArgumentException("negative offset " + offset);
        }
        bytes = bytes.clone();
    }

    /** The bytes (a copy). */
    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The number of bytes. */
    public int length() {
        return bytes.length;
    }

    /**
     * The ranges where {@code after} differs from {@code before} (same length), each as a change at
     * {@code base} + its index: what actually has to be written, nothing more.
     */
    public static List<Change> diff(byte[] before, byte[] after, long base) {
        if (before.length != after.length) {
            throw new IllegalArgumentException("lengths differ: " + before.length + " and " + after.length);
        }
        List<Change> out = new ArrayList<>();
        int i = 0;
        while (i < before.length) {
            if (before[i] == after[i]) {
                i++;
                continue;
            }
            int start = i;
            while (i < before.length && before[i] != after[i]) {
                i++;
            }
            out.add(new Change(base + start, java.util.Arrays.copyOfRange(after, start, i)));
        }
        return out;
    }
}
