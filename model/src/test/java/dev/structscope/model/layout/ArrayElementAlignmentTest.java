package dev.structscope.model.layout;

import dev.structscope.model.InputException;
import dev.structscope.model.abi.Abi;
import dev.structscope.model.abi.Abis;
import dev.structscope.model.c.HeaderImporter;
import dev.structscope.model.type.TypeLibrary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Arrays whose element size is not a multiple of the element's alignment are refused, as clang-16
 * refuses them (checked here against clang itself): fixed, flexible and zero-length arrays of an
 * over-aligned typedef, and on x86_64-windows an array of a record that holds only a zero-length
 * array of 8-aligned records (sizeof 4, _Alignof 8 there).
 */
class ArrayElementAlignmentTest {
    @TempDir
    Path dir;

    @Test
    void refusedWhereClangRefuses() throws Exception {
        check("typedef int T8 __attribute__((aligned(8)));\nstruct B { T8 g[2]; };\n", "B", Abis.X86_64_LINUX,
                "x86_64-unknown-linux-gnu");
        check("typedef int T8 __attribute__((aligned(8)));\nstruct A { int n; T8 f[]; };\n", "A", Abis.X86_64_LINUX,
                "x86_64-unknown-linux-gnu");
        check("typedef int T8 __attribute__((aligned(8)));\nstruct C { T8 z[0]; };\n", "C", Abis.I386_LINUX,
                "i386-unknown-linux-gnu");
        check("struct R2 { long long a; };\nstruct R3 { struct R2 f0[0]; };\nstruct S { struct R3 arr[3]; };\n", "S",
                Abis.X86_64_WINDOWS, "x86_64-pc-windows-msvc");
    }

    @Test
    void theSameRecordAloneIsFineAndSoIsItsArrayOnLinux() {
        String h = "struct R2 { long long a; };\nstruct R3 { struct R2 f0[0]; };\nstruct S { struct R3 arr[3]; };\n";
        TypeLibrary lib = HeaderImporter.importText(h, "w.h", HeaderImporter.Options.defaults());
        assertEquals(4, LayoutEngine.layout("R3", lib, Abis.X86_64_WINDOWS).size());
        assertEquals(0, LayoutEngine.layout("S", lib, Abis.X86_64_LINUX).size());
    }

    private void check(String header, String record, Abi abi, String triple) throws Exception {
        // The importer lays out what it imports, so the header is refused as clang refuses it.
        InputException e = assertThrows(InputException.class, () -> LayoutEngine.layout(record,
                HeaderImporter.importText(header, "t.h", HeaderImporter.Options.defaults().withAbi(abi)), abi));
        assertTrue(e.getMessage().contains("isn't a multiple of its alignment"), e.getMessage());
        assumeTrue(dev.structscope.model.c.Tools.has("clang-16"), "clang-16 is not installed");
        Path f = dir.resolve("t.h");
        Files.writeString(f, header + "int probe = sizeof(struct " + record + ");\n");
        Process p = new ProcessBuilder("clang-16", "-fsyntax-only", "-x", "c", "--target=" + triple, f.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertTrue(p.exitValue() != 0 && out.contains("isn't a multiple of its alignment"), "clang accepted:\n" + out);
    }
}
