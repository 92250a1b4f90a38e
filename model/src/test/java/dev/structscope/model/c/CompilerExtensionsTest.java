package dev.structscope.model.c;

import dev.structscope.model.InputException;
import dev.structscope.model.abi.Abi;
import dev.structscope.model.abi.Abis;
import dev.structscope.model.layout.FieldLayout;
import dev.structscope.model.layout.LayoutEngine;
import dev.structscope.model.layout.RecordLayout;
import dev.structscope.model.type.TypeLibrary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The cases of issue 14 that gave wrong layouts with exit status 0, each against the compilers:
 * {@code vector_size}, {@code mode} (glibc's {@code register_t} and {@code fpu_control_t}),
 * {@code ms_struct}, {@code typeof} of a type, {@code __int128} where the ABI has it; and the
 * extensions that are refused, with the place and the reason. The random mixtures are in
 * ExtensionOracleTest.
 */
class CompilerExtensionsTest {
    @TempDir
    Path tmp;

    private static final String ISSUE_CASES = """
            typedef float v4sf __attribute__((vector_size(16)));
            typedef int v8si __attribute__((__vector_size__(32)));
            struct regs { char tag; v4sf xmm[2]; v8si ymm; char end; };
            struct m { char c; int __attribute__((mode(DI))) v; char z; };
            typedef int register_t __attribute__ ((__mode__ (__word__)));
            typedef unsigned int fpu_control_t __attribute__ ((__mode__ (__HI__)));
            struct ctx { char c; register_t r; fpu_control_t cw; char end; };
            struct ty { char c; typeof(double) d; __typeof__(struct m) inner; __typeof(v4sf) v; };
            typedef float La_x86_64_ymm __attribute__ ((__vector_size__ (32), __aligned__ (16)));
            struct cplx { char c; _Complex double z; _Complex float f; __complex__ int i; };
            """;

    private Map<String, ClangLayouts.Dumped> clang(String text, Abi abi, List<String> probes) throws Exception {
        Path h = tmp.resolve("x-" + abi.name() + ".h");
        Files.writeString(h, text);
        return ClangLayouts.dump(h, abi, probes, tmp);
    }

    private static RecordLayout layout(String text, Abi abi, String name) {
        TypeLibrary lib = HeaderImporter.importText(text, "x.h", HeaderImporter.Options.defaults().withAbi(abi));
        return LayoutEngine.layout(name, lib, abi);
    }

    private static long offset(RecordLayout r, String member) {
        return r.fields().stream().filter(f -> member.equals(f.name())).mapToLong(FieldLayout::offset).findFirst().orElseThrow();
    }

    @Test
    void issueCasesLayOutAsClangOnEveryAbi() throws Exception {
        Tools.assumeTool("clang-16");
        for (Abi abi : Abis.ALL) {
            // Windows refuses aligned next to vector_size (see below): leave La_x86_64_ymm out there.
            String text = abi == Abis.X86_64_WINDOWS ? ISSUE_CASES.replaceAll("(?m)^typedef float La_x86_64_ymm.*\n", "")
                    : ISSUE_CASES + "struct la { char c; La_x86_64_ymm y; };\n";
            List<String> probes = new ArrayList<>(List.of("struct regs", "struct m", "struct ctx", "struct ty", "struct cplx"));
            if (abi != Abis.X86_64_WINDOWS) {
                probes.add("struct la");
            }
            assertLaidOutAsClang(text, abi, probes);
        }
    }

    /** Each of {@code probes} ("struct x") of {@code text} lays out on {@code abi} as clang lays it out. */
    private void assertLaidOutAsClang(String text, Abi abi, List<String> probes) throws Exception {
        Map<String, ClangLayouts.Dumped> clang = clang(text, abi, probes);
        for (String p : probes) {
            assertEquals(clang.get(p), ClangLayouts.of(layout(text, abi, p.substring(7))), abi.name() + " " + p);
        }
    }

    /**
     * {@code va_list} is the pointer the importer stands it in as on i386, arm and Windows, and a
     * pointer to one is a pointer everywhere; where it is a struct (x86-64 and AArch64 Linux) a
     * member of it is refused (above) instead of laid out wrong.
     */
    @Test
    void vaListLaysOutAsClangWhereItIsAPointer() throws Exception {
        Tools.assumeTool("clang-16");
        String text = "#include <stdarg.h>\ntypedef va_list my_va;\n"
                + "struct p { char c; va_list *ap; my_va *more[2]; char d; };\n";
        for (Abi abi : Abis.ALL) {
            boolean pointer = abi == Abis.I386_LINUX || abi == Abis.ARM_LINUX || abi == Abis.X86_64_WINDOWS;
            String t = pointer ? text + "struct v { char c; va_list ap; my_va two[2]; char d; };\n" : text;
            assertLaidOutAsClang(t, abi, pointer ? List.of("struct p", "struct v") : List.of("struct p"));
        }
    }

    /** Where each target caps vector alignment (8 on arm, 16 on aarch64, 8192 on Windows, none on x86 Linux). */
    @Test
    void bigVectorsAreCappedPerTarget() throws Exception {
        Tools.assumeTool("clang-16");
        String text = "typedef char v16k __attribute__((vector_size(16384)));\n"
                + "typedef double v64 __attribute__((vector_size(64)));\n"
                + "struct big { char c; v16k v; char end; };\nstruct mid { char c; v64 v; };\n";
        for (Abi abi : Abis.ALL) {
            Map<String, ClangLayouts.Dumped> clang = clang(text, abi, List.of("struct big", "struct mid"));
            assertEquals(clang.get("struct big"), ClangLayouts.of(layout(text, abi, "big")), abi.name());
            assertEquals(clang.get("struct mid"), ClangLayouts.of(layout(text, abi, "mid")), abi.name());
        }
        assertEquals(8192, layout(text, Abis.X86_64_WINDOWS, "big").align());
        assertEquals(16384, layout(text, Abis.X86_64_LINUX, "big").align());
    }

    /** The figures of the issue, which gcc gives on x86-64. */
    @Test
    void issueFiguresOnX8664() {
        RecordLayout regs = layout(ISSUE_CASES, Abis.X86_64_LINUX, "regs");
        assertEquals(List.of(128L, 16L, 64L, 96L), List.of(regs.size(), offset(regs, "xmm"), offset(regs, "ymm"), offset(regs, "end")));
        RecordLayout m = layout(ISSUE_CASES, Abis.X86_64_LINUX, "m");
        assertEquals(List.of(24L, 8L), List.of(m.size(), offset(m, "v")));
        RecordLayout ctx = layout(ISSUE_CASES, Abis.X86_64_LINUX, "ctx");
        assertEquals(List.of(24L, 8L, 16L), List.of(ctx.size(), offset(ctx, "r"), offset(ctx, "cw")));
    }

    /** On x86_64-windows ms_struct is what the ABI does anyway: clang's figures (size 12, z@9). */
    @Test
    void msStructOnWindowsIsTheAbisOwnLayout() throws Exception {
        Tools.assumeTool("clang-16");
        String text = "struct __attribute__((ms_struct)) t { char c; int a:3; char b:2; char z; };\n";
        RecordLayout t = layout(text, Abis.X86_64_WINDOWS, "t");
        assertEquals(clang(text, Abis.X86_64_WINDOWS, List.of("struct t")).get("struct t"), ClangLayouts.of(t));
        assertEquals(List.of(12L, 9L), List.of(t.size(), offset(t, "z")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            x86_64-linux   | struct __attribute__((ms_struct)) t { char c; int a:3; };       | x.h:1:23: not supported: ms_struct on x86_64-linux (Microsoft bit-field rules are only used for the x86_64-windows ABI)
            aarch64-linux  | #pragma ms_struct on\\nstruct t { char c; int a:3; };            | x.h:1:9: not supported: #pragma ms_struct on aarch64-linux
            x86_64-windows | struct __attribute__((gcc_struct)) t { char c; int a:3; };      | x.h:1:23: not supported: gcc_struct on x86_64-windows
            i386-linux     | struct t { char c; __int128 x; };                               | x.h:1:20: not supported on i386-linux: '__int128'
            arm-linux      | struct t { char c; __uint128_t x; };                            | x.h:1:20: unknown type name '__uint128_t'
            arm-linux      | typedef int ti __attribute__((mode(TI)));                       | x.h:1:31: not supported on arm-linux: mode 'TI' (no 128-bit integers)
            i386-linux     | struct t { _Float16 h; };                                       | x.h:1:12: not supported on i386-linux: '_Float16'
            x86_64-windows | struct t { __float128 q; };                                     | x.h:1:12: not supported on x86_64-windows: '__float128'
            arm-linux      | struct t { _Float64x q; };                                      | x.h:1:12: not supported on arm-linux: '_Float64x'
            aarch64-linux  | struct t { __float80 x; };                                      | x.h:1:12: not supported on aarch64-linux: '__float80'
            x86_64-linux   | struct t { _Decimal64 d; };                                     | x.h:1:12: not supported: type '_Decimal64'
            x86_64-linux   | struct t { _BitInt(17) b; };                                    | x.h:1:12: not supported: '_BitInt'
            x86_64-linux   | struct t { int n; typeof(n + 1) m; };                           | x.h:1:26: use of undeclared identifier 'n'
            x86_64-linux   | #include <stdarg.h>\\nstruct t { int n; va_list ap; };          | x.h:2:27: not supported on x86_64-linux: a member of type va_list (a 24-byte array of struct __va_list_tag there; only i386, arm and Windows pass it as a pointer)
            aarch64-linux  | typedef __builtin_va_list my_va;\\nstruct t { my_va a[2]; };   | x.h:2:18: not supported on aarch64-linux: a member of type va_list (a 32-byte struct __va_list there; only i386, arm and Windows pass it as a pointer)
            x86_64-linux   | struct t { int n; typeof(1 + 1) m; };                           | x.h:1:19: not supported: 'typeof' of an expression other than a member through a null pointer, as in typeof(((struct S *)0)->m)
            x86_64-linux   | struct t { float v __attribute__((vector_size(16))); };         | x.h:1:35: not supported: 'vector_size' on a member (declare a typedef for the vector type)
            x86_64-linux   | typedef float *pv __attribute__((vector_size(16)));             | x.h:1:34: not supported: 'vector_size' on a pointer, array or function declarator
            x86_64-linux   | typedef float v3 __attribute__((vector_size(12)));              | x.h:1:33: number of vector components 3 not a power of two
            x86_64-linux   | typedef _Bool vb __attribute__((vector_size(16)));              | x.h:1:33: not supported: vector of '_Bool'
            x86_64-windows | typedef float v __attribute__((vector_size(32), aligned(16)));  | x.h:1:15: not supported on x86_64-windows: 'aligned' together with 'vector_size'
            x86_64-linux   | typedef float q __attribute__((mode(XF)));                      | x.h:1:32: not supported: mode 'XF'
            x86_64-linux   | typedef float q __attribute__((mode(SI)));                      | x.h:1:32: type of machine mode 'SI' does not match type of base type
            x86_64-linux   | struct t { int __attribute__((mode(DI))) x : 40; };             | x.h:1:46: width of bit-field 'x' (40 bits) exceeds the width of its type (32 bits)
            x86_64-linux   | struct __attribute__((randomize_layout)) t { int a, b; };       | x.h:1:23: not supported: attribute 'randomize_layout' (it changes the layout)
            x86_64-linux   | struct t { int a; } __attribute__((scalar_storage_order("big-endian"))); | x.h:1:36: not supported: scalar_storage_order (members in another byte order)
            x86_64-linux   | struct t { int a __attribute__((vendor_magic(3))); };           | x.h:1:33: not supported: attribute 'vendor_magic' (unknown, it might change the layout)
            x86_64-linux   | struct t { [[gnu::frob]] int a; };                              | x.h:1:19: not supported: attribute 'frob' (unknown, it might change the layout)
            x86_64-linux   | enum e { A = 0x7fffffff, B };                                   | x.h:1:26: overflow in enumeration values (2147483647 is the largest 32-bit value; GCC refuses it)
            i386-linux     | enum e { A = 0xffffffff, B };                                   | x.h:1:26: overflow in enumeration values (4294967295 is the largest unsigned 32-bit value; GCC refuses it)
            x86_64-windows | enum e { A = 0x7fffffff, B };                                   | x.h:1:26: overflow in enumeration values (2147483647 is the largest 32-bit value; GCC refuses it)
            x86_64-linux   | enum e : unsigned char { A = 300 };                             | x.h:1:26: enumerator value 300 is not representable in the underlying type 'unsigned char'
            aarch64-linux  | enum e : signed char { A = -129 };                              | x.h:1:24: enumerator value -129 is not representable in the underlying type 'signed char'
            arm-linux      | enum e : unsigned char { A = 255, B };                          | x.h:1:35: enumerator value 256 is not representable in the underlying type 'unsigned char'
            x86_64-windows | enum e : short { A = 40000 };                                   | x.h:1:18: enumerator value 40000 is not representable in the underlying type 'short'
            """)
    void refusedWithPlaceAndReason(String abi, String text, String expected) {
        InputException e = assertThrows(InputException.class, () -> HeaderImporter.importText(text.replace("\\n", "\n"),
                "x.h", HeaderImporter.Options.defaults().withAbi(Abi.byName(abi))));
        assertEquals(expected, e.oneLine());
    }

    /** The engine refuses it too (a layout document can hold it), like gcc and clang. */
    @Test
    void flexibleArrayAloneIsRefusedByTheEngine() {
        var rec = dev.structscope.model.type.RecordType.struct("a", List.of(
                dev.structscope.model.type.Member.bitField(null, dev.structscope.model.type.PrimitiveType.of(
                        dev.structscope.model.type.Prim.INT), 3),
                dev.structscope.model.type.Member.of("x", dev.structscope.model.type.ArrayType.flexible(
                        dev.structscope.model.type.PrimitiveType.of(dev.structscope.model.type.Prim.INT)))));
        InputException e = assertThrows(InputException.class,
                () -> LayoutEngine.layout(rec, TypeLibrary.of(rec), Abis.X86_64_LINUX));
        assertEquals("struct a.x: flexible array member in a struct with no named members", e.oneLine());
    }

    /** Attributes that leave layouts alone are still skipped, in both syntaxes. */
    @Test
    void neutralAttributesAreSkipped() {
        String text = """
                struct __attribute__((__designated_init__, may_alias)) t {
                    int a __attribute__((deprecated("no"), unused));
                    char name[8] __attribute__((nonstring));
                    [[gnu::unused, deprecated]] int b;
                } __attribute__((__visibility__("default")));
                """;
        RecordLayout t = layout(text, Abis.X86_64_LINUX, "t");
        assertEquals(16, t.size());
    }
}
