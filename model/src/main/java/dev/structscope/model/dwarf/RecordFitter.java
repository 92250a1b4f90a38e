package dev.structscope.model.dwarf;

import dev.structscope.model.InputException;
import dev.structscope.model.Limits;
import dev.structscope.model.abi.Abi;
import dev.structscope.model.layout.FieldLayout;
import dev.structscope.model.layout.LayoutEngine;
import dev.structscope.model.layout.RecordLayout;
import dev.structscope.model.type.ArrayType;
import dev.structscope.model.type.CType;
import dev.structscope.model.type.Decl;
import dev.structscope.model.type.Member;
import dev.structscope.model.type.NamedType;
import dev.structscope.model.type.PointerType;
import dev.structscope.model.type.Prim;
import dev.structscope.model.type.PrimitiveType;
import dev.structscope.model.type.RecordKind;
import dev.structscope.model.type.RecordType;
import dev.structscope.model.type.TypeLibrary;
import dev.structscope.model.type.Typedef;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Finds the record definition that the layout engine lays out exactly as the compiler did.
 * DWARF records where each member is and how big the record is, but not why: not whether
 * {@code #pragma pack} or {@code packed} was in force, nor the unnamed and zero-width bit-fields
 * that pushed members along (compilers leave those out). So the record is laid out as declared;
 * when that disagrees with the compiler, {@code packed} and each {@code pack} value are tried on
 * the whole record, and then, member by member, what explains the difference: a packed member
 * (placed earlier than its alignment allows), an aligned one (placed at a larger power of two),
 * an unnamed bit-field before it (any other gap), a minimum alignment on the record (a larger
 * size). A record that still differs keeps the closest definition and gets a warning that names
 * the first member that differs: never silently.
 *
 * <p>Bounded: at most a few rounds per member and per byte of gap, each one layout. One import,
 * one thread.
 */
final class RecordFitter {
    /**
     * The pack values tried, the smallest first: of the variants that explain the offsets, the one
     * that lowers the alignment most, as {@code packed} does. {@code packed} is far more common than
     * a {@code #pragma pack(2)}: over the kernel's UAPI headers (gcc 12, 2026-12-07) the largest
     * first read 68 packed records with alignment 2 or 4 instead of 1, and 2 pack(2) records right.
     */
    private static final int[] PACKS = {1, 2, 4, 8, 16};
    private static final PrimitiveType FILLER = PrimitiveType.of(Prim.UNSIGNED_CHAR);
    private static final int MAX_ROUNDS = 4096;
    /** The widest gap filled with unnamed bit-fields (one per byte): wider gaps come from alignment, not fillers. */
    private static final long MAX_FILL_BITS = 8 * 512;
    private static final Prim[] ZERO_WIDTH = {Prim.UNSIGNED_CHAR, Prim.UNSIGNED_SHORT, Prim.UNSIGNED_INT,
        Prim.UNSIGNED_LONG_LONG};

    private final Abi abi;
    private final Limits limits;
    private final Map<String, Decl> decls;

    RecordFitter(Abi abi, Limits limits, Map<String, Decl> decls) {
        this.abi = abi;
        this.limits = limits;
        this.decls = decls;
    }

    /** The member index of a {@link Miss} for a definition the layout engine refuses. */
    private static final int REFUSED = -2;

    /** A mismatch between a layout and the compiler's places: the member index (or -1 for the size, {@link #REFUSED}). */
    private record Miss(int member, long actual, long expected) {
    }

    /**
     * @param r        the record as DWARF declares it (attributes DWARF states, like alignment, set)
     * @param bits     where the compiler put each member of {@code r}, in bits from the record start
     * @param size     the compiler's size of the record
     */
    RecordType fit(RecordType r, List<Long> bits, long size, String what, String where, Consumer<String> warnings) {
        // Units repeat the records of the headers they share: fit each distinct one once.
        List<Object> key = List.of(r, List.copyOf(bits), size);
        RecordType known = fitted.get(key);
        if (known != null) {
            return known;
        }
        budget = LAYOUTS_PER_RECORD;
        RecordType result;
        try {
            result = fitOnce(r, bits, size, what, where, warnings);
        } catch (OutOfBudget e) {
            warnings.accept(where + ": " + what + ": the layout rules do not reproduce the compiler's layout within "
                    + LAYOUTS_PER_RECORD + " tries; StructScope's layout of the record as declared is shown");
            result = r;
        }
        fitted.put(key, result);
        return result;
    }

    private final Map<List<Object>, RecordType> fitted = new java.util.HashMap<>();

    private RecordType fitOnce(RecordType r, List<Long> bits, long size, String what, String where,
                               Consumer<String> warnings) {
        TypeLibrary lib = library(r);
        List<Long> expected = new ArrayList<>(bits);
        Miss first = miss(r, expected, size, lib);
        if (first == null) {
            return r;
        }
        // The record as declared, then under each pack value (the smallest first, see PACKS) and
        // packed: the first that fits as it is; else each one repaired member by member, keeping
        // the one that fits with the fewest changes (or, when none fits, agrees furthest).
        List<RecordType> variants = new ArrayList<>();
        variants.add(r);
        if (!r.packed()) {
            for (int p : PACKS) {
                variants.add(r.withPack(p));
            }
            variants.add(r.withPacked(true));
        }
        for (RecordType candidate : variants.subList(1, variants.size())) {
            if (miss(candidate, expected, size, lib) == null) {
                return candidate;
            }
        }
        RecordType cur = r;
        Miss miss = first;
        List<Long> curExpected = expected;
        RecordType best = null;
        int bestChanges = Integer.MAX_VALUE;
        for (RecordType variant : variants) {
            List<Long> exp = new ArrayList<>(expected);
            RecordType v = variant;
            Miss m = miss(v, exp, size, lib);
            int changes = 0;
            for (; changes < MAX_ROUNDS && changes < bestChanges && m != null; changes++) {
                RecordType next = repair(v, exp, m, size, lib);
                if (next == null) {
                    break;
                }
                v = next;
                m = miss(v, exp, size, lib);
            }
            if (m == null) {
                if (changes < bestChanges) {
                    best = v;
                    bestChanges = changes;
                }
                continue;
            }
            long[] a = score(m, exp);
            long[] b = score(miss, curExpected);
            if (a[0] > b[0] || (a[0] == b[0] && a[1] < b[1])) {
                cur = v;
                miss = m;
                curExpected = exp;
            }
        }
        if (best != null) {
            return best;
        }
        if (miss != null && miss.member() == REFUSED) {
            // No definition of it can be laid out (a struct that holds itself): malformed, said where it is.
            throw new InputException(where, what + ": " + refusal);
        }
        if (miss != null) {
            String size2;
            try {
                size2 = Long.toString(layout(cur, lib).size());
            } catch (InputException | IllegalArgumentException | ArithmeticException e) {
                size2 = "none (" + e.getMessage() + ")";
            }
            warnings.accept(where + ": " + what + ": the layout rules do not reproduce the compiler's layout: "
                    + (miss.member() < 0 ? "size " + size2 + ", the compiler's " + size
                    : "member " + name(cur.members().get(miss.member())) + " at bit " + miss.actual()
                    + ", the compiler's bit " + miss.expected()) + "; StructScope's layout is shown");
        }
        return cur;
    }

    private static String name(Member m) {
        return m.name() == null ? "<anonymous>" : m.name();
    }

    /** A candidate change: the record and the expected places that go with it (a filler adds a null). */
    private record Change(RecordType record, List<Long> expected) {
    }

    /**
     * The change that explains the first mismatch best: of the candidates, the one after which
     * the layout agrees with the compiler furthest (then: misses by the least); null when none
     * gets further than {@code cur}.
     */
    private RecordType repair(RecordType cur, List<Long> expected, Miss miss, long size, TypeLibrary lib) {
        Change best = null;
        long[] bestScore = score(miss, expected);
        for (Change c : candidates(cur, expected, miss, lib)) {
            Miss after = miss(c.record(), c.expected(), size, lib);
            if (after == null) {
                best = c;
                break;
            }
            long[] score = score(after, c.expected());
            if (score[0] > bestScore[0] || (score[0] == bestScore[0] && score[1] < bestScore[1])) {
                best = c;
                bestScore = score;
            }
        }
        if (best == null) {
            return null;
        }
        List<Long> chosen = new ArrayList<>(best.expected()); // may be expected itself
        expected.clear();
        expected.addAll(chosen);
        return best.record();
    }

    /** How far a layout agrees: the compiler's members placed right before the miss, then how far off it is. */
    private static long[] score(Miss m, List<Long> expected) {
        if (m.member() == REFUSED) {
            return new long[] {-1, Long.MAX_VALUE};
        }
        int upTo = m.member() < 0 ? expected.size() : m.member();
        long right = 0;
        for (int i = 0; i < upTo; i++) {
            if (expected.get(i) != null) {
                right++;
            }
        }
        return new long[] {m.member() < 0 ? right + 1 : right, Math.abs(m.expected() - m.actual())};
    }

    private List<Change> candidates(RecordType cur, List<Long> expected, Miss miss, TypeLibrary lib) {
        List<Change> out = new ArrayList<>();
        List<Member> ms = cur.members();
        if (miss.member() == REFUSED) {
            return out; // nothing to measure a change by
        }
        if (miss.member() < 0) {
            RecordLayout lay = layout(cur, lib);
            long want = miss.expected();
            if (lay.size() < want) {
                for (long p = Math.max(1, lay.align()) * 2; p <= want && p <= 1L << 28; p *= 2) {
                    if (roundUp(lay.size(), p) == want) {
                        out.add(new Change(cur.withAlignedAttr(p), expected));
                    }
                }
                if (cur.kind() == RecordKind.STRUCT) {
                    Change fill = fill(cur, expected, ms.size(), want * 8, lib); // trailing unnamed bit-fields
                    if (fill != null) {
                        out.add(fill);
                    }
                } else {
                    // A union made bigger by an unnamed bit-field (union { _Bool : 1; } has one byte).
                    for (Prim unit : ZERO_WIDTH) {
                        int bits = (int) Math.min(64, want * 8);
                        out.add(insert(cur, expected, ms.size(), Member.bitField(null, PrimitiveType.of(unit),
                                Math.min(bits, unit == Prim.UNSIGNED_CHAR ? 8 : unit == Prim.UNSIGNED_SHORT ? 16
                                        : unit == Prim.UNSIGNED_INT ? 32 : 64))));
                    }
                }
            } else if (!cur.packed()) {
                out.add(new Change(cur.withPacked(true), expected));
            }
            return out;
        }
        int i = miss.member();
        Member m = ms.get(i);
        if (miss.actual() > miss.expected()) {
            if (!m.packed()) {
                out.add(new Change(cur.withMember(i, m.withPacked(true)), expected));
            }
            // An earlier member may be the packed one: the whole record's variants.
            if (!cur.packed()) {
                out.add(new Change(cur.withPacked(true), expected));
            }
            return out;
        }
        for (Prim unit : ZERO_WIDTH) {
            out.add(insert(cur, expected, i, Member.bitField(null, PrimitiveType.of(unit), 0)));
        }
        if (!m.isBitField() && miss.actual() % 8 == 0 && m.alignAs() == 0) {
            long at = miss.actual() / 8;
            long want = miss.expected() / 8;
            for (long p = 2; p <= want && p <= 1L << 28; p *= 2) {
                if (roundUp(at, p) == want) {
                    out.add(new Change(cur.withMember(i, m.withAlignAs(p)), expected));
                }
            }
        }
        if (cur.kind() == RecordKind.STRUCT) {
            Change fill = fill(cur, expected, i, miss.expected(), lib);
            if (fill != null) {
                out.add(fill);
            }
        }
        return out;
    }

    /**
     * Unnamed bit-fields that take every bit from the end of the members before {@code i} to
     * {@code want}: what an unnamed bit-field in the source did, which the compiler does not list.
     */
    private Change fill(RecordType cur, List<Long> expected, int i, long want, TypeLibrary lib) {
        long from = 0;
        for (FieldLayout f : layout(cur, lib).fields().subList(0, i)) {
            from = Math.max(from, f.isBitField() ? f.bits().end() : (f.offset() + f.size()) * 8);
        }
        if (want <= from || want - from > MAX_FILL_BITS) {
            return null;
        }
        List<Member> ms = new ArrayList<>(cur.members());
        List<Long> exp = new ArrayList<>(expected);
        for (long at = from; at < want; ) {
            int width = (int) Math.min(want - at, 8 - (at % 8));
            ms.add(i, Member.bitField(null, FILLER, width));
            exp.add(i, null);
            i++;
            at += width;
        }
        return new Change(cur.withMembers(ms), exp);
    }

    private static Change insert(RecordType cur, List<Long> expected, int at, Member filler) {
        List<Member> ms = new ArrayList<>(cur.members());
        ms.add(at, filler);
        List<Long> exp = new ArrayList<>(expected);
        exp.add(at, null);
        return new Change(cur.withMembers(ms), exp);
    }

    private static long roundUp(long v, long p) {
        return (v + p - 1) / p * p;
    }

    /** The first member not where the compiler put it, else a size that differs, else null. */
    private Miss miss(RecordType r, List<Long> expected, long size, TypeLibrary lib) {
        RecordLayout lay;
        try {
            lay = layout(r, lib);
        } catch (InputException | IllegalArgumentException | ArithmeticException e) {
            refusal = e.getMessage();
            return new Miss(REFUSED, 0, 0); // a definition the engine refuses fits worst
        }
        List<FieldLayout> fields = lay.fields();
        for (int i = 0; i < fields.size() && i < expected.size(); i++) {
            Long want = expected.get(i);
            if (want == null) {
                continue;
            }
            FieldLayout f = fields.get(i);
            long at = f.isBitField() ? f.bits().offset() : f.offset() * 8;
            if (at != want) {
                return new Miss(i, at, want);
            }
        }
        return lay.size() == size || size == Long.MIN_VALUE ? null : new Miss(-1, lay.size(), size);
    }

    private RecordLayout layout(RecordType r, TypeLibrary lib) {
        if (--budget < 0) {
            throw new OutOfBudget();
        }
        return LayoutEngine.layout(r, lib, abi, limits);
    }

    /** Layouts one record may cost the search: a hostile record ends the search, not the import. */
    private static final int LAYOUTS_PER_RECORD = 4000;
    private int budget;
    /** Why the layout engine last refused a definition. */
    private String refusal;

    /** The search spent its budget: the closest definition so far is kept, with the warning. */
    private static final class OutOfBudget extends RuntimeException {
        OutOfBudget() {
            super(null, null, false, false);
        }
    }

    /** The declarations a type needs to be laid out (by value, transitively), as a small library. */
    TypeLibrary library(CType root) {
        Set<String> seen = new LinkedHashSet<>();
        List<Decl> out = new ArrayList<>();
        if (root instanceof RecordType r && r.tag() != null) {
            // The record being fitted, so that one that holds itself is refused as that, not as unknown.
            seen.add((r.kind() == RecordKind.UNION ? "union " : "struct ") + r.tag());
            out.add(r);
        }
        Deque<CType> todo = new ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            CType t = todo.pop();
            switch (t) {
                case RecordType r -> r.members().forEach(m -> todo.push(m.type()));
                case ArrayType a -> todo.push(a.element());
                case NamedType n -> {
                    String key = switch (n.kind()) {
                        case STRUCT -> "struct ";
                        case UNION -> "union ";
                        case ENUM -> "enum ";
                        case TYPEDEF -> "typedef ";
                    } + n.name();
                    Decl d = decls.get(key);
                    if (d != null && seen.add(key)) {
                        out.add(d);
                        switch (d) {
                            case RecordType r -> todo.push(r);
                            case Typedef td -> todo.push(td.target());
                            default -> { }
                        }
                    }
                }
                case PointerType p -> { }
                default -> { }
            }
        }
        return new TypeLibrary(out, Map.of());
    }
}
