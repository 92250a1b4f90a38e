package dev.structscope.app.designer;

import dev.structscope.model.InputException;
import dev.structscope.model.type.ArrayType;
import dev.structscope.model.type.CType;
import dev.structscope.model.type.Decl;
import dev.structscope.model.type.EnumType;
import dev.structscope.model.type.Member;
import dev.structscope.model.type.NamedType;
import dev.structscope.model.type.PointerType;
import dev.structscope.model.type.PrimitiveType;
import dev.structscope.model.type.RecordType;
import dev.structscope.model.type.TypeLibrary;
import dev.structscope.model.type.Typedef;

import java.util.ArrayList;
import java.util.List;

/**
 * Whole-type edits of a library, as the layout library pane offers them: rename (every use
 * follows), duplicate, delete (refused while something uses the type), and the list of uses.
 * References are by name ({@link NamedType}), so a rename is a rename of the declaration plus
 * every reference in its namespace — tags (struct, union, enum share one) or typedef names.
 *
 * <p>Pure functions over immutable libraries; any thread.
 */
public final class LibraryEdits {
    private LibraryEdits() {
    }

    /**
     * The name a declaration is known by in the library pane and in references; an anonymous
     * struct, union or enum has the empty name, which nothing refers to.
     */
    public static NamedType reference(Decl d) {
        return switch (d) {
            case RecordType r -> new NamedType(r.kind() == dev.structscope.model.type.RecordKind.UNION
                    ? NamedType.Kind.UNION : NamedType.Kind.STRUCT, r.tag() == null ? "" : r.tag());
            case EnumType e -> NamedType.enumeration(e.tag() == null ? "" : e.tag());
            case Typedef t -> NamedType.typedef(t.name());
        };
    }

    /**
     * Where {@code d} is used: {@code Record.member} (dotted into anonymous nested records) for
     * members, {@code typedef Name} for typedefs. Empty when nothing refers to it.
     */
    public static List<String> uses(TypeLibrary lib, Decl d) {
        NamedType target = reference(d);
        List<String> out = new ArrayList<>();
        for (Decl other : lib.decls()) {
            switch (other) {
                case RecordType r -> collect(r, r.tag() == null ? "(anonymous)" : r.tag(), target, out);
                case Typedef t -> {
                    if (mentions(t.target(), target)) {
                        out.add("typedef " + t.name());
                    } else if (t.target() instanceof RecordType r) {
                        collect(r, t.name(), target, out);
                    }
                }
                case EnumType e -> { }
            }
        }
        return out;
    }

    /**
     * Renames the declaration at {@code index} to {@code name}; every reference follows.
     *
     * @throws InputException when the name is not a C identifier or is already taken in its namespace
     */
    public static TypeLibrary rename(TypeLibrary lib, int index, String name) {
        Decl d = lib.decls().get(index);
        String n = name == null ? "" : name.strip();
        CellText.checkIdentifier(n, "name");
        NamedType from = reference(d);
        if (n.equals(from.name())) {
            return lib;
        }
        if (taken(lib, from.kind(), n)) {
            throw new InputException("name", "'" + n + "' is already "
                    + (from.kind() == NamedType.Kind.TYPEDEF ? "a typedef name" : "a struct, union or enum tag")
                    + " in this document");
        }
        Decl renamed = switch (d) {
            case RecordType r -> r.withTag(n);
            case EnumType e -> new EnumType(n, e.enumerators(), e.packed(), e.underlying(), e.comment());
            case Typedef t -> new Typedef(n, t.target(), t.alignedAttr(), t.comment(), t.vector());
        };
        return renameUses(lib.withDecl(index, renamed), from, n);
    }

    /** Every reference to {@code from} now names {@code to} (same namespace). */
    public static TypeLibrary renameUses(TypeLibrary lib, NamedType from, String to) {
        TypeLibrary out = lib;
        List<Decl> decls = lib.decls();
        for (int i = 0; i < decls.size(); i++) {
            Decl d = decls.get(i);
            Decl renamed = switch (d) {
                case RecordType r -> (Decl) retarget(r, from, to);
                case Typedef t -> new Typedef(t.name(), retarget(t.target(), from, to), t.alignedAttr(), t.comment(),
                        t.vector());
                case EnumType e -> e;
            };
            if (!renamed.equals(d)) {
                out = out.withDecl(i, renamed);
            }
        }
        return out;
    }

