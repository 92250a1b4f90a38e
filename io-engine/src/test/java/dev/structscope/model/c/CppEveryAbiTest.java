package dev.structscope.model.c;

import dev.structscope.io.headers.LocalHeaders;
import dev.structscope.model.InputException;
import dev.structscope.model.abi.Abi;
import dev.structscope.model.abi.Abis;
import dev.structscope.model.layout.LayoutEngine;
import dev.structscope.model.layout.RecordLayout;
import dev.structscope.model.type.Prim;
import dev.structscope.model.type.TypeLibrary;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code --cpp} on real C library headers ({@code <stdio.h>}, {@code <stdlib.h>}, {@code <math.h>}
 * and the glibc headers that use compiler extensions: {@code <link.h>} with its vector and
 * {@code __int128} registers, {@code <sys/ucontext.h>}, {@code <fenv.h>}, {@code <complex.h>}...)
 * for every ABI, with a user struct of their types and of {@code _FloatN}, {@code _Complex},
 * {@code __int128} and {@code mode} typedefs: every record the import yields must be laid out as
 * clang-16 lays it out for the ABI's target (the same preprocessor, run the same way). glibc's
 * headers are not there for Windows: that must be a clear error, not an empty import. Here, beside
 * the engine's {@link LocalHeaders}, because the model runs no preprocessor itself.
 */
class CppEveryAbiTest {
    @TempDir
    Path tmp;

