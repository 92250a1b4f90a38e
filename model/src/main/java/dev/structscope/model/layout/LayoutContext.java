package dev.structscope.model.layout;

import dev.structscope.model.InputException;
import dev.structscope.model.Limits;
import dev.structscope.model.abi.Abi;
import dev.structscope.model.type.ArrayType;
import dev.structscope.model.type.CType;
import dev.structscope.model.type.EnumType;
import dev.structscope.model.type.Enumerator;
import dev.structscope.model.type.NamedType;
import dev.structscope.model.type.PointerType;
import dev.structscope.model.type.Prim;
import dev.structscope.model.type.PrimitiveType;
import dev.structscope.model.type.RecordType;
import dev.structscope.model.type.Typedef;
import dev.structscope.model.type.TypeLibrary;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The state of one layout call: the library and ABI, a memo of named records already laid out
 * (so a library of many records that share members is linear), and the chain of records being
 * laid out (to report a record that contains itself by value instead of recursing forever).
 * Confined to the calling thread and discarded when the call returns.
 */
final class LayoutContext {
    /** Largest size we accept, so that sizes in bits still fit in a long. */
    static final long MAX_SIZE = Long.MAX_VALUE / 16;

    final TypeLibrary library;
    final Abi abi;
    private final Limits limits;
    private final Map<String, RecordLayout> memo = new HashMap<>();
    private final Deque<String> inProgress = new ArrayDeque<>();
    /** Microsoft "required alignment" of each record laid out (identity: definitions are values). */
    private final Map<RecordType, Long> msvcRequired = new IdentityHashMap<>();

    LayoutContext(TypeLibrary library, Abi abi, Limits limits) {
        this.library = library;
        this.abi = abi;
        this.limits = limits;
    }

    LayoutContext(TypeLibrary library, Abi abi) {
        this(library, abi, Limits.DEFAULT);
    }

    TypeLayout type(CType type) {
        return switch (type) {
            case PrimitiveType p -> {
                if (p.prim() == Prim.VOID) {
                    throw new InputException(p.spelling(), "'void' has no size and cannot be a member");
                }
                if (!abi.has(p.prim())) {
                    throw new InputException(p.spelling(), abi.notSupported(p.prim()));
                }
                Abi.Scalar s = abi.scalar(p.prim());
                yield new ScalarLayout(type, p.prim(), abi.isSigned(p.prim()), s.size(), s.align());
            }
            case PointerType p -> new PointerLayout(type, abi.pointer().size(), abi.pointer().align());
            case ArrayType a -> array(a);
            case RecordType r -> record(type, r, r.tag());
            case EnumType e -> enumeration(type, e);
            case NamedType n -> named(n);
        };
    }

    private TypeLayout named(NamedType n) {
        if (n.kind() == NamedType.Kind.TYPEDEF) {
            Typedef td = library.requireTypedef(n.name());
            enter("typedef " + n.name());
            try {
                TypeLayout inner = type(td.target());
                if (td.alignedAttr() != 0) {
                    return withType(realign(inner, td.alignedAttr()), n);
                }
                return withType(inner, n);
            } finally {
                inProgress.pop();
            }
        }
        CType def = library.resolve(n);
        if (def instanceof RecordType r) {
            String key = n.kind() + " " + n.name();
            RecordLayout cached = memo.get(key);
            if (cached == null) {
                cached = record(n, r, r.tag());
                memo.put(key, cached);
            }
            return cached;
        }
        return withType(type(def), n);
    }

    /** The same layout seen through another name (a typedef keeps what it names, spelled its own way). */
    private static TypeLayout withType(TypeLayout l, CType t) {
        return switch (l) {
            case ScalarLayout s -> new ScalarLayout(t, s.prim(), s.signed(), s.size(), s.align());
            case PointerLayout p -> new PointerLayout(t, p.size(), p.align());
            case EnumLayout e -> new EnumLayout(t, e.definition(), e.signed(), e.size(), e.align());
            case ArrayLayout a -> new ArrayLayout(t, a.element(), a.length(), a.flexible(), a.size(), a.align(), a.count());
            case RecordLayout r -> r.as(t, r.align());
        };
    }

