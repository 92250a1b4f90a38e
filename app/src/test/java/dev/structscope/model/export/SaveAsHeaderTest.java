package dev.structscope.model.export;

import dev.structscope.app.exporter.ExportChoice;
import dev.structscope.app.shell.DocumentIo;
import dev.structscope.app.shell.RecentFiles;
import dev.structscope.app.shell.ShellViewModel;
import dev.structscope.model.abi.Abi;
import dev.structscope.model.doc.LayoutDocument;
import dev.structscope.model.doc.LayoutDocuments;
import dev.structscope.model.layout.LayoutEngine;
import dev.structscope.model.type.TypeLibrary;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Save As {@code .h} from the window writes exactly what Export → C shows for the same document
 * (one C writer), and that header compiles under clang-16 for the document's ABI (gcc too on the
 * x86 Linux ABIs) with its {@code _Static_assert}s on every size, alignment and offset passing,
 * and opens again to the same layouts. The corpus and tool finder are the C export tests'.
 */
class SaveAsHeaderTest {
    @TempDir
    Path dir;

    /** Every ABI the engine knows (the model's tests use their own AbiNames, which app cannot see). */
    static java.util.stream.Stream<String> abiNames() {
        return Abi.all().stream().map(Abi::name);
    }

    @ParameterizedTest
    @MethodSource("abiNames")
    void saveAsHeaderIsExportToCAndTheCompilersAgree(String abiName) throws Exception {
        Abi abi = Abi.byName(abiName);
        TypeLibrary lib = Corpus.everything();
        Path json = Files.writeString(dir.resolve("everything.json"),
                LayoutDocuments.toJson(new LayoutDocument(null, null, abi.name(), null, lib, Map.of())));
        ShellViewModel vm = new ShellViewModel(DocumentIo.STANDARD, Runnable::run, Runnable::run, RecentFiles.inMemory());
        vm.open(json, null, null);
        Path h = dir.resolve("everything.h");
        vm.saveAs(h, null);
        String saved = Files.readString(h);

        var s = vm.document.state.get();
        ExportChoice c = ExportChoice.all().stream().filter(t -> t.target() == ExportTarget.C).findFirst().orElseThrow();
        assertEquals(c.render(new ExportChoice.Request(s.library(), s.abi(), s.byteOrder(), null)).text(), saved);
        assertTrue(saved.contains("_Static_assert(sizeof("), saved);

        String clang = Tools.require("clang-16 (Debian package clang-16)", "clang-16", "/usr/bin/clang-16");
        Tools.Run r = Tools.run(dir, clang, "-target", abi.clangTarget(), "-ffreestanding", "-std=gnu11",
                "-fsyntax-only", "-Werror=static-assert", "-x", "c", h.toString());
        assertTrue(r.ok(), () -> r.output() + "\n---\n" + saved);
        String m = switch (abiName) {
            case "x86_64-linux" -> "-m64";
            case "i386-linux" -> "-m32";
            default -> null;
        };
        if (m != null) {
            Tools.Run g = Tools.run(dir, Tools.require("gcc", "gcc"), m, "-ffreestanding", "-std=gnu11", "-fsyntax-only",
                    "-x", "c", h.toString());
            assertTrue(g.ok(), () -> g.output() + "\n---\n" + saved);
        }

        vm.open(h, null, null);
        assertEquals(CRoundTripTest.describe(LayoutEngine.layoutAll(lib, abi)),
                CRoundTripTest.describe(LayoutEngine.layoutAll(vm.document.state.get().library(), abi)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"little", "big"})
    void aByteOrderTheAbiDoesNotHaveIsSaidInBoth(String order) throws Exception {
        Path json = Files.writeString(dir.resolve("plain.json"), LayoutDocuments.toJson(new LayoutDocument(null, null,
                "x86_64-linux", dev.structscope.model.abi.Endian.parse(order), Corpus.plain(), Map.of())));
        ShellViewModel vm = new ShellViewModel(DocumentIo.STANDARD, Runnable::run, Runnable::run, RecentFiles.inMemory());
        vm.open(json, null, null);
        Path h = dir.resolve("plain.h");
        vm.saveAs(h, null);
        var s = vm.document.state.get();
        String exported = new ExportChoice(ExportTarget.C, "", ".h", "c")
                .render(new ExportChoice.Request(s.library(), s.abi(), s.byteOrder(), null)).text();
        assertEquals(exported, Files.readString(h));
        assertEquals(s.byteOrder() == ByteOrder.BIG_ENDIAN, exported.contains("WARNING"), exported);
    }
}
