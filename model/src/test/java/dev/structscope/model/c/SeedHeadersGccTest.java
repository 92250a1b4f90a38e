package dev.structscope.model.c;

import dev.structscope.model.abi.Abis;
import dev.structscope.model.layout.LayoutEngine;
import dev.structscope.model.layout.RecordLayout;
import dev.structscope.model.type.TypeLibrary;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The real-world-style headers of {@code c/fuzz/} (function-like macros such as {@code _IOWR},
 * {@code sizeof} in {@code #define}s, conditionals, pack pragmas) against gcc on x86-64: every
 * constant the importer found and every record's size and alignment.
 */
class SeedHeadersGccTest {
    @TempDir
    Path tmp;

    @TestFactory
    List<DynamicTest> constantsAndSizesAgreeWithGcc() throws IOException {
        Tools.assumeTool("gcc");
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> s = Files.list(Path.of("src/test/resources/c/fuzz"))) {
            for (Path h : s.sorted().toList()) {
                tests.add(DynamicTest.dynamicTest(h.getFileName().toString(), () -> compare(h)));
            }
        }
        return tests;
    }

    private void compare(Path header) {
        TypeLibrary lib = TextHeaders.importFile(header, HeaderImporter.Options.defaults());
        assertFalse(lib.constants().isEmpty());
        StringBuilder c = new StringBuilder("#include <stdio.h>\n#include \"" + header.toAbsolutePath() + "\"\nint main(void) {\n");
        StringBuilder ours = new StringBuilder();
        for (Map.Entry<String, Long> e : lib.constants().entrySet()) {
            c.append("  printf(\"%s %lld\\n\", \"").append(e.getKey()).append("\", (long long)(").append(e.getKey()).append("));\n");
            ours.append(e.getKey()).append(' ').append(e.getValue()).append('\n');
        }
        for (TypeLibrary.NamedRecord nr : lib.namedRecords()) {
            String t = ClangCorpusTest.clangName(nr);
            RecordLayout r = LayoutEngine.layout(nr.record(), lib, Abis.X86_64_LINUX);
            c.append("  printf(\"%s %zu %zu\\n\", \"").append(t).append("\", sizeof(").append(t).append("), _Alignof(")
                    .append(t).append("));\n");
            ours.append(t).append(' ').append(r.size()).append(' ').append(r.align()).append('\n');
        }
        c.append("  return 0;\n}\n");
        assertEquals(Tools.gccRun(c.toString(), tmp), ours.toString());
    }
}
