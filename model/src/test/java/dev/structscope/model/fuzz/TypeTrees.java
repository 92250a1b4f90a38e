package dev.structscope.model.fuzz;

import dev.structscope.model.InputException;
import dev.structscope.model.abi.Abi;
import dev.structscope.model.layout.LayoutEngine;
import dev.structscope.model.layout.RecordLayout;
import dev.structscope.model.type.ArrayType;
import dev.structscope.model.type.CType;
import dev.structscope.model.type.Decl;
import dev.structscope.model.type.EnumType;
import dev.structscope.model.type.Enumerator;
import dev.structscope.model.type.Member;
import dev.structscope.model.type.NamedType;
import dev.structscope.model.type.PointerType;
import dev.structscope.model.type.Prim;
import dev.structscope.model.type.PrimitiveType;
import dev.structscope.model.type.RecordKind;
import dev.structscope.model.type.RecordType;
import dev.structscope.model.type.TypeLibrary;
import dev.structscope.model.type.Typedef;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Random type trees for the layout-engine and decoder fuzz targets, driven by {@link Choices}.
 * Every kind of the model appears: all primitives, pointers, enums (packed, fixed underlying),
 * multi-dimensional, {@code char} and flexible arrays, tagged and inline structs and unions,
 * anonymous members, named, unnamed and zero-width bit-fields, pack, packed, aligned, alignas and
 * typedefs with alignment.
 *
 * <p>With {@code wild} set it also makes what C forbids or what no compiler can lay out (the
 * clang-oracle tests only cover valid trees): nesting thousands of levels deep, arrays whose
 * sizes overflow, records that contain themselves by value (directly, through typedefs or through
 * other records), named zero-width, over-wide and non-integer bit-fields, flexible arrays in the
 * wrong place, void members, unknown names and records with up to 20,000 members. Only
 * values the model's constructors accept are built, so what fails must fail in the engine.
 * One generator per tree; not thread-safe.
 */
public final class TypeTrees {
    private static final Prim[] PRIMS = Prim.values();
    private static final Prim[] INTS = {Prim.CHAR, Prim.SIGNED_CHAR, Prim.UNSIGNED_CHAR, Prim.SHORT, Prim.UNSIGNED_SHORT,
            Prim.INT, Prim.UNSIGNED_INT, Prim.LONG, Prim.UNSIGNED_LONG, Prim.LONG_LONG, Prim.UNSIGNED_LONG_LONG,
            Prim.INT8, Prim.UINT8, Prim.INT16, Prim.UINT16, Prim.INT32, Prim.UINT32, Prim.INT64, Prim.UINT64, Prim.BOOL,
            Prim.SIZE, Prim.PTRDIFF, Prim.CHAR16, Prim.CHAR32, Prim.WCHAR};

    private final Choices c;
    private final boolean wild;
    private final List<Decl> decls = new ArrayList<>();
    private final List<CType> named = new ArrayList<>();
    private int counter;

    /** A library and the record of it to lay out (the last one generated). */
    public record Tree(TypeLibrary library, RecordType root) {
    }

    /** A tree laid out for an ABI: its {@code layout}, or {@code refused} with the engine's reason where it has none. */
    public record Laid(Abi abi, Tree tree, RecordLayout layout, InputException refused) {
    }

    /**
     * A random ABI, then a random tree ({@code wild} as for the constructor), laid out by the
     * engine; in that order, so that a fuzzer's saved inputs keep meaning the same case.
     */
    public static Laid layOut(Choices c, boolean wild) {
        Abi abi = Abi.all().get(c.pick(Abi.all().size()));
        Tree tree = new TypeTrees(c, wild).tree();
        try {
            return new Laid(abi, tree, LayoutEngine.layout(tree.root(), tree.library(), abi), null);
        } catch (InputException e) {
            return new Laid(abi, tree, null, e);
        }
    }

    public TypeTrees(Choices choices, boolean wild) {
        this.c = choices;
        this.wild = wild;
    }

