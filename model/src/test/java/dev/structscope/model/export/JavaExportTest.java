package dev.structscope.model.export;

import dev.structscope.model.abi.Abi;
import dev.structscope.model.abi.Abis;
import dev.structscope.model.layout.FieldLayout;
import dev.structscope.model.layout.LayoutEngine;
import dev.structscope.model.layout.RecordLayout;
import dev.structscope.model.type.TypeLibrary;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.foreign.Arena;
import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout.PathElement;
import java.lang.foreign.MemorySegment;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Java export of every ABI compiles with {@code javac --release 25} (one run); the loaded classes' {@code LAYOUT}s
 * give the layout engine's sizes, alignments and offsets (by {@code PathElement}); bit-field
 * accessors read and write the bytes gcc produces.
 */
class JavaExportTest {
    private static final String JAVAC = "/usr/lib/jvm/temurin-25-jdk-amd64/bin/javac";

    @TempDir
    Path dir;

    @TempDir
    static Path shared;

    /** Every ABI's export (package gen.ABI) and a big-endian one (gen.be), compiled in one javac run. */
    private static URLClassLoader loader;

    @BeforeAll
    static void compileAll() throws Exception {
        List<ExportResult> exports = new ArrayList<>();
        for (Abi abi : Abis.ALL) {
            exports.add(new JavaExporter().export(Corpus.everything(), ExportOptions.of(abi).withPackage(pkg(abi))));
        }
        exports.add(new JavaExporter().export(Corpus.plain(),
                ExportOptions.defaults().withByteOrder(java.nio.ByteOrder.BIG_ENDIAN).withPackage("gen.be")));
        loader = compile(shared, exports);
    }

    @AfterAll
    static void close() throws Exception {
        if (loader != null) {
            loader.close();
        }
    }

    static String pkg(Abi abi) {
        return "gen." + abi.name().replace('-', '_');
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dev.structscope.model.export.Corpus#everythingOnEachAbi")
    void loadedLayoutsMatchTheEngine(String abiName, String corpus) throws Exception {
        Abi abi = Abi.byName(abiName);
        TypeLibrary lib = Corpus.everything();
        {
            for (RecordLayout rl : LayoutEngine.layoutAll(lib, abi)) {
                Class<?> c = loader.loadClass(pkg(abi) + "." + JavaExporter.ident(rl.name()));
                GroupLayout g = (GroupLayout) c.getField("LAYOUT").get(null);
                assertEquals(rl.size(), g.byteSize(), rl.name() + " size");
                assertEquals(rl.align(), g.byteAlignment(), rl.name() + " align");
                assertEquals(rl.name(), g.name().orElseThrow());
                // Members of anonymous structs and unions too, by their own names (the contract).
                for (FieldLayout f : rl.visibleFields()) {
                    if (!f.isBitField()) {
                        assertEquals(f.offset(), g.byteOffset(PathElement.groupElement(f.name())), rl.name() + "." + f.name());
                    }
                }
                for (FieldLayout f : rl.visibleFields()) {
                    if (!f.isBitField()) {
                        assertEquals(f.offset(), c.getField(JavaExporter.ident(f.name()) + "$OFFSET").getLong(null),
                                rl.name() + "." + f.name() + "$OFFSET");
                    }
                }
            }
        }
    }

    @Test
    void accessorsReadAndWriteWhatGccWrites() throws Exception {
        TypeLibrary lib = Corpus.everything();
        {
            for (String type : List.of("Flags", "Wide", "WithEnum")) {
                CSample.Sample s = CSample.of(lib, type, dir);
                Class<?> c = loader.loadClass(pkg(Abis.X86_64_LINUX) + "." + type);
                try (Arena arena = Arena.ofConfined()) {
                    MemorySegment seg = arena.allocate(s.bytes().length);
                    seg.copyFrom(MemorySegment.ofArray(s.bytes()));
                    MemorySegment fresh = arena.allocate(s.bytes().length);
                    for (Map.Entry<String, Long> e : s.values().entrySet()) {
                        Method get = c.getMethod(e.getKey(), MemorySegment.class);
                        Object v = get.invoke(null, seg);
                        long got = v instanceof Boolean b ? (b ? 1 : 0) : ((Number) v).longValue();
                        // Java's byte/short/int are signed, as in jextract: compare the same bits.
                        long want = switch (v) {
                            case Byte b -> (byte) e.getValue().longValue();
                            case Short sh -> (short) e.getValue().longValue();
                            case Integer i -> (int) e.getValue().longValue();
                            default -> e.getValue();
                        };
                        assertEquals(want, got, type + "." + e.getKey());
                        Method set = c.getMethod(e.getKey(), MemorySegment.class, get.getReturnType());
                        set.invoke(null, fresh, v);
                    }
                    assertArrayEquals(s.bytes(), fresh.toArray(java.lang.foreign.ValueLayout.JAVA_BYTE), type + " written bytes");
                }
            }
        }
    }

    @Test
    void bigEndianPutsTheMostSignificantByteFirst() throws Exception {
        {
            Class<?> c = loader.loadClass("gen.be.Point");
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment seg = arena.allocate(4);
                c.getMethod("y", MemorySegment.class, short.class).invoke(null, seg, (short) 0x1234);
                assertArrayEquals(new byte[] {0, 0, 0x12, 0x34}, seg.toArray(java.lang.foreign.ValueLayout.JAVA_BYTE));
            }
        }
    }