    /** The library with a copy of the declaration at {@code index} right after it, under a fresh name. */
    public static TypeLibrary duplicate(TypeLibrary lib, int index) {
        Decl d = lib.decls().get(index);
        String n = freshCopyName(lib, reference(d));
        Decl copy = switch (d) {
            case RecordType r -> r.withTag(n);
            case EnumType e -> new EnumType(n, e.enumerators().stream().map(x -> new dev.structscope.model.type.Enumerator(
                    n.toUpperCase(java.util.Locale.ROOT) + "_" + x.name(), x.value(), x.comment())).toList(), e.packed(), e.underlying(), e.comment());
            case Typedef t -> new Typedef(n, t.target(), t.alignedAttr(), t.comment(), t.vector());
        };
        List<Decl> decls = new ArrayList<>(lib.decls());
        decls.add(index + 1, copy);
        return new TypeLibrary(decls, lib.constants(), lib.system());
    }

    /** The name {@link #duplicate} gives the copy of {@code of}. */
    public static String freshCopyName(TypeLibrary lib, NamedType of) {
        String base = of.name() + "_copy";
        if (!taken(lib, of.kind(), base)) {
            return base;
        }
        for (int k = 2; ; k++) {
            if (!taken(lib, of.kind(), base + k)) {
                return base + k;
            }
        }
    }

    /**
     * The library without the declaration at {@code index}.
     *
     * @throws InputException naming the uses when anything still refers to it
     */
    public static TypeLibrary delete(TypeLibrary lib, int index) {
        Decl d = lib.decls().get(index);
        List<String> uses = uses(lib, d);
        if (!uses.isEmpty()) {
            throw new InputException(reference(d).spelling(), "used by " + String.join(", ", uses.subList(0,
                    Math.min(6, uses.size()))) + (uses.size() > 6 ? " and " + (uses.size() - 6) + " more" : "")
                    + ": change those first");
        }
        return lib.without(index);
    }

    private static boolean taken(TypeLibrary lib, NamedType.Kind kind, String name) {
        for (Decl d : lib.decls()) {
            NamedType r = reference(d);
            boolean sameSpace = (r.kind() == NamedType.Kind.TYPEDEF) == (kind == NamedType.Kind.TYPEDEF);
            if (sameSpace && name.equals(r.name())) {
                return true;
            }
        }
        return false;
    }

    private static void collect(RecordType r, String path, NamedType target, List<String> out) {
        for (Member m : r.members()) {
            String here = path + "." + (m.name() == null ? "(anonymous)" : m.name());
            if (mentions(m.type(), target)) {
                out.add(here);
            } else if (inner(m.type()) instanceof RecordType nested) {
                collect(nested, m.name() == null ? path : here, target, out);
            }
        }
    }

    /** The type under arrays and pointers. */
    private static CType inner(CType t) {
        return switch (t) {
            case ArrayType a -> inner(a.element());
            case PointerType p -> inner(p.target());
            default -> t;
        };
    }

    private static boolean mentions(CType t, NamedType target) {
        return inner(t) instanceof NamedType n && same(n, target);
    }

    /** Tags share one namespace: {@code struct S} and {@code union S} cannot both exist, so the name decides. */
    private static boolean same(NamedType n, NamedType target) {
        boolean typedefs = n.kind() == NamedType.Kind.TYPEDEF;
        return typedefs == (target.kind() == NamedType.Kind.TYPEDEF) && n.name().equals(target.name());
    }

    private static CType retarget(CType t, NamedType from, String to) {
        return switch (t) {
            case NamedType n when same(n, from) -> new NamedType(n.kind(), to);
            case NamedType n -> n;
            case PrimitiveType p -> p;
            case EnumType e -> e;
            case PointerType p -> new PointerType(retarget(p.target(), from, to));
            case ArrayType a -> a.withElement(retarget(a.element(), from, to));
            case RecordType r -> {
                List<Member> ms = new ArrayList<>();
                for (Member m : r.members()) {
                    ms.add(m.withType(retarget(m.type(), from, to)));
                }
                yield r.withMembers(ms);
            }
        };
    }
}
