package dev.structscope.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.structscope.model.export.KaitaiExporter;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue 13, exports: the Kaitai Struct parser generated from {@code export --to ksy --type T} of
 * each dynamic sample header (npm compiler, JavaScript target under node) parses the sample to
 * the same values {@code decode} prints, leaf by leaf: counted arrays ({@code repeat: expr}),
 * arrays to the end ({@code repeat: eos}), placed members ({@code pos:}), tagged unions
 * ({@code switch-on}), sized members ({@code size:}) and {@code char} arrays as strings.
 */
@Tag(DynamicCli.TAG)
class DynamicKaitaiTest {
    @TempDir
    Path dir;

    @Test
    void pcapFileWholeWithCountedPacketData() throws Exception {
        agree("pcap_file.h", "PcapFile", DynamicCli.bundled(dir, "packets.pcap"), false);
    }

    @Test
    void elfHeaderAndPlacedTablesOfTheSample() throws Exception {
        agree("elf64.h", "ElfFile", DynamicCli.bundled(dir, "hello.elf"), false);
    }

    @Test
    void elfHeaderAndPlacedTablesOfLs() throws Exception {
        Path ls = Path.of("/usr/bin/ls");
        assumeTrue(Files.isReadable(ls), "/usr/bin/ls is not there");
        agree("elf64.h", "ElfFile", ls, false);
    }

    @Test
    void wavChunksByACharDiscriminatorWithSizedBodies() throws Exception {
        agree("wav_chunks.h", "WavFile", DynamicCli.bundled(dir, "chunks.wav"), false);
    }

    /** Every message of the recording: the file's own type, {@code Msg} repeated to the end. */
    @Test
    void protocolMessagesBackToBackAsTheFilesRecords() throws Exception {
        agree("proto.h", "Msg", DynamicCli.bundled(dir, "proto.bin"), true);
    }

    private void agree(String header, String type, Path data, boolean all) throws Exception {
        ExportKaitaiDecodeTest.assumeKaitai();
        Path h = DynamicCli.bundled(dir, header);
        List<String> args = new ArrayList<>(List.of(h.toString(), "--type", type, data.toString()));
        if (all) {
            args.add("--all");
        }
        JsonNode decoded = DynamicCli.decode(args.toArray(String[]::new));
        assertTrue(decoded.isArray() && !decoded.isEmpty(), decoded.toString());

        Path ksy = dir.resolve(KaitaiExporter.id(type) + ".ksy");
        CliRun exp = CliRun.run("export", h.toString(), "--to", "ksy", "--type", type, "-o", ksy.toString());
        assertEquals(0, exp.status(), exp.err.toString());
        // Kaitai expresses every dynamic feature: nothing is flattened, so nothing is warned about.
        assertEquals("", exp.err.toString().strip());

        byte[] bytes = Files.readAllBytes(data);
        List<List<String>> paths = new ArrayList<>();
        for (int k = 0; k < decoded.size(); k++) {
            List<String> prefix = all ? new ArrayList<>(List.of("records", Integer.toString(k))) : new ArrayList<>();
            ExportKaitaiDecodeTest.leaves(decoded.get(k), prefix, paths);
        }
        ArrayNode requests = new ObjectMapper().createArrayNode();
        ObjectNode r = requests.addObject();
        r.put("type", all ? KaitaiExporter.id(type) + "_records" : KaitaiExporter.typeId(type));
        r.put("hex", HexFormat.of().formatHex(bytes));
        ArrayNode ps = r.putArray("paths");
        paths.forEach(p -> ps.add(ExportKaitaiDecodeTest.ksyPath(p)));
        JsonNode parsed = ExportKaitaiDecodeTest.ksyCheck(dir, ksy, requests).get(0);

        int compared = 0;
        for (List<String> path : paths) {
            JsonNode want = all ? decoded : decoded.get(0);
            for (String seg : all ? path.subList(1, path.size()) : path) {
                want = seg.matches("\\d+") ? want.get(Integer.parseInt(seg)) : want.get(seg);
            }
            if (want.isNull()) {
                continue; // a tagged union with no alternative chosen: Kaitai keeps the raw bytes
            }
            String key = ExportKaitaiDecodeTest.key(path);
            List<Object> w = ExportKaitaiDecodeTest.numbers(want, Map.of());
            List<Object> g = ExportKaitaiDecodeTest.numbers(parsed.get("values").get(key), Map.of());
            assertEquals(w.size(), g.size(), header + " " + key + ": " + w + " / " + g);
            for (int i = 0; i < w.size(); i++) {
                if (!w.get(i).equals(g.get(i)) && !runtimeS8(w.get(i), g.get(i))) {
                    assertEquals(w, g, header + " " + key);
                }
            }
            compared++;
        }
        assertTrue(compared >= decoded.size() * 5, "only " + compared + " values compared");
        if (all || !type.equals("ElfFile")) {
            assertEquals(bytes.length, parsed.get("consumed").asLong(), "bytes the parser consumed");
        }
    }

    /**
     * The kaitai-struct JavaScript runtime's {@code readS8le} negates a negative 64-bit integer with
     * {@code v1 ^ 0xffffffff}, a signed 32-bit result in JavaScript, so that it is 2^32 too high
     * when the low word is below 2^31 (a runtime bug, not the export's): accept exactly that.
     */
    private static boolean runtimeS8(Object want, Object got) {
        if (want instanceof Double w && got instanceof Double g && w < -2147483648.0) {
            double expected = w + 4294967296.0;
            return Math.abs(g - expected) <= Math.ulp(w) * 2;
        }
        return false;
    }
}
