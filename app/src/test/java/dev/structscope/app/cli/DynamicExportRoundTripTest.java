package dev.structscope.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue 13, round trips of the dynamic sample headers through the exports: header → C header
 * and header → layout document → C header give the same {@code layout --json} (counts,
 * placements, switches, alternatives' values and sizes included); the exported C compiles with
 * gcc and clang-16; the static targets export with one warning line per flattened member; the
 * whole-library Kaitai export compiles with the Kaitai compiler.
 */
@Tag(DynamicCli.TAG)
class DynamicExportRoundTripTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"pcap_file.h", "elf64.h", "elf32.h", "wav_chunks.h", "proto.h"})
    void headerToCAndThroughADocumentGivesTheSameLayout(String header) throws Exception {
        Path h = DynamicCli.bundled(dir, header);
        Map<String, JsonNode> original = DynamicCli.layoutJson(h);
        Path c = dir.resolve("exported.h");
        ok("export", h.toString(), "--to", "c", "-o", c.toString());
        assertEquals(original, DynamicCli.layoutJson(c), header + " -> C");
        Path doc = dir.resolve("layout.json");
        ok("export", h.toString(), "--to", "json", "-o", doc.toString());
        Path c2 = dir.resolve("from_document.h");
        ok("export", doc.toString(), "--to", "c", "-o", c2.toString());
        assertEquals(original, DynamicCli.layoutJson(c2), header + " -> document -> C");

        for (String cc : new String[] {"gcc", "clang-16"}) {
            String tool = ExportCommandTestTools.find(cc);
            assumeTrue(tool != null, cc + " is not installed");
            assertEquals(0, ExportCommandTestTools.run(dir, tool, "-std=gnu11", "-fsyntax-only", "-x", "c", c.toString()),
                    cc + " compiles the export of " + header);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"pcap_file.h", "elf64.h", "wav_chunks.h", "proto.h"})
    void staticTargetsWarnPerFlattenedMemberAndKaitaiCompiles(String header) throws Exception {
        Path h = DynamicCli.bundled(dir, header);
        long dynamicMembers = 0;
        for (JsonNode t : DynamicCli.layoutJson(h).values()) {
            for (JsonNode f : t.get("fields")) {
                if (f.has("count") || f.has("at") || f.has("switch") || f.has("sizeExpr")) {
                    dynamicMembers++;
                }
            }
        }
        assertTrue(dynamicMembers > 0, header);
        for (String target : new String[] {"java", "ctypes", "rust"}) {
            CliRun r = CliRun.run("export", h.toString(), "--to", target, "-o", dir.resolve(target).toString());
            assertEquals(0, r.status(), r.err.toString());
            long lines = r.err.toString().lines().filter(l -> l.startsWith("structscope: warning: ")).count();
            assertTrue(lines >= dynamicMembers, target + ": " + lines + " warnings for " + dynamicMembers
                    + " dynamic members\n" + r.err);
            assertEquals(lines, r.err.toString().lines().count(), r.err.toString());
        }
        ExportKaitaiDecodeTest.assumeKaitai();
        Path ksy = dir.resolve("whole.ksy");
        ok("export", h.toString(), "--to", "ksy", "-o", ksy.toString());
        ExportKaitaiDecodeTest.ksyCheck(dir, ksy, new ObjectMapper().createArrayNode());
    }

    /**
     * A header whose array is counted in an inner dimension, not only the outermost: its layout
     * document reads back, and gives the header's layout and the header's decoded values.
     */
    @ParameterizedTest
    @ValueSource(strings = {"uint8_t data[n][m];", "uint8_t data[2][m];", "uint16_t data[n][m * 2 - 3];"})
    void innerCountedDimensionsRoundTripThroughADocument(String member) throws Exception {
        Path h = dir.resolve("big.h");
        java.nio.file.Files.writeString(h, "#include <stdint.h>\nstruct Big { uint32_t n; uint32_t m; " + member + " };\n");
        Path doc = dir.resolve("big.json");
        ok("export", h.toString(), "--to", "json", "-o", doc.toString());
        assertEquals(DynamicCli.layoutJson(h), DynamicCli.layoutJson(doc), member);
        // Two records: n=2, m=3, then n=1, m=2 (bytes 1, 2, 3, ... as data, each record padded to 4).
        java.io.ByteArrayOutputStream data = new java.io.ByteArrayOutputStream();
        int next = 1;
        for (int[] nm : new int[][] {{2, 3}, {1, 2}}) {
            data.write(java.nio.ByteBuffer.allocate(8).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(nm[0]).putInt(nm[1]).array());
            int elements = member.startsWith("uint16_t") ? nm[0] * (nm[1] * 2 - 3) * 2
                    : (member.contains("[n]") ? nm[0] : 2) * nm[1];
            for (int i = 0; i < elements; i++) {
                data.write(next++);
            }
            while (data.size() % 4 != 0) { // a record's size is rounded up to its alignment
                data.write(0);
            }
        }
        Path bin = dir.resolve("big.bin");
        java.nio.file.Files.write(bin, data.toByteArray());
        JsonNode fromHeader = DynamicCli.decode(h.toString(), "--type", "Big", bin.toString(), "--all");
        assertEquals(2, fromHeader.size(), fromHeader.toString());
        assertEquals(fromHeader, DynamicCli.decode(doc.toString(), "--type", "Big", bin.toString(), "--all"), member);
    }

    private static void ok(String... args) {
        CliRun r = CliRun.run(args);
        assertEquals(0, r.status(), String.join(" ", args) + ": " + r.err);
    }

}
