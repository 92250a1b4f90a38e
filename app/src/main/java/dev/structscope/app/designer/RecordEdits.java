package dev.structscope.app.designer;

import dev.structscope.model.type.Decl;
import dev.structscope.model.type.RecordKind;
import dev.structscope.model.type.RecordType;
import dev.structscope.model.type.TypeLibrary;
import dev.structscope.model.type.Typedef;

import java.util.List;

/**
 * Library-level edits of records: replacing the definition a name refers to, adding a new struct,
 * union or enum with a fresh name. Pure functions over immutable values; any thread.
 */
public final class RecordEdits {
    private RecordEdits() {
    }

    /**
     * The library with the record named {@code name} (a tag, or a typedef of an untagged record)
     * replaced by {@code next}; appended when there is none.
     */
    public static TypeLibrary replace(TypeLibrary lib, String name, RecordType next) {
        List<Decl> decls = lib.decls();
        for (int i = 0; i < decls.size(); i++) {
            Decl d = decls.get(i);
            if (d instanceof RecordType r && r.tag() != null && r.tag().equals(name)) {
                return lib.withDecl(i, next);
            }
        }
        for (int i = 0; i < decls.size(); i++) {
            if (decls.get(i) instanceof Typedef t && t.name().equals(name) && t.target() instanceof RecordType) {
                return lib.withDecl(i, new Typedef(t.name(), next, t.alignedAttr(), t.comment(), t.vector()));
            }
        }
        return lib.with(next);
    }

    /** A name not yet used by any declaration: {@code base}, {@code base2}, ... */
    public static String freshName(TypeLibrary lib, String base) {
        java.util.Set<String> used = new java.util.HashSet<>();
        for (Decl d : lib.decls()) {
            used.add(d.name());
        }
        if (!used.contains(base)) {
            return base;
        }
        for (int n = 2; ; n++) {
            if (!used.contains(base + n)) {
                return base + n;
            }
        }
    }

    /** A new empty-ish record (one {@code int32_t} member so that it has a size). */
    public static RecordType newRecord(RecordKind kind, String tag) {
        return new RecordType(kind, tag, List.of(dev.structscope.model.type.Member.of("value",
                dev.structscope.model.type.PrimitiveType.of(dev.structscope.model.type.Prim.INT32))), 0, false, 0, null);
    }
}