    /** A library of a few declarations; the root is a tagged struct or union that may use all of them. */
    public Tree tree() {
        int before = c.pick(4);
        for (int i = 0; i < before; i++) {
            switch (c.pick(3)) {
                case 0 -> {
                    RecordType r = record("R" + counter++, 0);
                    decls.add(r);
                    named.add(new NamedType(r.kind() == RecordKind.STRUCT ? NamedType.Kind.STRUCT : NamedType.Kind.UNION,
                            r.tag()));
                }
                case 1 -> {
                    EnumType e = enumeration("E" + counter++);
                    decls.add(e);
                    named.add(NamedType.enumeration(e.tag()));
                }
                default -> {
                    String name = "t" + counter++;
                    decls.add(new Typedef(name, type(1), c.chance(4) ? 1L << c.pick(7) : 0, null));
                    named.add(NamedType.typedef(name));
                }
            }
        }
        RecordType root = record("Root", 0);
        if (wild && c.chance(3)) {
            root = pathological(root);
        }
        decls.add(root);
        return new Tree(new TypeLibrary(decls, Map.of()), root);
    }

    private RecordType record(String tag, int depth) {
        RecordKind kind = c.chance(3) ? RecordKind.UNION : RecordKind.STRUCT;
        List<Member> members = new ArrayList<>();
        int n = c.pick(depth == 0 ? 9 : 5);
        for (int i = 0; i < n; i++) {
            members.add(member(depth));
        }
        if (kind == RecordKind.STRUCT && c.chance(6)) {
            members.add(Member.of(name(), ArrayType.flexible(scalar())));
        }
        int pack = c.chance(4) ? 1 << c.pick(5) : 0;
        long aligned = c.chance(6) ? 1L << c.pick(7) : 0;
        return new RecordType(kind, tag, members, pack, c.chance(6), aligned, null);
    }

    private String name() {
        return "m" + counter++;
    }

    private Member member(int depth) {
        int k = c.pick(10);
        if (k < 3) {
            Prim p = INTS[c.pick(INTS.length)];
            CType t = c.chance(6) ? enumeration(null) : PrimitiveType.of(p);
            int max = t instanceof PrimitiveType pt ? bits(pt.prim()) : 32;
            return switch (c.pick(5)) {
                case 0 -> Member.bitField(null, t, 0);
                case 1 -> Member.bitField(null, t, c.pick(max + 1));
                default -> new Member(name(), t, 1 + c.pick(max), 0, c.chance(5), null);
            };
        }
        if (k == 3 && depth < 3) {
            return new Member(null, record(null, depth + 1), null, 0, false, null);
        }
        long alignAs = c.chance(8) ? 1L << c.pick(7) : 0;
        return new Member(name(), type(depth), null, alignAs, c.chance(8), null);
    }

    private static int bits(Prim p) {
        return switch (p) {
            case BOOL -> 1;
            case CHAR, SIGNED_CHAR, UNSIGNED_CHAR, INT8, UINT8 -> 8;
            case SHORT, UNSIGNED_SHORT, INT16, UINT16, CHAR16 -> 16;
            case LONG_LONG, UNSIGNED_LONG_LONG, INT64, UINT64 -> 64;
            default -> 32;   // long, size_t and wchar_t are at least 32 bits on every ABI
        };
    }

    private CType scalar() {
        return PrimitiveType.of(PRIMS[1 + c.pick(PRIMS.length - 1)]);
    }

    private CType type(int depth) {
        return switch (c.pick(depth > 2 ? 4 : 10)) {
            case 0, 1 -> scalar();
            case 2 -> named.isEmpty() ? scalar() : named.get(c.pick(named.size()));
            case 3 -> new PointerType(c.chance(2) ? PrimitiveType.of(Prim.VOID) : NamedType.struct("Opaque"));
            case 4 -> new ArrayType(PrimitiveType.of(Prim.CHAR), c.pick(12));
            case 5, 6 -> {
                CType t = type(depth + 1);
                int dims = 1 + c.pick(3);
                for (int i = 0; i < dims; i++) {
                    t = new ArrayType(t, c.pick(5));
                }
                yield t;
            }
            case 7 -> record(c.chance(3) ? "N" + counter++ : null, depth + 1);
            case 8 -> enumeration(c.chance(2) ? null : "E" + counter++);
            default -> new ArrayType(new PointerType(scalar()), 1 + c.pick(3));
        };
    }