    /** A typedef's aligned attribute sets the alignment (it may lower it, unlike elsewhere). */
    private static TypeLayout realign(TypeLayout l, long align) {
        return switch (l) {
            case ScalarLayout s -> new ScalarLayout(s.type(), s.prim(), s.signed(), s.size(), align);
            case PointerLayout p -> new PointerLayout(p.type(), p.size(), align);
            case EnumLayout e -> new EnumLayout(e.type(), e.definition(), e.signed(), e.size(), align);
            case ArrayLayout a -> new ArrayLayout(a.type(), a.element(), a.length(), a.flexible(), a.size(), align, a.count());
            case RecordLayout r -> r.as(r.type(), align);
        };
    }

    private TypeLayout array(ArrayType a) {
        TypeLayout element;
        enter("array");
        try {
            element = type(a.element());
        } finally {
            inProgress.pop();
        }
        if (element instanceof ArrayLayout inner && inner.flexible()) {
            throw new InputException(a.spelling(), "array of flexible arrays is not allowed");
        }
        // gcc and clang refuse arrays whose element size is not a multiple of its alignment (an
        // int typedef'd with aligned(8); on Windows, a record holding only a zero-length array
        // of 8-aligned records): the elements could not all be aligned.
        if (element.align() > 0 && element.size() % element.align() != 0) {
            throw new InputException(a.spelling(), "size of array element of type '" + a.element().spelling() + "' ("
                    + element.size() + " bytes) isn't a multiple of its alignment (" + element.align() + " bytes)");
        }
        if (a.isFlexible()) {
            return new ArrayLayout(a, element, 0, true, 0, element.align());
        }
        if (a.count() != null) {
            return new ArrayLayout(a, element, 0, false, 0, element.align(), a.count());
        }
        long size;
        try {
            size = Math.multiplyExact(element.size(), a.length());
        } catch (ArithmeticException e) {
            throw new InputException(a.spelling(), "array size overflows: " + a.length() + " elements of "
                    + element.size() + " bytes");
        }
        if (size > MAX_SIZE) {
            throw new InputException(a.spelling(), "array too large: " + size + " bytes");
        }
        return new ArrayLayout(a, element, a.length(), false, size, element.align());
    }

    /**
     * The layout of a placed member's type. A placed member takes no room in its record, so it
     * may be of the record's own type (a linked structure in a file: a node placing its child);
     * such a reference to a record still being laid out is a {@link RecordLayout#isReference()
     * reference} that the decoder resolves to the finished layout.
     */
    TypeLayout placed(CType t) {
        if (t instanceof ArrayType a && inProgressRecord(a.innermost()) != null) {
            TypeLayout element = placed(a.element());
            return new ArrayLayout(a, element, 0, a.isFlexible(), 0, element.align(), a.count());
        }
        NamedType n = inProgressRecord(t);
        if (n != null && !(t instanceof ArrayType)) {
            RecordType def = (RecordType) library.resolve(n);
            return new RecordLayout(t, n.name(), def, 0, 1, java.util.List.of(), java.util.List.of(), true, true);
        }
        return type(t);
    }

    /** The struct or union {@code t} names (through typedefs) when it is being laid out now, else null. */
    private NamedType inProgressRecord(CType t) {
        for (int guard = 0; guard < 1000 && t instanceof NamedType n; guard++) {
            if (n.kind() == NamedType.Kind.TYPEDEF) {
                t = library.typedef(n.name()).map(Typedef::target).orElse(null);
                continue;
            }
            if (n.kind() != NamedType.Kind.ENUM && inProgress.contains(n.kind().name().toLowerCase(java.util.Locale.ROOT)
                    + " " + n.name())) {
                return n;
            }
            return null;
        }
        return null;
    }

    RecordLayout record(CType type, RecordType r, String name) {
        String key = r.kind().keyword() + " " + (name == null ? "<anonymous@" + System.identityHashCode(r) + ">" : name);
        if (inProgress.contains(key) && name != null) {
            throw new InputException(r.kind().keyword() + " " + name, r.kind().keyword() + " " + name
                    + " contains itself by value (use a pointer)");
        }
        if (r.members().size() > limits.maxMembers()) {
            throw new InputException(r.spelling(), r.spelling() + " has " + r.members().size()
                    + " members, more than the limit of " + limits.maxMembers() + " (--max-members)");
        }
        enter(key);
        try {
            return new RecordLayouter(this, type, r, name).layout();
        } finally {
            inProgress.pop();
        }
    }

    private void enter(String key) {
        if (inProgress.size() >= limits.maxDepth()) {
            throw new InputException(key, "types nest too deep (more than " + limits.maxDepth() + " levels, --max-depth)");
        }
        inProgress.push(key);
    }

