package dev.structscope.model.c;

import dev.structscope.model.abi.Abi;
import dev.structscope.model.abi.Abis;
import dev.structscope.model.layout.FieldLayout;
import dev.structscope.model.layout.LayoutEngine;
import dev.structscope.model.layout.RecordLayout;
import dev.structscope.model.layout.oracle.Compilers;
import dev.structscope.model.type.TypeLibrary;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code int_fast16_t} and {@code int_fast32_t} (and their unsigned twins) against gcc and glibc:
 * their width is the C library's choice, which the clang corpus cannot check (the clang here
 * compiles cross targets against its own {@code stdint.h}), so the two Linux ABIs gcc can build
 * for here are checked against the host's glibc — each type's size, alignment and signedness.
 */
class FastIntGccTest {
    private static final String HEADER = """
            #include <stdint.h>
            #define PROBE(T) char pad_##T; T v_##T; char sign_##T[(T)-1 < 0 ? 1 : 2];
            struct fast_library_width {
                PROBE(int_fast16_t) PROBE(uint_fast16_t) PROBE(int_fast32_t) PROBE(uint_fast32_t)
            };
            """;

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"x86_64-linux", "i386-linux"})
    void fastTypesAreGlibcsOnLinux(String abiName) throws Exception {
        Tools.assumeTool("gcc");
        boolean m32 = abiName.equals("i386-linux");
        assumeTrue(Compilers.gccCompiles(m32), "gcc cannot build for " + abiName + " here (gcc-multilib)");
        Abi abi = Abi.byName(abiName);
        Path h = Files.writeString(tmp.resolve("fast.h"), HEADER);
        TypeLibrary lib = TextHeaders.importFile(h, HeaderImporter.Options.defaults().withAbi(abi));
        RecordLayout r = LayoutEngine.layout(lib.namedRecords().getFirst().record(), lib, abi);

        StringBuilder c = new StringBuilder("#include <stdio.h>\n#include <stddef.h>\n#include \"" + h + "\"\n"
                + "int main(void) {\n  printf(\"size %zu align %zu\\n\", sizeof(struct fast_library_width),"
                + " _Alignof(struct fast_library_width));\n");
        StringBuilder ours = new StringBuilder("size " + r.size() + " align " + r.align() + "\n");
        for (FieldLayout f : r.fields()) {
            c.append("  printf(\"%s %zu\\n\", \"").append(f.name()).append("\", offsetof(struct fast_library_width, ")
                    .append(f.name()).append("));\n");
            ours.append(f.name()).append(' ').append(f.offset()).append('\n');
        }
        c.append("  return 0;\n}\n");
        String gcc = m32 ? Tools.gccRun(c.toString(), tmp, "-m32") : Tools.gccRun(c.toString(), tmp);
        assertEquals(gcc, ours.toString(), abiName);
    }
}
