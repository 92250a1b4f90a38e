package dev.structscope.io.testing;

import dev.structscope.model.type.ArrayType;
import dev.structscope.model.type.CType;
import dev.structscope.model.type.EnumType;
import dev.structscope.model.type.Enumerator;
import dev.structscope.model.type.Member;
import dev.structscope.model.type.NamedType;
import dev.structscope.model.type.Prim;
import dev.structscope.model.type.PrimitiveType;
import dev.structscope.model.type.RecordType;
import dev.structscope.model.type.TypeLibrary;

import java.util.List;

/**
 * Builds type libraries in Java for engine tests (the header parser lives elsewhere). Also holds
 * the library of {@code everything.h} written out by hand, member for member.
 */
public final class T {
    private T() {
    }

    public static CType p(Prim prim) {
        return PrimitiveType.of(prim);
    }

    public static Member m(String name, CType type) {
        return Member.of(name, type);
    }

    public static Member m(String name, Prim prim) {
        return Member.of(name, p(prim));
    }

    public static Member bf(String name, CType type, int width) {
        return Member.bitField(name, type, width);
    }

    public static CType arr(CType element, long... dims) {
        CType t = element;
        for (int i = dims.length - 1; i >= 0; i--) {
            t = new ArrayType(t, dims[i]);
        }
        return t;
    }

    /** The library of {@code everything.h}. */
    public static TypeLibrary everything() {
        EnumType color = EnumType.of("Color", List.of(new Enumerator("RED", 0, null),
                new Enumerator("GREEN", 5, null), new Enumerator("BLUE", -3, null)));
        RecordType inner = RecordType.struct("Inner", List.of(m("a", Prim.INT16), m("b", arr(p(Prim.UINT8), 3)),
                m("d", Prim.DOUBLE)));
        RecordType u = RecordType.union("U", List.of(m("u", Prim.UINT32), m("f", Prim.FLOAT),
                m("bytes", arr(p(Prim.UINT8), 4))));
        RecordType anon = RecordType.struct(null, List.of(m("ax", Prim.INT32), m("ay", Prim.UINT16)));
        CType colorRef = NamedType.enumeration("Color");
        RecordType everything = RecordType.struct("Everything", List.of(
                m("i8", Prim.INT8), m("u8", Prim.UINT8), m("i16", Prim.INT16), m("u16", Prim.UINT16),
                m("i32", Prim.INT32), m("u32", Prim.UINT32), m("i64", Prim.INT64), m("u64", Prim.UINT64),
                m("c", Prim.CHAR), m("sc", Prim.SIGNED_CHAR), m("uc", Prim.UNSIGNED_CHAR),
                m("l", Prim.LONG), m("ul", Prim.UNSIGNED_LONG), m("ll", Prim.LONG_LONG), m("ull", Prim.UNSIGNED_LONG_LONG),
                m("f", Prim.FLOAT), m("d", Prim.DOUBLE), m("ld", Prim.LONG_DOUBLE),
                m("b", Prim.BOOL), m("p", new dev.structscope.model.type.PointerType(p(Prim.VOID))),
                m("color", colorRef), m("name", arr(p(Prim.CHAR), 12)), m("grid", arr(p(Prim.INT16), 2, 3)),
                m("inner", NamedType.struct("Inner")), m("inners", arr(NamedType.struct("Inner"), 2)),
                m("u", NamedType.union("U")), Member.of(null, anon),
                bf("bf1", p(Prim.UNSIGNED_INT), 3), bf("bf2", p(Prim.INT), 5), bf(null, p(Prim.UNSIGNED_INT), 0),
                bf("bf3", p(Prim.INT), 7), bf("bf4", p(Prim.UNSIGNED_LONG_LONG), 40), bf("bf5", p(Prim.INT), 1),
                bf("bfe", colorRef, 4), bf("bb", p(Prim.BOOL), 1)));
        RecordType packed = new RecordType(dev.structscope.model.type.RecordKind.STRUCT, "Packed", List.of(
                m("tag", Prim.CHAR), m("v", Prim.UINT32), m("w", Prim.INT16), m("d", Prim.DOUBLE),
                bf("big", p(Prim.UINT64), 60), bf("small", p(Prim.INT8), 4)), 0, true, 0, null);
        return TypeLibrary.of(color, inner, u, everything, packed);
    }
}
