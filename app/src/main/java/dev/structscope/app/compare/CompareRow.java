package dev.structscope.app.compare;

import dev.structscope.model.compare.MemberChange.Kind;
import dev.structscope.model.compare.MemberView;

import java.util.List;
import java.util.Locale;

/**
 * One line of the compare view's member table: a member matched by its dotted path in the two
 * layouts of a record, with the changes {@link dev.structscope.model.compare.LayoutComparison}
 * found for it. Immutable; built by {@link CompareRows}, owned by the {@link CompareViewModel}.
 *
 * @param path      the member's dotted path
 * @param old       the member in this (old) layout, or {@code null} when added
 * @param now       the member in the other (new) layout, or {@code null} when removed
 * @param kinds     the comparison's change kinds for this member, in the model's order; empty when the same
 * @param oldColour the member colour index on the old side (its top-level member's index), or -1
 * @param newColour the member colour index on the new side, or -1
 */
public record CompareRow(String path, MemberView old, MemberView now, List<Kind> kinds, int oldColour, int newColour) {
    public CompareRow {
        kinds = List.copyOf(kinds);
    }

    /** The one mark a row is drawn with: what a person most needs to know about it. */
    public enum Mark {
        SAME, MOVED, RESIZED, RETYPED, BITS, ADDED, REMOVED;

        /** The word shown, and the CSS style class suffix ({@code compare-moved}). */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Added and removed first, then a new type, a new size, a new place, new bits. */
    public Mark mark() {
        if (kinds.contains(Kind.ADDED)) {
            return Mark.ADDED;
        }
        if (kinds.contains(Kind.REMOVED)) {
            return Mark.REMOVED;
        }
        if (kinds.contains(Kind.RETYPED)) {
            return Mark.RETYPED;
        }
        if (kinds.contains(Kind.RESIZED)) {
            return Mark.RESIZED;
        }
        if (kinds.contains(Kind.MOVED)) {
            return Mark.MOVED;
        }
        return kinds.contains(Kind.BITS) ? Mark.BITS : Mark.SAME;
    }

    public boolean has(Kind kind) {
        return kinds.contains(kind);
    }

    /**
     * What changed, old → new, as the {@code compare} report says it ("moved 0x08 → 0x10",
     * "resized 4 → 8 (int → long)", "retyped long → int64_t"); "same" when nothing did.
     */
    public String describe(boolean hex) {
        if (kinds.isEmpty()) {
            return "same";
        }
        List<String> parts = new java.util.ArrayList<>();
        for (Kind k : kinds) {
            parts.add(switch (k) {
                case ADDED -> "added";
                case REMOVED -> "removed";
                case MOVED -> "moved " + number(old.offset(), hex) + " → " + number(now.offset(), hex);
                // A type that changed with the size is said here (retyped is only a change in place).
                case RESIZED -> "resized " + number(old.size(), false) + " → " + number(now.size(), false)
                        + (old.type().equals(now.type()) ? "" : " (" + old.type() + " → " + now.type() + ")");
                case RETYPED -> "retyped " + old.type() + " → " + now.type();
                case BITS -> "bits " + bits(old) + " → " + bits(now);
            });
        }
        return String.join(", ", parts);
    }

    private static String number(long v, boolean hex) {
        return v < 0 ? "(from data)" : dev.structscope.app.common.Fmt.offset(v, hex);
    }

    private static String bits(MemberView m) {
        return m.isBitField() ? ":" + m.bitWidth() + (m.bitOffset() >= 0 ? " @bit " + m.bitOffset() : "") : "whole";
    }
}
