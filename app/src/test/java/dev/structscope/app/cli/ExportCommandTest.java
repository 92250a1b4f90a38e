package dev.structscope.app.cli;

import dev.structscope.model.abi.Abis;
import dev.structscope.model.doc.LayoutDocuments;
import dev.structscope.model.layout.LayoutEngine;
import dev.structscope.model.type.TypeLibrary;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code structscope export} as the contract says: targets, -o, --package, --type, errors (exit 2). */
class ExportCommandTest {
    private static final String HEADER = """
            /* A sensor reading */
            struct Reading {
                unsigned char kind;   /* what was measured */
                double value;
                unsigned flags : 3;
                unsigned level : 5;
                short samples[2][3];
            };
            #pragma pack(push, 1)
            struct Wire { char tag; int len; struct Reading r; };
            #pragma pack(pop)
            struct Other { int x; };
            """;

    @TempDir
    Path dir;
    Path header;

    @BeforeEach
    void writeHeader() throws IOException {
        header = dir.resolve("sensor.h");
        Files.writeString(header, HEADER);
    }

    @Test
    void cHeaderOnStdoutCompilesWithItsAssertsForTheAbi() throws Exception {
        CliRun r = CliRun.run("export", header.toString(), "--to", "c", "--abi", "i386-linux");
        assertEquals(0, r.status(), r.err.toString());
        assertTrue(r.out.toString().contains("_Static_assert(offsetof(struct Wire, r) == 5"), r.out.toString());
        Path h = dir.resolve("out.h");
        Files.writeString(h, r.out.toString());
        String clang = find("clang-16");
        Assumptions.assumeTrue(clang != null, "clang-16 not installed");
        assertEquals(0, run(clang, "-target", "i386-unknown-linux-gnu", "-ffreestanding", "-fsyntax-only", "-x", "c", h.toString()));
    }

    /**
     * The C header exported for i386 holds i386's sizes in its static assertions: read for
     * x86-64 (the default) one fails, and the message says which ABI the header is for; read
     * with that --abi it gives the same layout. (The message said only "static assertion failed".)
     */
    @Test
    void ownHeaderReadForAnotherAbiSaysWhichItWasWrittenFor() throws Exception {
        Path h = dir.resolve("wire_i386.h");
        CliRun w = CliRun.run("export", header.toString(), "--to", "c", "--abi", "i386-linux", "-o", h.toString());
        assertEquals(0, w.status(), w.err.toString());
        CliRun r = CliRun.run("layout", h.toString());
        assertEquals(2, r.status());
        assertTrue(r.err.toString().contains("static assertion failed")
                && r.err.toString().contains("(the header was written for i386-linux: read it with --abi i386-linux)"),
                r.err.toString());
        CliRun again = CliRun.run("layout", h.toString(), "--abi", "i386-linux", "--json");
        assertEquals(0, again.status(), again.err.toString());
        assertEquals(CliRun.run("layout", header.toString(), "--abi", "i386-linux", "--json").out.toString(),
                again.out.toString());
    }

    @Test
    void javaGoesToADirectoryInThePackageAndCompiles() throws Exception {
        Path out = dir.resolve("gen");
        CliRun r = CliRun.run("export", header.toString(), "--to", "java", "-o", out.toString(), "--package", "com.example.wire");
        assertEquals(0, r.status(), r.err.toString());
        List<String> files = new ArrayList<>();
        try (var s = Files.list(out)) {
            s.forEach(p -> files.add(p.getFileName().toString()));
        }
        assertEquals(List.of("Other.java", "Reading.java", "Wire.java"), files.stream().sorted().toList());
        assertTrue(Files.readString(out.resolve("Wire.java")).startsWith("// Generated"));
        assertTrue(Files.readString(out.resolve("Wire.java")).contains("package com.example.wire;"));
        String javac = "/usr/lib/jvm/temurin-25-jdk-amd64/bin/javac";
        Assumptions.assumeTrue(Files.isExecutable(Path.of(javac)), "JDK 25 javac not installed");
        List<String> cmd = new ArrayList<>(List.of(javac, "--release", "25", "-d", dir.resolve("classes").toString()));
        files.forEach(f -> cmd.add(out.resolve(f).toString()));
        assertEquals(0, run(cmd.toArray(String[]::new)));
    }

