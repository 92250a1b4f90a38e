package dev.structscope.model.layout;

import dev.structscope.model.abi.Abi;
import dev.structscope.model.abi.Abis;
import dev.structscope.model.layout.oracle.Compilers;
import dev.structscope.model.type.ArrayType;
import dev.structscope.model.type.EnumType;
import dev.structscope.model.type.Enumerator;
import dev.structscope.model.type.Member;
import dev.structscope.model.type.NamedType;
import dev.structscope.model.type.Prim;
import dev.structscope.model.type.PrimitiveType;
import dev.structscope.model.type.RecordType;
import dev.structscope.model.type.TypeLibrary;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Hand-checked layouts of small, well-known structs on every ABI (sizes, alignments and the
 * offsets that show each rule: i386's 4-byte double, long double sizes, MSVC's bit-field units,
 * zero-width bit-fields on x86 vs AAPCS vs MSVC, empty records, enum sizes). Each expectation was
 * worked out from the psABI documents; when clang-16 is installed the same struct is also laid
 * out by clang and must agree, so a wrong hand-computed number cannot hide.
 */
class KnownLayoutsTest {
    private static final List<Abi> ORDER = List.of(Abis.X86_64_LINUX, Abis.I386_LINUX, Abis.X86_64_WINDOWS,
            Abis.AARCH64_LINUX, Abis.ARM_LINUX);

    private static PrimitiveType p(Prim prim) {
        return PrimitiveType.of(prim);
    }

    /**
     * Checks {@code "size/align"} per ABI in {@link #ORDER} and, where given, the position of one
     * member ({@code "offset"} or {@code "bitOffset:width"} from the record start) per ABI.
     */
    private static void check(String c, RecordType r, TypeLibrary lib, String[] sizeAlign, String member, String[] where)
            throws IOException {
        for (int i = 0; i < ORDER.size(); i++) {
            Abi abi = ORDER.get(i);
            RecordLayout rl = LayoutEngine.layout(r, lib, abi);
            assertEquals(sizeAlign[i], rl.size() + "/" + rl.align(), abi.name() + " size/align of " + c);
            if (member != null) {
                FieldLayout f = rl.visibleFields().stream().filter(x -> member.equals(x.name())).findFirst().orElseThrow();
                String got = f.isBitField() ? f.bitOffset() + ":" + f.bitWidth() : Long.toString(f.offset());
                assertEquals(where[i], got, abi.name() + " position of " + member + " in " + c);
            }
            if (Compilers.hasClang()) {
                Path dir = Files.createTempDirectory("known");
                try {
                    Path h = dir.resolve("k.h");
                    Files.writeString(h, "#include <stddef.h>\n" + c + "\nunsigned long k_force = sizeof(struct K);\n");
                    Map<String, String> clang = Compilers.clangLayouts(h, abi);
                    String text = clang.get("struct K");
                    assertEquals(sizeAlign[i], text.substring(text.indexOf("size=") + 5, text.indexOf('\n'))
                            .replace(" align=", "/"), "clang disagrees with the hand-checked value for " + abi.name()
                            + ": " + c);
                } finally {
                    Compilers.deleteTree(dir);
                }
            }
        }
    }

    @Test
    void charThenDouble() throws IOException {
        check("struct K { char c; double d; };",
                RecordType.struct("K", List.of(Member.of("c", p(Prim.CHAR)), Member.of("d", p(Prim.DOUBLE)))),
                TypeLibrary.EMPTY, new String[] {"16/8", "12/4", "16/8", "16/8", "16/8"}, "d",
                new String[] {"8", "4", "8", "8", "8"});
    }

    @Test
    void longDouble() throws IOException {
        check("struct K { char c; long double ld; };",
                RecordType.struct("K", List.of(Member.of("c", p(Prim.CHAR)), Member.of("ld", p(Prim.LONG_DOUBLE)))),
                TypeLibrary.EMPTY, new String[] {"32/16", "16/4", "16/8", "32/16", "16/8"}, "ld",
                new String[] {"16", "4", "8", "16", "8"});
    }

    @Test
    void longLongAndLong() throws IOException {
        check("struct K { char c; long long ll; long l; };",
                RecordType.struct("K", List.of(Member.of("c", p(Prim.CHAR)), Member.of("ll", p(Prim.LONG_LONG)),
                        Member.of("l", p(Prim.LONG)))),
                TypeLibrary.EMPTY, new String[] {"24/8", "16/4", "24/8", "24/8", "24/8"}, "l",
                new String[] {"16", "12", "16", "16", "16"});
    }

    @Test
    void zeroWidthBitFieldAfterChar() throws IOException {
        // x86 aligns b to the int but not the record; AAPCS raises the record's alignment too;
        // MSVC ignores a zero-width bit-field that does not follow a bit-field.
        check("struct K { char a; int : 0; char b; };",
                RecordType.struct("K", List.of(Member.of("a", p(Prim.CHAR)), Member.bitField(null, p(Prim.INT), 0),
                        Member.of("b", p(Prim.CHAR)))),
                TypeLibrary.EMPTY, new String[] {"5/1", "5/1", "2/1", "8/4", "8/4"}, "b",
                new String[] {"4", "4", "1", "4", "4"});
    }

