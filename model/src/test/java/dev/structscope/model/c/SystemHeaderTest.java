package dev.structscope.model.c;

import dev.structscope.model.abi.Abi;
import dev.structscope.model.abi.Abis;
import dev.structscope.model.layout.FieldLayout;
import dev.structscope.model.layout.LayoutEngine;
import dev.structscope.model.layout.RecordLayout;
import dev.structscope.model.type.TypeLibrary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Real system headers: {@code /usr/include/elf.h} without a preprocessor and
 * {@code <sys/stat.h>} with {@code --cpp}, compared with what gcc itself says (a C program that
 * prints sizeof and offsetof, compiled and run in the test).
 */
class SystemHeaderTest {
    private static final Path ELF = Path.of("/usr/include/elf.h");

    @TempDir
    Path tmp;

    /** A C program printing "NAME size align" and "NAME.member offset" lines for the records. */
    static String probe(String include, TypeLibrary lib, Abi abi, List<String> names) {
        StringBuilder sb = new StringBuilder("#include <stdio.h>\n#include <stddef.h>\n#include " + include + "\n");
        sb.append("int main(void) {\n");
        for (String n : names) {
            RecordLayout r = LayoutEngine.layout(n, lib, abi);
            String t = r.definition().tag() != null && n.equals(r.definition().tag()) ? r.definition().kind().keyword() + " " + n : n;
            sb.append("  printf(\"%s %zu %zu\\n\", \"").append(n).append("\", sizeof(").append(t).append("), _Alignof(")
                    .append(t).append("));\n");
            for (FieldLayout f : r.visibleFields()) {
                if (!f.isBitField()) {
                    sb.append("  printf(\"%s.%s %zu\\n\", \"").append(n).append("\", \"").append(f.name())
                            .append("\", offsetof(").append(t).append(", ").append(f.name()).append("));\n");
                }
            }
        }
        sb.append("  return 0;\n}\n");
        return sb.toString();
    }

    static String ours(TypeLibrary lib, Abi abi, List<String> names) {
        StringBuilder sb = new StringBuilder();
        for (String n : names) {
            RecordLayout r = LayoutEngine.layout(n, lib, abi);
            sb.append(n).append(' ').append(r.size()).append(' ').append(r.align()).append('\n');
            for (FieldLayout f : r.visibleFields()) {
                if (!f.isBitField()) {
                    sb.append(n).append('.').append(f.name()).append(' ').append(f.offset()).append('\n');
                }
            }
        }
        return sb.toString();
    }

    @Test
    void elfHeaderImportsWithoutPreprocessorAndMatchesGcc() {
        assumeTrue(Files.isRegularFile(ELF), "no /usr/include/elf.h here");
        Tools.assumeTool("gcc");
        List<String> warnings = new ArrayList<>();
        TypeLibrary lib = TextHeaders.importFile(ELF,
                new HeaderImporter.Options(false, List.of(), warnings::add, Abis.X86_64_LINUX));
        List<String> names = lib.namedRecords().stream().map(TypeLibrary.NamedRecord::name).toList();
        for (String must : List.of("Elf64_Ehdr", "Elf64_Shdr", "Elf64_Phdr", "Elf64_Sym", "Elf32_Sym", "Elf32_Ehdr",
                "Elf64_Dyn", "Elf64_Rela", "Elf32_Phdr", "Elf64_Nhdr", "Elf64_auxv_t")) {
            assertTrue(names.contains(must), must + " missing; imported " + names);
        }
        assertTrue(names.size() >= 35, "only " + names.size() + " records");
        String gcc = Tools.gccRun(probe("<elf.h>", lib, Abis.X86_64_LINUX, names), tmp);
        assertEquals(gcc, ours(lib, Abis.X86_64_LINUX, names));
        // Constants: a few of the #defines, compared with gcc too.
        String c = "#include <stdio.h>\n#include <elf.h>\nint main(void){printf(\"%lld %lld %lld %lld\\n\","
                + "(long long)EI_NIDENT, (long long)SHT_GNU_versym, (long long)DT_NUM, (long long)R_X86_64_NUM);}\n";
        String expected = Tools.gccRun(c, tmp).strip();
        String actual = lib.constants().get("EI_NIDENT") + " " + lib.constants().get("SHT_GNU_versym") + " "
                + lib.constants().get("DT_NUM") + " " + lib.constants().get("R_X86_64_NUM");
        assertEquals(expected, actual);
        assertEquals(1, warnings.size(), "only <bits/auxv.h> is skipped: " + warnings);
        assertTrue(warnings.get(0).contains("<bits/auxv.h>"), warnings.get(0));
    }

    /** This machine may not run 32-bit programs: gcc -m32 checks our figures as static assertions instead. */
    @Test
    void elfHeaderMatchesGccForI386() throws Exception {
        assumeTrue(Files.isRegularFile(ELF), "no /usr/include/elf.h here");
        Tools.assumeTool("gcc");
        Tools.Result works = Tools.run(List.of("gcc", "-m32", "-fsyntax-only", "-x", "c", "-include", "stddef.h", "/dev/null"), tmp);
        assumeTrue(works.exit() == 0, "gcc -m32 does not work here: " + works.err());
        TypeLibrary lib = TextHeaders.importFile(ELF, HeaderImporter.Options.defaults().withAbi(Abis.I386_LINUX));
        StringBuilder sb = new StringBuilder("#include <stddef.h>\n#include <elf.h>\n");
        int checks = 0;
        for (TypeLibrary.NamedRecord nr : lib.namedRecords()) {
            RecordLayout r = LayoutEngine.layout(nr.name(), lib, Abis.I386_LINUX);
            String t = nr.record().tag() != null ? nr.record().kind().keyword() + " " + nr.name() : nr.name();
            sb.append("_Static_assert(sizeof(").append(t).append(") == ").append(r.size()).append(", \"size ").append(t)
                    .append("\");\n");
            sb.append("_Static_assert(_Alignof(").append(t).append(") == ").append(r.align()).append(", \"align ")
                    .append(t).append("\");\n");
            checks += 2;
            for (FieldLayout f : r.visibleFields()) {
                if (!f.isBitField()) {
                    sb.append("_Static_assert(offsetof(").append(t).append(", ").append(f.name()).append(") == ")
                            .append(f.offset()).append(", \"offset ").append(t).append('.').append(f.name()).append("\");\n");
                    checks++;
                }
            }
        }
        Path c = tmp.resolve("i386.c");
        Files.writeString(c, sb.toString());
        Tools.Result r = Tools.run(List.of("gcc", "-m32", "-fsyntax-only", c.toString()), tmp);
        assertEquals(0, r.exit(), "gcc -m32 disagrees:\n" + r.err());
        assertTrue(checks > 200, "only " + checks + " checks");
    }
}
