package dev.structscope.model.doc;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generates valid type libraries that use every feature of the model: every primitive with
 * canonical and unusual spellings, pointers (also to undefined tags), multi-dimensional and
 * flexible arrays, anonymous and inline records and enums, named and unnamed and zero-width
 * bit-fields, pack/packed/aligned/alignas, enums with fixed underlying types, typedef alignment,
 * comments with awkward characters. Names are unique, so the libraries pass the document checks.
 */
final class RandomLibraries {
    private final Random rnd;
    private int counter;
    private final List<NamedType> byValue = new ArrayList<>();
    private final List<String> typedefs = new ArrayList<>();

    RandomLibraries(long seed) {
        this.rnd = new Random(seed);
    }

    private static final String[][] SPELLINGS = {
            {"unsigned", "UNSIGNED_INT"}, {"signed", "INT"}, {"long int", "LONG"}, {"unsigned long int", "UNSIGNED_LONG"},
            {"long long int", "LONG_LONG"}, {"short int", "SHORT"}, {"unsigned short", "UNSIGNED_SHORT"},
            {"long unsigned long", "UNSIGNED_LONG_LONG"}, {"bool", "BOOL"}, {"uintptr_t", "SIZE"}, {"ssize_t", "PTRDIFF"},
            {"intptr_t", "PTRDIFF"}, {"BYTE VALUE", "UINT8"}, {"  int  ", "INT"}, {"u32", "UINT32"},
    };

    TypeLibrary library() {
        List<Decl> decls = new ArrayList<>();
        int n = 1 + rnd.nextInt(8);
        for (int i = 0; i < n; i++) {
            Decl d = switch (rnd.nextInt(4)) {
                case 0, 1 -> record(tag(), 0);
                case 2 -> enumeration(tag());
                default -> typedef();
            };
            decls.add(d);
            switch (d) {
                case RecordType r -> byValue.add(new NamedType(r.kind() == RecordKind.STRUCT ? NamedType.Kind.STRUCT
                        : NamedType.Kind.UNION, r.tag()));
                case EnumType e -> byValue.add(NamedType.enumeration(e.tag()));
                case Typedef t -> {
                    typedefs.add(t.name());
                    byValue.add(NamedType.typedef(t.name()));
                }
            }
        }
        Map<String, Long> constants = new LinkedHashMap<>();
        int c = rnd.nextInt(4);
        for (int i = 0; i < c; i++) {
            constants.put("K" + (counter++), switch (rnd.nextInt(3)) {
                case 0 -> Long.MIN_VALUE;
                case 1 -> Long.MAX_VALUE;
                default -> rnd.nextLong();
            });
        }
        return new TypeLibrary(decls, constants);
    }

    private String tag() {
        int k = counter++;
        return switch (rnd.nextInt(10)) {
            case 0 -> "weird name " + k;   // not a C identifier: written in object form
            default -> "T" + k;
        };
    }

    private String comment() {
        return switch (rnd.nextInt(8)) {
            case 0 -> "";
            case 1 -> "line one\nline \"two\"\t\\ ünïcødé ✓ \u0001";
            case 2 -> "offset of " + rnd.nextInt(100);
            default -> null;
        };
    }

    private long align() {
        return rnd.nextInt(4) == 0 ? 1L << rnd.nextInt(7) : 0;
    }

    RecordType record(String tag, int depth) {
        RecordKind kind = rnd.nextBoolean() ? RecordKind.STRUCT : RecordKind.UNION;
        List<Member> members = new ArrayList<>();
        int n = rnd.nextInt(7);
        for (int i = 0; i < n; i++) {
            members.add(member(depth));
        }
        if (kind == RecordKind.STRUCT && rnd.nextInt(5) == 0) {
            members.add(new Member(name(), ArrayType.flexible(scalar()), null, align(), false, comment()));
        }
        int pack = rnd.nextInt(3) == 0 ? 1 << rnd.nextInt(5) : 0;
        return new RecordType(kind, tag, members, pack, rnd.nextInt(4) == 0, align(), comment());
    }

    private String name() {
        return "m" + (counter++);
    }

    private Member member(int depth) {
        int choice = rnd.nextInt(10);
        if (choice < 3) {
            CType t = bitFieldType();
            int max = maxBits(t);
            return switch (rnd.nextInt(4)) {
                case 0 -> new Member(null, t, 0, 0, false, comment());
                case 1 -> new Member(null, t, rnd.nextInt(max + 1), 0, false, comment());
                default -> new Member(name(), t, 1 + rnd.nextInt(max), 0, rnd.nextInt(5) == 0, comment());
            };
        }
        if (choice == 3 && depth < 3) {
            // An anonymous struct/union member (its members join the enclosing record's names).
            return new Member(null, record(null, depth + 1), null, align(), false, comment());
        }
        return new Member(name(), type(depth), null, align(), rnd.nextInt(6) == 0, comment());
    }

