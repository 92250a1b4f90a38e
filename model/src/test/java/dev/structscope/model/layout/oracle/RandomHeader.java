package dev.structscope.model.layout.oracle;

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
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A seeded random generator of C declarations that produces, from one seed, both the C header
 * text (for clang and gcc) and the equivalent {@link TypeLibrary} built directly (no parser), so
 * the layout engine can be compared with real compilers. Every feature the engine supports is
 * drawn at random and mixed: nested named and anonymous records, unions, bit-fields of every
 * integer type and width (zero-width and unnamed included), {@code #pragma pack}, packed and
 * aligned attributes on records, members and typedefs, {@code _Alignas}, enums (packed, and with
 * values beyond 32 bits), pointers, multi-dimensional and flexible arrays, empty records.
 *
 * <p>Test code; one instance per header, single thread.
 */
public final class RandomHeader {
    /** The output: header text, the same declarations as a library, and the top-level records by C spelling. */
    public record Generated(long seed, String header, TypeLibrary library, List<String> records,
                            Map<RecordType, RecordText> texts) {
    }

    /**
     * The C text of a top-level record in pieces, so tests can write it again with its members
     * in another order: {@code before + open + members... + close + after}. Keyed by identity of
     * the record's model, and each member's text by identity of its {@link Member}.
     */
    public record RecordText(String before, String open, Map<Member, String> members, String close, String after) {
    }

    private static final Prim[] INTEGERS = {
        Prim.CHAR, Prim.SIGNED_CHAR, Prim.UNSIGNED_CHAR, Prim.SHORT, Prim.UNSIGNED_SHORT, Prim.INT,
        Prim.UNSIGNED_INT, Prim.LONG, Prim.UNSIGNED_LONG, Prim.LONG_LONG, Prim.UNSIGNED_LONG_LONG, Prim.BOOL,
        Prim.INT8, Prim.UINT8, Prim.INT16, Prim.UINT16, Prim.INT32, Prim.UINT32, Prim.INT64, Prim.UINT64,
    };
    private static final Prim[] SCALARS = {
        Prim.CHAR, Prim.SIGNED_CHAR, Prim.UNSIGNED_CHAR, Prim.SHORT, Prim.UNSIGNED_SHORT, Prim.INT,
        Prim.UNSIGNED_INT, Prim.LONG, Prim.UNSIGNED_LONG, Prim.LONG_LONG, Prim.UNSIGNED_LONG_LONG, Prim.BOOL,
        Prim.INT8, Prim.UINT8, Prim.INT16, Prim.UINT16, Prim.INT32, Prim.UINT32, Prim.INT64, Prim.UINT64,
        Prim.SIZE, Prim.PTRDIFF, Prim.WCHAR, Prim.FLOAT, Prim.DOUBLE, Prim.LONG_DOUBLE,
    };
    private static final int[] POW2 = {1, 2, 4, 8, 16};
    private static final Prim[] FIXED_UNDERLYING = {Prim.UINT8, Prim.UNSIGNED_CHAR, Prim.SHORT, Prim.INT16,
        Prim.UNSIGNED_INT, Prim.INT64, Prim.UNSIGNED_LONG_LONG, Prim.LONG};

    /** A type with its C declarator pieces: {@code prefix name suffix}. */
    private record Typed(CType type, String prefix, String suffix, boolean alignedTypedef) {
    }

    private final long seed;
    private final Random rnd;
    private final StringBuilder c = new StringBuilder();
    private final List<Decl> decls = new ArrayList<>();
    private final List<String> records = new ArrayList<>();
    private final Map<RecordType, RecordText> texts = new IdentityHashMap<>();
    /** Text of each direct member of the top-level record being generated. */
    private Map<Member, String> memberTexts;
    /** Records usable by value (no flexible array tail). */
    private final List<NamedType> byValue = new ArrayList<>();
    private final List<NamedType> enums = new ArrayList<>();
    /** Typedef names, and whether they carry an aligned attribute (not allowed as array elements). */
    private final List<String> typedefs = new ArrayList<>();
    private final List<String> alignedTypedefs = new ArrayList<>();
    private int memberCounter;
    private boolean clangOnly = true;
    /** Typedefs of integer scalars (aligned or not), usable as bit-field types. */
    private final Map<String, Prim> integerTypedefs = new LinkedHashMap<>();
    private final String prefix;

    private RandomHeader(long seed) {
        this.seed = seed;
        this.rnd = new Random(seed);
        this.prefix = "s" + Long.toUnsignedString(seed, 36) + "_";
    }

    /** Generates {@code recordCount} top-level records (plus the enums and typedefs they use). */
    public static Generated generate(long seed, int recordCount) {
        return generate(seed, recordCount, true);
    }

    /**
     * Like {@link #generate(long, int)}; {@code clangOnly false} leaves out what gcc does not
     * take the way clang does: {@code aligned} attributes on bit-fields (gcc re-checks that the
     * aligned bit-field does not straddle its unit, and honours the attribute under
     * {@code #pragma pack}; clang does neither, and the engine follows clang; the same holds for
     * a bit-field whose type is a typedef with an {@code aligned} attribute) and enums with a
     * fixed underlying type ({@code enum E : uint8_t}, which gcc 12 rejects in C).
     */
    public static Generated generate(long seed, int recordCount, boolean clangOnly) {
        RandomHeader g = new RandomHeader(seed);
        g.clangOnly = clangOnly;
        g.c.append("/* generated by RandomHeader, seed ").append(seed).append(" */\n");
        g.c.append("#include <stddef.h>\n#include <stdint.h>\n\n");
        for (int i = 0; i < recordCount; i++) {
            int k = g.rnd.nextInt(10);
            if (k == 0) {
                g.enumDecl();
            } else if (k == 1) {
                g.typedefDecl();
            }
            g.topRecord(i);
        }
        g.c.append("\n/* force every layout to be computed */\n");
        forceLayouts(g.c, g.prefix, g.records);
        return new Generated(seed, g.c.toString(), new TypeLibrary(g.decls, Map.of()), List.copyOf(g.records),
                Collections.unmodifiableMap(g.texts));
    }

    /**
     * Appends an array of every record's {@code sizeof}: a compiler lays out (and dumps) only the
     * records whose layout something needs. Shared with {@link ExtensionHeader}.
     */
    static void forceLayouts(StringBuilder c, String prefix, List<String> records) {
        c.append("unsigned long ").append(prefix).append("force[] = {\n");
        for (String r : records) {
            c.append("  sizeof(").append(r).append("),\n");
        }
        c.append("  0 };\n");
    }

    private boolean chance(int percent) {
        return rnd.nextInt(100) < percent;
    }

    private <T> T pick(T[] a) {
        return a[rnd.nextInt(a.length)];
    }

    private <T> T pick(List<T> a) {
        return a.get(rnd.nextInt(a.size()));
    }

    private void enumDecl() {
        String tag = prefix + "E" + enums.size();
        Prim underlying = clangOnly && chance(15) ? pick(FIXED_UNDERLYING) : null;
        boolean packed = underlying == null && chance(35);
        int n = 1 + rnd.nextInt(4);
        List<Enumerator> list = new ArrayList<>();
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < n; i++) {
            long v = underlying != null ? rnd.nextInt(100) : switch (rnd.nextInt(7)) {
                case 0 -> rnd.nextInt(10);
                case 1 -> -1 - rnd.nextInt(200);
                case 2 -> 200 + rnd.nextInt(200);
                case 3 -> 40_000 + rnd.nextInt(40_000);
                case 4 -> 0x1_0000_0000L + rnd.nextInt(1000);
                case 5 -> -0x1_0000_0000L;
                default -> 0x7fff_ffffL + rnd.nextInt(2);
            };
            String name = tag + "_" + i;
            list.add(Enumerator.of(name, v));
            body.append("  ").append(name).append(" = ").append(v).append("LL,\n");
        }
        c.append("enum ").append(packed ? "__attribute__((packed)) " : "").append(tag)
                .append(underlying != null ? " : " + underlying.cName() : "").append(" {\n").append(body).append("};\n");
        decls.add(new EnumType(tag, list, packed, underlying, null));
        enums.add(NamedType.enumeration(tag));
    }

    private void typedefDecl() {
        String name = prefix + "T" + (typedefs.size() + alignedTypedefs.size());
        long aligned = chance(50) ? POW2[rnd.nextInt(POW2.length)] : 0;
        Typed target;
        int k = rnd.nextInt(4);
        if (k == 0 && !byValue.isEmpty()) {
            NamedType r = pick(byValue);
            target = new Typed(r, r.spelling(), "", false);
        } else if (k == 1 && aligned == 0) {
            Prim p = pick(SCALARS);
            long len = 1 + rnd.nextInt(3);
            target = new Typed(new ArrayType(PrimitiveType.of(p), len), p.cName(), "[" + len + "]", false);
        } else {
            Prim p = pick(SCALARS);
            target = new Typed(PrimitiveType.of(p), p.cName(), "", false);
            if (p.isInteger()) {
                integerTypedefs.put(name, p);
            }
        }
        c.append("typedef ").append(target.prefix()).append(' ');
        if (aligned != 0) {
            c.append("__attribute__((aligned(").append(aligned).append("))) ");
        }
        c.append(name).append(target.suffix()).append(";\n");
        decls.add(new Typedef(name, target.type(), aligned, null));
        (aligned != 0 ? alignedTypedefs : typedefs).add(name);
    }

    private void topRecord(int index) {
        RecordKind kind = chance(25) ? RecordKind.UNION : RecordKind.STRUCT;
        String tag = prefix + "R" + index;
        int pack = chance(18) ? POW2[rnd.nextInt(POW2.length)] : 0;
        memberCounter = 0;
        if (pack != 0) {
            c.append("#pragma pack(push, ").append(pack).append(")\n");
        }
        StringBuilder body = new StringBuilder();
        boolean flexible = kind == RecordKind.STRUCT && chance(10);
        memberTexts = new IdentityHashMap<>();
        RecordType r = recordBody(kind, tag, pack, 0, body, flexible);
        c.append(body).append(";\n");
        if (pack != 0) {
            c.append("#pragma pack(pop)\n");
        }
        String open = body.substring(0, body.indexOf("{\n") + 2);
        texts.put(r, new RecordText(pack != 0 ? "#pragma pack(push, " + pack + ")\n" : "", open, memberTexts, "};\n",
                pack != 0 ? "#pragma pack(pop)\n" : ""));
        memberTexts = null;
        c.append('\n');
        decls.add(r);
        records.add(kind.keyword() + " " + tag);
        boolean hasFlexible = !r.members().isEmpty()
                && r.members().getLast().type() instanceof ArrayType a && a.isFlexible();
        if (!hasFlexible) {
            byValue.add(kind == RecordKind.UNION ? NamedType.union(tag) : NamedType.struct(tag));
        }
    }

    /** Appends {@code struct [attrs] [tag] { ... }} and returns its model. */
    private RecordType recordBody(RecordKind kind, String tag, int pack, int depth, StringBuilder out, boolean flexible) {
        boolean packed = chance(depth == 0 ? 18 : 10);
        long aligned = chance(depth == 0 ? 15 : 8) ? POW2[rnd.nextInt(POW2.length)] : 0;
        out.append(kind.keyword()).append(' ');
        appendAttrs(out, packed, aligned);
        if (tag != null) {
            out.append(tag).append(' ');
        }
        out.append("{\n");
        int n = chance(4) ? 0 : 1 + rnd.nextInt(depth == 0 ? 9 : 4);
        List<Member> members = new ArrayList<>();
        boolean named = false;
        for (int i = 0; i < n; i++) {
            int at = out.length();
            Member m = member(pack, depth, out);
            if (depth == 0) {
                memberTexts.put(m, out.substring(at));
            }
            named |= m.name() != null || m.isAnonymousRecord();
            members.add(m);
        }
        if (depth > 0 && !named) {
            // An anonymous record needs a named member, or C says it declares nothing.
            members.add(plainMember(pack, depth, out));
        }
        if (flexible && !members.isEmpty() && members.stream().anyMatch(m -> m.name() != null)) {
            Prim p = pick(SCALARS);
            String name = "f" + memberCounter++;
            int at = out.length();
            indent(out, depth + 1).append(p.cName()).append(' ').append(name).append("[];\n");
            Member fam = Member.of(name, ArrayType.flexible(PrimitiveType.of(p)));
            members.add(fam);
            if (depth == 0) {
                memberTexts.put(fam, out.substring(at));
            }
        }
        indent(out, depth).append('}');
        return new RecordType(kind, tag, members, pack, packed, aligned, null);
    }

    private static void appendAttrs(StringBuilder out, boolean packed, long aligned) {
        if (packed && aligned != 0) {
            out.append("__attribute__((packed, aligned(").append(aligned).append("))) ");
        } else if (packed) {
            out.append("__attribute__((packed)) ");
        } else if (aligned != 0) {
            out.append("__attribute__((aligned(").append(aligned).append("))) ");
        }
    }

    private static StringBuilder indent(StringBuilder out, int depth) {
        return out.append("  ".repeat(depth));
    }

    private Member member(int pack, int depth, StringBuilder out) {
        int k = rnd.nextInt(100);
        if (k < 30) {
            return bitField(depth, out);
        }
        if (k < 38 && depth < 2) {
            // Anonymous struct or union member.
            RecordKind kind = chance(50) ? RecordKind.UNION : RecordKind.STRUCT;
            indent(out, depth + 1);
            RecordType inner = recordBody(kind, null, pack, depth + 1, out, false);
            out.append(";\n");
            return new Member(null, inner, null, 0, false, null);
        }
        if (k < 43 && depth < 2) {
            // A member whose type is an untagged record defined in place.
            RecordKind kind = chance(50) ? RecordKind.UNION : RecordKind.STRUCT;
            indent(out, depth + 1);
            RecordType inner = recordBody(kind, null, pack, depth + 1, out, false);
            String name = "f" + memberCounter++;
            out.append(' ').append(name).append(";\n");
            return Member.of(name, inner);
        }
        return plainMember(pack, depth, out);
    }

    private Member plainMember(int pack, int depth, StringBuilder out) {
        Typed t = randomType(true);
        String name = "f" + memberCounter++;
        boolean packed = chance(10);
        long alignAs = 0;
        String alignas = null;
        if (chance(10)) {
            alignAs = POW2[rnd.nextInt(POW2.length)];
        } else if (chance(5) && (t.type() instanceof PrimitiveType || t.type() instanceof PointerType
                || t.type() instanceof NamedType n && n.kind() == NamedType.Kind.ENUM)) {
            // _Alignas may not lower the alignment: 16 and 32 are above every scalar's alignment.
            alignAs = chance(50) ? 16 : 32;
            alignas = "_Alignas(" + alignAs + ") ";
        }
        indent(out, depth + 1);
        if (alignas != null) {
            out.append(alignas);
        }
        out.append(t.prefix()).append(' ').append(name).append(t.suffix());
        if (alignas != null) {
            appendAttrs(out.append(' '), packed, 0);
        } else if (packed || alignAs != 0) {
            appendAttrs(out.append(' '), packed, alignAs);
        }
        out.append(";\n");
        return new Member(name, t.type(), null, alignAs, packed, null);
    }

    private Member bitField(int depth, StringBuilder out) {
        CType type;
        String spelled;
        int bits;
        List<String> names = new ArrayList<>(integerTypedefs.keySet());
        if (!clangOnly) {
            names.removeAll(alignedTypedefs);
        }
        if (!names.isEmpty() && chance(12)) {
            String t = pick(names);
            type = NamedType.typedef(t);
            spelled = t;
            bits = bitsOf(integerTypedefs.get(t));
        } else if (!enums.isEmpty() && chance(12)) {
            NamedType e = pick(enums);
            type = e;
            spelled = e.spelling();
            bits = 8; // the smallest an enum can be; wider widths depend on the ABI
        } else {
            Prim p = pick(INTEGERS);
            type = PrimitiveType.of(p);
            spelled = p.cName();
            bits = bitsOf(p);
        }
        int width = chance(12) ? 0 : 1 + rnd.nextInt(bits);
        if (width > 1 && chance(30)) {
            width = 1 + rnd.nextInt(Math.min(bits, 4));
        }
        String name = width == 0 || chance(15) ? null : "f" + memberCounter++;
        boolean packed = width != 0 && chance(10);
        long aligned = width != 0 && name != null && chance(6) ? POW2[rnd.nextInt(POW2.length)] : 0;
        if (!clangOnly) {
            aligned = 0;
        }
        indent(out, depth + 1).append(spelled);
        if (name != null) {
            out.append(' ').append(name);
        }
        out.append(" : ").append(width);
        if (packed || aligned != 0) {
            appendAttrs(out.append(' '), packed, aligned);
        }
        out.append(";\n");
        return new Member(name, type, width, aligned, packed, null);
    }

    /** The widest bit-field an integer type allows on every ABI. */
    private static int bitsOf(Prim p) {
        return switch (p) {
            case BOOL -> 1;
            case CHAR, SIGNED_CHAR, UNSIGNED_CHAR, INT8, UINT8 -> 8;
            case SHORT, UNSIGNED_SHORT, INT16, UINT16, WCHAR -> 16;
            case INT, UNSIGNED_INT, INT32, UINT32, SIZE, PTRDIFF -> 32;
            case LONG, UNSIGNED_LONG -> 32; // 4 bytes on LLP64 and ILP32
            default -> 64;
        };
    }

    private Typed randomType(boolean allowArray) {
        int k = rnd.nextInt(100);
        if (k < 40) {
            Prim p = pick(SCALARS);
            return new Typed(PrimitiveType.of(p), p.cName(), "", false);
        }
        if (k < 48) {
            CType target = chance(50) || byValue.isEmpty() ? PrimitiveType.of(pick(SCALARS)) : pick(byValue);
            return new Typed(new PointerType(target), target.spelling() + " *", "", false);
        }
        if (k < 55 && !enums.isEmpty()) {
            NamedType e = pick(enums);
            return new Typed(e, e.spelling(), "", false);
        }
        if (k < 63 && !typedefs.isEmpty()) {
            String t = pick(typedefs);
            return new Typed(NamedType.typedef(t), t, "", false);
        }
        if (k < 68 && !alignedTypedefs.isEmpty()) {
            String t = pick(alignedTypedefs);
            return new Typed(NamedType.typedef(t), t, "", true);
        }
        if (k < 82 && !byValue.isEmpty()) {
            NamedType r = pick(byValue);
            return new Typed(r, r.spelling(), "", false);
        }
        if (allowArray) {
            Typed e = randomType(false);
            if (e.alignedTypedef()) {
                e = new Typed(PrimitiveType.of(Prim.SHORT), "short", "", false);
            }
            int dims = 1 + rnd.nextInt(3);
            long[] lens = new long[dims];
            StringBuilder suffix = new StringBuilder();
            // No zero-length arrays of records: on x86_64-windows a record holding only such an
            // array can have a size that is not a multiple of its alignment (clang-16: sizeof 4,
            // _Alignof 8), and clang then refuses any array of that record (seed 1795481603496).
            boolean record = !(e.type() instanceof PrimitiveType) && !(e.type() instanceof dev.structscope.model.type.PointerType);
            for (int i = 0; i < dims; i++) {
                lens[i] = chance(5) && !record ? 0 : 1 + rnd.nextInt(4);
                suffix.append('[').append(lens[i]).append(']');
            }
            CType t = e.type();
            for (int i = dims - 1; i >= 0; i--) {
                t = new ArrayType(t, lens[i]);
            }
            return new Typed(t, e.prefix(), suffix.toString(), false);
        }
        Prim p = pick(SCALARS);
        return new Typed(PrimitiveType.of(p), p.cName(), "", false);
    }
}
