package dev.structscope.model.export;

import dev.structscope.model.InputException;
import dev.structscope.model.type.ArrayType;
import dev.structscope.model.type.CType;
import dev.structscope.model.type.Decl;
import dev.structscope.model.type.Dynamic;
import dev.structscope.model.type.EnumType;
import dev.structscope.model.type.Expr;
import dev.structscope.model.type.Member;
import dev.structscope.model.type.NamedType;
import dev.structscope.model.type.PointerType;
import dev.structscope.model.type.PrimitiveType;
import dev.structscope.model.type.RecordType;
import dev.structscope.model.type.Typedef;
import dev.structscope.model.type.TypeLibrary;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Orders a library's declarations so that C accepts them: a record after every type it holds
 * by value, a typedef after what it names (a typedef of a struct tag needs no definition, as in
 * {@code typedef struct Node Node;}), an enum before a record whose expressions name its
 * constants; otherwise input order. With a root type, only the declarations it needs. Used by the
 * C exporter; confined to the calling thread.
 */
final class DeclOrder {
    private final TypeLibrary library;
    private final Map<Decl, Integer> state = new IdentityHashMap<>();
    private final List<Decl> out = new ArrayList<>();

    private DeclOrder(TypeLibrary library) {
        this.library = library;
    }

    /** Every declaration of the library, or those {@code type} needs when it is not null. */
    static List<Decl> of(TypeLibrary library, String type) {
        DeclOrder o = new DeclOrder(library);
        if (type == null) {
            library.decls().forEach(o::visit);
        } else {
            TypeLibrary.NamedRecord nr = library.findRecord(type)
                    .orElseThrow(() -> new InputException("--type", "no struct or union named '" + type + "'"));
            for (Decl d : library.decls()) {
                if (d == nr.record() || (d instanceof Typedef t && (t.target() == nr.record()
                        || nr.aliases().contains(t.name()) || t.name().equals(type.strip())))) {
                    o.visit(d);
                }
            }
        }
        return o.out;
    }

    private void visit(Decl d) {
        Integer s = state.get(d);
        if (s != null) {
            return; // done, or in progress (a cycle through pointers: C needs no order there)
        }
        state.put(d, 1);
        switch (d) {
            case RecordType r -> r.members().forEach(this::member);
            case EnumType e -> {
            }
            case Typedef t -> deps(t.target(), false);
        }
        state.put(d, 2);
        out.add(d);
    }

    /** Visits the declarations {@code t} needs; {@code byValue} when a complete type is needed. */
    private void deps(CType t, boolean byValue) {
        switch (t) {
            case PrimitiveType p -> {
            }
            case PointerType p -> deps(p.target(), false);
            case ArrayType a -> {
                constants(a.count());
                deps(a.element(), true);
            }
            case RecordType r -> r.members().forEach(this::member);
            case EnumType e -> {
            }
            case NamedType n -> {
                Decl d = find(n);
                if (d == null) {
                    return;
                }
                if (n.kind() == NamedType.Kind.TYPEDEF) {
                    visit(d);
                    if (byValue) {
                        deps(((Typedef) d).target(), true);
                    }
                } else if (byValue || n.kind() == NamedType.Kind.ENUM) {
                    visit(d);
                }
            }
        }
    }

    /** What member {@code m} needs: its type's declarations and the enums its expressions name. */
    private void member(Member m) {
        Dynamic d = m.dynamic();
        constants(d.at());
        constants(d.switchOn());
        d.when().forEach(this::constants);
        constants(d.size());
        deps(m.type(), true);
    }

    /**
     * Visits the enum of each constant {@code e} names ({@code when(MSG_HELLO)}): an export of one
     * type must declare it, or the header it writes would not read back.
     */
    private void constants(Expr e) {
        switch (e) {
            case null -> {
            }
            case Expr.Const c when c.spelling() != null -> {
                Decl owner = enumDeclaring(c.spelling());
                if (owner != null) {
                    visit(owner);
                }
            }
            case Expr.Unary u -> constants(u.operand());
            case Expr.Binary b -> {
                constants(b.left());
                constants(b.right());
            }
            case Expr.Cond c -> {
                constants(c.test());
                constants(c.then());
                constants(c.otherwise());
            }
            default -> {
            }
        }
    }

    /** The library's enum (or typedef of one) that declares {@code constant}, or null. */
    private Decl enumDeclaring(String constant) {
        for (Decl d : library.decls()) {
            if ((d instanceof Typedef td ? td.target() : d) instanceof EnumType e
                    && e.enumerators().stream().anyMatch(en -> en.name().equals(constant))) {
                return d;
            }
        }
        return null;
    }

    private Decl find(NamedType n) {
        for (Decl d : library.decls()) {
            boolean match = switch (n.kind()) {
                case STRUCT -> d instanceof RecordType r && n.name().equals(r.tag())
                        && r.kind() == dev.structscope.model.type.RecordKind.STRUCT;
                case UNION -> d instanceof RecordType r && n.name().equals(r.tag())
                        && r.kind() == dev.structscope.model.type.RecordKind.UNION;
                case ENUM -> d instanceof EnumType e && n.name().equals(e.tag());
                case TYPEDEF -> d instanceof Typedef td && n.name().equals(td.name());
            };
            if (match) {
                return d;
            }
        }
        return null;
    }
}
