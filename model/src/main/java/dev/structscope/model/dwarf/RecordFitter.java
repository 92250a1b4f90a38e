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
    private static final int[] PACKS = {1, 2, 4, 8, 16};
    private static final PrimitiveType FILLER = PrimitiveType.of(Prim.UNSIGNED_CHAR);
    private static final int MAX_ROUNDS = 4096;
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

    /** A mismatch between a layout and the compiler's places: the member index (or -1 for the size). */
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
        RecordType result = fitOnce(r, bits, size, what, where, warnings);
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
        // The whole-record variants; when none fits, repair the one that fits longest.
        RecordType cur = r;
        Miss miss = first;
        if (!r.packed()) {
            List<RecordType> variants = new ArrayList<>();
            for (int p : PACKS) {
                variants.add(r.withPack(p));
            }
            variants.add(r.withPacked(true));
            for (RecordType candidate : variants) {
                Miss m = miss(candidate, expected, size, lib);
                if (m == null) {
                    return candidate;
                }
                if (reach(m, r) > reach(miss, r)) {
                    cur = candidate;
                    miss = m;
                }
            }
        }
        for (int round = 0; round < MAX_ROUNDS && miss != null; round++) {
            RecordType next = repair(cur, expected, miss, lib);
            if (next == null) {
                break;
            }
            cur = next;
            miss = miss(cur, expected, size, lib);
        }
        if (miss != null) {
            RecordLayout lay = layout(cur, lib);
            warnings.accept(where + ": " + what + ": the layout rules do not reproduce the compiler's layout: "
                    + (miss.member() < 0 ? "size " + lay.size() + ", the compiler's " + size
                    : "member " + name(cur.members().get(miss.member())) + " at bit " + miss.actual()
                    + ", the compiler's bit " + miss.expected()) + "; StructScope's layout is shown");
        }
        return cur;
    }

    /** How far a layout matches: the index of the first member that differs, past the last when only the size does. */
    private static int reach(Miss m, RecordType r) {
        return m.member() < 0 ? r.members().size() : m.member();
    }

    private static String name(Member m) {
        return m.name() == null ? "<anonymous>" : m.name();
    }

    /** One change that moves the first mismatch; null when nothing explains it. */
    private RecordType repair(RecordType cur, List<Long> expected, Miss miss, TypeLibrary lib) {
        List<Member> ms = new ArrayList<>(cur.members());
        if (miss.member() < 0) {
            RecordLayout lay = layout(cur, lib);
            long want = miss.expected();
            if (lay.size() < want) {
                for (long p = Math.max(1, lay.align()) * 2; p <= want && p <= 1L << 28; p *= 2) {
                    if (roundUp(lay.size(), p) == want && (want % p) == 0) {
                        return cur.withAlignedAttr(p);
                    }
                }
                if (cur.kind() == dev.structscope.model.type.RecordKind.STRUCT) {
                    ms.add(Member.bitField(null, FILLER, 8));
                    expected.add(null);
                    return cur.withMembers(ms);
                }
            } else if (!cur.packed()) {
                return cur.withPacked(true);
            }
            return null;
        }
        int i = miss.member();
        Member m = ms.get(i);
        if (miss.actual() > miss.expected()) {
            if (!m.packed()) {
                ms.set(i, m.withPacked(true));
                return cur.withMembers(ms);
            }
            return null;
        }
        long gap = miss.expected() - miss.actual();
        if (!m.isBitField() && miss.actual() % 8 == 0 && m.alignAs() == 0) {
            long at = miss.actual() / 8;
            long want = miss.expected() / 8;
            for (long p = 2; p <= want && p <= 1L << 28; p *= 2) {
                if (roundUp(at, p) == want && layout(cur, lib).fields().get(i).align() < p) {
                    ms.set(i, m.withAlignAs(p));
                    return cur.withMembers(ms);
                }
            }
        }
        // A zero-width bit-field (the compiler lists none) that moves the member exactly where it is.
        for (Prim unit : ZERO_WIDTH) {
            List<Member> tried = new ArrayList<>(ms);
            tried.add(i, Member.bitField(null, PrimitiveType.of(unit), 0));
            List<Long> exp = new ArrayList<>(expected);
            exp.add(i, null);
            Miss after = miss(cur.withMembers(tried), exp, Long.MIN_VALUE, lib);
            if (after == null || after.member() != i + 1) {
                expected.add(i, null);
                return cur.withMembers(tried);
            }
        }
        int width = (int) Math.min(gap, 8 - (miss.actual() % 8));
        ms.add(i, Member.bitField(null, FILLER, width));
        expected.add(i, null);
        return cur.withMembers(ms);
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
            return new Miss(-1, -1, size);
        }
        List<FieldLayout> fields = lay.fields();
        for (int i = 0; i < fields.size() && i < expected.size(); i++) {
            Long want = expected.get(i);
            if (want == null) {
                continue;
            }
            FieldLayout f = fields.get(i);
            long at = f.isBitField() ? f.bitOffset() : f.offset() * 8;
            if (at != want) {
                return new Miss(i, at, want);
            }
        }
        return lay.size() == size || size == Long.MIN_VALUE ? null : new Miss(-1, lay.size(), size);
    }

    private RecordLayout layout(RecordType r, TypeLibrary lib) {
        return LayoutEngine.layout(r, lib, abi, limits);
    }

    /** The declarations a type needs to be laid out (by value, transitively), as a small library. */
    TypeLibrary library(CType root) {
        Set<String> seen = new LinkedHashSet<>();
        List<Decl> out = new ArrayList<>();
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
