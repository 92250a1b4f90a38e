package dev.structscope.model.dwarf;

import dev.structscope.model.type.MemberRules;
import dev.structscope.model.InputException;
import dev.structscope.model.Limits;
import dev.structscope.model.abi.Abi;
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
import dev.structscope.model.type.Typedef;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongFunction;

/**
 * Turns type entries into the project's type model, the same kind of {@link Decl}s the C header
 * importer produces: named records, enums and typedefs become declarations (each name once,
 * however many units repeat it) referred to by {@link NamedType}; base types become
 * {@link PrimitiveType}s spelled as C spells them; qualifiers are dropped, as layout ignores them.
 * Every record is fitted ({@link RecordFitter}) so that the layout engine reproduces the offsets
 * and size the compiler recorded.
 *
 * <p>Recursion is bounded by {@link Limits#maxDepth()} and guarded against cycles. One import, one
 * thread.
 */
final class TypeBuilder {
    private final Abi abi;
    private final Limits limits;
    private final Consumer<String> warnings;
    private final LongFunction<Die> dies;
    private final Map<Long, Long> typeUnits;
    private final Map<Long, CType> done = new HashMap<>();
    private final Set<Long> inProgress = new HashSet<>();
    /** Declarations by namespace and name ("struct X", "enum X", "typedef X"), in completion order. */
    final Map<String, Decl> decls = new LinkedHashMap<>();
    /** The file that first declared each of {@link #decls}, by the same key, where the unit's line table names it. */
    final Map<String, String> origins = new HashMap<>();
    /** The full path of the file an entry of the current unit names in {@code DW_AT_decl_file}, or null. */
    private Function<Die, String> declaredIn = d -> null;
    private final RecordFitter fitter;
    /** Bit positions of a big-endian binary count from the most significant bit (allocation order). */
    private final boolean bigEndian;
    private int depth;

    TypeBuilder(Abi abi, Limits limits, Consumer<String> warnings, LongFunction<Die> dies, Map<Long, Long> typeUnits,
                boolean bigEndian) {
        this.abi = abi;
        this.bigEndian = bigEndian;
        this.limits = limits;
        this.warnings = warnings;
        this.dies = dies;
        this.typeUnits = typeUnits;
        this.fitter = new RecordFitter(abi, limits, decls);
    }

    /**
     * Forgets the types of the previous unit (declarations stay): memory follows one unit, not the
     * file. {@code files} tells the new unit's declaring files.
     */
    void newUnit(Function<Die, String> files) {
        done.clear();
        declaredIn = files;
    }

    /** Converts a top-level entry (a named type of a unit); problems in it are warnings, and it is left out. */
    void declare(Die die) {
        try {
            type(die);
        } catch (Unsupported e) {
            warnings.accept(where(die) + ": " + describe(die) + " left out: " + e.getMessage());
        }
    }

    static String where(Die die) {
        return ".debug_info+0x" + Long.toHexString(die.offset);
    }

    private static String describe(Die die) {
        String kind = switch (die.tag) {
            case Die.TAG_STRUCTURE, Die.TAG_CLASS -> "struct ";
            case Die.TAG_UNION -> "union ";
            case Die.TAG_ENUMERATION -> "enum ";
            case Die.TAG_TYPEDEF -> "typedef ";
            default -> "type ";
        };
        return kind + (die.name == null ? "<anonymous>" : die.name);
    }

    /** A type the model cannot hold (a variable-length array, a location computed at run time). */
    static final class Unsupported extends RuntimeException {
        Unsupported(String message) {
            super(message, null, false, false);
        }
    }

    private Die target(Die die) {
        if (die.type != Die.NONE) {
            return required(die, die.type);
        }
        if (die.typeSignature != null) {
            Long off = typeUnits.get(die.typeSignature);
            if (off == null) {
                throw new Unsupported("refers to type unit 0x" + Long.toHexString(die.typeSignature)
                        + ", which is not in .debug_info (.debug_types is not read)");
            }
            return required(die, off);
        }
        return null;
    }

    private Die required(Die die, long ref) {
        Die t = dies.apply(ref);
        if (t == null) {
            throw new InputException(where(die), "refers to 0x" + Long.toHexString(ref) + ", outside every unit");
        }
        if (t.tag == Die.NOT_READ) {
            // Inside a function, or an entry of another language: not malformed, only not a C type here.
            throw new Unsupported("refers to the entry at 0x" + Long.toHexString(ref) + ", which is not a type StructScope reads");
        }
        return t;
    }