    @Test
    void unnamedBitFieldAlignsTheRecordOnAapcsAndMsvc() throws IOException {
        check("struct K { char a; int : 3; char b; };",
                RecordType.struct("K", List.of(Member.of("a", p(Prim.CHAR)), Member.bitField(null, p(Prim.INT), 3),
                        Member.of("b", p(Prim.CHAR)))),
                TypeLibrary.EMPTY, new String[] {"3/1", "3/1", "12/4", "4/4", "4/4"}, "b",
                new String[] {"2", "2", "8", "2", "2"});
    }

    @Test
    void msvcStartsANewUnitWhenTheTypeSizeChanges() throws IOException {
        check("struct K { char a : 4; short b : 4; };",
                RecordType.struct("K", List.of(Member.bitField("a", p(Prim.CHAR), 4), Member.bitField("b", p(Prim.SHORT), 4))),
                TypeLibrary.EMPTY, new String[] {"2/2", "2/2", "4/2", "2/2", "2/2"}, "b",
                new String[] {"4:4", "4:4", "16:4", "4:4", "4:4"});
    }

    @Test
    void bitFieldNeverStraddlesItsTypeOnSysv() throws IOException {
        check("struct K { char a; int b : 30; };",
                RecordType.struct("K", List.of(Member.of("a", p(Prim.CHAR)), Member.bitField("b", p(Prim.INT), 30))),
                TypeLibrary.EMPTY, new String[] {"8/4", "8/4", "8/4", "8/4", "8/4"}, "b",
                new String[] {"32:30", "32:30", "32:30", "32:30", "32:30"});
    }

    @Test
    void packedBitFieldMayStartMidByte() throws IOException {
        check("struct __attribute__((packed)) K { char a : 6; int b : 30; };",
                RecordType.struct("K", List.of(Member.bitField("a", p(Prim.CHAR), 6), Member.bitField("b", p(Prim.INT), 30)))
                        .withPacked(true),
                TypeLibrary.EMPTY, new String[] {"5/1", "5/1", "5/1", "5/1", "5/1"}, "b",
                new String[] {"6:30", "6:30", "8:30", "6:30", "6:30"});
    }

    @Test
    void pragmaPackTwo() throws IOException {
        check("#pragma pack(push, 2)\nstruct K { char c; double d; int i; };\n#pragma pack(pop)",
                RecordType.struct("K", List.of(Member.of("c", p(Prim.CHAR)), Member.of("d", p(Prim.DOUBLE)),
                        Member.of("i", p(Prim.INT)))).withPack(2),
                TypeLibrary.EMPTY, new String[] {"14/2", "14/2", "14/2", "14/2", "14/2"}, "i",
                new String[] {"10", "10", "10", "10", "10"});
    }

    @Test
    void emptyStruct() throws IOException {
        check("struct K { };", RecordType.struct("K", List.of()), TypeLibrary.EMPTY,
                new String[] {"0/1", "0/1", "4/1", "0/1", "0/1"}, null, null);
    }

    @Test
    void flexibleArrayMember() throws IOException {
        check("struct K { char c; double d[]; };",
                RecordType.struct("K", List.of(Member.of("c", p(Prim.CHAR)),
                        Member.of("d", new ArrayType(p(Prim.DOUBLE), ArrayType.FLEXIBLE)))),
                TypeLibrary.EMPTY, new String[] {"8/8", "4/4", "8/8", "8/8", "8/8"}, "d",
                new String[] {"8", "4", "8", "8", "8"});
    }

    @Test
    void enumNeedingMoreThan32Bits() throws IOException {
        EnumType big = EnumType.of("Big", List.of(Enumerator.of("B0", 0), Enumerator.of("B1", 0x1_0000_0000L)));
        check("enum Big { B0 = 0, B1 = 0x100000000LL };\nstruct K { char c; enum Big e; };",
                RecordType.struct("K", List.of(Member.of("c", p(Prim.CHAR)), Member.of("e", NamedType.enumeration("Big")))),
                TypeLibrary.of(big), new String[] {"16/8", "12/4", "8/4", "16/8", "16/8"}, "e",
                new String[] {"8", "4", "4", "8", "8"});
    }

    @Test
    void alignedAttributeOnRecordAndMember() throws IOException {
        check("struct __attribute__((aligned(16))) K { char c; int i __attribute__((aligned(8))); };",
                RecordType.struct("K", List.of(Member.of("c", p(Prim.CHAR)), Member.of("i", p(Prim.INT)).withAlignAs(8)))
                        .withAlignedAttr(16),
                TypeLibrary.EMPTY, new String[] {"16/16", "16/16", "16/16", "16/16", "16/16"}, "i",
                new String[] {"8", "8", "8", "8", "8"});
    }
}
