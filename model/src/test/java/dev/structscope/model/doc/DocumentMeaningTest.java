package dev.structscope.model.doc;

import dev.structscope.model.c.TextHeaders;
import dev.structscope.model.abi.Abis;
import dev.structscope.model.c.HeaderImporter;
import dev.structscope.model.layout.FieldLayout;
import dev.structscope.model.layout.LayoutEngine;
import dev.structscope.model.layout.RecordLayout;
import dev.structscope.model.type.TypeLibrary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Documents mean what the C means: the layout StructScope computes from {@code sensor.json}
 * matches what clang compiles from the equivalent {@code sensor.h} (sizes, alignments, offsets,
 * and bit positions found by setting each bit-field in a zeroed struct); and libraries imported
 * from real headers survive a trip through a document unchanged.
 */
class DocumentMeaningTest {

    @Test
    void sensorDocumentLaysOutAsClangCompilesItsHeader(@TempDir Path dir) throws Exception {
        assumeTrue(onPath("clang-16"), "clang-16 is not installed: comparison skipped");
        TypeLibrary lib = LayoutDocumentRoundTripTest.read(LayoutDocumentRoundTripTest.example("sensor.json")).library();
        StringBuilder c = new StringBuilder("#include <stdio.h>\n#include <stddef.h>\n#include <string.h>\n#include \"")
                .append(resource("sensor.h")).append("\"\nint main(void) {\n");
        StringBuilder expected = new StringBuilder();
        for (String name : List.of("Hdr", "Frame")) {
            RecordLayout rl = LayoutEngine.layout(name, lib, Abis.X86_64_LINUX);
            String t = "struct " + name;
            c.append("  printf(\"").append(name).append(" %zu %zu\\n\", sizeof(").append(t).append("), _Alignof(").append(t).append("));\n");
            expected.append(name).append(' ').append(rl.size()).append(' ').append(rl.align()).append('\n');
            for (FieldLayout f : rl.visibleFields()) {
                if (f.isBitField()) {
                    // The first set bit and the number of set bits when only this field is all ones.
                    c.append("  { ").append(t).append(" s; memset(&s, 0, sizeof s); s.").append(f.name())
                            .append(" = ~0; unsigned char *b = (unsigned char *)&s; int first = -1, n = 0;\n")
                            .append("    for (size_t i = 0; i < sizeof s * 8; i++) if (b[i / 8] >> (i % 8) & 1) { if (first < 0) first = (int)i; n++; }\n")
                            .append("    printf(\"  ").append(f.name()).append(" bits %d %d\\n\", first, n); }\n");
                    expected.append("  ").append(f.name()).append(" bits ").append(f.bits().offset()).append(' ')
                            .append(f.bits().width()).append('\n');
                } else {
                    c.append("  printf(\"  ").append(f.name()).append(" %zu\\n\", offsetof(").append(t).append(", ")
                            .append(f.name()).append("));\n");
                    expected.append("  ").append(f.name()).append(' ').append(f.offset()).append('\n');
                }
            }
        }
        c.append("  return 0;\n}\n");
        Path src = dir.resolve("probe.c");
        Files.writeString(src, c);
        Path exe = dir.resolve("probe");
        String compiled = run(dir, "clang-16", "-std=c2x", "-w", "-o", exe.toString(), src.toString());
        assertTrue(Files.exists(exe), compiled);
        assertEquals(expected.toString(), run(dir, exe.toString()));
    }

    @Test
    void headersImportedFromCSurviveADocument() throws IOException, URISyntaxException {
        List<Path> headers = new ArrayList<>();
        for (String d : List.of("/c/corpus", "/layout/golden")) {
            try (Stream<Path> s = Files.list(Path.of(getClass().getResource(d).toURI()))) {
                s.filter(p -> p.toString().endsWith(".h")).sorted().forEach(headers::add);
            }
        }
        headers.add(Path.of(resource("sensor.h")));
        if (Files.exists(Path.of("/usr/include/elf.h"))) {
            headers.add(Path.of("/usr/include/elf.h"));
        }
        assertTrue(headers.size() >= 8, headers.toString());
        for (Path h : headers) {
            TypeLibrary lib = TextHeaders.importFile(h, HeaderImporter.Options.defaults());
            assertTrue(!lib.decls().isEmpty(), h.toString());
            String json = LayoutDocuments.toJson(lib);
            assertEquals(lib, LayoutDocuments.parse(json, h.getFileName() + ".json").library(), h.toString());
        }
    }

    @Test
    void theHeaderAndTheDocumentDescribeTheSameLayouts() throws IOException, URISyntaxException {
        TypeLibrary fromDoc = LayoutDocumentRoundTripTest.read(LayoutDocumentRoundTripTest.example("sensor.json")).library();
        TypeLibrary fromC = TextHeaders.importFile(Path.of(resource("sensor.h")), HeaderImporter.Options.defaults());
        for (var abi : Abis.ALL) {
            for (String name : List.of("Hdr", "Frame")) {
                RecordLayout a = LayoutEngine.layout(name, fromDoc, abi);
                RecordLayout b = LayoutEngine.layout(name, fromC, abi);
                assertEquals(b.size(), a.size(), name + " " + abi.name());
                assertEquals(b.align(), a.align(), name + " " + abi.name());
                assertEquals(b.visibleFields().stream().map(f -> f.name() + "@" + f.offset() + "/" + f.bits()).toList(),
                        a.visibleFields().stream().map(f -> f.name() + "@" + f.offset() + "/" + f.bits()).toList());
            }
        }
    }

    private static String resource(String name) throws URISyntaxException {
        return Path.of(DocumentMeaningTest.class.getResource("/doc/" + name).toURI()).toString();
    }

    private static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }

    private static String run(Path dir, String... cmd) throws IOException, InterruptedException {
        Path out = Files.createTempFile(dir, "out", ".txt");
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(out.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + String.join(" ", cmd));
        }
        return Files.readString(out);
    }
}
