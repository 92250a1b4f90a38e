package dev.structscope.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.structscope.io.testing.JsonCompare;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bundled dynamic headers under {@code layout --json}: the fixed ELF records of
 * {@code elf64.h}/{@code elf32.h} have the sizes and member offsets that gcc gives the system's own
 * {@code <elf.h>}, and the whole-file records are dynamic with the contract's smallest size.
 */
@Tag(DynamicCli.TAG)
class DynamicSampleHeadersTest {
    private static final Map<String, List<String>> ELF_MEMBERS = Map.of(
            "Ehdr", List.of("e_ident", "e_type", "e_machine", "e_version", "e_entry", "e_phoff", "e_shoff", "e_flags",
                    "e_ehsize", "e_phentsize", "e_phnum", "e_shentsize", "e_shnum", "e_shstrndx"),
            "Phdr", List.of("p_type", "p_flags", "p_offset", "p_vaddr", "p_paddr", "p_filesz", "p_memsz", "p_align"),
            "Shdr", List.of("sh_name", "sh_type", "sh_flags", "sh_addr", "sh_offset", "sh_size", "sh_link", "sh_info",
                    "sh_addralign", "sh_entsize"));

    @TempDir
    Path dir;

    private Map<String, JsonNode> layout(String header) {
        return DynamicCli.layoutJson(DynamicCli.bundled(dir, header));
    }

    /** gcc's sizeof ("Elf64_Ehdr") and offsetof ("Elf64_Ehdr.e_type") for the {@code <elf.h>} records of one class. */
    private Map<String, Long> gccElf(String bits) throws IOException {
        StringBuilder c = new StringBuilder("#include <elf.h>\n#include <stdio.h>\n#include <stddef.h>\nint main(void) {\n");
        ELF_MEMBERS.forEach((type, members) -> {
            String t = "Elf" + bits + "_" + type;
            c.append("printf(\"").append(t).append(" %zu\\n\", sizeof(").append(t).append("));\n");
            for (String m : members) {
                c.append("printf(\"").append(t).append('.').append(m).append(" %zu\\n\", offsetof(").append(t)
                        .append(", ").append(m).append("));\n");
            }
        });
        Path src = Files.writeString(dir.resolve("elf" + bits + ".c"), c.append("return 0;\n}\n"));
        Path exe = dir.resolve("elf" + bits);
        DynamicCli.tool(dir, "gcc", "-o", exe.toString(), src.toString());
        Map<String, Long> out = new HashMap<>();
        for (String line : DynamicCli.tool(dir, exe.toString()).lines().toList()) {
            String[] f = line.split(" ");
            out.put(f[0], Long.parseLong(f[1]));
        }
        return out;
    }

    private void assertElfRecordsAsGccLaysThemOut(String header, String bits) throws IOException {
        Map<String, JsonNode> types = layout(header);
        Map<String, Long> gcc = gccElf(bits);
        for (var e : ELF_MEMBERS.entrySet()) {
            String t = "Elf" + bits + "_" + e.getKey();
            JsonNode type = types.get(t);
            assertNotNull(type, header + " defines " + t);
            assertEquals(gcc.get(t), type.get("size").asLong(), t + " size");
            Map<String, Long> offsets = new HashMap<>();
            type.get("fields").forEach(f -> offsets.put(f.get("name").asText(), f.get("offset").asLong()));
            assertEquals(e.getValue().size(), offsets.size(), t + " members");
            for (String m : e.getValue()) {
                assertEquals(gcc.get(t + "." + m), offsets.get(m), t + "." + m + " offset");
            }
        }
        JsonNode file = types.get(bits.equals("64") ? "ElfFile" : "Elf32File");
        assertTrue(file.path("dynamic").asBoolean(), header + ": the whole-file record is dynamic: " + file);
        // The placed tables do not count in the record's size: the file header alone.
        assertEquals(gcc.get("Elf" + bits + "_Ehdr"), file.get("size").asLong(), header + " whole-file record size");
    }

    /**
     * The text listing of every record (no --type) with a union whose alternatives carry when: the
     * alternatives with their numbers and values (it ended in "internal error: NullPointerException").
     */
    @Test
    void theListingShowsEachAlternativesWhen() throws IOException {
        Path h = Files.writeString(dir.resolve("u.h"), """
                #include <stdint.h>
                union U { [[structscope::when(1)]] uint32_t a; [[structscope::when(2, 3)]] uint16_t b; };
                struct A { uint8_t t; [[structscope::switch(t)]] union U u; };
                """);
        CliRun r = CliRun.run("layout", h.toString());
        assertEquals(0, r.status(), r.err.toString());
        assertTrue(r.out.toString().contains("uint32_t a;                             /*      0        4   4 when 1 */"), r.out.toString());
        assertTrue(r.out.toString().contains("/*      0        2   2 when 2, 3 */"), r.out.toString());
        assertTrue(r.out.toString().contains("union U u;                              /* 4, switch t */"), r.out.toString());
    }

    @Test
    void elf64RecordsAreLaidOutAsGccLaysOutTheSystemsElfH() throws IOException {
        assertElfRecordsAsGccLaysThemOut("elf64.h", "64");
    }

    @Test
    void elf32RecordsAreLaidOutAsGccLaysOutTheSystemsElfH() throws IOException {
        assertElfRecordsAsGccLaysThemOut("elf32.h", "32");
    }

    @Test
    void theOtherWholeFileRecordsAreDynamicWithTheirFixedPartAsSmallestSize() {
        Map<String, JsonNode> pcap = layout("pcap_file.h");
        assertEquals(24, pcap.get("PcapHeader").get("size").asInt());
        assertTrue(pcap.get("PcapRecord").path("dynamic").asBoolean(), pcap.get("PcapRecord").toString());
        assertEquals(16, pcap.get("PcapRecord").get("size").asInt(), "an empty packet");
        assertTrue(pcap.get("PcapFile").path("dynamic").asBoolean());
        assertEquals(24, pcap.get("PcapFile").get("size").asInt(), "a file of no packets");
        Map<String, JsonNode> wav = layout("wav_chunks.h");
        assertEquals(16, wav.get("WavFmt").get("size").asInt());
        assertTrue(wav.get("WavFile").path("dynamic").asBoolean());
        assertEquals(12, wav.get("WavFile").get("size").asInt(), "RIFF, size, WAVE and no chunk");
        Map<String, JsonNode> proto = layout("proto.h");
        assertEquals(8 + 4 + 8 + 4 + 1, proto.get("Trade").get("size").asInt(), "packed");
        assertTrue(proto.get("Msg").path("dynamic").asBoolean());
    }
}
