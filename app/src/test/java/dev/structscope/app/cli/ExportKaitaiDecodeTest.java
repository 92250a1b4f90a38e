package dev.structscope.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.structscope.model.c.HeaderImporter;
import dev.structscope.model.export.KaitaiExporter;
import dev.structscope.model.type.Enumerator;
import dev.structscope.model.type.TypeLibrary;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The issue's own check: a sample file written by gcc ({@code fwrite} of initialised structs) is
 * parsed by the Kaitai parser generated from {@code structscope export --to ksy} (npm compiler,
 * JavaScript target under node) to the same values {@code structscope decode} prints.
 */
class ExportKaitaiDecodeTest {
    private static final String HEADER = """
            enum Mode { OFF, ON, AUTO = 7 };
            struct In { short a; unsigned char b; };
            struct Rec {
                unsigned char kind;
                int value;
                unsigned f1 : 3;
                int f2 : 5;
                unsigned long long wide : 44;
                enum Mode mode;
                struct In in;
                union { int i; unsigned char raw[4]; } u;
                short arr[2][2];
                long long big;
                double d;
            };
            """;
    private static final String WRITER = """
            #include <stdio.h>
            #include "rec.h"
            int main(void) {
                struct Rec r[2] = {
                    {200, -123456, 5, -9, 0xABCDEF12345ULL, AUTO, {-300, 250}, {.i = 0x01020304}, {{1, -2}, {3, -4}}, -5000000000LL, 2.5},
                    {7, 42, 1, 15, 1, ON, {12, 1}, {.i = -1}, {{-7, 8}, {9, 10}}, 123456789012LL, -0.125},
                };
                FILE *f = fopen("sample.bin", "wb");
                fwrite(r, sizeof r, 1, f);
                return fclose(f) != 0;
            }
            """;

    @TempDir
    Path dir;

    @Test
    void kaitaiParserGivesTheValuesDecodeGives() throws Exception {
        String gcc = ExportCommandTestTools.find("gcc");
        String node = ExportCommandTestTools.find("node");
        Assumptions.assumeTrue(gcc != null && node != null, "gcc and node are needed");
        Path driver = Path.of("../model/src/test/resources/export/ksy-check.js").toAbsolutePath().normalize();
        Assumptions.assumeTrue(Files.isRegularFile(driver), "run from the app module of the source tree");
        String modules = ExportCommandTestTools.kaitaiModules();
        Assumptions.assumeTrue(modules != null, "npm packages kaitai-struct-compiler, kaitai-struct, js-yaml not installed");

        Path h = dir.resolve("rec.h");
        Files.writeString(h, HEADER);
        Files.writeString(dir.resolve("w.c"), WRITER);
        assertEquals(0, ExportCommandTestTools.run(dir, gcc, "-o", "w", "w.c"));
        assertEquals(0, ExportCommandTestTools.run(dir, dir.resolve("w").toString()));
        byte[] data = Files.readAllBytes(dir.resolve("sample.bin"));

        ExportCommandTest.Result dec = ExportCommandTest.cli("decode", h.toString(), "--type", "Rec",
                dir.resolve("sample.bin").toString(), "--all", "--format", "json");
        assertEquals(0, dec.status(), dec.err());
        JsonNode decoded = new ObjectMapper().readTree(dec.out());
        assertEquals(2, decoded.size());

        Path ksy = dir.resolve("rec.ksy");
        ExportCommandTest.Result exp = ExportCommandTest.cli("export", h.toString(), "--to", "ksy", "--type", "Rec",
                "-o", ksy.toString());
        assertEquals(0, exp.status(), exp.err());

        int size = data.length / 2;
        List<List<String>> paths = new ArrayList<>();
        leaves(decoded.get(0), new ArrayList<>(), paths);
        ArrayNode requests = new ObjectMapper().createArrayNode();
        for (int k = 0; k < 2; k++) {
            ObjectNode r = requests.addObject();
            r.put("type", "rec");
            byte[] one = java.util.Arrays.copyOfRange(data, k * size, (k + 1) * size);
            r.put("hex", HexFormat.of().formatHex(one));
            ArrayNode ps = r.putArray("paths");
            for (List<String> p : paths) {
                ArrayNode a = ps.addArray();
                p.forEach(seg -> a.add(KaitaiExporter.id(seg)));
            }
        }
        Path req = dir.resolve("req.json");
        Files.writeString(req, requests.toString());
        ProcessBuilder pb = new ProcessBuilder(node, driver.toString(), ksy.toString(), req.toString())
                .directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("NODE_PATH", modules);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(300, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        JsonNode parsed = new ObjectMapper().readTree(out.strip().lines().filter(l -> l.startsWith("[")).findFirst().orElseThrow());

        TypeLibrary lib = HeaderImporter.importFile(h, HeaderImporter.Options.defaults());
        Map<String, Long> modes = new java.util.HashMap<>();
        for (Enumerator e : lib.enumByTag("Mode").orElseThrow().enumerators()) {
            modes.put(e.name(), e.value());
        }
        for (int k = 0; k < 2; k++) {
            assertEquals(size, parsed.get(k).get("consumed").asInt());
            JsonNode values = parsed.get(k).get("values");
            for (List<String> path : paths) {
                JsonNode want = decoded.get(k);
                for (String seg : path) {
                    want = want.get(seg);
                }
                String key = String.join(".", path.stream().map(KaitaiExporter::id).toList());
                List<Double> w = numbers(want, modes);
                List<Double> g = numbers(values.get(key), modes);
                assertEquals(w, g, "record " + k + " " + key);
            }
        }
    }

    /** Paths to every member whose decoded value is a number, string (enum) or array (not an object). */
    private static void leaves(JsonNode n, List<String> prefix, List<List<String>> out) {
        for (Iterator<Map.Entry<String, JsonNode>> it = n.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            List<String> p = new ArrayList<>(prefix);
            p.add(e.getKey());
            if (e.getValue().isObject()) {
                leaves(e.getValue(), p, out);
            } else {
                out.add(p);
            }
        }
    }

    /** A value flattened to numbers (arrays row-major, enum names by value; 64-bit as doubles, as JavaScript has them). */
    private static List<Double> numbers(JsonNode v, Map<String, Long> enums) {
        List<Double> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            out.add(Double.NaN);
        } else if (v.isArray()) {
            v.forEach(x -> out.addAll(numbers(x, enums)));
        } else if (v.isTextual()) {
            out.add(enums.containsKey(v.asText()) ? (double) enums.get(v.asText()) : Double.NaN);
        } else if (v.isBoolean()) {
            out.add(v.asBoolean() ? 1.0 : 0.0);
        } else {
            out.add(v.asDouble());
        }
        return out;
    }
}
