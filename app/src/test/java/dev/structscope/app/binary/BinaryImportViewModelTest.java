package dev.structscope.app.binary;

import dev.structscope.app.common.Document;
import dev.structscope.app.common.TaskRunner;
import dev.structscope.model.layout.LayoutEngine;
import dev.structscope.model.layout.oracle.Compilers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * File ▸ Import from Binary… without a window: a gcc {@code -m32} object is read through the task
 * runner (here on the calling thread), the filter narrows its records, and importing one brings
 * the types it uses and the binary's ABI into the document as one undoable step, with the
 * compiler's offsets.
 */
class BinaryImportViewModelTest {
    @TempDir
    Path dir;

    private final TaskRunner tasks = new TaskRunner(Runnable::run, Runnable::run, Runnable::run);

    @BeforeEach
    void gcc() {
        assumeTrue(Compilers.gccCompiles(true), "gcc -m32 is not installed");
    }

    private Path object() throws IOException {
        Path c = dir.resolve("p.c");
        Files.writeString(c, """
                #include <stdint.h>
                typedef struct { int16_t x, y; } Point;
                enum Color { RED, GREEN };
                struct Shape { enum Color color; Point pts[3]; double area; };
                struct Other { char c; };
                struct MsgHeader { uint8_t kind; uint32_t len; };
                struct Shape s; struct Other o; struct MsgHeader h;
                """);
        Path o = dir.resolve("p.o");
        Compilers.Result r = Compilers.run(List.of(Compilers.GCC, "-m32", "-g", "-c", "-o", o.toString(), c.toString()), dir);
        assertEquals(0, r.exit(), r::out);
        return o;
    }

    @Test
    void filterThenImportWithWhatItUses() throws IOException {
        Document doc = Document.empty();
        BinaryImportViewModel vm = new BinaryImportViewModel(doc, tasks);
        vm.load(object());
        assertEquals("", vm.error.get());
        assertEquals("i386-linux", vm.loaded.get().abi().name());
        assertEquals(List.of("Point", "Shape", "Other", "MsgHeader"),
                vm.matching.stream().map(BinaryImportViewModel.Entry::name).toList());
        vm.filter.set("SHAPE");
        assertEquals(List.of("struct Shape  (24 bytes)"), vm.matching.stream().map(BinaryImportViewModel.Entry::label).toList());

        vm.importChosen(List.copyOf(vm.matching));
        var state = doc.state.get();
        assertEquals("i386-linux", state.abi().name());
        assertEquals("Shape", state.selected());
        assertTrue(state.library().findRecord("Point").isPresent(), "the typedef'd record Shape uses came too");
        assertTrue(state.library().enumByTag("Color").isPresent());
        assertTrue(state.library().findRecord("Other").isEmpty(), "only what was chosen");
        // i386: the double is 4-aligned, right after the 12 bytes of points
        assertEquals(16, LayoutEngine.layout("Shape", state.library(), state.abi()).fields().get(2).offset());
        doc.undo();
        assertTrue(doc.state.get().library().findRecord("Shape").isEmpty(), "one undoable step");
    }

    /** What the C library declared stays the system's in the document: the C export includes it, and compiles. */
    @Test
    void theSystemsTypesComeInAsTheSystems() throws Exception {
        Path c = dir.resolve("s.c");
        Files.writeString(c, """
                #include <sys/types.h>
                #include <sys/stat.h>
                struct Entry { __fsid_t fs; struct stat st; pid_t owner; };
                struct Entry e;
                """);
        Path o = dir.resolve("s.o");
        Compilers.Result r = Compilers.run(List.of(Compilers.GCC, "-g", "-c", "-o", o.toString(), c.toString()), dir);
        assertEquals(0, r.exit(), r::out);
        Document doc = Document.empty();
        BinaryImportViewModel vm = new BinaryImportViewModel(doc, tasks);
        vm.load(o);
        vm.filter.set("Entry");
        vm.importChosen(List.copyOf(vm.matching));
        var lib = doc.state.get().library();
        assertEquals(java.util.Optional.of("<sys/stat.h>"), lib.systemHeader(lib.recordByTag("stat").orElseThrow()));
        String h = new dev.structscope.model.export.CExporter().export(lib,
                dev.structscope.model.export.ExportOptions.of(doc.state.get().abi())).text();
        assertTrue(h.contains("#include <sys/stat.h>") && h.contains("struct Entry {"), h);
        Path out = dir.resolve("entry.h");
        Files.writeString(out, h);
        assertEquals(0, Compilers.run(List.of(Compilers.GCC, "-fsyntax-only", "-x", "c", out.toString()), dir).exit(), h);
    }

    @Test
    void notAnElfFileIsOneLine() throws IOException {
        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "struct S { int a; };\n");
        BinaryImportViewModel vm = new BinaryImportViewModel(Document.empty(), tasks);
        vm.load(text);
        assertTrue(vm.error.get().contains("not an ELF file"), vm.error::get);
        assertEquals(0, vm.importChosen(List.of()));
    }
}