    private static String header(Abi abi) {
        StringBuilder sb = new StringBuilder("""
                #include <stdio.h>
                #include <stdlib.h>
                #include <math.h>
                #include <stdint.h>
                #include <complex.h>
                #include <fenv.h>
                #include <link.h>
                #include <signal.h>
                #include <sys/ucontext.h>
                #include <sys/stat.h>
                #include <sys/types.h>
                #include <netinet/tcp.h>
                struct uses {
                    char c;
                    FILE *file;
                    fpos_t pos;
                    div_t d;
                    lldiv_t lld;
                    float_t ft;
                    double_t dt;
                    long double ld;
                    _Float32 f32;
                    _Float64 f64;
                    _Float32x f32x;
                    double _Complex z;
                    float complex fz;
                    register_t reg;
                    fenv_t env;
                    char end;
                };
                """);
        sb.append("struct ext { char c;");
        if (abi.has(Prim.INT128)) {
            sb.append(" __int128_t i; __uint128_t u; unsigned __int128 v;");
        }
        if (abi.has(Prim.FLOAT16)) {
            sb.append(" _Float16 h;");
        }
        sb.append(" char end; };\n");
        return sb.toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"x86_64-linux", "i386-linux", "aarch64-linux", "arm-linux"})
    void systemHeadersLayOutLikeClang(String abiName) throws Exception {
        Tools.assumeTool("clang-16");
        assumeTrue(Files.isRegularFile(Path.of("/usr/include/link.h")), "no glibc headers here");
        Abi abi = Abi.byName(abiName);
        Path h = tmp.resolve("sys.h");
        Files.writeString(h, header(abi));
        TypeLibrary lib = LocalHeaders.importFile(h, HeaderImporter.Options.defaults().withAbi(abi).withPreprocessor(true));
        List<TypeLibrary.NamedRecord> named = lib.namedRecords();
        List<String> probes = new ArrayList<>();
        for (TypeLibrary.NamedRecord nr : named) {
            probes.add(ClangCorpusTest.clangName(nr));
        }
        assertTrue(probes.contains("struct uses") && probes.contains("struct ext"), probes.toString());
        assertTrue(probes.size() > 80, "only " + probes.size() + " records: " + probes);
        Map<String, ClangLayouts.Dumped> clang = ClangLayouts.dump(h, abi, probes, tmp, true);
        int compared = 0;
        for (TypeLibrary.NamedRecord nr : named) {
            String name = ClangCorpusTest.clangName(nr);
            RecordLayout ours = LayoutEngine.layout(nr.record(), lib, abi);
            ClangLayouts.Dumped theirs = clang.get(name);
            assertNotNull(theirs, "clang did not lay out " + name);
            assertEquals(theirs, ClangLayouts.of(ours), abi.name() + " " + name);
            compared++;
        }
        System.out.println("CppEveryAbiTest " + abiName + ": " + compared + " records agree with clang-16");
    }

    /**
     * The SIMD intrinsics headers: x86's {@code __m128}... (vector_size typedefs, with may_alias
     * and aligned(1) variants) and AArch64's NEON types (clang's neon_vector_type, __bf16).
     */
    @ParameterizedTest
    @ValueSource(strings = {"x86_64-linux", "i386-linux", "aarch64-linux"})
    void simdTypesLayOutLikeClang(String abiName) throws Exception {
        Tools.assumeTool("clang-16");
        Abi abi = Abi.byName(abiName);
        String text = abi == Abis.AARCH64_LINUX
                ? "#include <arm_neon.h>\nstruct v { char c; int32x4_t a; float64x2_t b; uint8x8_t d; poly16x8_t p;"
                        + " bfloat16x4_t bf; float16x8_t h; int8x16x2_t pair; };\n"
                : "#include <immintrin.h>\nstruct v { char c; __m128 a; __m256d b; __m128i_u u; __m512 z; __m64 m;"
                        + " __m128d pd[2]; };\n";
        Path h = tmp.resolve("simd.h");
        Files.writeString(h, text);
        TypeLibrary lib = LocalHeaders.importFile(h, HeaderImporter.Options.defaults().withAbi(abi).withPreprocessor(true));
        ClangLayouts.Dumped clang = ClangLayouts.dump(h, abi, List.of("struct v"), tmp, true).get("struct v");
        assertEquals(clang, ClangLayouts.of(LayoutEngine.layout("v", lib, abi)), abiName);
    }

    /**
     * Without clang, i386 headers go through {@code gcc -m32 -E} (gcc 7+ has the {@code _FloatN}
     * keywords that glibc then uses directly): every record must come out as through clang.
     */
    @org.junit.jupiter.api.Test
    void i386WithoutClangUsesGccM32AndAgrees() throws Exception {
        Tools.assumeTool("clang-16");
        Tools.Result m32 = Tools.run(List.of("gcc", "-m32", "-E", "-x", "c", "-include", "stdio.h", "/dev/null"), tmp);
        assumeTrue(m32.exit() == 0, "gcc -m32 cannot preprocess here: " + m32.err());
        Abi abi = Abis.I386_LINUX;
        HeaderImporter.Options opts = HeaderImporter.Options.defaults().withAbi(abi).withPreprocessor(true);
        LocalHeaders noClang = new LocalHeaders(n -> n.startsWith("clang") ? null : LocalHeaders.which(n));
        assertEquals(Optional.of(List.of(LocalHeaders.which("gcc").toString(), "-m32")), noClang.preprocessorCommand(abi));
        Path h = tmp.resolve("sys.h");
        Files.writeString(h, header(abi));
        TypeLibrary viaGcc = HeaderImporter.importFile(h, opts.withSource(noClang));
        TypeLibrary viaClang = LocalHeaders.importFile(h, opts);
        int compared = 0;
        for (TypeLibrary.NamedRecord nr : viaClang.namedRecords()) {
            assertEquals(ClangLayouts.of(LayoutEngine.layout(nr.record(), viaClang, abi)),
                    ClangLayouts.of(LayoutEngine.layout(nr.name(), viaGcc, abi)), nr.name());
            compared++;
        }
        assertTrue(compared > 80, "only " + compared);
    }

    @org.junit.jupiter.api.Test
    void windowsWithoutItsCLibrarySaysSo() throws Exception {
        Tools.assumeTool("clang-16");
        Path h = tmp.resolve("win.h");
        Files.writeString(h, header(Abis.X86_64_WINDOWS));
        Tools.Result clang = Tools.run(List.of("clang-16", "--target=" + Abis.X86_64_WINDOWS.clangTarget(), "-E", h.toString()), tmp);
        assumeTrue(clang.exit() != 0, "this machine has a C library for Windows");
        InputException e = assertThrows(InputException.class, () -> LocalHeaders.importFile(h,
                HeaderImporter.Options.defaults().withAbi(Abis.X86_64_WINDOWS).withPreprocessor(true)));
        assertTrue(e.oneLine().startsWith(h + ":1:10: ") && e.oneLine().contains("'stdio.h' file not found"), e.oneLine());
    }

    /** Moved from SystemHeaderTest: {@code struct stat} through {@code gcc -E}, checked against gcc. */
    @org.junit.jupiter.api.Test
    void structStatWithCppHasGccSize() throws Exception {
        Tools.assumeTool("gcc");
        Path h = tmp.resolve("st.h");
        Files.writeString(h, "#include <sys/stat.h>\n#include <stdint.h>\n#define MODE_BITS (S_IFMT | 07777)\n");
        TypeLibrary lib = LocalHeaders.importFile(h, HeaderImporter.Options.defaults().withPreprocessor(true));
        List<String> names = List.of("stat", "timespec");
        String gcc = Tools.gccRun(SystemHeaderTest.probe("<sys/stat.h>", lib, Abis.X86_64_LINUX, names), tmp);
        assertEquals(gcc, SystemHeaderTest.ours(lib, Abis.X86_64_LINUX, names));
        String mode = Tools.gccRun("#include <stdio.h>\n#include <sys/stat.h>\nint main(void){printf(\"%d\", S_IFMT | 07777);}",
                tmp);
        assertEquals(Long.parseLong(mode), lib.constants().get("MODE_BITS"));
    }
}