    /** The type an entry's {@code DW_AT_type} names; void when it has none. */
    private CType typeOf(Die die) {
        if (die.type != Die.NONE) {
            return type(required(die, die.type));
        }
        Die t = target(die);
        return t == null ? PrimitiveType.of(Prim.VOID) : type(t);
    }

    CType type(Die die) {
        CType known = done.get(die.offset);
        if (known != null) {
            return known;
        }
        if (die.unsupported != null) {
            throw new Unsupported(where(die) + ": " + die.unsupported);
        }
        if (!inProgress.add(die.offset)) {
            throw new InputException(where(die), "the type refers to itself (a cycle of type entries)");
        }
        if (++depth > limits.maxDepth()) {
            throw new InputException(where(die), "types nested more than " + limits.maxDepth() + " deep (--max-depth)");
        }
        try {
            CType t = switch (die.tag) {
                case Die.TAG_BASE -> BaseTypes.primitive(die, abi);
                case Die.TAG_TYPEDEF -> typedef(die);
                case Die.TAG_STRUCTURE, Die.TAG_CLASS, Die.TAG_UNION -> record(die);
                case Die.TAG_ENUMERATION -> enumeration(die);
                case Die.TAG_ARRAY -> array(die);
                case Die.TAG_POINTER, Die.TAG_REFERENCE, Die.TAG_RVALUE_REFERENCE, Die.TAG_PTR_TO_MEMBER ->
                        new PointerType(pointee(die));
                case Die.TAG_CONST, Die.TAG_VOLATILE, Die.TAG_RESTRICT, Die.TAG_ATOMIC -> typeOf(die);
                case Die.TAG_SUBROUTINE, Die.TAG_UNSPECIFIED -> PrimitiveType.of(Prim.VOID);
                default -> throw new Unsupported("a DW_TAG 0x" + Integer.toHexString(die.tag) + " entry, not a C type");
            };
            done.put(die.offset, t);
            return t;
        } finally {
            depth--;
            inProgress.remove(die.offset);
        }
    }

    /**
     * What a pointer points to, without laying it out: a named record or enum is only named (its
     * body is built where it is declared), so that records pointing at each other are no cycle.
     */
    private CType pointee(Die die) {
        try {
            return pointeeOf(die);
        } catch (Unsupported e) {
            return PrimitiveType.of(Prim.VOID); // a pointer is a pointer, whatever it points to
        }
    }

    private CType pointeeOf(Die die) {
        Die t = target(die);
        for (int i = 0; t != null && i < 64 && isQualifier(t.tag); i++) {
            t = target(t);
        }
        if (t == null || t.tag == Die.TAG_SUBROUTINE) {
            return PrimitiveType.of(Prim.VOID);
        }
        if (t.name != null && (t.isRecord() || t.tag == Die.TAG_ENUMERATION)) {
            return named(t);
        }
        if (t.name != null && t.tag == Die.TAG_TYPEDEF && !inProgress.contains(t.offset)) {
            return type(t);
        }
        if (t.name != null && t.tag == Die.TAG_TYPEDEF) {
            return NamedType.typedef(t.name);
        }
        if (inProgress.contains(t.offset)) {
            return PrimitiveType.of(Prim.VOID);
        }
        return type(t);
    }

    private static boolean isQualifier(int tag) {
        return tag == Die.TAG_CONST || tag == Die.TAG_VOLATILE || tag == Die.TAG_RESTRICT || tag == Die.TAG_ATOMIC;
    }

    private static NamedType named(Die t) {
        return switch (t.tag) {
            case Die.TAG_UNION -> NamedType.union(t.name);
            case Die.TAG_ENUMERATION -> NamedType.enumeration(t.name);
            default -> NamedType.struct(t.name);
        };
    }

    private CType typedef(Die die) {
        if (die.name == null) {
            return typeOf(die);
        }
        Die target = target(die);
        Prim fixed = Prim.spellings().get(die.name);
        if (fixed != null && target != null && die.alignment == Die.NONE) {
            Die base = target;
            for (int i = 0; i < 64 && base != null && (base.tag == Die.TAG_TYPEDEF || isQualifier(base.tag)); i++) {
                base = target(base);
            }
            if (base != null && base.tag == Die.TAG_BASE && fixed != Prim.VOID && abi.has(fixed)
                    && abi.scalar(fixed).size() == base.byteSize) {
                return new PrimitiveType(fixed, die.name);
            }
        }
        CType to = target == null ? PrimitiveType.of(Prim.VOID) : type(target);
        long aligned = die.alignment == Die.NONE ? 0 : powerOfTwo(die, die.alignment);
        return NamedType.typedef(declare("typedef", new Typedef(die.name, to, aligned, null), die));
    }

