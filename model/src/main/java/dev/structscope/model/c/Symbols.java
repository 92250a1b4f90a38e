package dev.structscope.model.c;

import dev.structscope.model.InputException;
import dev.structscope.model.abi.Abi;
import dev.structscope.model.layout.LayoutEngine;
import dev.structscope.model.layout.TypeLayout;
import dev.structscope.model.type.ArrayType;
import dev.structscope.model.type.CType;
import dev.structscope.model.type.Decl;
import dev.structscope.model.type.NamedType;
import dev.structscope.model.type.Prim;
import dev.structscope.model.type.PrimitiveType;
import dev.structscope.model.type.TypeLibrary;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a parse has declared so far: the declarations in order, tags, typedef names and enum
 * constants, and the library they make (rebuilt only when a declaration was added, for
 * {@code sizeof}). Owned by one parse; not thread-safe.
 */
final class Symbols {
    /** A tag's namespace entry: which keyword declared it and whether it has a body yet. */
    static final class Tag {
        final NamedType.Kind kind;
        boolean complete;

        Tag(NamedType.Kind kind) {
            this.kind = kind;
        }
    }

    final Abi abi;
    final List<Decl> decls = new ArrayList<>();
    /**
     * Where each declaration and member was declared, and each member name of an expression
     * ({@code Expr.Ref}) and {@code when} value written, by identity: the checks that need the
     * whole header (the layout of each record, the dynamic-layout attributes) point there.
     */
    final Map<Object, Token> declaredAt = new IdentityHashMap<>();
    final Map<String, Tag> tags = new HashMap<>();
    final Map<String, CType> typedefs = new HashMap<>();
    final Set<String> functionTypedefs = new HashSet<>();
    final Map<String, IntValue> enumerators = new HashMap<>();
    /**
     * The enumerators of enums the library keeps (tagged ones, or those a document or library
     * supplies): an expression may name these and be read back; one of an anonymous enum is
     * kept as its number, since nothing written from the library would declare it.
     */
    final Set<String> namedEnumerators = new HashSet<>();
    final Map<String, CType> builtins;
    /**
     * The type names that stand for {@code va_list} where the ABI's is no pointer (see
     * {@link BuiltinTypes#vaListShape}), typedefs of them included: a record member of one is
     * refused rather than laid out as the pointer the builtin stands in as. Empty elsewhere.
     */
    final Set<String> vaLists = new HashSet<>();
    private TypeLibrary library;

    Symbols(Abi abi) {
        this.abi = abi;
        this.builtins = BuiltinTypes.forAbi(abi);
        if (BuiltinTypes.vaListShape(abi) != null) {
            vaLists.addAll(Set.of("__builtin_va_list", "va_list", "__gnuc_va_list"));
        }
    }

    void add(Decl d, Token at) {
        decls.add(d);
        declaredAt.put(d, at);
        library = null;
    }

    TypeLibrary library() {
        if (library == null) {
            library = new TypeLibrary(decls, Map.of());
        }
        return library;
    }

    boolean isTypedefName(String name) {
        return typedefs.containsKey(name) || functionTypedefs.contains(name) || builtins.containsKey(name);
    }

    /** The type a typedef name stands for in a declaration: user typedefs by name, builtins inline. */
    CType typedefType(String name) {
        if (typedefs.containsKey(name)) {
            return NamedType.typedef(name);
        }
        return builtins.get(name);
    }

    TypeLayout layout(CType type, Token at) {
        try {
            return LayoutEngine.layoutOf(type, library(), abi);
        } catch (InputException e) {
            throw new InputException(at.where(), e.getMessage());
        } catch (RuntimeException e) {
            throw new InputException(at.where(), "cannot lay out '" + type.spelling() + "': " + e.getMessage());
        }
    }

    /** Names the incomplete part of {@code type} (a member or array element must be complete), or null. */
    String incomplete(CType type) {
        CType t = type;
        for (int guard = 0; guard < 10_000; guard++) {
            switch (t) {
                case NamedType n when n.kind() == NamedType.Kind.TYPEDEF -> {
                    CType target = typedefs.get(n.name());
                    if (target == null) {
                        return null;
                    }
                    t = target;
                }
                case NamedType n -> {
                    Tag tag = tags.get(n.name());
                    return tag != null && tag.complete ? null : n.spelling();
                }
                case ArrayType a -> t = a.element();
                case PrimitiveType p -> {
                    return p.prim() == Prim.VOID ? "void" : null;
                }
                default -> {
                    return null;
                }
            }
        }
        return null;
    }

    /** The typedef-stripped type (tags stay names). */
    CType strip(CType type) {
        CType t = type;
        for (int guard = 0; guard < 10_000 && t instanceof NamedType n && n.kind() == NamedType.Kind.TYPEDEF
                && typedefs.containsKey(n.name()); guard++) {
            t = typedefs.get(n.name());
        }
        return t;
    }
}
