package dev.structscope.model.c;

import dev.structscope.model.abi.Abis;
import dev.structscope.model.type.ArrayType;
import dev.structscope.model.type.Decl;
import dev.structscope.model.type.EnumType;
import dev.structscope.model.type.Enumerator;
import dev.structscope.model.type.Member;
import dev.structscope.model.type.NamedType;
import dev.structscope.model.type.PointerType;
import dev.structscope.model.type.Prim;
import dev.structscope.model.type.PrimitiveType;
import dev.structscope.model.type.RecordType;
import dev.structscope.model.type.TypeLibrary;
import dev.structscope.model.type.Typedef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shape of what the importer builds: names, order, references, attributes, constants. */
class HeaderImporterTest {
    @TempDir
    Path tmp;

    private static TypeLibrary parse(String src) {
        return HeaderImporter.importText(src, "t.h", HeaderImporter.Options.defaults());
    }

    private static List<String> names(TypeLibrary lib) {
        return lib.decls().stream().map(Decl::name).toList();
    }

    @Test
    void nestedTaggedDefinitionsAreHoistedInCompletionOrder() {
        TypeLibrary lib = parse("struct outer { struct inner { int x; } in; union u { char c; } uu; int y; };\n"
                + "typedef struct outer outer_t;");
        assertEquals(List.of("inner", "u", "outer", "outer_t"), names(lib));
        RecordType outer = lib.recordByTag("outer").orElseThrow();
        assertEquals(NamedType.struct("inner"), outer.members().get(0).type());
        assertEquals(NamedType.union("u"), outer.members().get(1).type());
        assertEquals(new Typedef("outer_t", NamedType.struct("outer"), 0, null), lib.decls().get(3));
    }

    @Test
    void untaggedRecordsStayInline() {
        TypeLibrary lib = parse("typedef struct { int a; struct { char b; } named; } T;");
        Typedef t = (Typedef) lib.decls().get(0);
        RecordType r = (RecordType) t.target();
        assertNull(r.tag());
        assertTrue(r.members().get(1).type() instanceof RecordType inner && inner.tag() == null);
        assertEquals(1, lib.decls().size());
    }

    @Test
    void anonymousMembersAndBitFields() {
        TypeLibrary lib = parse("struct s { union { int i; float f; }; unsigned a : 3, : 0, b : 5; int : 2; };");
        List<Member> m = lib.recordByTag("s").orElseThrow().members();
        assertEquals(5, m.size());
        assertTrue(m.get(0).isAnonymousRecord());
        assertEquals(new Member("a", PrimitiveType.of(Prim.UNSIGNED_INT), 3, 0, false, null), m.get(1));
        assertEquals(new Member(null, PrimitiveType.of(Prim.UNSIGNED_INT), 0, 0, false, null), m.get(2));
        assertEquals(5, m.get(3).bitWidth());
        assertEquals(new Member(null, PrimitiveType.of(Prim.INT), 2, 0, false, null), m.get(4));
    }

    @Test
    void spellingsAreCanonicalAndStdintNamesKept() {
        TypeLibrary lib = parse("#include <stdint.h>\n#include <stdbool.h>\n#include <stddef.h>\n"
                + "struct s { unsigned u; long unsigned int lu; signed char sc; short int si; uint32_t w; size_t n;"
                + " bool b; _Bool b2; long double ld; char *p; const volatile int cv; };");
        List<String> spellings = lib.recordByTag("s").orElseThrow().members().stream()
                .map(x -> x.type().spelling()).toList();
        assertEquals(List.of("unsigned int", "unsigned long", "signed char", "short", "uint32_t", "size_t", "bool",
                "_Bool", "long double", "char *", "int"), spellings);
        assertEquals(new PrimitiveType(Prim.UINT32, "uint32_t"), lib.recordByTag("s").orElseThrow().members().get(4).type());
    }

    @Test
    void derivedDeclarators() {
        TypeLibrary lib = parse("struct s { int *a[3]; int (*b)[4]; int c[2][5]; void (*fn)(int, char *); char d[]; };");
        List<Member> m = lib.recordByTag("s").orElseThrow().members();
        PrimitiveType i = PrimitiveType.of(Prim.INT);
        assertEquals(new ArrayType(new PointerType(i), 3), m.get(0).type());
        assertEquals(new PointerType(new ArrayType(i, 4)), m.get(1).type());
        assertEquals(new ArrayType(new ArrayType(i, 5), 2), m.get(2).type());
        assertEquals(new PointerType(PrimitiveType.of(Prim.VOID)), m.get(3).type());
        assertEquals(ArrayType.flexible(PrimitiveType.of(Prim.CHAR)), m.get(4).type());
    }