    private CType bitFieldType() {
        Prim[] ints = {Prim.INT, Prim.UNSIGNED_INT, Prim.CHAR, Prim.UINT8, Prim.INT16, Prim.UINT64, Prim.LONG_LONG,
                Prim.BOOL, Prim.UNSIGNED_SHORT, Prim.INT32, Prim.LONG};
        if (rnd.nextInt(6) == 0) {
            return new EnumType(null, List.of(new Enumerator("E" + (counter++), 1, null)), false, null, null);
        }
        return PrimitiveType.of(ints[rnd.nextInt(ints.length)]);
    }

    private static int maxBits(CType t) {
        if (!(t instanceof PrimitiveType p)) {
            return 32;
        }
        return switch (p.prim()) {
            case BOOL -> 1;
            case CHAR, UINT8 -> 8;
            case INT16, UNSIGNED_SHORT -> 16;
            case INT, UNSIGNED_INT, INT32 -> 32;
            default -> 64;
        };
    }

    private CType scalar() {
        if (rnd.nextInt(4) == 0) {
            String[] s = SPELLINGS[rnd.nextInt(SPELLINGS.length)];
            return new PrimitiveType(Prim.valueOf(s[1]), s[0]);
        }
        Prim[] all = Prim.values();
        Prim p = all[1 + rnd.nextInt(all.length - 1)];   // no void by value
        return PrimitiveType.of(p);
    }

    private CType type(int depth) {
        return switch (rnd.nextInt(depth > 2 ? 3 : 9)) {
            case 0, 1 -> scalar();
            case 2 -> byValue.isEmpty() ? scalar() : byValue.get(rnd.nextInt(byValue.size()));
            case 3 -> new PointerType(pointee(depth));
            case 4 -> {
                CType t = type(depth + 1);
                int dims = 1 + rnd.nextInt(3);
                for (int i = 0; i < dims; i++) {
                    t = new ArrayType(t, rnd.nextInt(5));
                }
                yield t;
            }
            case 5 -> record(rnd.nextInt(3) == 0 ? tag() : null, depth + 1);   // inline record as a member type
            case 6 -> enumeration(rnd.nextBoolean() ? null : tag());
            case 7 -> new PointerType(new ArrayType(scalar(), 1 + rnd.nextInt(4)));
            default -> new ArrayType(new PointerType(pointee(depth)), rnd.nextInt(4));
        };
    }

    private CType pointee(int depth) {
        return switch (rnd.nextInt(6)) {
            case 0 -> PrimitiveType.of(Prim.VOID);
            case 1 -> NamedType.struct("Opaque" + (counter++));   // never defined: fine behind a pointer
            case 2 -> new PointerType(PrimitiveType.of(Prim.CHAR));
            case 3 -> depth < 3 ? record(null, depth + 1) : scalar();
            case 4 -> ArrayType.flexible(scalar());
            default -> type(depth + 1);
        };
    }

    EnumType enumeration(String tag) {
        List<Enumerator> values = new ArrayList<>();
        int n = rnd.nextInt(5);
        for (int i = 0; i < n; i++) {
            long v = switch (rnd.nextInt(4)) {
                case 0 -> Long.MIN_VALUE;
                case 1 -> -rnd.nextInt(1000);
                default -> rnd.nextInt(1 << 20);
            };
            values.add(new Enumerator("E" + (counter++), v, comment()));
        }
        Prim[] under = {Prim.UINT8, Prim.INT16, Prim.UNSIGNED_INT, Prim.INT64, Prim.CHAR, Prim.BOOL, Prim.SIZE};
        Prim u = rnd.nextInt(3) == 0 ? under[rnd.nextInt(under.length)] : null;
        return new EnumType(tag, values, rnd.nextInt(4) == 0, u, comment());
    }

    private Typedef typedef() {
        String name = switch (rnd.nextInt(12)) {
            case 0 -> "uint8_t";                  // shadows a primitive name: references go in object form
            case 1 -> "odd-name-" + (counter++);
            default -> "Td" + (counter++);
        };
        if (typedefs.contains(name)) {
            name = "Td" + (counter++);
        }
        CType target = switch (rnd.nextInt(4)) {
            case 0 -> record(null, 1);
            case 1 -> NamedType.struct("Opaque" + (counter++));
            default -> type(1);
        };
        return new Typedef(name, target, rnd.nextInt(4) == 0 ? 1L << rnd.nextInt(6) : 0, comment());
    }
}