    private CType record(Die die) {
        boolean union = die.tag == Die.TAG_UNION;
        if (die.declaration || die.byteSize == Die.NONE) {
            if (die.name == null) {
                throw new Unsupported("an anonymous " + (union ? "union" : "struct") + " that is only declared");
            }
            return named(die); // incomplete here; a unit that defines it declares it
        }
        if (die.name != null) {
            // Named before its body is built, so a member that points back at it finds the name.
            done.put(die.offset, named(die));
        }
        try {
            return recordBody(die, union);
        } catch (RuntimeException e) {
            done.remove(die.offset);
            throw e;
        }
    }

    private CType recordBody(Die die, boolean union) {
        List<Member> members = new ArrayList<>();
        List<Long> bitPositions = new ArrayList<>();
        for (Die m : die.children) {
            if (m.tag != Die.TAG_MEMBER) {
                continue;
            }
            if (m.unsupported != null) {
                throw new Unsupported(where(m) + ": member " + m.name + " has " + m.unsupported);
            }
            CType t = typeOf(m);
            Integer width = m.bitSize == Die.NONE ? null : Math.toIntExact(m.bitSize);
            long alignAs = m.alignment == Die.NONE ? 0 : powerOfTwo(m, m.alignment);
            if (m.name == null && width == null && !(t instanceof RecordType)) {
                continue; // an unnamed member that is not an anonymous record carries no layout of its own
            }
            members.add(new Member(m.name, t, width, alignAs, false, null));
            bitPositions.add(bitPosition(m, t, width));
        }
        if (members.size() > limits.maxMembers()) {
            throw new InputException(where(die), members.size() + " members, more than --max-members " + limits.maxMembers());
        }
        long aligned = die.alignment == Die.NONE ? 0 : powerOfTwo(die, die.alignment);
        RecordType r = new RecordType(union ? RecordKind.UNION : RecordKind.STRUCT, die.name, members, 0, false,
                aligned, null);
        RecordType fitted = fitter.fit(r, bitPositions, die.byteSize, describe(die), where(die), warnings);
        if (die.name == null) {
            return fitted;
        }
        String name = declare(union ? "union" : "struct", fitted, die);
        return union ? NamedType.union(name) : NamedType.struct(name);
    }

    /** Where the compiler put a member, in bits from the start of its record (LSB of byte 0 first). */
    private long bitPosition(Die m, CType t, Integer width) {
        long loc = m.memberLocation == Die.NONE ? 0 : m.memberLocation;
        if (width == null) {
            return loc * 8;
        }
        if (m.dataBitOffset != Die.NONE) {
            return m.dataBitOffset;
        }
        if (m.bitOffset != Die.NONE) {
            // DWARF 2-4: counted from the most significant bit of a storage unit of DW_AT_byte_size
            // (or of the member's type) at the member location. On a big-endian machine that is
            // allocation order already; on a little-endian one it runs the other way.
            if (bigEndian) {
                return loc * 8 + m.bitOffset;
            }
            long unit = m.byteSize != Die.NONE ? m.byteSize : storageBytes(t);
            return loc * 8 + unit * 8 - m.bitOffset - width;
        }
        return loc * 8;
    }

    private long storageBytes(CType t) {
        try {
            return dev.structscope.model.layout.LayoutEngine.layoutOf(t, fitter.library(t), abi).size();
        } catch (RuntimeException e) {
            throw new InputException("", "cannot size a bit-field's type " + t.spelling() + ": " + e.getMessage());
        }
    }