    @Test
    void pragmaPackIsRecordedOnEachRecord() {
        TypeLibrary lib = parse("""
                struct a { char c; };
                #pragma pack(push, 1)
                struct b { char c; };
                #pragma pack(push)
                #pragma pack(4)
                struct c { char c; };
                #pragma pack(pop)
                struct d { char c; };
                #pragma pack()
                struct e { char c; };
                #pragma pack(2)
                struct f { char c; };
                #pragma pack(pop)
                struct g { char c; };
                _Pragma("pack(8)") struct h { char c; };
                """);
        List<Integer> packs = lib.decls().stream().map(d -> ((RecordType) d).pack()).toList();
        assertEquals(List.of(0, 1, 4, 1, 0, 2, 0, 8), packs);
    }

    @Test
    void attributesInEveryPosition() {
        TypeLibrary lib = parse("""
                struct __attribute__((packed)) a { char c; };
                struct b { char c; } __attribute__((__packed__, aligned(8)));
                struct c { char x __attribute__((packed)); __attribute__((aligned(16))) int y; _Alignas(32) char z;
                           alignas(long long) char w; char v __attribute__((aligned)); };
                typedef int aligned_int __attribute__((aligned(4)));
                struct __declspec(align(64)) d { int i; };
                struct [[gnu::packed]] e { int i; };
                """);
        RecordType a = lib.recordByTag("a").orElseThrow();
        assertTrue(a.packed());
        RecordType b = lib.recordByTag("b").orElseThrow();
        assertTrue(b.packed());
        assertEquals(8, b.alignedAttr());
        List<Member> c = lib.recordByTag("c").orElseThrow().members();
        assertTrue(c.get(0).packed());
        assertEquals(16, c.get(1).alignAs());
        assertEquals(32, c.get(2).alignAs());
        assertEquals(8, c.get(3).alignAs());
        assertEquals(16, c.get(4).alignAs());
        assertEquals(4, lib.typedef("aligned_int").orElseThrow().alignedAttr());
        assertEquals(64, lib.recordByTag("d").orElseThrow().alignedAttr());
        assertTrue(lib.recordByTag("e").orElseThrow().packed());
    }

    @Test
    void bareAlignedMeansBiggestAlignmentOfTheAbi() {
        String src = "struct s { char c; } __attribute__((aligned));";
        assertEquals(16, HeaderImporter.importText(src, "t.h", HeaderImporter.Options.defaults())
                .recordByTag("s").orElseThrow().alignedAttr());
        assertEquals(8, HeaderImporter.importText(src, "t.h", HeaderImporter.Options.defaults().withAbi(Abis.ARM_LINUX))
                .recordByTag("s").orElseThrow().alignedAttr());
    }

    @Test
    void enumsAndConstants() {
        TypeLibrary lib = parse("""
                #define BASE 10
                #define NEXT (BASE + 1)
                #define NAME "text"
                #define F(x) (x)
                #define EMPTY
                #define TYPE unsigned int
                enum e { A, B = BASE, C, D = C * 2 + 'a', E = -1, F2 = sizeof(long) } __attribute__((packed));
                enum e2 : unsigned char { X = 255 };
                #undef EMPTY
                #define LATE (D - 1)
                """);
        EnumType e = lib.enumByTag("e").orElseThrow();
        assertEquals(List.of(Enumerator.of("A", 0), Enumerator.of("B", 10), Enumerator.of("C", 11),
                Enumerator.of("D", 22 + 97), Enumerator.of("E", -1), Enumerator.of("F2", 8)), e.enumerators());
        assertTrue(e.packed());
        assertEquals(Prim.UNSIGNED_CHAR, lib.enumByTag("e2").orElseThrow().underlying());
        assertEquals(Map.of("BASE", 10L, "NEXT", 11L, "LATE", 118L), lib.constants());
        assertEquals(List.of("BASE", "NEXT", "LATE"), new ArrayList<>(lib.constants().keySet()));
    }

    @Test
    void functionsPrototypesVariablesAndAsmAreSkipped() {
        TypeLibrary lib = parse("""
                extern int counter;
                static const int table[] = { 1, 2, { 3 } };
                int f(int x, struct later *p) __attribute__((nonnull)) __asm__("f2");
                static inline int g(int x) { if (x) { return 1; } return 0; }
                __extension__ typedef unsigned long long u64;
                int old_style(a, b) int a; char b; { return a; }
                __asm__(".symver x,y@V1");
                typedef void handler_t(int);
                struct s { handler_t *h; u64 v; int (*cb)(void); };
                _Static_assert(sizeof(struct s) == 24, "size");
                """);
        assertEquals(List.of("u64", "s"), names(lib));
        assertEquals(new PointerType(PrimitiveType.of(Prim.VOID)), lib.recordByTag("s").orElseThrow().members().get(0).type());
    }

