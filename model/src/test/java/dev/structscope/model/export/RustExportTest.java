package dev.structscope.model.export;

import dev.structscope.model.abi.Abi;
import dev.structscope.model.abi.Abis;
import dev.structscope.model.layout.FieldLayout;
import dev.structscope.model.layout.LayoutEngine;
import dev.structscope.model.layout.RecordLayout;
import dev.structscope.model.type.TypeLibrary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * rustc compiles the Rust export (natively, x86_64) with its const assertions on size_of,
 * align_of and offset_of! for each ABI's layout; the bit-field accessors read gcc's bytes.
 */
class RustExportTest {
    @TempDir
    Path dir;

    static String rustc() {
        String home = System.getProperty("user.home");
        return Tools.require("rustc (rustup toolchain)", home + "/.cargo/bin/rustc", "/root/.cargo/bin/rustc", "rustc");
    }

    @ParameterizedTest
    @MethodSource("dev.structscope.model.abi.AbiNames#all")
    void rustcAcceptsTheAssertions(String abiName) throws Exception {
        String rustc = rustc();
        ExportResult res = new RustExporter().export(Corpus.everything(), ExportOptions.of(Abi.byName(abiName)));
        Files.writeString(dir.resolve("layout.rs"), res.text());
        Tools.Run r = Tools.run(dir, rustc, "--crate-type", "lib", "--edition", "2021", "-o", dir.resolve("liblayout.rlib").toString(),
                "layout.rs");
        assertTrue(r.ok(), () -> r.output() + "\n---\n" + res.text());
        assertTrue(res.text().contains("core::mem::offset_of!(Shape, grid) == "), res.text());
        // Rust has no packed + align: a packed inner type in an aligned wrapper, C's alignment asserted.
        assertTrue(res.text().contains("pub struct PackedAligned(pub PackedAligned_packed);"), res.text());
        assertTrue(res.text().contains("const _: () = assert!(core::mem::align_of::<PackedAligned>() == 4);"), res.text());
        if (!abiName.equals("x86_64-windows")) { // MSVC keeps the 16-byte alignment inside a packed record
            // A packed record may not hold an aligned one (E0588): its bytes, said in a warning.
            assertTrue(res.warnings().stream().anyMatch(w -> w.startsWith("PackedHolder.a: held as bytes")),
                    res.warnings().toString());
        }
        assertTrue(res.text().contains("const _: () = assert!(core::mem::size_of::<PackedAligned>() == "), res.text());
    }

    @Test
    void aWrongLayoutFailsTheAssertions() throws Exception {
        String rustc = rustc();
        String text = new RustExporter().export(Corpus.plain(), ExportOptions.defaults()).text();
        RecordLayout basic = LayoutEngine.layout("Basic", Corpus.plain(), Abis.X86_64_LINUX);
        String bad = text.replace("size_of::<Basic>() == " + basic.size(), "size_of::<Basic>() == " + (basic.size() + 8));
        Files.writeString(dir.resolve("bad.rs"), bad);
        Tools.Run r = Tools.run(dir, rustc, "--crate-type", "lib", "--edition", "2021", "-o", dir.resolve("libbad.rlib").toString(), "bad.rs");
        assertTrue(!r.ok() && r.output().contains("assertion failed"), r.output());
    }

    @Test
    void bitFieldAccessorsReadGccBytes() throws Exception {
        readsGccBytes(Corpus.bitfields(), List.of("Flags", "Wide", "WithEnum"), false);
    }

    /**
     * Issue 14: a packed bit-field run longer than 8 bytes and bit offsets of 64 and more, read in
     * debug (overflow checks) and release builds; a packed record holding an aligned type two
     * levels down compiles (E0588); a packed and aligned record has C's alignment.
     */
    @Test
    void longRunsDeepAlignmentAndPackedAligned() throws Exception {
        TypeLibrary lib = dev.structscope.model.c.HeaderImporter.importText("""
                #include <stdint.h>
                struct A { int x; } __attribute__((aligned(16)));
                struct B { struct A a; char k; };
                #pragma pack(1)
                struct r { char c; uint64_t a : 60; uint64_t b : 10; };
                struct q { uint64_t a : 60, b : 60, c : 8; int64_t d : 40; };
                struct C { char c; struct B b; short s; };
                #pragma pack()
                struct __attribute__((packed, aligned(8))) pa { char c; int i; short s : 9; };
                """, "rust.h", dev.structscope.model.c.HeaderImporter.Options.defaults());
        for (boolean release : new boolean[] {false, true}) {
            readsGccBytes(lib, List.of("r", "q", "pa"), release);
        }
        assertTrue(Files.readString(dir.resolve("layout.rs")).contains("assert!(core::mem::align_of::<pa>() == 8)"));
    }

    private void readsGccBytes(TypeLibrary lib, List<String> types, boolean release) throws Exception {
        String rustc = rustc();
        Files.writeString(dir.resolve("layout.rs"), new RustExporter().export(lib, ExportOptions.defaults()).text());
        for (String type : types) {
            CSample.Sample s = CSample.of(lib, type, dir);
            RecordLayout rl = LayoutEngine.layout(type, lib, Abis.X86_64_LINUX);
            StringBuilder main = new StringBuilder("#[path = \"layout.rs\"]\nmod layout;\nuse layout::*;\nfn main() {\n");
            main.append("    let bytes: [u8; ").append(s.bytes().length).append("] = [");
            for (byte b : s.bytes()) {
                main.append(b & 0xFF).append(", ");
            }
            main.append("];\n    let s: ").append(type).append(" = unsafe { core::ptr::read_unaligned(bytes.as_ptr() as *const ")
                    .append(type).append(") };\n");
            for (String name : s.values().keySet()) {
                FieldLayout f = rl.visibleFields().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
                main.append("    let v = s.").append(name).append(f.isBitField() ? "()" : "").append(";\n")
                        .append("    println!(\"").append(name).append(" {}\", v as i64);\n");
            }
            main.append("}\n");
            Files.writeString(dir.resolve("main.rs"), main);
            Tools.Run cc = Tools.run(dir, rustc, "--edition", "2021", release ? "-O" : "-Cdebug-assertions=on",
                    "-o", dir.resolve("main").toString(), "main.rs");
            assertTrue(cc.ok(), cc.output() + "\n" + main);
            Tools.Run run = Tools.run(dir, dir.resolve("main").toString());
            assertTrue(run.ok(), run.output());
            for (String line : run.output().strip().split("\n")) {
                String[] kv = line.split(" ");
                long want = s.values().get(kv[0]);
                assertEquals(want, Long.parseLong(kv[1]), type + "." + kv[0]);
            }
        }
    }
}
