package dev.structscope.model.export;

import dev.structscope.model.abi.Abi;
import dev.structscope.model.c.HeaderImporter;
import dev.structscope.model.layout.FieldLayout;
import dev.structscope.model.layout.LayoutEngine;
import dev.structscope.model.layout.RecordLayout;
import dev.structscope.model.type.Prim;
import dev.structscope.model.type.TypeLibrary;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Records using the compiler extensions (vector typedefs, {@code __int128}, {@code _Float16},
 * {@code _Complex}, {@code mode}) export to code that loads in its tool chain with C's sizes and
 * offsets: the C export under clang-16 for the ABI's target (its static assertions), ctypes under
 * python3 (sizeof and offsets, 128-bit integers and half floats as bytes), Rust under rustc (its
 * const assertions).
 */
class ExtensionTypesExportTest {
    @TempDir
    Path dir;

    private static TypeLibrary library(Abi abi) {
        StringBuilder h = new StringBuilder("""
                typedef float v4sf __attribute__((vector_size(16)));
                typedef int v2si __attribute__((vector_size(8)));
                typedef unsigned int u16m __attribute__((mode(HI)));
                typedef int wordm __attribute__((mode(word)));
                struct ext { char c; v4sf v; v2si w[2]; u16m h16; wordm word; _Complex double z; _Complex float zf;
                """);
        if (abi.has(Prim.INT128)) {
            h.append("  __int128 i; unsigned __int128 u;\n");
        }
        if (abi.has(Prim.FLOAT16)) {
            h.append("  _Float16 half;\n");
        }
        h.append("  char end; };\n");
        return HeaderImporter.importText(h.toString(), "ext.h", HeaderImporter.Options.defaults().withAbi(abi));
    }

    @ParameterizedTest
    @MethodSource("dev.structscope.model.abi.AbiNames#all")
    void cExportCompilesForTheTarget(String abiName) throws Exception {
        String clang = Tools.require("clang-16 (Debian package clang-16)", "clang-16", "/usr/bin/clang-16");
        Abi abi = Abi.byName(abiName);
        ExportResult res = new CExporter().export(library(abi), ExportOptions.of(abi));
        Path h = dir.resolve("layout.h");
        Files.writeString(h, res.text());
        Tools.Run r = Tools.run(dir, clang, "-target", abi.clangTarget(), "-ffreestanding", "-std=gnu11", "-fsyntax-only",
                "-x", "c", h.toString());
        assertTrue(r.ok(), () -> r.output() + "\n---\n" + res.text());
        assertTrue(res.text().contains("_Static_assert(sizeof(struct ext) == "), res.text());
    }

    @ParameterizedTest
    @ValueSource(strings = {"x86_64-linux", "i386-linux", "aarch64-linux", "arm-linux"})
    void ctypesExportLoadsWithCsSizeAndOffsets(String abiName) throws Exception {
        String py = Tools.require("python3", "python3");
        Abi abi = Abi.byName(abiName);
        TypeLibrary lib = library(abi);
        ExportResult res = new CtypesExporter().export(lib, ExportOptions.of(abi));
        Files.writeString(dir.resolve("layout.py"), res.text());
        RecordLayout rl = LayoutEngine.layout("ext", lib, abi);
        StringBuilder script = new StringBuilder("""
                import importlib.util, ctypes
                spec = importlib.util.spec_from_file_location("layout", "layout.py")
                m = importlib.util.module_from_spec(spec)
                spec.loader.exec_module(m)
                print(ctypes.sizeof(m.ext))
                """);
        StringBuilder expected = new StringBuilder().append(rl.size()).append('\n');
        for (FieldLayout f : rl.visibleFields()) {
            script.append("print(m.ext.").append(f.name()).append(".offset)\n");
            expected.append(f.offset()).append('\n');
        }
        Files.writeString(dir.resolve("check.py"), script);
        Tools.Run r = Tools.run(dir, py, "check.py");
        assertTrue(r.ok(), () -> r.output() + "\n---\n" + res.text());
        assertEquals(expected.toString(), r.output(), res.text());
    }

    @ParameterizedTest
    @ValueSource(strings = {"x86_64-linux", "aarch64-linux"})
    void rustExportCompiles(String abiName) throws Exception {
        String rustc = RustExportTest.rustc();
        Abi abi = Abi.byName(abiName);
        ExportResult res = new RustExporter().export(library(abi), ExportOptions.of(abi));
        Files.writeString(dir.resolve("layout.rs"), res.text());
        Tools.Run r = Tools.run(dir, rustc, "--crate-type", "lib", "--edition", "2021", "-o",
                dir.resolve("liblayout.rlib").toString(), "layout.rs");
        assertTrue(r.ok(), () -> r.output() + "\n---\n" + res.text());
        assertTrue(res.text().contains("core::mem::size_of::<ext>() == "), res.text());
    }
}