    @Test
    void conditionalsAndPredefinedMacrosFollowTheAbi() {
        String src = """
                #if defined(__x86_64__) && __SIZEOF_LONG__ == 8
                struct a { int lp64; };
                #elif defined _WIN64
                struct a { int win64; };
                #elif __SIZEOF_POINTER__ == 4 && !defined(__arm__)
                struct a { int i386; };
                #else
                struct a { int other; };
                #endif
                """;
        assertEquals("lp64", member(src, Abis.X86_64_LINUX));
        assertEquals("win64", member(src, Abis.X86_64_WINDOWS));
        assertEquals("i386", member(src, Abis.I386_LINUX));
        assertEquals("other", member(src, Abis.ARM_LINUX));
        assertEquals("other", member(src, Abis.AARCH64_LINUX));
    }

    private static String member(String src, dev.structscope.model.abi.Abi abi) {
        return HeaderImporter.importText(src, "t.h", HeaderImporter.Options.defaults().withAbi(abi))
                .recordByTag("a").orElseThrow().members().get(0).name();
    }

    @Test
    void includesAreRelativeToTheIncludingFileAndGuarded() throws Exception {
        Path sub = Files.createDirectories(tmp.resolve("sub"));
        Files.writeString(sub.resolve("a.h"), "#pragma once\n#include \"b.h\"\nstruct a { struct b b; };\n");
        Files.writeString(sub.resolve("b.h"), "#ifndef B_H\n#define B_H\n#include \"a.h\"\nstruct b { int x; };\n#endif\n");
        Files.writeString(tmp.resolve("main.h"), "#include \"sub/a.h\"\n#include \"sub/a.h\"\n#include \"sub/b.h\"\n"
                + "#include <stdint.h>\n#include <sys/socket.h>\nstruct m { struct a a; uint8_t y; };\n");
        List<String> warnings = new ArrayList<>();
        TypeLibrary lib = HeaderImporter.importFile(tmp.resolve("main.h"),
                new HeaderImporter.Options(false, List.of(), warnings::add).withSource(TextHeaders.under(tmp)));
        assertEquals(List.of("b", "a", "m"), names(lib));
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains("<sys/socket.h>") && warnings.get(0).startsWith(tmp.resolve("main.h") + ":5:"),
                warnings.get(0));
    }

    @Test
    void includeDirectoriesAreSearched() throws Exception {
        Path inc = Files.createDirectories(tmp.resolve("inc"));
        Files.writeString(inc.resolve("dep.h"), "typedef int dep_t;\n");
        TypeLibrary lib = HeaderImporter.importText("#include <dep.h>\nstruct s { dep_t d; };", tmp.resolve("x.h").toString(),
                new HeaderImporter.Options(false, List.of(inc), w -> { }).withSource(TextHeaders.under(tmp)));
        assertEquals(List.of("dep_t", "s"), names(lib));
    }

    @Test
    void functionLikeMacrosWithStringizingPastingAndVarargs() {
        TypeLibrary lib = parse("""
                #define CAT(a, b) a ## b
                #define FIELD(t, n) t CAT(field_, n);
                #define SIZE(...) (sizeof(#__VA_ARGS__) - 1)
                #define GNU(fmt, args...) fmt , ## args
                struct s { FIELD(int, one) FIELD(char, two) char str[SIZE(a b)]; int arr[GNU(3)]; };
                """);
        List<Member> m = lib.recordByTag("s").orElseThrow().members();
        assertEquals(List.of("field_one", "field_two", "str", "arr"), m.stream().map(Member::name).toList());
        assertEquals(new ArrayType(PrimitiveType.of(Prim.CHAR), 3), m.get(2).type());
        assertEquals(3, ((ArrayType) m.get(3).type()).length());
    }

    @Test
    void typedefRedefinitionWithTheSameTypeIsAllowed() {
        TypeLibrary lib = parse("typedef int T; typedef int T; struct s { T t; };");
        assertEquals(List.of("T", "s"), names(lib));
    }

    @Test
    void forwardDeclarationsAndSelfReference() {
        TypeLibrary lib = parse("struct later; typedef struct node { struct node *next; struct later *l; } node; struct later { node n; };");
        assertEquals(List.of("node", "node", "later"), names(lib));
        assertEquals(new PointerType(NamedType.struct("node")), lib.recordByTag("node").orElseThrow().members().get(0).type());
    }
}
