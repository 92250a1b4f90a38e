package dev.structscope.model.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.HexFormat;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * python3 loads the ctypes export; {@code ctypes.sizeof}, member offsets and bit-field positions
 * ({@code Cls.f.offset}, {@code Cls.f.size}) match the layout engine for every ABI, and values
 * read from gcc's bytes are the ones gcc stored.
 */
class CtypesExportTest {
    static final String DUMP = """
            import ctypes, importlib.util, json, sys
            spec = importlib.util.spec_from_file_location("layout", sys.argv[1])
            m = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(m)
            out = {}
            for name, cls in vars(m).items():
                if isinstance(cls, type) and issubclass(cls, (ctypes.Structure, ctypes.Union)) and cls.__module__ == "layout":
                    attrs = {k: [v.offset, v.size] for k, v in vars(cls).items() if type(v).__name__ == "CField"}
                    out[name] = {"size": ctypes.sizeof(cls), "align": ctypes.alignment(cls), "attrs": attrs}
            print(json.dumps(out))
            """;

    @TempDir
    Path dir;

    @ParameterizedTest
    @MethodSource("dev.structscope.model.abi.AbiNames#all")
    void sizesAndOffsetsMatchTheEngine(String abiName) throws Exception {
        String py = Tools.require("python3", "python3");
        Abi abi = Abi.byName(abiName);
        TypeLibrary lib = Corpus.everything();
        ExportResult res = new CtypesExporter().export(lib, ExportOptions.of(abi));
        Files.writeString(dir.resolve("layout.py"), res.text());
        Files.writeString(dir.resolve("dump.py"), DUMP);
        Tools.Run r = Tools.run(dir, py, "dump.py", dir.resolve("layout.py").toString());
        assertTrue(r.ok(), () -> r.output() + "\n---\n" + res.text());
        JsonNode json = new ObjectMapper().readTree(r.output());
        for (RecordLayout rl : LayoutEngine.layoutAll(lib, abi)) {
            JsonNode cls = json.get(rl.name());
            assertEquals(rl.size(), cls.get("size").asLong(), rl.name() + " sizeof");
            if (res.warnings().stream().noneMatch(w -> w.startsWith(rl.name() + ": C aligns it to"))) {
                assertEquals(rl.align(), cls.get("align").asLong(), rl.name() + " ctypes.alignment");
            }
            for (FieldLayout f : rl.visibleFields()) {
                JsonNode a = cls.get("attrs").get(f.name());
                if (f.isBitField()) {
                    if (a == null) {
                        // Not expressible: must have been reported.
                        assertTrue(res.warnings().stream().anyMatch(w -> w.startsWith(rl.name() + ": bit-fields")
                                && w.contains(f.name())), rl.name() + "." + f.name() + " missing without a warning");
                        continue;
                    }
                    long size = a.get(1).asLong();
                    assertEquals(f.bits().offset(), a.get(0).asLong() * 8 + (size & 0xFFFF), rl.name() + "." + f.name() + " bit");
                    assertEquals(f.bits().width(), size >> 16, rl.name() + "." + f.name() + " width");
                } else {
                    assertTrue(a != null, rl.name() + "." + f.name() + " missing in " + cls);
                    assertEquals(f.offset(), a.get(0).asLong(), rl.name() + "." + f.name());
                    assertEquals(f.size(), a.get(1).asLong(), rl.name() + "." + f.name() + " size");
                }
            }
        }
    }

    @Test
    void valuesReadFromGccBytesAreThoseGccStored() throws Exception {
        String py = Tools.require("python3", "python3");
        TypeLibrary lib = Corpus.everything();
        ExportResult res = new CtypesExporter().export(lib, ExportOptions.defaults());
        Files.writeString(dir.resolve("layout.py"), res.text());
        for (String type : new String[] {"Flags", "Wide", "WithEnum", "Anon", "Shape", "Basic", "PackedBits"}) {
            CSample.Sample s = CSample.of(lib, type, dir);
            StringBuilder script = new StringBuilder("""
                    import importlib.util, sys
                    spec = importlib.util.spec_from_file_location("layout", "layout.py")
                    m = importlib.util.module_from_spec(spec)
                    spec.loader.exec_module(m)
                    """);
            script.append("o = m.").append(type).append(".from_buffer_copy(bytes.fromhex(\"")
                    .append(HexFormat.of().formatHex(s.bytes())).append("\"))\n");
            for (Map.Entry<String, Long> e : s.values().entrySet()) {
                boolean raw = res.warnings().stream().anyMatch(w -> w.startsWith(type + ": bit-fields")
                        && w.matches(".*\\b" + e.getKey() + "\\b.*"));
                if (!raw) {
                    script.append("print(\"").append(e.getKey()).append("\", int(o.").append(e.getKey()).append("))\n");
                }
            }
            Files.writeString(dir.resolve("read.py"), script);
            Tools.Run r = Tools.run(dir, py, "read.py");
            assertTrue(r.ok(), r.output());
            for (String line : r.output().strip().split("\n")) {
                String[] kv = line.split(" ");
                assertEquals(s.values().get(kv[0]).longValue(), Long.parseLong(kv[1]), type + "." + kv[0]);
            }
        }
    }

