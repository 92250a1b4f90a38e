package dev.structscope.model.doc;

import dev.structscope.model.InputException;
import dev.structscope.model.doc.JsonTree.Where;
import dev.structscope.model.type.ArrayType;
import dev.structscope.model.type.CType;
import dev.structscope.model.type.Decl;
import dev.structscope.model.type.DynamicLayoutCheck;
import dev.structscope.model.type.EnumType;
import dev.structscope.model.type.Enumerator;
import dev.structscope.model.type.Member;
import dev.structscope.model.type.MemberRules;
import dev.structscope.model.type.NamedType;
import dev.structscope.model.type.PointerType;
import dev.structscope.model.type.PrimitiveType;
import dev.structscope.model.type.RecordType;
import dev.structscope.model.type.TypeLibrary;
import dev.structscope.model.type.Typedef;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The checks a C compiler would make on the names of a document once all of it is read:
 * duplicate tags, typedefs and enumerators; references to typedefs that do not exist; structs
 * used by value that are never defined; a tag used as the wrong kind; typedef cycles;
 * bit-fields of non-integer type or too wide for their type; flexible arrays that are not last;
 * dynamic-layout properties that cannot mean anything ({@link DynamicLayoutCheck}, as for a
 * header). (Sizes, alignments and recursive structs are the layout engine's business.)
 *
 * <p>Errors point at the offending value through the locations {@link DocumentReader} recorded.
 * One instance per read; not thread-safe.
 */
final class DocumentChecker {
    private final TypeLibrary library;
    private final Map<Object, Where> locations;
    private final Where fallback;
    private final Map<String, Decl> tags = new HashMap<>();
    private final Map<String, Typedef> typedefs = new HashMap<>();
    private final Map<String, Where> enumerators = new HashMap<>();

    DocumentChecker(TypeLibrary library, Map<Object, Where> locations, Where fallback) {
        this.library = library;
        this.locations = locations;
        this.fallback = fallback;
    }

    void check() {
        for (Decl d : library.decls()) {
            Where w = where(d, fallback);
            switch (d) {
                case Typedef t -> {
                    Typedef old = typedefs.putIfAbsent(t.name(), t);
                    if (old != null) {
                        throw w.error("duplicate typedef '" + t.name() + "' (first declared at " + where(old, fallback) + ")");
                    }
                }
                case RecordType r when r.tag() != null -> defineTag(r, w);
                case EnumType e when e.tag() != null -> defineTag(e, w);
                default -> {
                }
            }
        }
        for (Decl d : library.decls()) {
            Where w = where(d, fallback);
            switch (d) {
                case Typedef t -> {
                    type(t.target(), w, false);
                    checkTypedefCycle(t, w);
                }
                case RecordType r -> type(r, w, true);
                case EnumType e -> type(e, w, true);
            }
        }
        DynamicLayoutCheck.first(library).ifPresent(f -> {
            throw where(f.member(), fallback).error(f.message());
        });
    }

    private void defineTag(Decl d, Where w) {
        Decl old = tags.putIfAbsent(d.name(), d);
        if (old != null) {
            throw w.error("'" + d.name() + "' is defined twice as a tag (first as " + tagKind(old) + " at "
                    + where(old, fallback) + ")");
        }
    }

    private static String tagKind(Decl d) {
        return d instanceof RecordType r ? r.kind().keyword() : "enum";
    }

    private Where where(Object o, Where outer) {
        Where w = locations.get(o);
        return w != null ? w : outer;
    }

    /** Checks a type; {@code byValue} is false behind a pointer and for typedef targets. */
    private void type(CType t, Where outer, boolean byValue) {
        Where w = where(t, outer);
        switch (t) {
            case PrimitiveType p -> {
            }
            case PointerType p -> type(p.target(), w, false);
            case ArrayType a -> type(a.element(), w, byValue);
            case NamedType n -> named(n, w, byValue);
            case EnumType e -> {
                for (Enumerator en : e.enumerators()) {
                    Where ew = where(en, w);
                    Where old = enumerators.putIfAbsent(en.name(), ew);
                    if (old != null) {
                        throw ew.error("duplicate enumerator '" + en.name() + "' (first declared at " + old + ")");
                    }
                }
            }
            case RecordType r -> record(r, w);
        }
    }

    private void named(NamedType n, Where w, boolean byValue) {
        if (n.kind() == NamedType.Kind.TYPEDEF) {
            if (!typedefs.containsKey(n.name())) {
                throw w.error("unknown type name '" + n.name() + "'");
            }
            return;
        }
        Decl d = tags.get(n.name());
        if (d == null) {
            if (byValue) {
                throw w.error("incomplete type '" + n.spelling() + "': it is used by value but never defined");
            }
            return;
        }
        String want = n.kind().name().toLowerCase(java.util.Locale.ROOT);
        if (!tagKind(d).equals(want)) {
            throw w.error("'" + n.name() + "' is " + tagKind(d) + ", not " + want + " (defined at " + where(d, fallback) + ")");
        }
    }

    private void record(RecordType r, Where w) {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < r.members().size(); i++) {
            Member m = r.members().get(i);
            Where mw = where(m, w);
            type(m.type(), mw, true);
            if (m.name() == null && m.bitWidth() == null) {
                CType resolved = resolve(m.type(), mw);
                if (!(resolved instanceof RecordType)) {
                    throw mw.error("a member without a name must be a bit-field or an anonymous struct or union");
                }
            }
            memberNames(m, names, mw, 0);
            if (m.bitWidth() != null) {
                bitField(m, mw);
            }
            if (m.type() instanceof ArrayType a && a.isFlexible()) {
                // Its place is the checker's business; whether the struct has storage before it is
                // the layout engine's (a document may hold a type nobody lays out).
                MemberRules.flexibleArray(r.kind(), r.members(), i)
                        .filter(f -> f != MemberRules.FlexibleFault.NO_NAMED_MEMBER_BEFORE)
                        .ifPresent(f -> {
                    throw mw.error(f.message(m.name(), MemberRules.Wording.DOCUMENT));
                });
            }
        }
    }

    /** Collects member names, reaching through anonymous members as C does. */
    private void memberNames(Member m, Set<String> names, Where w, int depth) {
        if (m.name() != null) {
            if (!names.add(m.name())) {
                throw w.error("duplicate member '" + m.name() + "'");
            }
        } else if (m.bitWidth() == null && depth < JsonTree.MAX_DEPTH && resolve(m.type(), w) instanceof RecordType r) {
            for (Member inner : r.members()) {
                memberNames(inner, names, w, depth + 1);
            }
        }
    }

    private void bitField(Member m, Where w) {
        OptionalLong bits = switch (resolve(m.type(), w)) {
            case PrimitiveType p when p.prim().isInteger() -> OptionalLong.of(MemberRules.widestBits(p.prim()));
            case EnumType e -> OptionalLong.of(64);
            default -> OptionalLong.empty();
        };
        MemberRules.bitField(m.name(), BigInteger.valueOf(m.bitWidth()), bits, m.type().spelling()).ifPresent(f -> {
            throw w.error(f.message(MemberRules.Wording.DOCUMENT));
        });
    }

    private CType resolve(CType t, Where w) {
        try {
            return library.resolve(t);
        } catch (InputException e) {
            throw w.error(e.getMessage());
        }
    }

    /** A typedef that reaches itself by value (through typedefs and arrays) can have no size. */
    private void checkTypedefCycle(Typedef start, Where w) {
        Set<String> seen = new HashSet<>();
        CType t = start.target();
        while (true) {
            while (t instanceof ArrayType a) {
                t = a.element();
            }
            if (!(t instanceof NamedType n) || n.kind() != NamedType.Kind.TYPEDEF) {
                return;
            }
            if (n.name().equals(start.name()) || !seen.add(n.name())) {
                throw w.error("typedef '" + start.name() + "' refers to itself");
            }
            t = typedefs.get(n.name()).target();
        }
    }
}
