package dev.structscope.app.cli;

import dev.structscope.model.layout.oracle.Compilers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code export prog.o --to c} of a program that uses the C library's types: the types a system
 * header declared (the unit's line table names the file behind {@code DW_AT_decl_file}) are
 * included from that header, through the public one where glibc's inner file asks for it
 * ({@code <bits/struct_stat.h>} → {@code <sys/stat.h>}), and the export compiles with gcc with
 * every assertion holding. Writing them out again did not compile: {@code <stdint.h>} declares
 * the untagged {@code __fsid_t} too, and two declarations of it are two types.
 */
class DwarfSystemHeadersTest {
    private static final String PROGRAM = """
            #include <sys/types.h>
            #include <sys/stat.h>
            #include <netinet/ip.h>
            #include <stdint.h>
            struct probe { pid_t pid; __fsid_t fsid; struct stat st; struct ip hdr; uint16_t port; };
            struct probe g;
            """;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"gcc -gdwarf-5", "gcc -gdwarf-4", "gcc -gdwarf-3", "gcc -m32 -gdwarf-5", "clang -gdwarf-5",
        "clang -gdwarf-4"})
    void theCExportOfABinaryIncludesTheHeadersThatDeclaredTheSystemsTypes(String build)
            throws Exception {
        boolean m32 = build.contains("-m32");
        boolean gcc = build.startsWith("gcc ");
        assumeTrue(gcc ? Compilers.gccCompiles(m32) : Compilers.hasClang(), build + " is not installed");
        String[] flags = build.substring(build.indexOf(' ') + 1).split(" ");
        Path obj = compile(gcc ? Compilers.GCC : Compilers.CLANG.toString(), flags);
        Path out = dir.resolve("out.h");
        CliRun r = CliRun.run("export", obj.toString(), "--to", "c", "-o", out.toString());
        assertEquals(0, r.status(), r.err::toString);
        String text = Files.readString(out);
        for (String h : List.of("<sys/types.h>", "<sys/stat.h>", "<netinet/ip.h>", "<bits/types.h>")) {
            assertTrue(text.contains("#include " + h + "\n"), text);
        }
        assertFalse(text.contains("<bits/struct_stat.h>"), text); // it refuses to be included by itself
        assertFalse(text.contains("int __val[2];"), text); // __fsid_t is the system's, not written again
        assertTrue(text.indexOf("#include <stddef.h>") < text.indexOf("#include <sys/types.h>"), text);
        assertTrue(text.contains("struct probe {") && text.contains("_Static_assert(offsetof(struct probe, port) == "),
                text);
        // The binary records a size, not an alignment, for the system's records: only the size is asserted.
        assertTrue(text.contains("_Static_assert(sizeof(struct stat) == " + (m32 ? 88 : 144)), text);
        assertFalse(text.contains("_Alignof(struct stat)"), text);
        assertEquals(0, ExportCommandTestTools.run(dir, Compilers.GCC, m32 ? "-m32" : "-m64", "-fsyntax-only", "-x", "c",
                out.toString()), "the export compiles, and its assertions hold:\n" + text);
    }

    /** A line table that cannot be read costs only the includes: the types are read, and written. */
    @Test
    void anUnreadableLineTableIsAWarningAndTheExportWritesTheTypes() throws IOException {
        assumeTrue(Compilers.gccCompiles(false), "gcc is not installed");
        assumeTrue(ExportCommandTestTools.find("objcopy") != null, "objcopy is not installed");
        Path obj = compile(Compilers.GCC, "-gdwarf-5");
        Path garbage = dir.resolve("line.bin");
        Files.write(garbage, new byte[] {32, 0, 0, 0, 9, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18,
            19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30}); // version 9
        Compilers.Result patched = Compilers.run(List.of("objcopy", "--update-section", ".debug_line=" + garbage,
                obj.toString()), dir);
        assertEquals(0, patched.exit(), patched::out);
        CliRun r = CliRun.run("export", obj.toString(), "--to", "c");
        assertEquals(0, r.status(), r.err::toString);
        assertTrue(r.err.toString().contains(".debug_line+0x0: the line table of unit")
                && r.err.toString().contains("line table version 9"), r.err::toString);
        assertFalse(r.out.toString().contains("#include <sys/stat.h>"), r.out::toString);
        assertTrue(r.out.toString().contains("struct stat {"), r.out::toString);
    }

    private Path compile(String compiler, String... flags) throws IOException {
        Path c = dir.resolve("prog.c");
        Files.writeString(c, PROGRAM);
        Path obj = dir.resolve("prog.o");
        List<String> cmd = new ArrayList<>(List.of(compiler, "-c", "-w", "-o", obj.toString(), c.toString()));
        cmd.addAll(1, List.of(flags));
        Compilers.Result r = Compilers.run(cmd, dir);
        assertEquals(0, r.exit(), r::out);
        return obj;
    }
}