    private EnumType enumeration(String tag) {
        List<Enumerator> es = new ArrayList<>();
        int n = 1 + c.pick(4);
        for (int i = 0; i < n; i++) {
            long v = switch (c.pick(4)) {
                case 0 -> c.anyLong();
                case 1 -> -c.pick(5);
                default -> i;
            };
            es.add(Enumerator.of("K" + counter++, v));
        }
        Prim underlying = c.chance(4) ? INTS[c.pick(INTS.length)] : null;
        return new EnumType(tag, es, c.chance(4), underlying, null);
    }

    /** The cases a compiler refuses or that push the engine's limits. */
    private RecordType pathological(RecordType root) {
        List<Member> ms = new ArrayList<>(root.members());
        switch (c.pick(12)) {
            case 0 -> ms.add(Member.of("deep", deep(1 + c.pick(12_000))));
            case 1 -> ms.add(Member.of("huge", new ArrayType(scalar(), hugeLength())));
            case 2 -> ms.add(Member.of("huge2d", new ArrayType(new ArrayType(scalar(), hugeLength()), hugeLength())));
            case 3 -> ms.add(Member.of("self", new NamedType(root.kind() == RecordKind.STRUCT ? NamedType.Kind.STRUCT
                    : NamedType.Kind.UNION, root.tag())));
            case 4 -> {
                // Root -> typedef -> struct Cyc -> array of Root.
                decls.add(Typedef.of("RootT", NamedType.struct(root.tag())));
                decls.add(RecordType.struct("Cyc", List.of(Member.of("back", new ArrayType(NamedType.typedef("RootT"), 1)))));
                ms.add(Member.of("cyc", NamedType.struct("Cyc")));
            }
            case 5 -> {
                // A typedef cycle that never reaches a record.
                decls.add(Typedef.of("LoopA", NamedType.typedef("LoopB")));
                decls.add(Typedef.of("LoopB", NamedType.typedef("LoopA")));
                ms.add(Member.of("loop", NamedType.typedef(c.chance(2) ? "LoopA" : "LoopB")));
            }
            case 6 -> ms.add(Member.bitField(c.chance(2) ? "zero" : null, PrimitiveType.of(INTS[c.pick(INTS.length)]),
                    c.chance(2) ? 0 : 65 + c.pick(200)));
            case 7 -> ms.add(Member.bitField("odd", switch (c.pick(4)) {
                case 0 -> PrimitiveType.of(Prim.DOUBLE);
                case 1 -> new PointerType(PrimitiveType.of(Prim.INT));
                case 2 -> new ArrayType(PrimitiveType.of(Prim.INT), 2);
                default -> record(null, 3);
            }, 1 + c.pick(8)));
            case 8 -> ms.add(c.pick(ms.size() + 1), Member.of("flex", ArrayType.flexible(scalar())));
            case 9 -> ms.add(Member.of(c.chance(2) ? null : "v", c.chance(2) ? PrimitiveType.of(Prim.VOID)
                    : new ArrayType(PrimitiveType.of(Prim.VOID), c.pick(3))));
            case 10 -> ms.add(Member.of("unknown", c.chance(2) ? NamedType.typedef("nowhere_t") : NamedType.union("Nowhere")));
            default -> {
                int n = 1 + c.pick(20_000);
                for (int i = 0; i < n; i++) {
                    ms.add(Member.of("w" + i, PrimitiveType.of(INTS[i % INTS.length])));
                }
            }
        }
        return root.withMembers(ms);
    }

    private long hugeLength() {
        return switch (c.pick(4)) {
            case 0 -> Long.MAX_VALUE;
            case 1 -> Long.MAX_VALUE / (1 + c.pick(64));
            case 2 -> 1L << (30 + c.pick(33));
            default -> c.anyLong() & Long.MAX_VALUE;
        };
    }

    /** {@code levels} of nested arrays, inline records or typedefs around a scalar. */
    private CType deep(int levels) {
        CType t = scalar();
        int how = c.pick(4);
        for (int i = 0; i < levels; i++) {
            int k = how == 3 ? i % 3 : how;
            t = switch (k) {
                case 0 -> new ArrayType(t, 1);
                case 1 -> new RecordType(i % 2 == 0 ? RecordKind.STRUCT : RecordKind.UNION, null,
                        List.of(Member.of("m", t)), 0, false, 0, null);
                default -> {
                    String n = "d" + counter++;
                    decls.add(Typedef.of(n, t));
                    yield NamedType.typedef(n);
                }
            };
        }
        return t;
    }
}