    @Test
    void typeKeepsOnlyWhatItUsesAndOutputGoesToTheFile() throws Exception {
        Path out = dir.resolve("wire.rs");
        CliRun r = CliRun.run("export", header.toString(), "--to", "rust", "--type", "Wire", "-o", out.toString());
        assertEquals(0, r.status(), r.err.toString());
        assertEquals("", r.out.toString());
        String text = Files.readString(out);
        assertTrue(text.contains("pub struct Wire") && text.contains("pub struct Reading"), text);
        assertTrue(!text.contains("pub struct Other"), text);
    }

    @Test
    void jsonIsTheLayoutDocumentOfTheSameTypes() {
        CliRun r = CliRun.run("export", header.toString(), "--to", "json", "--type", "struct Wire");
        assertEquals(0, r.status(), r.err.toString());
        TypeLibrary lib = LayoutDocuments.parse(r.out.toString(), "export.json").library();
        assertTrue(lib.findRecord("Other").isEmpty());
        TypeLibrary fromHeader = dev.structscope.model.c.HeaderImporter.importText(HEADER, "sensor.h",
                dev.structscope.model.c.HeaderImporter.Options.defaults());
        assertEquals(LayoutEngine.layout("Wire", fromHeader, Abis.X86_64_LINUX),
                LayoutEngine.layout("Wire", lib, Abis.X86_64_LINUX));
    }

    @Test
    void ksyAndCtypesWriteText() {
        CliRun k = CliRun.run("export", header.toString(), "--to", "ksy", "--type", "Reading");
        assertEquals(0, k.status(), k.err.toString());
        assertTrue(k.out.toString().contains("meta:\n  id: reading_records"), k.out.toString());
        assertTrue(k.out.toString().contains("\n  reading:\n"), k.out.toString());
        CliRun c = CliRun.run("export", header.toString(), "--to", "ctypes", "--byte-order", "big");
        assertEquals(0, c.status(), c.err.toString());
        assertTrue(c.out.toString().contains("class Reading(ctypes.BigEndianStructure):"), c.out.toString());
        // Big-endian bit-fields are numbered from the most significant bit, as BigEndianStructure does: named.
        assertTrue(c.out.toString().contains("(\"flags\", ctypes.c_uint16, 3),"), c.out.toString());
        assertTrue(c.err.toString().isEmpty(), c.err.toString());
    }

    @Test
    void badInputIsExitTwoWithOneLine() {
        assertBad(CliRun.run("export", header.toString(), "--to", "cobol"), "--to: unknown export target 'cobol'");
        assertBad(CliRun.run("export", header.toString(), "--to", "c", "--byte-order", "middle"), "--byte-order");
        assertBad(CliRun.run("export", header.toString(), "--to", "c", "--type", "Nope"), "no struct or union named 'Nope'");
        assertBad(CliRun.run("export", header.toString(), "--to", "java", "--package", "1bad"), "--package");
        assertBad(CliRun.run("export", dir.resolve("missing.h").toString(), "--to", "c"), "no such file");
        assertBad(CliRun.run("export", header.toString(), "--to", "java", "-o", header.toString()), "must be a directory");
        assertBad(CliRun.run("export", header.toString(), "--to", "c", "-o", dir.toString()), "is a directory");
        assertBad(CliRun.run("export", header.toString(), "--to", "c", "-o", dir.resolve("no/such/dir/x.h").toString()),
                "no/such/dir does not exist");
    }

    private static void assertBad(CliRun r, String message) {
        String err = r.refusal();
        assertTrue(err.contains(message), err);
    }

    private static String find(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, tool))) {
                return Path.of(d, tool).toString();
            }
        }
        return null;
    }

    private int run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        if (p.exitValue() != 0) {
            System.err.println(out);
        }
        return p.exitValue();
    }
}
