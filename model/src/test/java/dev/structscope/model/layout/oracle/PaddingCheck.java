package dev.structscope.model.layout.oracle;

import dev.structscope.model.layout.FieldLayout;
import dev.structscope.model.layout.Padding;
import dev.structscope.model.layout.RecordLayout;

/**
 * Checks a record's padding list against its members: every byte of the record is either
 * touched by a member (bit-fields: the bytes their bits fall in; the members of anonymous
 * struct/union members in their place) or in exactly one padding range,
 * never both, and ranges are in order with tail padding last. Test code.
 */
public final class PaddingCheck {
    private static final long MAX_CHECKED = 1 << 20;

    private PaddingCheck() {
    }

    /**
     * Marks the bytes the record's members touch; an anonymous struct/union member is not a member
     * the contract lists, its own members are (in a union, any alternative's bytes count).
     */
    private static void markUsed(RecordLayout rl, long base, boolean[] used) {
        for (FieldLayout f : rl.fields()) {
            long from;
            long to;
            if (f.isAnonymousRecord() && f.layout() instanceof RecordLayout inner) {
                markUsed(inner, base + f.offset(), used);
                continue;
            }
            if (f.isBitField()) {
                if (f.bits().width() == 0) {
                    continue;
                }
                from = base + f.bits().firstByte();
                to = base + f.bits().endByte();
            } else {
                from = base + f.offset();
                to = base + f.offset() + f.size();
            }
            for (long b = from; b < Math.min(to, used.length); b++) {
                used[(int) b] = true;
            }
        }
    }

    /** A description of the first inconsistency, or null. Records above 1 MiB are skipped. */
    public static String check(RecordLayout rl) {
        if (rl.size() > MAX_CHECKED) {
            return null;
        }
        int size = (int) rl.size();
        boolean[] used = new boolean[size];
        markUsed(rl, 0, used);
        boolean[] pad = new boolean[size];
        long last = -1;
        for (Padding p : rl.padding()) {
            if (p.offset() < last || p.size() <= 0 || p.offset() + p.size() > size) {
                return "padding " + p + " out of order or outside the record of size " + size;
            }
            if (p.tail() && p.offset() + p.size() != size) {
                return "tail padding " + p + " does not end the record";
            }
            for (long b = p.offset(); b < p.offset() + p.size(); b++) {
                if (used[(int) b]) {
                    return "padding " + p + " covers byte " + b + ", which a member uses";
                }
                pad[(int) b] = true;
            }
            last = p.offset() + p.size();
        }
        for (int b = 0; b < size; b++) {
            if (!used[b] && !pad[b]) {
                return "byte " + b + " is neither a member's nor padding";
            }
        }
        return null;
    }
}