    /**
     * The alignment of a member's type with typedef {@code aligned} attributes stripped (Microsoft
     * lays out from this "natural" alignment). {@code tl} is the type's layout with attributes.
     */
    long naturalAlign(CType type, TypeLayout tl) {
        CType t = type;
        boolean stripped = false;
        while (t instanceof NamedType n && n.kind() == NamedType.Kind.TYPEDEF) {
            Typedef td = library.requireTypedef(n.name());
            stripped |= td.alignedAttr() != 0 && !td.vector(); // a vector's alignment is natural
            t = td.target();
        }
        return stripped ? type(t).align() : tl.align();
    }

    /**
     * The Microsoft "required alignment" of a member's type: what {@code aligned} attributes on
     * typedefs and records (and inside nested records) demand; 0 when nothing does. Packing does
     * not lower it.
     */
    long msvcRequiredAlign(CType type, TypeLayout tl) {
        return switch (type) {
            case NamedType n when n.kind() == NamedType.Kind.TYPEDEF -> {
                Typedef td = library.requireTypedef(n.name());
                if (td.alignedAttr() == 0 || td.vector()) {
                    yield msvcRequiredAlign(td.target(), tl);
                }
                // The typedef's own alignment is required, even where it lowers the record's
                // (aligned(1) over an aligned(2) struct of ints: 1, not 4); of what it names,
                // only the record's own required alignment counts (clang's MS layout takes the
                // type's alignment, then the base record's RequiredAlignment).
                yield Math.max(tl.align(), ownRequired(type(td.target())));
            }
            case NamedType n -> tl instanceof RecordLayout r ? recordRequired(r) : 0;
            case RecordType r -> tl instanceof RecordLayout rl ? recordRequired(rl) : 0;
            case ArrayType a -> tl instanceof ArrayLayout al ? msvcRequiredAlign(a.element(), al.element()) : 0;
            default -> 0;
        };
    }

    /** What a record (or an array of records) requires of itself: its members' and its attribute's value; else 0. */
    private long ownRequired(TypeLayout tl) {
        TypeLayout t = tl;
        while (t instanceof ArrayLayout a) {
            t = a.element();
        }
        return t instanceof RecordLayout r ? msvcRequired.getOrDefault(r.definition(), 0L) : 0;
    }

    private long recordRequired(RecordLayout r) {
        Long req = msvcRequired.get(r.definition());
        long base = req == null ? 0 : req;
        return r.definition().alignedAttr() != 0 ? Math.max(base, r.align()) : base;
    }

    void rememberRequiredAlign(RecordType r, long required) {
        msvcRequired.put(r, required);
    }

    private TypeLayout enumeration(CType type, EnumType e) {
        long min = 0;
        long max = 0;
        for (Enumerator en : e.enumerators()) {
            min = Math.min(min, en.value());
            max = Math.max(max, en.value());
        }
        if (e.underlying() != null) {
            Abi.Scalar s = abi.scalar(e.underlying());
            return new EnumLayout(type, e, abi.isSigned(e.underlying()), s.size(), s.align());
        }
        boolean signed = min < 0;
        Prim p;
        if (abi.bitfields() == Abi.BitfieldRules.MSVC) {
            // Microsoft enums are int whatever their values, and clang ignores packed there too.
            p = Prim.INT;
            signed = true;
        } else if (e.packed()) {
            if (signed ? (min >= Byte.MIN_VALUE && max <= Byte.MAX_VALUE) : max <= 0xFF) {
                p = Prim.CHAR;
            } else if (signed ? (min >= Short.MIN_VALUE && max <= Short.MAX_VALUE) : max <= 0xFFFF) {
                p = Prim.SHORT;
            } else if (signed ? (min >= Integer.MIN_VALUE && max <= Integer.MAX_VALUE) : max <= 0xFFFF_FFFFL) {
                p = Prim.INT;
            } else {
                p = Prim.LONG_LONG;
            }
        } else if (signed ? (min >= Integer.MIN_VALUE && max <= Integer.MAX_VALUE) : max <= 0xFFFF_FFFFL) {
            p = Prim.INT;
        } else {
            p = Prim.LONG_LONG;
        }
        Abi.Scalar s = abi.scalar(p);
        return new EnumLayout(type, e, signed, s.size(), s.align());
    }
}
