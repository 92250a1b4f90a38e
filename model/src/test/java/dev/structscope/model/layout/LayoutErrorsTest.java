package dev.structscope.model.layout;

import dev.structscope.model.InputException;
import dev.structscope.model.abi.Abi;
import dev.structscope.model.abi.Abis;
import dev.structscope.model.type.ArrayType;
import dev.structscope.model.type.CType;
import dev.structscope.model.type.Decl;
import dev.structscope.model.type.Member;
import dev.structscope.model.type.NamedType;
import dev.structscope.model.type.Prim;
import dev.structscope.model.type.PrimitiveType;
import dev.structscope.model.type.RecordType;
import dev.structscope.model.type.TypeLibrary;
import dev.structscope.model.type.Typedef;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Definitions that cannot be laid out end in an {@link InputException} with a message naming the
 * problem, never in a hang, an overflowed number or a {@link StackOverflowError}: these are the
 * errors C compilers give for the same definitions (clang: "field has incomplete type", "width of
 * bit-field exceeds its type", "named bit-field has zero width", "flexible array member not at
 * end", "array is too large").
 */
class LayoutErrorsTest {
    private static final Abi ABI = Abis.X86_64_LINUX;

    private static PrimitiveType p(Prim prim) {
        return PrimitiveType.of(prim);
    }

    private static InputException fails(RecordType r, TypeLibrary lib, String messagePart) {
        for (Abi abi : Abi.all()) {
            InputException e = assertThrows(InputException.class, () -> LayoutEngine.layout(r, lib, abi));
            assertTrue(e.getMessage().contains(messagePart), abi.name() + ": " + e.oneLine());
        }
        return assertThrows(InputException.class, () -> LayoutEngine.layout(r, lib, ABI));
    }

    private static InputException fails(RecordType r, String messagePart) {
        return fails(r, TypeLibrary.EMPTY, messagePart);
    }

    @Test
    void arraySizeOverflowIsAnError() {
        fails(RecordType.struct("S", List.of(Member.of("a", new ArrayType(p(Prim.LONG_LONG), Long.MAX_VALUE / 4)))),
                "array");
        CType big = new ArrayType(new ArrayType(p(Prim.INT), 1L << 40), 1L << 40);
        fails(RecordType.struct("S", List.of(Member.of("a", big))), "array");
    }

    @Test
    void recordSizeOverflowIsAnError() {
        CType half = new ArrayType(p(Prim.CHAR), LayoutContext.MAX_SIZE - 2);
        fails(RecordType.struct("S", List.of(Member.of("a", half), Member.of("b", half))), "too large");
    }

    @Test
    void recordContainingItselfByValueIsAnError() {
        RecordType a = RecordType.struct("A", List.of(Member.of("x", p(Prim.INT)), Member.of("self", NamedType.struct("A"))));
        InputException e = fails(a, TypeLibrary.of(a), "contains itself");
        assertTrue(e.oneLine().contains("struct A"), e.oneLine());
        // Through another record and a typedef.
        RecordType b = RecordType.struct("B", List.of(Member.of("t", NamedType.typedef("TA"))));
        RecordType c = RecordType.struct("C", List.of(Member.of("b", NamedType.struct("B"))));
        Typedef ta = Typedef.of("TA", NamedType.struct("C"));
        TypeLibrary lib = TypeLibrary.of(b, c, ta);
        fails(c, lib, "contains itself");
        assertThrows(InputException.class, () -> LayoutEngine.layoutAll(lib, ABI));
    }

    @Test
    void bitFieldWiderThanItsTypeIsAnError() {
        fails(RecordType.struct("S", List.of(Member.bitField("x", p(Prim.INT), 33))), "exceeds");
        fails(RecordType.struct("S", List.of(Member.bitField("x", p(Prim.UNSIGNED_CHAR), 9))), "exceeds");
        fails(RecordType.struct("S", List.of(Member.bitField("x", p(Prim.BOOL), 2))), "exceeds");
    }

    @Test
    void namedZeroWidthBitFieldIsAnError() {
        fails(RecordType.struct("S", List.of(Member.bitField("z", p(Prim.INT), 0))), "zero width");
    }

    @Test
    void bitFieldOfNonIntegerTypeIsAnError() {
        fails(RecordType.struct("S", List.of(Member.bitField("f", p(Prim.DOUBLE), 3))), "non-integer");
    }

    @Test
    void flexibleArrayMustBeLast() {
        fails(RecordType.struct("S", List.of(Member.of("d", ArrayType.flexible(p(Prim.INT))),
                Member.of("n", p(Prim.INT)))), "last member");
        fails(RecordType.union("U", List.of(Member.of("n", p(Prim.INT)),
                Member.of("d", ArrayType.flexible(p(Prim.INT))))), "last member");
    }

    @Test
    void voidMemberIsAnError() {
        fails(RecordType.struct("S", List.of(Member.of("v", p(Prim.VOID)))), "void");
        fails(RecordType.struct("S", List.of(Member.of("v", new ArrayType(p(Prim.VOID), 3)))), "void");
    }

    @Test
    void unknownTypesAreErrors() {
        fails(RecordType.struct("S", List.of(Member.of("f", NamedType.struct("Nowhere")))), "Nowhere");
        fails(RecordType.struct("S", List.of(Member.of("f", NamedType.typedef("nothing_t")))), "nothing_t");
    }

    @Test
    void tenThousandNestedRecordsIsADepthErrorNotAStackOverflow() {
        CType t = p(Prim.INT);
        for (int i = 0; i < 10_000; i++) {
            t = new RecordType(i % 2 == 0 ? dev.structscope.model.type.RecordKind.STRUCT
                    : dev.structscope.model.type.RecordKind.UNION, null, List.of(Member.of("m", t)), 0, false, 0, null);
        }
        RecordType outer = RecordType.struct("Deep", List.of(Member.of("m", t)));
        fails(outer, "deep");
    }

    @Test
    void tenThousandNestedArraysAndTypedefsAreDepthErrors() {
        CType t = p(Prim.CHAR);
        for (int i = 0; i < 10_000; i++) {
            t = new ArrayType(t, 1);
        }
        fails(RecordType.struct("S", List.of(Member.of("a", t))), "deep");

        List<Decl> decls = new ArrayList<>();
        decls.add(Typedef.of("T0", p(Prim.INT)));
        for (int i = 1; i < 10_000; i++) {
            decls.add(Typedef.of("T" + i, NamedType.typedef("T" + (i - 1))));
        }
        TypeLibrary lib = new TypeLibrary(decls, Map.of());
        fails(RecordType.struct("S", List.of(Member.of("a", NamedType.typedef("T9999")))), lib, "deep");

        List<Decl> records = new ArrayList<>();
        records.add(RecordType.struct("R0", List.of(Member.of("x", p(Prim.INT)))));
        for (int i = 1; i < 10_000; i++) {
            records.add(RecordType.struct("R" + i, List.of(Member.of("in", NamedType.struct("R" + (i - 1))))));
        }
        TypeLibrary recLib = new TypeLibrary(records, Map.of());
        fails(RecordType.struct("S", List.of(Member.of("a", NamedType.struct("R9999")))), recLib, "deep");
    }

    @Test
    void anonymousMemberMustBeARecord() {
        fails(RecordType.struct("S", List.of(new Member(null, p(Prim.INT), null, 0, false, null))), "without a name");
    }
}
