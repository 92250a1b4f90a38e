package dev.structscope.model.export;

import dev.structscope.model.abi.Abi;
import dev.structscope.model.abi.Abis;
import dev.structscope.model.type.TypeLibrary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The C export compiles, with its {@code _Static_assert}s on every size, alignment and offset
 * passing, under clang-16 for all five ABIs and under gcc natively (x86_64) and with -m32 (i386).
 */
class CExportTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dev.structscope.model.export.Corpus#everythingOnEachAbi")
    void clangAcceptsTheAssertsForTheAbi(String abiName, String corpus) throws IOException {
        String clang = Tools.require("clang-16 (Debian package clang-16)", "clang-16", "/usr/bin/clang-16");
        Abi abi = Abi.byName(abiName);
        Path h = write(Corpus.everything(), abi);
        Tools.Run r = Tools.run(dir, clang, "-target", abi.clangTarget(), "-ffreestanding", "-std=gnu11",
                "-fsyntax-only", "-Werror=static-assert", "-x", "c", h.toString());
        assertTrue(r.ok(), () -> r.output() + "\n---\n" + read(h));
    }

    @ParameterizedTest(name = "gcc {0} {1}")
    @MethodSource("dev.structscope.model.export.Corpus#everythingOnEachAbi")
    void gccAcceptsTheAssertsNativelyAndWithM32(String abiName, String corpus) throws IOException {
        Abi abi = Abi.byName(abiName);
        String flag = switch (abiName) {
            case "x86_64-linux" -> "-m64";
            case "i386-linux" -> "-m32";
            default -> null;
        };
        org.junit.jupiter.api.Assumptions.assumeTrue(flag != null, "gcc checks only the x86 Linux ABIs");
        String gcc = Tools.require("gcc", "gcc");
        Path h = write(Corpus.everything(), abi);
        Tools.Run r = Tools.run(dir, gcc, flag, "-ffreestanding", "-std=gnu11", "-fsyntax-only", "-x", "c", h.toString());
        assertTrue(r.ok(), () -> r.output() + "\n---\n" + read(h));
    }

    @Test
    void aWrongLayoutFailsToCompile() throws IOException {
        String clang = Tools.require("clang-16", "clang-16");
        // The i386 layout (8-byte alignment of double is 4 there) must not pass as x86_64.
        Path h = write(Corpus.plain(), Abis.I386_LINUX);
        Tools.Run r = Tools.run(dir, clang, "-target", Abis.X86_64_LINUX.clangTarget(), "-ffreestanding",
                "-fsyntax-only", "-x", "c", h.toString());
        assertFalse(r.ok(), "the i386 asserts passed on x86_64");
        assertTrue(r.output().contains("static assertion failed") || r.output().contains("static_assert"), r.output());
    }

    @Test
    void exportOfOneTypeHasWhatItUsesInDependencyOrder() throws IOException {
        String clang = Tools.require("clang-16", "clang-16");
        ExportResult res = new CExporter().export(Corpus.plain(), ExportOptions.defaults().withType("Tagged"));
        String text = res.text();
        assertTrue(text.contains("union Value {"), text);
        assertTrue(text.indexOf("struct Point {") < text.indexOf("union Value {"), text);
        assertFalse(text.contains("struct Basic {"), text);
        assertTrue(text.contains("/* A point on the grid */"), text);
        Path h = dir.resolve("t.h");
        Files.writeString(h, text);
        Tools.Run r = Tools.run(dir, clang, "-ffreestanding", "-fsyntax-only", "-x", "c", h.toString());
        assertTrue(r.ok(), r.output());
    }

    private Path write(TypeLibrary lib, Abi abi) throws IOException {
        ExportResult res = new CExporter().export(lib, ExportOptions.of(abi));
        Path h = dir.resolve("layout.h");
        Files.writeString(h, res.text());
        return h;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
