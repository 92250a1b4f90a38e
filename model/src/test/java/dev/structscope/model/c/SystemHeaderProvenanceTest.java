package dev.structscope.model.c;

import dev.structscope.model.abi.Abi;
import dev.structscope.model.export.CExporter;
import dev.structscope.model.export.ExportOptions;
import dev.structscope.model.type.Decl;
import dev.structscope.model.type.RecordType;
import dev.structscope.model.type.TypeLibrary;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which declarations of a {@code --cpp} import a system header made, and by which of the user's
 * includes: read from the preprocessor's line markers (flags 1, 2 and 3) and the includes it
 * echoes ({@code -dI}). The texts are the shape gcc 12 and clang 16 write (their own runs, with
 * the C export compiled, are in the app's {@code ExportSystemHeadersTest}); here each rule is
 * pinned where the real output would hide it.
 */
class SystemHeaderProvenanceTest {
    /** gcc's shape: an include echoed, then the includer's marker again, then the file entered. */
    private static final String GCC = """
            # 0 "u.h"
            # 0 "<built-in>"
            #define __STDC__ 1
            # 0 "<command-line>"
            # 1 "/usr/include/stdc-predef.h" 1 3 4
            #define __STDC_IEC_559__ 1
            # 0 "<command-line>" 2
            # 1 "u.h"
            #define _GNU_SOURCE 1
            #define GONE 1
            #undef GONE
            #define LENGTH(a) (sizeof(a) / sizeof((a)[0]))
            #include <sys/types.h>
            # 1 "u.h"
            # 1 "/usr/include/x86_64-linux-gnu/sys/types.h" 1 3 4
            #define __SYSTEMS_OWN 1
            #include <bits/types.h>
            # 2 "/usr/include/x86_64-linux-gnu/sys/types.h" 3 4
            # 1 "/usr/include/x86_64-linux-gnu/bits/types.h" 1 3 4
            typedef struct { int __val[2]; } __fsid_t;
            typedef int __pid_t;
            # 3 "/usr/include/x86_64-linux-gnu/sys/types.h" 2 3 4
            typedef __pid_t pid_t;
            # 2 "u.h" 2
            #include "loc.h"
            # 2 "u.h"
            # 1 "loc.h" 1
            #include <stdint.h>
            # 1 "loc.h"
            # 1 "/usr/include/stdint.h" 1 3 4
            typedef unsigned char uint8_t;
            # 2 "loc.h" 2
            struct l { uint8_t x; };
            # 3 "u.h" 2
            #include <sys/types.h>
            # 3 "u.h"
            #define LATE 2
            struct s { pid_t p; __fsid_t f; struct l loc; };
            """;

    /** clang's shape: each echoed include carries a comment, and no includer's marker follows it. */
    private static final String CLANG = """
            # 1 "u.h"
            # 1 "<built-in>" 1
            # 1 "<built-in>" 3
            #define __STDC__ 1
            # 1 "<built-in>" 2
            # 1 "u.h" 2
            #include <stdint.h> /* clang -E -dI */
            # 1 "u.h"
            # 1 "/usr/include/stdint.h" 1 3 4
            typedef unsigned int uint32_t;
            # 2 "u.h" 2
            #include <sys/types.h> /* clang -E -dI */
            struct after { uint32_t a; };
            """;

    @Test
    void declarationsOfSystemHeadersAreTheIncludesTheUsersFilesWrote() {
        TypeLibrary lib = imported(GCC);
        assertEquals(Map.of("__fsid_t", "<sys/types.h>", "__pid_t", "<sys/types.h>", "pid_t", "<sys/types.h>",
                "uint8_t", "<stdint.h>"), origins(lib));
        // The user's own, before and after an include (and after one the guard made empty), are theirs.
        assertTrue(lib.systemHeader(lib.recordByTag("l").orElseThrow()).isEmpty());
        assertTrue(lib.systemHeader(lib.recordByTag("s").orElseThrow()).isEmpty());
    }

    @Test
    void clangsNoteOnAnEchoedIncludeIsNoCommentOfTheUsers() {
        TypeLibrary lib = imported(CLANG);
        assertEquals(Map.of("uint32_t", "<stdint.h>"), origins(lib));
        RecordType after = lib.recordByTag("after").orElseThrow();
        assertTrue(lib.systemHeader(after).isEmpty());
        assertNull(after.comment());
    }

    @Test
    void theCExportIncludesTheSystemsHeadersInsteadOfDeclaringTheirTypesAgain() {
        TypeLibrary lib = imported(GCC);
        String h = new CExporter().export(lib, ExportOptions.of(dev.structscope.model.abi.Abis.X86_64_LINUX))
                .text();
        assertTrue(h.contains("#include <sys/types.h>\n"), h);
        assertFalse(h.contains("int __val[2];"), h); // __fsid_t's body is the system's
        assertFalse(h.contains("typedef __pid_t pid_t"), h);
        // <stdint.h> is written once, as every C export has it, and after the source's includes in
        // their order (<lzma.h> leaves <inttypes.h> out when UINT32_C is defined already).
        assertEquals(h.indexOf("#include <stdint.h>"), h.lastIndexOf("#include <stdint.h>"), h);
        assertTrue(h.indexOf("#include <sys/types.h>") < h.indexOf("#include <stdint.h>")
                && h.indexOf("#include <stdint.h>") < h.indexOf("#include <stdbool.h>"), h);
        assertTrue(h.contains("struct l {") && h.contains("struct s {"), h);
        // What the source defined before its includes is defined before them again (a feature-test
        // macro decides what they declare); what it defined after them, or took back, is not.
        assertTrue(h.startsWith("#define _GNU_SOURCE 1\n", h.indexOf("#define", h.indexOf("#define") + 1)), h);
        assertTrue(h.indexOf("#define _GNU_SOURCE 1") < h.indexOf("#include <sys/types.h>"), h);
        assertFalse(h.contains("GONE") || h.contains("LENGTH") || h.contains("__SYSTEMS_OWN"), h);
        assertTrue(h.indexOf("#define LATE 2") > h.indexOf("#include <stddef.h>"), h);
        // The system's records are still checked by size and alignment (a system header may name a
        // member by a macro: glibc's si_pid stands for _sifields._kill.si_pid).
        assertTrue(h.contains("_Static_assert(sizeof(__fsid_t) == 8"), h);
        assertFalse(h.contains("offsetof(__fsid_t"), h);
    }

    @Test
    void aChangedSystemDeclarationIsRefusedByTheCExportWhichWouldDeclareItTwice() {
        TypeLibrary lib = imported(GCC);
        int pid = lib.decls().indexOf(lib.typedef("pid_t").orElseThrow());
        ExportOptions x64 = ExportOptions.of(dev.structscope.model.abi.Abis.X86_64_LINUX);
        // Put back as it was, it is still the system's; a user's own type may change freely.
        assertTrue(new CExporter().export(lib.withDecl(pid, lib.decls().get(pid)), x64).text()
                .contains("#include <sys/types.h>"));
        RecordType own = lib.recordByTag("l").orElseThrow();
        assertTrue(new CExporter().export(lib.with(own.withComment("mine")), x64).text().contains("/* mine */"));
        TypeLibrary changed = lib.withDecl(pid, new dev.structscope.model.type.Typedef("pid_t",
                dev.structscope.model.type.PrimitiveType.of(dev.structscope.model.type.Prim.INT64), 0, null));
        dev.structscope.model.InputException e = org.junit.jupiter.api.Assertions.assertThrows(
                dev.structscope.model.InputException.class, () -> new CExporter().export(changed, x64));
        assertTrue(e.oneLine().startsWith("pid_t: is <sys/types.h>'s and was changed here"), e.oneLine());
        // A renamed copy is the user's, written beside the system's.
        TypeLibrary copy = changed.withDecl(pid, lib.decls().get(pid)).with(new dev.structscope.model.type.Typedef(
                "my_pid_t", dev.structscope.model.type.PrimitiveType.of(dev.structscope.model.type.Prim.INT64), 0, null));
        String h = new CExporter().export(copy, x64).text();
        assertTrue(h.contains("#include <sys/types.h>") && h.contains("typedef int64_t my_pid_t;"), h);
    }

    /** Saved and opened again, a layout document keeps what is the system's, and so exports the same C. */
    @Test
    void aLayoutDocumentKeepsTheSystemsIncludes() {
        TypeLibrary lib = imported(GCC);
        String json = dev.structscope.model.doc.LayoutDocuments.toJson(lib);
        assertTrue(json.contains("\"include\": \"<sys/types.h>\"") && json.contains("\"_GNU_SOURCE\": \"1\""), json);
        TypeLibrary back = dev.structscope.model.doc.LayoutDocuments.parse(json, "saved.json").library();
        assertEquals(lib.system(), back.system());
        ExportOptions x64 = ExportOptions.of(dev.structscope.model.abi.Abis.X86_64_LINUX);
        assertEquals(new CExporter().export(lib, x64).text(), new CExporter().export(back, x64).text());
        // The debug information's kind is kept too, and a library with nothing of the system's writes no "system".
        TypeLibrary dwarf = new TypeLibrary(lib.decls(), lib.constants(), new dev.structscope.model.type.SystemIncludes(
                java.util.Map.of(), lib.system().headers(), dev.structscope.model.type.SystemIncludes.Origin.DECLARING_FILES));
        assertEquals(dwarf.system(), dev.structscope.model.doc.LayoutDocuments.parse(
                dev.structscope.model.doc.LayoutDocuments.toJson(dwarf), "d.json").library().system());
        assertFalse(dev.structscope.model.doc.LayoutDocuments.toJson(TypeLibrary.of(lib.recordByTag("l").orElseThrow()))
                .contains("\"system\""));
    }

    /** An import into a document brings what is the system's along; includes of two origins are taken as declaring files. */
    @Test
    void anImportIntoALibraryKeepsWhatIsTheSystems() {
        TypeLibrary lib = imported(GCC);
        TypeLibrary into = TypeLibrary.EMPTY.withAll(lib, lib.decls());
        assertEquals(lib.system(), into.system());
        assertEquals(lib.decls(), into.decls());
        RecordType own = lib.recordByTag("l").orElseThrow();
        assertEquals(dev.structscope.model.type.SystemIncludes.NONE, TypeLibrary.EMPTY.withAll(lib, List.of(own)).system());
        TypeLibrary fromDebugInfo = new TypeLibrary(List.of(), java.util.Map.of(), new dev.structscope.model.type.SystemIncludes(
                java.util.Map.of(), java.util.Map.of(lib.decls().getFirst(), "<bits/types.h>"),
                dev.structscope.model.type.SystemIncludes.Origin.DECLARING_FILES));
        TypeLibrary both = fromDebugInfo.withAll(lib, lib.decls());
        assertEquals(dev.structscope.model.type.SystemIncludes.Origin.DECLARING_FILES, both.system().origin());
        assertEquals(lib.system().headers(), both.system().headers()); // the import's include wins for the same declaration
        assertEquals(java.util.Map.of("_GNU_SOURCE", "1"), both.system().defines());
    }

    @Test
    void anIncludeIsADeclarationsAndNamesAHeader() {
        String doc = """
                {"format": "structscope-layout", "version": 1, "types": [
                  {"kind": "typedef", "name": "t", "type": "int32_t", "include": "%s"}]}""";
        dev.structscope.model.InputException e = org.junit.jupiter.api.Assertions.assertThrows(
                dev.structscope.model.InputException.class,
                () -> dev.structscope.model.doc.LayoutDocuments.parse(doc.formatted("sys/types.h"), "d.json"));
        assertEquals("d.json:2:66: \"include\" must name a header as #include does (<sys/types.h>), was \"sys/types.h\"",
                e.oneLine());
        String inner = """
                {"format": "structscope-layout", "version": 1, "types": [
                  {"kind": "typedef", "name": "t", "type": {"kind": "struct", "members": [], "include": "<a.h>"}}]}""";
        e = org.junit.jupiter.api.Assertions.assertThrows(dev.structscope.model.InputException.class,
                () -> dev.structscope.model.doc.LayoutDocuments.parse(inner, "d.json"));
        assertTrue(e.oneLine().contains("only a declaration in \"types\" has an \"include\""), e.oneLine());
    }

    @Test
    void theDefinesBeforeTheLastSystemIncludeConfigureIt() {
        assertEquals(Map.of("_GNU_SOURCE", "1"), imported(GCC).system().defines());
    }

    @Test
    void ownPreprocessorAndPlainLibrariesHaveNoSystemDeclarations() {
        TypeLibrary own = HeaderImporter.importText("#include <stdint.h>\nstruct s { uint8_t x; };\n", "u.h",
                HeaderImporter.Options.defaults());
        assertTrue(own.system().equals(dev.structscope.model.type.SystemIncludes.NONE));
    }

    private static TypeLibrary imported(String output) {
        HeaderSource canned = new HeaderSource() {
            @Override
            public Optional<Found> find(Path path) {
                return Optional.empty();
            }

            @Override
            public String read(Path path) {
                throw new UnsupportedOperationException();
            }

            @Override
            public String preprocess(Path file, String text, String display, HeaderImporter.Options options) {
                return output;
            }

            @Override
            public Optional<List<String>> preprocessorCommand(Abi abi) {
                return Optional.empty();
            }
        };
        return HeaderImporter.importText("", "u.h", HeaderImporter.Options.defaults().withPreprocessor(true)
                .withSource(canned));
    }

    /** Each system declaration's name and the include that brought it. */
    private static Map<String, String> origins(TypeLibrary lib) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Decl d : lib.decls()) {
            lib.systemHeader(d).ifPresent(h -> out.put(d.name(), h));
        }
        return out;
    }
}
