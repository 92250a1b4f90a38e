package dev.structscope.model.layout;

import dev.structscope.model.abi.Abi;
import dev.structscope.model.abi.Abis;
import dev.structscope.model.layout.oracle.Compilers;
import dev.structscope.model.layout.oracle.RandomHeader;
import dev.structscope.model.type.ArrayType;
import dev.structscope.model.type.Member;
import dev.structscope.model.type.Prim;
import dev.structscope.model.type.PrimitiveType;
import dev.structscope.model.type.RecordKind;
import dev.structscope.model.type.RecordType;
import dev.structscope.model.type.TypeLibrary;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link LayoutEngine#minimisePadding}: the reordered record really has the size it claims (the
 * engine and, when installed, clang-16 lay out the reordered C struct), never grows, keeps every
 * member exactly once, keeps a flexible array last, and saves the expected bytes on the classic
 * {@code char, double, char, int} struct.
 */
class ReordererTest {

    @Test
    void classicCharDoubleCharIntSavesEightBytesOnLp64() {
        PrimitiveType c = PrimitiveType.of(Prim.CHAR);
        RecordType r = RecordType.struct("S", List.of(Member.of("a", c), Member.of("b", PrimitiveType.of(Prim.DOUBLE)),
                Member.of("c", c), Member.of("d", PrimitiveType.of(Prim.INT))));
        // x86-64: 1+7+8+1+3+4 = 24 -> double, int, char, char = 16. i386 (double aligned 4): 20 -> 16.
        Reordering x64 = LayoutEngine.minimisePadding(r, TypeLibrary.EMPTY, Abis.X86_64_LINUX);
        assertEquals(24, x64.sizeBefore());
        assertEquals(16, x64.sizeAfter());
        assertEquals(8, x64.saved());
        assertEquals(List.of("b", "d", "a", "c"), x64.reordered().members().stream().map(Member::name).toList());
        Reordering i386 = LayoutEngine.minimisePadding(r, TypeLibrary.EMPTY, Abis.I386_LINUX);
        assertEquals(20, i386.sizeBefore());
        assertEquals(4, i386.saved());
    }

    /**
     * Found by {@link LayoutEngineFuzzTest}: a last member whose struct ends in a flexible array
     * (GCC and clang accept it last) was moved to the front, and the reordering failed with
     * "ends in a flexible array and must be last"; a flexible array behind a typedef was missed too.
     * Checked against clang-16 when it is installed: the reordered struct compiles with the size claimed.
     */
    @Test
    void memberEndingInAFlexibleArrayStaysLast() throws IOException {
        PrimitiveType c = PrimitiveType.of(Prim.CHAR);
        PrimitiveType i = PrimitiveType.of(Prim.INT);
        RecordType tail = RecordType.struct("Tail", List.of(Member.of("n", i),
                Member.of("d", ArrayType.flexible(PrimitiveType.of(Prim.DOUBLE)))));
        dev.structscope.model.type.Typedef flexT = dev.structscope.model.type.Typedef.of("flex_t",
                ArrayType.flexible(i));
        RecordType s = RecordType.struct("S", List.of(Member.of("a", c), Member.of("b", PrimitiveType.of(Prim.DOUBLE)),
                Member.of("c", c), Member.of("t", dev.structscope.model.type.NamedType.struct("Tail"))));
        RecordType f = RecordType.struct("F", List.of(Member.of("a", c), Member.of("b", PrimitiveType.of(Prim.LONG_LONG)),
                Member.of("c", c), Member.of("d", dev.structscope.model.type.NamedType.typedef("flex_t"))));
        TypeLibrary lib = TypeLibrary.of(tail, flexT, s, f);
        for (RecordType r : List.of(s, f)) {
            Reordering ro = LayoutEngine.minimisePadding(r, lib, Abis.X86_64_LINUX);
            assertEquals(r.members().getLast(), ro.reordered().members().getLast(), r.tag());
            assertTrue(ro.saved() > 0, r.tag() + " saves bytes: " + ro);
            String names = ro.reordered().members().stream().map(Member::name).toList().toString();
            if (Compilers.hasClang()) {
                String body = ro.reordered().members().stream()
                        .map(m -> (m.type() instanceof PrimitiveType p ? p.prim().cName() : m.type().spelling()) + " " + m.name() + ";")
                        .reduce("", String::concat);
                String src = "struct Tail { int n; double d[]; };\ntypedef int flex_t[];\nstruct X { " + body + " };\n"
                        + "_Static_assert(sizeof(struct X) == " + ro.sizeAfter() + ", \"size\");\n";
                Path dir = Files.createTempDirectory("reorder");
                Path file = dir.resolve("x.c");
                Files.writeString(file, src);
                Compilers.Result res = Compilers.run(List.of(Compilers.CLANG.toString(), "-fsyntax-only", file.toString()), dir);
                assertEquals(0, res.exit(), names + "\n" + src + res.out());
                Compilers.deleteTree(dir);
            }
        }
    }

