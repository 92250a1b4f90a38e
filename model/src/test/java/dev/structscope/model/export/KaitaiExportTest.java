package dev.structscope.model.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.structscope.model.abi.Abi;
import dev.structscope.model.abi.Abis;
import dev.structscope.model.layout.FieldLayout;
import dev.structscope.model.layout.LayoutEngine;
import dev.structscope.model.layout.RecordLayout;
import dev.structscope.model.type.TypeLibrary;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The npm {@code kaitai-struct-compiler} accepts the .ksy for every ABI and its generated
 * JavaScript parser (with the {@code kaitai-struct} runtime, under node) consumes exactly
 * {@code sizeof} bytes per record; on x86_64 it decodes gcc's sample bytes to the values gcc stored.
 * Needs node and the npm packages kaitai-struct-compiler, kaitai-struct and js-yaml, found through
 * {@code KAITAI_NODE_PATH} or {@code npm root -g}.
 */
class KaitaiExportTest {
    @TempDir
    Path dir;

    @Test
    void compilesAndEachTypeConsumesItsSizeOnEveryAbi() throws Exception {
        TypeLibrary lib = Corpus.everything();
        List<ExportResult> exports = new ArrayList<>();
        List<ArrayNode> requests = new ArrayList<>();
        for (Abi abi : Abis.ALL) {
            exports.add(new KaitaiExporter().export(lib, ExportOptions.of(abi)));
            ArrayNode req = new ObjectMapper().createArrayNode();
            for (RecordLayout rl : LayoutEngine.layoutAll(lib, abi)) {
                ObjectNode r = req.addObject();
                r.put("type", KaitaiExporter.typeId(rl.name()));
                r.put("hex", HexFormat.of().formatHex(new byte[(int) rl.size()]));
                r.putArray("paths");
            }
            requests.add(req);
        }
        List<JsonNode> out = run(exports, requests);
        for (int a = 0; a < Abis.ALL.size(); a++) {
            List<RecordLayout> layouts = LayoutEngine.layoutAll(lib, Abis.ALL.get(a));
            for (int i = 0; i < layouts.size(); i++) {
                assertEquals(layouts.get(i).size(), out.get(a).get(i).get("consumed").asLong(),
                        Abis.ALL.get(a).name() + " " + layouts.get(i).name() + " size");
            }
        }
    }

    @Test
    void parsesGccSamplesToTheValuesGccStored() throws Exception {
        parsesToTheValuesGccStored(Corpus.everything(), List.of("Flags", "Wide", "WithEnum", "BitUnion", "Anon", "Shape",
                "Basic", "Tagged", "Packed", "Pack2", "PackedBits", "UsesVec"));
    }

    /** Issue 14: signed 1-bit and 64-bit bit-fields, 33-bit ones, records named like Kaitai's built-in types. */
    @Test
    void signedAndWideBitFieldsAndBuiltInTypeNames() throws Exception {
        TypeLibrary lib = dev.structscope.model.c.HeaderImporter.importText("""
                struct s2 { int enabled : 1; unsigned long long x33 : 33; int e2 : 1; long long s33 : 33; };
                struct u4 { long long s64 : 64; unsigned long long u64 : 64; long long s40 : 40; short k; };
                struct f8 { struct s2 a; struct u4 b; int last : 1; };
                union b12 { int one : 1; long long wide : 63; };
                struct kw { int in; short class; char is; long long new; };
                """, "kw.h", dev.structscope.model.c.HeaderImporter.Options.defaults());
        // Members named like Python/JS/Java keywords get an "f_": ksc passes ids through, and
        // Python's "self.in = ..." does not parse.
        assertEquals(List.of("f_in", "f_class", "f_is", "f_new", "inner"),
                List.of("in", "class", "is", "new", "inner").stream().map(KaitaiExporter::id).toList());
        assertEquals("s2_t", KaitaiExporter.typeId("s2"));
        assertEquals("u4le_t", KaitaiExporter.typeId("u4le"));
        assertEquals("point", KaitaiExporter.typeId("Point"));
        parsesToTheValuesGccStored(lib, List.of("s2", "u4", "f8", "b12", "kw"));
    }

