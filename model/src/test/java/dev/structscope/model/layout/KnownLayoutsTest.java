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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
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

    /** A hand-checked case: C text, the same struct as a model, expected values per ABI in {@link #ORDER}. */
    record Case(String name, String c, RecordType r, TypeLibrary lib, String[] sizeAlign, String member, String[] where) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** clang's layouts of every case, per ABI name; empty when clang is not installed. */
    private static final Map<String, Map<String, String>> CLANG = new HashMap<>();

    static List<Case> cases() {
        List<Case> all = new ArrayList<>();
        all.add(new Case("charThenDouble", "struct K_charThenDouble { char c; double d; };",
                RecordType.struct("K_charThenDouble", List.of(Member.of("c", p(Prim.CHAR)), Member.of("d", p(Prim.DOUBLE)))),
                TypeLibrary.EMPTY, new String[] {"16/8", "12/4", "16/8", "16/8", "16/8"}, "d",
                new String[] {"8", "4", "8", "8", "8"}));
        all.add(new Case("longDouble", "struct K_longDouble { char c; long double ld; };",
                RecordType.struct("K_longDouble", List.of(Member.of("c", p(Prim.CHAR)), Member.of("ld", p(Prim.LONG_DOUBLE)))),
                TypeLibrary.EMPTY, new String[] {"32/16", "16/4", "16/8", "32/16", "16/8"}, "ld",
                new String[] {"16", "4", "8", "16", "8"}));
        all.add(new Case("longLongAndLong", "struct K_longLongAndLong { char c; long long ll; long l; };",
                RecordType.struct("K_longLongAndLong", List.of(Member.of("c", p(Prim.CHAR)), Member.of("ll", p(Prim.LONG_LONG)),
                        Member.of("l", p(Prim.LONG)))),
                TypeLibrary.EMPTY, new String[] {"24/8", "16/4", "24/8", "24/8", "24/8"}, "l",
                new String[] {"16", "12", "16", "16", "16"}));
        {
            // x86 aligns b to the int but not the record; AAPCS raises the record's alignment too;
            // MSVC ignores a zero-width bit-field that does not follow a bit-field.
            all.add(new Case("zeroWidthBitFieldAfterChar", "struct K_zeroWidthBitFieldAfterChar { char a; int : 0; char b; };",
                    RecordType.struct("K_zeroWidthBitFieldAfterChar", List.of(Member.of("a", p(Prim.CHAR)), Member.bitField(null, p(Prim.INT), 0),
                            Member.of("b", p(Prim.CHAR)))),
                    TypeLibrary.EMPTY, new String[] {"5/1", "5/1", "2/1", "8/4", "8/4"}, "b",
                    new String[] {"4", "4", "1", "4", "4"}));
        }
        all.add(new Case("unnamedBitFieldAlignsTheRecordOnAapcsAndMsvc", "struct K_unnamedBitFieldAlignsTheRecordOnAapcsAndMsvc { char a; int : 3; char b; };",
                RecordType.struct("K_unnamedBitFieldAlignsTheRecordOnAapcsAndMsvc", List.of(Member.of("a", p(Prim.CHAR)), Member.bitField(null, p(Prim.INT), 3),
                        Member.of("b", p(Prim.CHAR)))),
                TypeLibrary.EMPTY, new String[] {"3/1", "3/1", "12/4", "4/4", "4/4"}, "b",
                new String[] {"2", "2", "8", "2", "2"}));
        all.add(new Case("msvcStartsANewUnitWhenTheTypeSizeChanges", "struct K_msvcStartsANewUnitWhenTheTypeSizeChanges { char a : 4; short b : 4; };",
                RecordType.struct("K_msvcStartsANewUnitWhenTheTypeSizeChanges", List.of(Member.bitField("a", p(Prim.CHAR), 4), Member.bitField("b", p(Prim.SHORT), 4))),
                TypeLibrary.EMPTY, new String[] {"2/2", "2/2", "4/2", "2/2", "2/2"}, "b",
                new String[] {"4:4", "4:4", "16:4", "4:4", "4:4"}));
        all.add(new Case("bitFieldNeverStraddlesItsTypeOnSysv", "struct K_bitFieldNeverStraddlesItsTypeOnSysv { char a; int b : 30; };",
                RecordType.struct("K_bitFieldNeverStraddlesItsTypeOnSysv", List.of(Member.of("a", p(Prim.CHAR)), Member.bitField("b", p(Prim.INT), 30))),
                TypeLibrary.EMPTY, new String[] {"8/4", "8/4", "8/4", "8/4", "8/4"}, "b",
                new String[] {"32:30", "32:30", "32:30", "32:30", "32:30"}));
        all.add(new Case("packedBitFieldMayStartMidByte", "struct __attribute__((packed)) K_packedBitFieldMayStartMidByte { char a : 6; int b : 30; };",
                RecordType.struct("K_packedBitFieldMayStartMidByte", List.of(Member.bitField("a", p(Prim.CHAR), 6), Member.bitField("b", p(Prim.INT), 30)))
                        .withPacked(true),
                TypeLibrary.EMPTY, new String[] {"5/1", "5/1", "5/1", "5/1", "5/1"}, "b",
                new String[] {"6:30", "6:30", "8:30", "6:30", "6:30"}));
        all.add(new Case("pragmaPackTwo", "#pragma pack(push, 2)\nstruct K_pragmaPackTwo { char c; double d; int i; };\n#pragma pack(pop)",
                RecordType.struct("K_pragmaPackTwo", List.of(Member.of("c", p(Prim.CHAR)), Member.of("d", p(Prim.DOUBLE)),
                        Member.of("i", p(Prim.INT)))).withPack(2),
                TypeLibrary.EMPTY, new String[] {"14/2", "14/2", "14/2", "14/2", "14/2"}, "i",
                new String[] {"10", "10", "10", "10", "10"}));
        all.add(new Case("emptyStruct", "struct K_emptyStruct { };", RecordType.struct("K_emptyStruct", List.of()), TypeLibrary.EMPTY,
                new String[] {"0/1", "0/1", "4/1", "0/1", "0/1"}, null, null));
        all.add(new Case("flexibleArrayMember", "struct K_flexibleArrayMember { char c; double d[]; };",
                RecordType.struct("K_flexibleArrayMember", List.of(Member.of("c", p(Prim.CHAR)),
                        Member.of("d", ArrayType.flexible(p(Prim.DOUBLE))))),
                TypeLibrary.EMPTY, new String[] {"8/8", "4/4", "8/8", "8/8", "8/8"}, "d",
                new String[] {"8", "4", "8", "8", "8"}));
        {
            EnumType big = EnumType.of("Big", List.of(Enumerator.of("B0", 0), Enumerator.of("B1", 0x1_0000_0000L)));
            all.add(new Case("enumNeedingMoreThan32Bits", "enum Big { B0 = 0, B1 = 0x100000000LL };\nstruct K_enumNeedingMoreThan32Bits { char c; enum Big e; };",
                    RecordType.struct("K_enumNeedingMoreThan32Bits", List.of(Member.of("c", p(Prim.CHAR)), Member.of("e", NamedType.enumeration("Big")))),
                    TypeLibrary.of(big), new String[] {"16/8", "12/4", "8/4", "16/8", "16/8"}, "e",
                    new String[] {"8", "4", "4", "8", "8"}));
        }
        all.add(new Case("alignedAttributeOnRecordAndMember", "struct __attribute__((aligned(16))) K_alignedAttributeOnRecordAndMember { char c; int i __attribute__((aligned(8))); };",
                RecordType.struct("K_alignedAttributeOnRecordAndMember", List.of(Member.of("c", p(Prim.CHAR)), Member.of("i", p(Prim.INT)).withAlignAs(8)))
                        .withAlignedAttr(16),
                TypeLibrary.EMPTY, new String[] {"16/16", "16/16", "16/16", "16/16", "16/16"}, "i",
                new String[] {"8", "8", "8", "8", "8"}));
        return all;
    }

    @BeforeAll
    static void askClang() throws IOException {
        if (!Compilers.hasClang()) {
            return;
        }
        StringBuilder h = new StringBuilder("#include <stddef.h>\n");
        for (Case k : cases()) {
            h.append(k.c()).append("\nunsigned long force_").append(k.name()).append(" = sizeof(struct K_")
                    .append(k.name()).append(");\n");
        }
        Path dir = Files.createTempDirectory("known");
        try {
            Path file = dir.resolve("known.h");
            Files.writeString(file, h.toString());
            for (Abi abi : ORDER) {
                CLANG.put(abi.name(), Compilers.clangLayouts(file, abi));
            }
        } finally {
            Compilers.deleteTree(dir);
        }
    }

    /**
     * Checks {@code "size/align"} per ABI and, where given, the position of one member
     * ({@code "offset"} or {@code "bitOffset:width"} from the record start); and that clang gives
     * the same size and alignment.
     */
    @ParameterizedTest
    @MethodSource("cases")
    void handCheckedLayout(Case k) {
        for (int i = 0; i < ORDER.size(); i++) {
            Abi abi = ORDER.get(i);
            RecordLayout rl = LayoutEngine.layout(k.r(), k.lib(), abi);
            assertEquals(k.sizeAlign()[i], rl.size() + "/" + rl.align(), abi.name() + " size/align of " + k.c());
            if (k.member() != null) {
                FieldLayout f = rl.visibleFields().stream().filter(x -> k.member().equals(x.name())).findFirst().orElseThrow();
                String got = f.isBitField() ? f.bits().offset() + ":" + f.bits().width() : Long.toString(f.offset());
                assertEquals(k.where()[i], got, abi.name() + " position of " + k.member() + " in " + k.c());
            }
            Map<String, String> clang = CLANG.get(abi.name());
            if (clang != null) {
                String text = clang.get("struct K_" + k.name());
                assertEquals(k.sizeAlign()[i], text.substring(text.indexOf("size=") + 5, text.indexOf('\n'))
                        .replace(" align=", "/"), "clang disagrees with the hand-checked value for " + abi.name()
                        + ": " + k.c());
            }
        }
    }
}