    /** The cases of issue 14: names Python would mangle, bit-field runs ctypes 3.11 lays out otherwise, alignment. */
    @Test
    void issueCasesLoadWithCsSizesAlignmentsAndEveryBitFieldName() throws Exception {
        String py = Tools.require("python3", "python3");
        TypeLibrary lib = dev.structscope.model.c.HeaderImporter.importText("""
                #include <stdint.h>
                struct m1 { uint64_t a0:1, a1:7, b0:1, b1:15, c0:1, c1:7, d:32; };
                typedef struct { unsigned long __val[16]; } __sigset_t;
                enum __how { __SIG_A = 1, SIG_B };
                struct holder { char c; __sigset_t __mask; enum __how __h; };
                struct small { char c; int x : 4; };
                struct wide { char c; } __attribute__((aligned(32)));
                struct in_wide { char c; struct wide w; };
                #pragma pack(1)
                struct r { char c; uint64_t a : 60; uint64_t b : 10; };
                #pragma pack()
                """, "issue.h", dev.structscope.model.c.HeaderImporter.Options.defaults());
        ExportResult res = new CtypesExporter().export(lib, ExportOptions.defaults());
        Files.writeString(dir.resolve("layout.py"), res.text());
        Files.writeString(dir.resolve("dump.py"), DUMP);
        Tools.Run r = Tools.run(dir, py, "dump.py", dir.resolve("layout.py").toString());
        assertTrue(r.ok(), () -> r.output() + "\n---\n" + res.text());
        JsonNode json = new ObjectMapper().readTree(r.output());
        for (RecordLayout rl : LayoutEngine.layoutAll(lib, Abis.X86_64_LINUX)) {
            JsonNode cls = json.get(rl.name());
            assertEquals(rl.size(), cls.get("size").asLong(), rl.name());
            if (!rl.name().equals("wide") && !rl.name().equals("in_wide")) {
                assertEquals(rl.align(), cls.get("align").asLong(), rl.name() + " alignment");
            }
        }
        assertEquals(8, json.get("m1").get("size").asLong());
        for (String f : new String[] {"a0", "a1", "b0", "b1", "c0", "c1", "d"}) {
            assertTrue(json.get("m1").get("attrs").has(f), f + " in " + json.get("m1"));
        }
        assertTrue(json.get("holder").get("attrs").has("__mask"), json.get("holder").toString());
        // aligned(32) is beyond what a zero-length member gives in 3.11: _align_, said in a warning.
        assertTrue(res.text().contains("_align_ = 32"), res.text());
        assertTrue(res.warnings().stream().anyMatch(w -> w.startsWith("wide: C aligns it to 32")), res.warnings().toString());
        String py313 = Tools.python313();
        if (py313 != null) { // Python 3.13 honours _align_: C's alignment there too
            Tools.Run r13 = Tools.run(dir, py313, "dump.py", dir.resolve("layout.py").toString());
            assertTrue(r13.ok(), r13::output);
            JsonNode j13 = new ObjectMapper().readTree(r13.output());
            assertEquals(32, j13.get("wide").get("align").asLong());
            assertEquals(64, j13.get("in_wide").get("size").asLong());
            assertEquals(32, j13.get("in_wide").get("attrs").get("w").get(0).asLong());
        }
        // r.b straddles the only 8-byte unit that can hold r.a: raw bytes, with a warning naming both.
        assertTrue(res.warnings().stream().anyMatch(w -> w.startsWith("r: bit-fields a, b")), res.warnings().toString());
    }
}