    /**
     * With {@code --type} the file is the record back to back while a whole one fits, as
     * {@code decode --all} reads it: the bytes after the last (fewer than a record) are left, and
     * a file shorter than one record has none ({@code repeat: eos} failed on both).
     */
    @Test
    void filesOwnTypeLeavesBytesAfterTheLastWholeRecord() throws Exception {
        TypeLibrary lib = dev.structscope.model.c.HeaderImporter.importText("struct P { int x; short y; };", "p.h",
                dev.structscope.model.c.HeaderImporter.Options.defaults());
        ExportResult res = new KaitaiExporter().export(lib, ExportOptions.defaults().withType("P"));
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(2 * 8 + 5).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.putInt(0, 11).putShort(4, (short) 12).putInt(8, 21).putShort(12, (short) 22).put(16, (byte) 0x7F);
        ArrayNode requests = new ObjectMapper().createArrayNode();
        ObjectNode two = requests.addObject().put("type", "p_records").put("hex", HexFormat.of().formatHex(b.array()));
        two.putArray("paths").add(new ObjectMapper().createArrayNode().add("records").add("1").add("y"));
        requests.addObject().put("type", "p_records").put("hex", "0b000000").putArray("paths");
        JsonNode out = run(List.of(res), List.of(requests)).getFirst();
        assertEquals(16, out.get(0).get("consumed").asLong(), "two records of 8 bytes");
        assertEquals(22, out.get(0).get("values").get("records.1.y").asInt());
        assertEquals(0, out.get(1).get("consumed").asLong(), "4 bytes: no record");
    }

    private void parsesToTheValuesGccStored(TypeLibrary lib, List<String> types) throws Exception {
        ExportResult res = new KaitaiExporter().export(lib, ExportOptions.defaults());
        ObjectMapper om = new ObjectMapper();
        ArrayNode requests = om.createArrayNode();
        List<CSample.Sample> samples = new ArrayList<>();
        for (String type : types) {
            CSample.Sample s = CSample.of(lib, type, dir);
            samples.add(s);
            RecordLayout rl = LayoutEngine.layout(type, lib, Abis.X86_64_LINUX);
            ObjectNode r = requests.addObject();
            r.put("type", KaitaiExporter.typeId(type));
            r.put("hex", HexFormat.of().formatHex(s.bytes()));
            ArrayNode paths = r.putArray("paths");
            for (String cPath : s.values().keySet()) {
                ArrayNode p = paths.addArray();
                ksyPath(rl, cPath).forEach(p::add);
            }
        }
        JsonNode out = run(List.of(res), List.of(requests)).getFirst();
        for (int i = 0; i < types.size(); i++) {
            JsonNode values = out.get(i).get("values");
            RecordLayout rl = LayoutEngine.layout(types.get(i), lib, Abis.X86_64_LINUX);
            assertEquals(rl.size(), out.get(i).get("consumed").asLong(), types.get(i) + " consumed");
            for (Map.Entry<String, Long> e : samples.get(i).values().entrySet()) {
                String key = String.join(".", ksyPath(rl, e.getKey()));
                JsonNode v = values.get(key);
                assertTrue(v != null && v.isNumber(), types.get(i) + "." + key + " = " + v);
                // The JavaScript runtime reads 64-bit integers as doubles: compare as doubles.
                assertEquals((double) e.getValue(), v.asDouble(), types.get(i) + "." + key);
            }
        }
    }

