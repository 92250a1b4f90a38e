package dev.structscope.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.structscope.app.designer.LibraryEdits;
import dev.structscope.app.designer.RecordEdits;
import dev.structscope.io.headers.LocalHeaders;
import dev.structscope.model.InputException;
import dev.structscope.model.abi.Abis;
import dev.structscope.model.c.HeaderImporter;
import dev.structscope.model.export.CExporter;
import dev.structscope.model.export.ExportOptions;
import dev.structscope.model.type.Member;
import dev.structscope.model.type.Prim;
import dev.structscope.model.type.PrimitiveType;
import dev.structscope.model.type.RecordType;
import dev.structscope.model.type.TypeLibrary;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code export --cpp --to c} of a header that uses the C library's types: the export includes
 * the system headers the source included and declares only the source's own types, so that it
 * compiles where the source does (gcc for x86-64, gcc -m32 for i386) with every static assertion
 * holding. Writing glibc's types out again did not compile: {@code __fsid_t} is an untagged
 * struct, so a second declaration is another type, and gcc's {@code <stddef.h>} spells
 * {@code __size_t} as a macro.
 */
class ExportSystemHeadersTest {
    private static final String HEADER = """
            #include <sys/types.h>
            #include <glob.h>
            #include <signal.h>
            #include <netinet/ip.h>
            #include <stdint.h>

            struct probe {
                pid_t pid;
                __fsid_t fsid;
                glob_t glob;
                siginfo_t info;
                struct ip hdr;
                uint16_t port;
            };
            """;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource({"x86_64-linux, -m64", "i386-linux, -m32"})
    void cExportOfAHeaderUsingTheCLibraryCompilesWithItsAssertions(String abi, String bits) throws Exception {
        String gcc = ExportCommandTestTools.find("gcc");
        Assumptions.assumeTrue(gcc != null, "gcc not installed");
        Path header = dir.resolve("probe.h");
        Files.writeString(header, HEADER);
        Assumptions.assumeTrue(ExportCommandTestTools.run(dir, gcc, bits, "-fsyntax-only", "-x", "c",
                header.toString()) == 0, "the C library's headers for " + bits + " are not installed");
        for (String type : new String[] {null, "struct probe"}) {
            Path out = dir.resolve("out" + (type == null ? "" : "-type") + ".h");
            List<String> args = new ArrayList<>(List.of("export", header.toString(), "--cpp", "--abi", abi, "--to", "c",
                    "-o", out.toString()));
            if (type != null) {
                args.addAll(List.of("--type", type));
            }
            CliRun r = CliRun.run(args.toArray(String[]::new));
            assertEquals(0, r.status(), r.err.toString());
            String text = Files.readString(out);
            for (String h : List.of("<sys/types.h>", "<glob.h>", "<signal.h>", "<netinet/ip.h>")) {
                assertTrue(text.contains("#include " + h + "\n"), text);
            }
            assertFalse(text.contains("__fsid_t;"), text); // glibc's typedef is not written again
            assertTrue(text.contains("_Static_assert(offsetof(struct probe, port) == "), text);
            assertTrue(text.contains("_Static_assert(sizeof(siginfo_t) == 128"), text);
            assertEquals(0, ExportCommandTestTools.run(dir, gcc, bits, "-fsyntax-only", "-x", "c", out.toString()),
                    "the export compiles, and its assertions hold:\n" + text);
        }
    }

    /**
     * A system record changed in the designer cannot be written beside the header that declares
     * it (gcc: redefinition of 'struct ip'), so the export says so; a renamed copy compiles.
     */
    @Test
    void aSystemRecordChangedInTheDesignerIsRefusedAndARenamedCopyCompiles() throws Exception {
        String gcc = ExportCommandTestTools.find("gcc");
        Assumptions.assumeTrue(gcc != null, "gcc not installed");
        Path header = dir.resolve("probe.h");
        Files.writeString(header, HEADER);
        TypeLibrary lib = LocalHeaders.importFile(header, HeaderImporter.Options.defaults().withPreprocessor(true));
        RecordType ip = lib.recordByTag("ip").orElseThrow();
        List<Member> members = new ArrayList<>(ip.members());
        members.add(Member.of("trailer", PrimitiveType.of(Prim.UINT64)));
        ExportOptions x64 = ExportOptions.of(Abis.X86_64_LINUX);
        TypeLibrary changed = RecordEdits.replace(lib, "ip", ip.withMembers(members));
        InputException e = assertThrows(InputException.class, () -> new CExporter().export(changed, x64));
        assertTrue(e.oneLine().startsWith("struct ip: is <netinet/ip.h>'s and was changed here"), e.oneLine());
        // What the message advises: duplicate it and change the copy.
        TypeLibrary copied = LibraryEdits.duplicate(lib, lib.decls().indexOf(ip));
        TypeLibrary mine = RecordEdits.replace(copied, "ip_copy", ip.withTag("ip_copy").withMembers(members));
        String text = new CExporter().export(mine, x64).text();
        assertTrue(text.contains("#include <netinet/ip.h>") && text.contains("struct ip_copy {"), text);
        assertTrue(text.contains("_Static_assert(sizeof(struct ip_copy) == 32"), text); // 20, then the new member at 24
        Path out = dir.resolve("mine.h");
        Files.writeString(out, text);
        assertEquals(0, ExportCommandTestTools.run(dir, gcc, "-m64", "-fsyntax-only", "-x", "c", out.toString()),
                "the export compiles, and its assertions hold:\n" + text);
    }

    /** The export read back with --cpp lays the source's struct out as the source does. */
    @Test
    void theExportReadsBackToTheSameLayout() throws Exception {
        Assumptions.assumeTrue(ExportCommandTestTools.find("gcc") != null, "gcc not installed");
        Path header = dir.resolve("probe.h");
        Files.writeString(header, HEADER);
        Path out = dir.resolve("out.h");
        CliRun w = CliRun.run("export", header.toString(), "--cpp", "--to", "c", "-o", out.toString());
        assertEquals(0, w.status(), w.err.toString());
        CliRun a = CliRun.run("layout", header.toString(), "--cpp", "--type", "struct probe", "--json");
        CliRun b = CliRun.run("layout", out.toString(), "--cpp", "--type", "struct probe", "--json");
        assertEquals(0, a.status(), a.err.toString());
        assertEquals(0, b.status(), b.err.toString());
        JsonNode before = probe(a.out.toString());
        assertEquals(before, probe(b.out.toString()));
        assertEquals(240, before.get("size").asLong(), before.toString()); // what gcc's sizeof says (the compile test)
    }

    private static JsonNode probe(String json) throws Exception {
        for (JsonNode t : new ObjectMapper().readTree(json).get("types")) {
            if (t.get("name").asText().equals("probe")) {
                return t;
            }
        }
        throw new AssertionError("no struct probe in " + json);
    }
}