    /**
     * A struct ending in a flexible array held before other members (GNU C) has no elements
     * there; moved last it would have some, and the record would become another: it is moved,
     * but never to the end. Checked with clang: the reordered struct has the size claimed.
     */
    @Test
    void aFlexibleTailHeldBeforeOtherMembersIsNeverMovedLast() throws IOException {
        PrimitiveType c = PrimitiveType.of(Prim.CHAR);
        RecordType tail = RecordType.struct("F", List.of(Member.of("c", c),
                Member.of("d", ArrayType.flexible(PrimitiveType.of(Prim.DOUBLE)))));
        RecordType g = RecordType.struct("G", List.of(Member.of("a", c),
                Member.of("f", dev.structscope.model.type.NamedType.struct("F")), Member.of("b", c)));
        TypeLibrary lib = TypeLibrary.of(tail, g);
        Reordering ro = LayoutEngine.minimisePadding(g, lib, Abis.X86_64_LINUX);
        assertEquals(24, ro.sizeBefore());
        assertEquals(16, ro.sizeAfter());
        assertTrue(!ro.reordered().members().getLast().name().equals("f"), ro.reordered().members().toString());
        assertTrue(!LayoutEngine.layout(ro.reordered(), lib, Abis.X86_64_LINUX).dynamic(), "still a fixed record");
        if (Compilers.hasClang()) {
            String body = ro.reordered().members().stream()
                    .map(m -> (m.name().equals("f") ? "struct F" : "char") + " " + m.name() + ";").reduce("", String::concat);
            String src = "struct F { char c; double d[]; };\nstruct X { " + body + " };\n"
                    + "_Static_assert(sizeof(struct X) == 16, \"size\");\n";
            Path dir = Files.createTempDirectory("reorder");
            Path file = Files.writeString(dir.resolve("x.c"), src);
            Compilers.Result res = Compilers.run(List.of(Compilers.CLANG.toString(), "-fsyntax-only", "-w", file.toString()), dir);
            assertEquals(0, res.exit(), src + res.out());
            Compilers.deleteTree(dir);
        }
    }

    @Test
    void unionAndAlreadyTightStructAreUnchanged() {
        PrimitiveType i = PrimitiveType.of(Prim.INT);
        RecordType u = RecordType.union("U", List.of(Member.of("a", PrimitiveType.of(Prim.CHAR)), Member.of("b", i)));
        Reordering ru = LayoutEngine.minimisePadding(u, TypeLibrary.EMPTY, Abis.X86_64_LINUX);
        assertSame(u, ru.reordered());
        assertEquals(0, ru.saved());
        RecordType tight = RecordType.struct("T", List.of(Member.of("a", i), Member.of("b", i)));
        assertEquals(0, LayoutEngine.minimisePadding(tight, TypeLibrary.EMPTY, Abis.X86_64_LINUX).saved());
    }

    @Test
    void randomStructsReorderCorrectlyAndClangAgreesOnTheNewSize() throws IOException {
        RandomHeader.Generated g = RandomHeader.generate(777, 120);
        for (Abi abi : Abi.all()) {
            StringBuilder header = new StringBuilder("#include <stddef.h>\n#include <stdint.h>\n");
            header.append(g.header().substring(g.header().indexOf("#include <stdint.h>\n") + 20,
                    g.header().indexOf("/* force every layout")));
            Map<String, Long> claimed = new java.util.LinkedHashMap<>();
            int checked = 0;
            for (var decl : g.library().decls()) {
                if (!(decl instanceof RecordType r) || r.kind() != RecordKind.STRUCT || r.tag() == null) {
                    continue;
                }
                Reordering ro = LayoutEngine.minimisePadding(r, g.library(), abi);
                assertTrue(ro.saved() >= 0, r.tag() + " grew on " + abi.name());
                assertEquals(LayoutEngine.layout(r, g.library(), abi).size(), ro.sizeBefore());
                assertEquals(LayoutEngine.layout(ro.reordered(), g.library(), abi).size(), ro.sizeAfter(),
                        r.tag() + " on " + abi.name());
                Set<Member> before = Collections.newSetFromMap(new IdentityHashMap<>());
                before.addAll(r.members());
                Set<Member> after = Collections.newSetFromMap(new IdentityHashMap<>());
                after.addAll(ro.reordered().members());
                assertEquals(before, after, r.tag() + ": members lost or added");
                assertEquals(r.members().size(), ro.reordered().members().size());
                if (!r.members().isEmpty() && r.members().getLast().type() instanceof ArrayType a && a.isFlexible()) {
                    assertSame(r.members().getLast(), ro.reordered().members().getLast());
                }
                RandomHeader.RecordText t = g.texts().get(r);
                header.append(t.before()).append(t.open().replace(r.tag() + " {", r.tag() + "_r {"));
                for (Member m : ro.reordered().members()) {
                    header.append(t.members().get(m));
                }
                header.append(t.close()).append(t.after());
                claimed.put("struct " + r.tag() + "_r", ro.sizeAfter());
                checked++;
            }
            assertTrue(checked > 50, "too few structs: " + checked);
            if (!Compilers.hasClang()) {
                continue;
            }
            header.append("unsigned long force_r[] = {\n");
            claimed.keySet().forEach(k -> header.append("  sizeof(").append(k).append("),\n"));
            header.append("  0 };\n");
            Path dir = Files.createTempDirectory("reorder");
            try {
                Path h = dir.resolve("r.h");
                Files.writeString(h, header.toString());
                Map<String, String> clang = Compilers.clangLayouts(h, abi);
                List<String> wrong = new ArrayList<>();
                claimed.forEach((k, size) -> {
                    String text = clang.get(k);
                    long clangSize = Long.parseLong(text.substring(text.indexOf("size=") + 5, text.indexOf(" align=")));
                    if (clangSize != size) {
                        wrong.add(k + ": engine says " + size + ", clang " + clangSize);
                    }
                });
                assertEquals(List.of(), wrong, abi.name());
            } finally {
                Compilers.deleteTree(dir);
            }
        }
    }
}