    private CType enumeration(Die die) {
        if (die.declaration) {
            if (die.name == null) {
                throw new Unsupported("an anonymous enum that is only declared");
            }
            return named(die);
        }
        Die under = target(die);
        for (int i = 0; i < 64 && under != null && (under.tag == Die.TAG_TYPEDEF || isQualifier(under.tag)); i++) {
            under = target(under);
        }
        boolean unsigned = under != null && under.tag == Die.TAG_BASE && BaseTypes.isUnsigned(under);
        List<Enumerator> values = new ArrayList<>();
        for (Die e : die.children) {
            if (e.tag == Die.TAG_ENUMERATOR && e.name != null) {
                long v = e.constValue;
                if (e.constWidth > 0 && e.constWidth < 8 && !unsigned) {
                    int shift = 64 - 8 * e.constWidth;
                    v = (v << shift) >> shift;
                }
                values.add(Enumerator.of(e.name, v));
            }
        }
        EnumType natural = new EnumType(die.name, values, false, null, null);
        EnumType t = natural;
        if (die.byteSize != Die.NONE && enumSize(natural) != die.byteSize) {
            EnumType packed = new EnumType(die.name, values, true, null, null);
            if (enumSize(packed) == die.byteSize) {
                t = packed;
            } else {
                Prim p = BaseTypes.integerOfSize(die.byteSize, !unsigned);
                if (p == null) {
                    throw new Unsupported("an enum of " + die.byteSize + " bytes");
                }
                t = new EnumType(die.name, values, false, p, null);
            }
        }
        if (die.name == null) {
            return t;
        }
        return NamedType.enumeration(declare("enum", t, die));
    }

    private long enumSize(EnumType e) {
        try {
            return dev.structscope.model.layout.LayoutEngine.layoutOf(e, dev.structscope.model.type.TypeLibrary.EMPTY, abi).size();
        } catch (InputException ex) {
            return -1;
        }
    }

    private CType array(Die die) {
        CType element = typeOf(die);
        List<ArrayType.Extent> dims = new ArrayList<>();
        for (Die s : die.children) {
            if (s.tag != Die.TAG_SUBRANGE) {
                continue;
            }
            if (s.unsupported != null) {
                throw new Unsupported("a variable-length array (" + s.unsupported + ")");
            }
            long lower = s.lowerBound == Die.NONE ? 0 : s.lowerBound;
            if (s.count != Die.NONE) {
                dims.add(s.count < 0 ? new ArrayType.Flexible() : new ArrayType.Fixed(s.count));
            } else if (s.upperBound != Die.NONE) {
                long n = s.upperBound - lower + 1;
                dims.add(new ArrayType.Fixed(n < 0 ? 0 : n));
            } else {
                dims.add(new ArrayType.Flexible());
            }
        }
        if (dims.isEmpty()) {
            dims.add(new ArrayType.Flexible());
        }
        CType t = element;
        for (int i = dims.size() - 1; i >= 0; i--) {
            t = new ArrayType(t, dims.get(i));
        }
        return t;
    }

    private static long powerOfTwo(Die die, long v) {
        if (!MemberRules.isPowerOfTwo(v)) {
            throw new InputException(where(die), "alignment " + v + " is not a power of two");
        }
        return v;
    }

    /**
     * Adds a declaration and returns the name it goes by. A unit that declares a name the way an
     * earlier one did shares that declaration. One that declares it differently has another type
     * (C allows it between units: glibc's {@code _IO_lock_t} is {@code void} in its public
     * headers and a struct inside libio), which is named {@code NAME_2}, {@code NAME_3}, ... (a
     * free name), said once, so that the records of that unit hold their own definition.
     */
    private String declare(String kind, Decl decl, Die at) {
        String name = decl.name();
        for (int n = 1; ; n++) {
            String candidate = n == 1 ? name : name + "_" + n;
            Decl as = renamed(decl, candidate);
            Decl old = decls.get(kind + " " + candidate);
            if (old == null) {
                decls.put(kind + " " + candidate, as);
                String file = n == 1 ? declaredIn.apply(at) : null;
                if (file != null) {
                    origins.put(kind + " " + candidate, file);
                }
                if (n > 1) {
                    warnings.accept(where(at) + ": " + kind + " " + name + " is defined differently in two places"
                            + " (compilation units, or C++ scopes); this definition is named " + candidate);
                }
                return candidate;
            }
            if (old.equals(as)) {
                return candidate;
            }
        }
    }

    private static Decl renamed(Decl d, String name) {
        if (name.equals(d.name())) {
            return d;
        }
        return switch (d) {
            case RecordType r -> r.withTag(name);
            case EnumType e -> new EnumType(name, e.enumerators(), e.packed(), e.underlying(), e.comment());
            case Typedef t -> new Typedef(name, t.target(), t.alignedAttr(), t.comment(), t.vector());
        };
    }
}
