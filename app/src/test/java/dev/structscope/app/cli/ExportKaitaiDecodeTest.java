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

    private static final Path DRIVER = Path.of("../model/src/test/resources/export/ksy-check.js").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @Test
    void kaitaiParserGivesTheValuesDecodeGives() throws Exception {
        String gcc = ExportCommandTestTools.find("gcc");
        String node = ExportCommandTestTools.find("node");
        Assumptions.assumeTrue(gcc != null && node != null, "gcc and node are needed");
        assumeKaitai();

        Path h = dir.resolve("rec.h");
        Files.writeString(h, HEADER);
        Files.writeString(dir.resolve("w.c"), WRITER);
        assertEquals(0, ExportCommandTestTools.run(dir, gcc, "-o", "w", "w.c"));
        assertEquals(0, ExportCommandTestTools.run(dir, dir.resolve("w").toString()));
        byte[] data = Files.readAllBytes(dir.resolve("sample.bin"));

        CliRun dec = CliRun.run("decode", h.toString(), "--type", "Rec",
                dir.resolve("sample.bin").toString(), "--all", "--format", "json");
        assertEquals(0, dec.status(), dec.err.toString());
        JsonNode decoded = new ObjectMapper().readTree(dec.out.toString());
        assertEquals(2, decoded.size());

        Path ksy = dir.resolve("rec.ksy");
        CliRun exp = CliRun.run("export", h.toString(), "--to", "ksy", "--type", "Rec",
                "-o", ksy.toString());
        assertEquals(0, exp.status(), exp.err.toString());

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
                ps.add(ksyPath(p));
            }
        }
        JsonNode parsed = ksyCheck(dir, ksy, requests);

        TypeLibrary lib = dev.structscope.io.headers.LocalHeaders.importFile(h, HeaderImporter.Options.defaults());
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
                String key = key(path);
                List<Object> w = numbers(want, modes);
                List<Object> g = numbers(values.get(key), modes);
                assertEquals(w, g, "record " + k + " " + key);
            }
        }
    }

    /** Skips the test unless node, the driver script and the npm Kaitai packages are there. */
    static void assumeKaitai() throws Exception {
        Assumptions.assumeTrue(ExportCommandTestTools.find("node") != null, "node is needed");
        Assumptions.assumeTrue(Files.isRegularFile(DRIVER), "run from the app module of the source tree");
        Assumptions.assumeTrue(ExportCommandTestTools.kaitaiModules() != null,
                "npm packages kaitai-struct-compiler, kaitai-struct, js-yaml not installed");
    }

    /**
     * Compiles {@code ksy} to JavaScript and parses each request ({@code type}, {@code hex},
     * {@code paths}) with the generated parser (ksy-check.js); one result per request, each with
     * {@code consumed} and {@code values} keyed by {@link #key}.
     */
    static JsonNode ksyCheck(Path dir, Path ksy, ArrayNode requests) throws Exception {
        Path req = Files.createTempFile(dir, "req", ".json");
        Files.writeString(req, requests.toString());
        ProcessBuilder pb = new ProcessBuilder(ExportCommandTestTools.find("node"), DRIVER.toString(), ksy.toString(),
                req.toString()).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("NODE_PATH", ExportCommandTestTools.kaitaiModules());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(300, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return new ObjectMapper().readTree(out.strip().lines().filter(l -> l.startsWith("[")).findFirst().orElseThrow());
    }

    /** The Kaitai ids of a decoded member path (array indices stay numbers). */
    static ArrayNode ksyPath(List<String> path) {
        ArrayNode a = new ObjectMapper().createArrayNode();
        path.forEach(seg -> a.add(seg.matches("\\d+") ? seg : KaitaiExporter.id(seg)));
        return a;
    }

    /** The key ksy-check.js gives the value at {@code path}. */
    static String key(List<String> path) {
        List<String> ids = new ArrayList<>();
        ksyPath(path).forEach(n -> ids.add(n.asText()));
        return String.join(".", ids);
    }

    /**
     * Paths to every member whose decoded value is a number, string, null or array of those (not
     * an object); arrays of objects are entered with the index as a path segment.
     */
    static void leaves(JsonNode n, List<String> prefix, List<List<String>> out) {
        for (Iterator<Map.Entry<String, JsonNode>> it = n.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            List<String> p = new ArrayList<>(prefix);
            p.add(e.getKey());
            leaf(e.getValue(), p, out);
        }
    }

    private static void leaf(JsonNode v, List<String> p, List<List<String>> out) {
        if (v.isObject()) {
            leaves(v, p, out);
        } else if (v.isArray() && !v.isEmpty() && v.get(0).isObject()) {
            for (int i = 0; i < v.size(); i++) {
                List<String> q = new ArrayList<>(p);
                q.add(Integer.toString(i));
                leaf(v.get(i), q, out);
            }
        } else {
            out.add(p);
        }
    }

    /**
     * A value flattened (arrays row-major) to doubles (64-bit integers as JavaScript has them; enum
     * names by value) and strings (a {@code char} array).
     */
    static List<Object> numbers(JsonNode v, Map<String, Long> enums) {
        List<Object> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            out.add(Double.NaN);
        } else if (v.isArray()) {
            v.forEach(x -> out.addAll(numbers(x, enums)));
        } else if (v.isTextual()) {
            out.add(enums.containsKey(v.asText()) ? (Object) (double) enums.get(v.asText()) : v.asText());
        } else if (v.isBoolean()) {
            out.add(v.asBoolean() ? 1.0 : 0.0);
        } else {
            out.add(v.asDouble());
        }
        return out;
    }
}
