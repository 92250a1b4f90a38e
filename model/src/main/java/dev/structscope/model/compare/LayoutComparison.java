package dev.structscope.model.compare;

import dev.structscope.model.abi.Abi;
import dev.structscope.model.compare.MemberChange.Kind;
import dev.structscope.model.compare.RecordComparison.Shape;
import dev.structscope.model.compare.RecordComparison.Status;
import dev.structscope.model.layout.FieldLayout;
import dev.structscope.model.layout.RecordLayout;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares the records of two laid-out libraries (old and new, each on its ABI): records matched
 * by name, members by dotted path. Pure; used by the {@code compare} command (and later the GUI's
 * compare views) on whatever thread calls it.
 *
 * <p>Members: the contract's visible members (those of anonymous struct/union members by their own
 * names, unnamed bit-fields left out), and, for a member that is itself a named record, its
 * members too as {@code outer.inner} — so a change inside a nested record is reported where it
 * is, besides the outer member's size. Arrays of records are compared as one member.
 *
 * <p>Changes of a member present on both sides: {@code moved} when both offsets are known and
 * differ, {@code resized} when both sizes are known and differ, {@code retyped} when the type as
 * written differs at the same offset and size (the contract's meaning: a member that also moved or
 * was resized is reported as that, and its types are on both sides of the change; {@code bool}
 * and {@code _Bool} are one type), {@code bits} when either is a bit-field and the width or
 * (both offsets known) the bit offset differs. Data-dependent (dynamic) offsets and sizes are
 * unknown, and an unknown value is compared with nothing: a member after a counted array is not
 * "moved" because the array's length is data, but its type and width are still compared, and the
 * record's smallest size is compared as its size.
 *
 * <p>Renames are not guessed; {@link #likelyRenames} offers them for a report to suggest.
 */
public final class LayoutComparison {
    private LayoutComparison() {
    }

    /** Compares every record of {@code old} (laid out for {@code oldAbi}) with {@code now}'s. */
    public static List<RecordComparison> compare(List<RecordLayout> old, Abi oldAbi, List<RecordLayout> now,
                                                 Abi newAbi) {
        Map<String, RecordLayout> newByName = byName(now);
        Map<String, RecordLayout> oldByName = byName(old);
        List<RecordComparison> out = new ArrayList<>();
        for (RecordLayout o : oldByName.values()) {
            RecordLayout n = newByName.get(o.name());
            out.add(n == null
                    ? new RecordComparison(o.name(), Status.REMOVED, oldAbi.name(), newAbi.name(), shape(o), null, List.of())
                    : compareRecord(o, oldAbi, n, newAbi));
        }
        for (RecordLayout n : newByName.values()) {
            if (!oldByName.containsKey(n.name())) {
                out.add(new RecordComparison(n.name(), Status.ADDED, oldAbi.name(), newAbi.name(), null, shape(n), List.of()));
            }
        }
        return List.copyOf(out);
    }

    /** Compares one record present on both sides. */
    public static RecordComparison compareRecord(RecordLayout old, Abi oldAbi, RecordLayout now, Abi newAbi) {
        Map<String, MemberView> om = members(old);
        Map<String, MemberView> nm = members(now);
        List<MemberChange> changes = new ArrayList<>();
        for (MemberView o : om.values()) {
            MemberView n = nm.get(o.path());
            if (n == null) {
                changes.add(new MemberChange(o.path(), Kind.REMOVED, o, null));
            } else {
                memberChanges(o, n, changes);
            }
        }
        for (MemberView n : nm.values()) {
            if (!om.containsKey(n.path())) {
                changes.add(new MemberChange(n.path(), Kind.ADDED, null, n));
            }
        }
        Shape os = shape(old);
        Shape ns = shape(now);
        Status status = changes.isEmpty() && os.equals(ns) ? Status.SAME : Status.CHANGED;
        return new RecordComparison(old.name(), status, oldAbi.name(), newAbi.name(), os, ns, changes);
    }

    private static void memberChanges(MemberView o, MemberView n, List<MemberChange> out) {
        boolean offsetsKnown = o.offsetKnown() && n.offsetKnown();
        boolean moved = offsetsKnown && o.offset() != n.offset();
        boolean resized = o.sizeKnown() && n.sizeKnown() && o.size() != n.size();
        if (moved) {
            out.add(new MemberChange(o.path(), Kind.MOVED, o, n));
        }
        if (resized) {
            out.add(new MemberChange(o.path(), Kind.RESIZED, o, n));
        }
        if (!moved && !resized && !sameType(o.type(), n.type())) {
            out.add(new MemberChange(o.path(), Kind.RETYPED, o, n));
        }
        if ((o.isBitField() || n.isBitField())
                && (o.bitWidth() != n.bitWidth() || offsetsKnown && o.bitOffset() != n.bitOffset())) {
            out.add(new MemberChange(o.path(), Kind.BITS, o, n));
        }
    }

    /**
     * Whether two types as written are the same type by name: equal text, or {@code bool} and
     * {@code _Bool}, one type under two spellings (C23's keyword, the macro of stdbool.h, and
     * the name DWARF gives it), element types of arrays included.
     */
    private static boolean sameType(String a, String b) {
        return a.equals(b) || BOOL.matcher(a).replaceAll("_Bool").equals(BOOL.matcher(b).replaceAll("_Bool"));
    }

    private static final java.util.regex.Pattern BOOL = java.util.regex.Pattern.compile("\\bbool\\b");

    /**
     * Pairs of a removed and an added member of one record at the same known offset with the same
     * size, type and bits: likely one member renamed. Each member is paired at most once.
     */
    public static List<Rename> likelyRenames(RecordComparison record) {
        List<MemberView> added = new ArrayList<>();
        for (MemberChange c : record.changes()) {
            if (c.kind() == Kind.ADDED) {
                added.add(c.now());
            }
        }
        List<Rename> out = new ArrayList<>();
        for (MemberChange c : record.changes()) {
            if (c.kind() != Kind.REMOVED || !c.old().offsetKnown()) {
                continue;
            }
            MemberView o = c.old();
            for (MemberView n : added) {
                if (n.offset() == o.offset() && n.size() == o.size() && sameType(n.type(), o.type())
                        && n.bitOffset() == o.bitOffset() && n.bitWidth() == o.bitWidth()) {
                    out.add(new Rename(o.path(), n.path()));
                    added.remove(n);
                    break;
                }
            }
        }
        return List.copyOf(out);
    }

    /** A likely rename of member {@code from} to {@code to} (a suggestion, never a finding). */
    public record Rename(String from, String to) {
    }

    /** The members a comparison matches, by dotted path, in layout order. */
    public static Map<String, MemberView> members(RecordLayout record) {
        Map<String, MemberView> out = new LinkedHashMap<>();
        addMembers(record, "", 0, false, out, 0);
        return out;
    }

    private static void addMembers(RecordLayout record, String prefix, long base, boolean dynamic,
                                   Map<String, MemberView> out, int depth) {
        for (FieldLayout f : record.visibleFields()) {
            String path = prefix + f.name();
            boolean dyn = dynamic || f.dynamic();
            long offset = dyn ? -1 : base + f.offset();
            long bitOffset = !f.isBitField() || dyn ? -1 : base * 8 + f.bits().offset();
            long size = f.sizeFromData() ? -1 : f.size();
            out.putIfAbsent(path, new MemberView(path, offset, size, f.typeName(), bitOffset,
                    f.isBitField() ? f.bits().width() : -1));
            // The layout engine already bounds nesting (Limits.maxDepth); the guard keeps this total.
            if (f.layout() instanceof RecordLayout inner && !inner.isReference() && depth < 4096) {
                addMembers(inner, path + ".", dyn ? 0 : base + f.offset(), dyn, out, depth + 1);
            }
        }
    }

    /** The named records by name, in their order; the first of two with one name wins. */
    public static Map<String, RecordLayout> byName(List<RecordLayout> records) {
        Map<String, RecordLayout> out = new LinkedHashMap<>();
        for (RecordLayout r : records) {
            if (r.name() != null) {
                out.putIfAbsent(r.name(), r);
            }
        }
        return out;
    }

    private static Shape shape(RecordLayout r) {
        return new Shape(r.definition().kind().keyword(), r.size(), r.align(), r.dynamic());
    }

    /** Whether any record differs. */
    public static boolean anyDiffers(List<RecordComparison> records) {
        return records.stream().anyMatch(RecordComparison::differs);
    }

}