    /**
     * Issue 14: a union's anonymous structs keep their first members reachable by name at the top
     * level (zero-length markers), an anonymous union in a struct all of its members; the rest is
     * named in a warning, and reachable through the group.
     */
    @Test
    void anonymousMembersAreReachableByNameOrNamedInAWarning() throws Exception {
        TypeLibrary lib = dev.structscope.model.c.HeaderImporter.importText("""
                struct S { char c; union { int u1; float u2; struct { short s1, s2; }; }; struct { int t1; union { char v1; long long v2; }; }; };
                union U { struct { int a1; int a2; }; struct { long long b1; }; union { char w1; short w2; }; };
                """, "anon.h", dev.structscope.model.c.HeaderImporter.Options.defaults());
        ExportResult res = new JavaExporter().export(lib, ExportOptions.defaults().withPackage("gen.anon"));
        try (URLClassLoader l = compile(dir, List.of(res))) {
            for (RecordLayout rl : LayoutEngine.layoutAll(lib, Abis.X86_64_LINUX)) {
                GroupLayout g = (GroupLayout) l.loadClass("gen.anon." + rl.name()).getField("LAYOUT").get(null);
                assertEquals(rl.size(), g.byteSize(), rl.name());
                for (FieldLayout f : rl.visibleFields()) {
                    if (List.of("S.s2", "U.a2").contains(rl.name() + "." + f.name())) {
                        continue; // inside an anonymous struct of a union, after its start: a group member only
                    }
                    assertEquals(f.offset(), g.byteOffset(PathElement.groupElement(f.name())), rl.name() + "." + f.name());
                }
            }
        }
        String why = " of anonymous records are in LAYOUT only under their group (FFM group layouts cannot overlap"
                + " members); NAME$OFFSET gives each offset";
        assertEquals(List.of("S_anon0: members s2" + why, "S: members s2" + why, "U: members a2" + why), res.warnings());
    }

    static URLClassLoader compile(Path dir, List<ExportResult> exports) throws Exception {
        String javac = Tools.require("JDK 25 javac", JAVAC);
        Path out = Files.createDirectories(dir.resolve("classes"));
        List<String> cmd = new ArrayList<>(List.of(javac, "--release", "25", "-Xlint:all", "-Werror", "-d", out.toString()));
        for (int i = 0; i < exports.size(); i++) {
            Path src = Files.createDirectories(dir.resolve("src" + i));
            for (ExportResult.File f : exports.get(i).files()) {
                Path p = src.resolve(f.name());
                Files.writeString(p, f.text());
                cmd.add(p.toString());
            }
        }
        Tools.Run r = Tools.run(dir, cmd);
        assertTrue(r.ok(), () -> r.output());
        return new URLClassLoader(new URL[] {out.toUri().toURL()}, JavaExportTest.class.getClassLoader());
    }
}