    /** The Kaitai ids leading to a C member path, through the generated anonN members. */
    static List<String> ksyPath(RecordLayout rl, String cPath) {
        String first = cPath.contains(".") ? cPath.substring(0, cPath.indexOf('.')) : cPath;
        String rest = cPath.contains(".") ? cPath.substring(cPath.indexOf('.') + 1) : null;
        for (Slots.Slot s : Slots.of(rl, "bits_", "pad_")) {
            if (s instanceof Slots.Whole w && w.field().isAnonymousRecord() && w.field().layout() instanceof RecordLayout in) {
                List<String> sub = ksyPath(in, cPath);
                if (!sub.isEmpty()) {
                    List<String> out = new ArrayList<>(List.of(KaitaiExporter.id(w.name())));
                    out.addAll(sub);
                    return out;
                }
            }
        }
        for (FieldLayout f : rl.fields()) {
            if (first.equals(f.name())) {
                List<String> out = new ArrayList<>(List.of(KaitaiExporter.id(f.name())));
                if (rest != null) {
                    out.addAll(ksyPath((RecordLayout) f.layout(), rest));
                }
                return out;
            }
        }
        return List.of();
    }

    /** Compiles each export and parses its requests in one node process (the compiler loads once). */
    private List<JsonNode> run(List<ExportResult> exports, List<ArrayNode> requests) throws IOException {
        return run(dir, exports, requests);
    }

    /** Like {@link #run(List, List)} in {@code dir}; for other tests of the export package. */
    static List<JsonNode> run(Path dir, List<ExportResult> exports, List<ArrayNode> requests) throws IOException {
        String node = Tools.require("node (Debian package nodejs)", "node", "nodejs");
        String modules = nodeModules();
        Path script = dir.resolve("ksy-check.js");
        try (InputStream in = KaitaiExportTest.class.getResourceAsStream("/export/ksy-check.js")) {
            Files.write(script, in.readAllBytes());
        }
        List<String> cmd = new ArrayList<>(List.of(node, script.toString()));
        for (int i = 0; i < exports.size(); i++) {
            Path sub = Files.createDirectories(dir.resolve("k" + i));
            Path ksy = sub.resolve(exports.get(i).files().getFirst().name());
            Files.writeString(ksy, exports.get(i).text());
            Path req = sub.resolve("requests.json");
            Files.writeString(req, requests.get(i).toString());
            cmd.add(ksy.toString());
            cmd.add(req.toString());
        }
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("NODE_PATH", modules);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes());
        try {
            p.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        assertTrue(p.exitValue() == 0, () -> output + "\n---\n" + exports.getFirst().text());
        List<JsonNode> out = new ArrayList<>();
        for (String line : output.strip().split("\n")) {
            if (line.startsWith("[")) {
                out.add(new ObjectMapper().readTree(line));
            }
        }
        assertEquals(exports.size(), out.size(), output);
        return out;
    }

    /** Where the npm packages are: KAITAI_NODE_PATH, else the global npm root; skips when absent. */
    private static String nodeModules() {
        String env = System.getenv("KAITAI_NODE_PATH");
        List<String> candidates = new ArrayList<>();
        if (env != null) {
            candidates.add(env);
        }
        String npm = Tools.find("npm");
        if (npm != null) {
            Tools.Run r = Tools.run(Path.of("."), npm, "root", "-g");
            if (r.ok()) {
                String[] lines = r.output().strip().split("\n");
                candidates.add(lines[lines.length - 1].strip());
            }
        }
        for (String c : candidates) {
            if (Files.isDirectory(Path.of(c, "kaitai-struct-compiler")) && Files.isDirectory(Path.of(c, "kaitai-struct"))
                    && Files.isDirectory(Path.of(c, "js-yaml"))) {
                return c;
            }
        }
        Assumptions.abort("npm packages kaitai-struct-compiler, kaitai-struct and js-yaml are not installed"
                + " (npm install -g kaitai-struct-compiler kaitai-struct js-yaml, or set KAITAI_NODE_PATH)");
        return null;
    }
}
