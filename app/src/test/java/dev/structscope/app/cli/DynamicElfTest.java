package dev.structscope.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.structscope.samples.Samples;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * ELF files of this machine decoded whole through {@code elf64.h} / {@code elf32.h} (the file
 * header, then {@code [[structscope::at(ehdr.e_phoff)]] Elf64_Phdr ph[ehdr.e_phnum]} and the same
 * for sections), every number equal to what {@code readelf -W -h -l -t} prints: header fields,
 * program header types, offsets, addresses, sizes, flags and alignments, section header types,
 * addresses, offsets, sizes, entry sizes, links, infos, alignments and flags; section names
 * through {@code sh_name} and the decoded string table's place.
 */
@Tag(DynamicCli.TAG)
class DynamicElfTest {
    private static final String SOURCE = """
            #include <stdio.h>
            int counter = 7;
            static double table[64];
            const char greeting[] = "hello, sections";
            __thread int per_thread;
            int next(int x) { table[x & 63] += x; return x + counter + per_thread; }
            int main(void) { printf("%s %d\\n", greeting, next(3)); return 0; }
            """;
    private static final Map<String, Long> SECTION_TYPES = Map.ofEntries(Map.entry("NULL", 0L), Map.entry("PROGBITS", 1L),
            Map.entry("SYMTAB", 2L), Map.entry("STRTAB", 3L), Map.entry("RELA", 4L), Map.entry("HASH", 5L),
            Map.entry("DYNAMIC", 6L), Map.entry("NOTE", 7L), Map.entry("NOBITS", 8L), Map.entry("REL", 9L),
            Map.entry("DYNSYM", 11L), Map.entry("INIT_ARRAY", 14L), Map.entry("FINI_ARRAY", 15L),
            Map.entry("PREINIT_ARRAY", 16L), Map.entry("GROUP", 17L), Map.entry("SYMTAB_SHNDX", 18L), Map.entry("RELR", 19L),
            Map.entry("GNU_ATTRIBUTES", 0x6ffffff5L), Map.entry("GNU_HASH", 0x6ffffff6L), Map.entry("VERDEF", 0x6ffffffdL),
            Map.entry("VERNEED", 0x6ffffffeL), Map.entry("VERSYM", 0x6fffffffL), Map.entry("X86_64_UNWIND", 0x70000001L));
    private static final Map<String, Long> SEGMENT_TYPES = Map.ofEntries(Map.entry("NULL", 0L), Map.entry("LOAD", 1L),
            Map.entry("DYNAMIC", 2L), Map.entry("INTERP", 3L), Map.entry("NOTE", 4L), Map.entry("PHDR", 6L),
            Map.entry("TLS", 7L), Map.entry("GNU_EH_FRAME", 0x6474e550L), Map.entry("GNU_STACK", 0x6474e551L),
            Map.entry("GNU_RELRO", 0x6474e552L), Map.entry("GNU_PROPERTY", 0x6474e553L));
    private static final Map<String, Long> FILE_TYPES = Map.of("NONE", 0L, "REL", 1L, "EXEC", 2L, "DYN", 3L, "CORE", 4L);
    private static final Map<String, Long> MACHINES = Map.of("Advanced Micro Devices X86-64", 62L, "Intel 80386", 3L);
    /** A row of {@code readelf -W -l}; an alignment of 0 is written "0" (Go's and Rust's GNU_STACK). */
    private static final Pattern SEGMENT = Pattern.compile(
            "^ {2}(\\S+)\\s+(0x\\p{XDigit}+) (0x\\p{XDigit}+) (0x\\p{XDigit}+) (0x\\p{XDigit}+) (0x\\p{XDigit}+) (.{3}) (0x\\p{XDigit}+|0)$");
    private static final Pattern SECTION = Pattern.compile("^ {2}\\[\\s*(\\d+)] ?(.*)$");

    @TempDir
    Path dir;

    private static BigInteger hex(String s) {
        return new BigInteger(s.startsWith("0x") ? s.substring(2) : s, 16);
    }

    private static BigInteger num(JsonNode n) {
        assertTrue(n != null && n.isIntegralNumber(), "an integer: " + n);
        return n.bigIntegerValue();
    }

    /** Decodes {@code file} whole and compares it with readelf; returns the number of sections compared. */
    private int compareWithReadelf(Path file, boolean elf64) throws IOException {
        Path header = DynamicCli.bundled(dir, elf64 ? "elf64.h" : "elf32.h");
        JsonNode decoded = DynamicCli.decode(header.toString(), "--type", elf64 ? "ElfFile" : "Elf32File", file.toString());
        assertEquals(1, decoded.size(), file + ": one record");
        JsonNode elf = decoded.get(0);
        compareHeader(file, elf.get("ehdr"));
        compareSegments(file, elf.get("ph"));
        return compareSections(file, elf);
    }

    private void compareHeader(Path file, JsonNode ehdr) {
        Map<String, String> h = new HashMap<>();
        for (String line : DynamicCli.tool(dir, "readelf", "-W", "-h", file.toString()).lines().toList()) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                h.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
            }
        }
        String what = file + " header: ";
        List<Integer> magic = new ArrayList<>();
        for (String b : h.get("Magic").split("\\s+")) {
            magic.add(Integer.parseInt(b, 16));
        }
        List<Integer> ident = new ArrayList<>();
        ehdr.get("e_ident").forEach(b -> ident.add(b.asInt()));
        assertEquals(magic, ident, what + "e_ident");
        assertEquals(FILE_TYPES.get(h.get("Type").split(" ")[0]), ehdr.get("e_type").asLong(), what + "e_type");
        if (MACHINES.containsKey(h.get("Machine"))) {
            assertEquals(MACHINES.get(h.get("Machine")), ehdr.get("e_machine").asLong(), what + "e_machine");
        }
        assertEquals(hex(h.get("Version")), num(ehdr.get("e_version")), what + "e_version");
        assertEquals(hex(h.get("Entry point address")), num(ehdr.get("e_entry")), what + "e_entry");
        assertEquals(hex(h.get("Flags").split("[ ,]")[0]), num(ehdr.get("e_flags")), what + "e_flags");
        Map<String, String> decimals = Map.of("Start of program headers", "e_phoff", "Start of section headers", "e_shoff",
                "Size of this header", "e_ehsize", "Size of program headers", "e_phentsize",
                "Number of program headers", "e_phnum", "Size of section headers", "e_shentsize",
                "Number of section headers", "e_shnum", "Section header string table index", "e_shstrndx");
        decimals.forEach((label, member) -> assertEquals(new BigInteger(h.get(label).split(" ")[0]),
                num(ehdr.get(member)), what + member));
    }

    private void compareSegments(Path file, JsonNode ph) {
        List<Matcher> rows = DynamicCli.tool(dir, "readelf", "-W", "-l", file.toString()).lines()
                .map(SEGMENT::matcher).filter(Matcher::matches).toList();
        assertEquals(rows.size(), ph.size(), file + ": program headers");
        for (int i = 0; i < rows.size(); i++) {
            Matcher m = rows.get(i);
            JsonNode p = ph.get(i);
            String what = file + " program header " + i + " " + p + ": ";
            if (SEGMENT_TYPES.containsKey(m.group(1))) {
                assertEquals(SEGMENT_TYPES.get(m.group(1)), p.get("p_type").asLong(), what + "p_type");
            }
            assertEquals(hex(m.group(2)), num(p.get("p_offset")), what + "p_offset");
            assertEquals(hex(m.group(3)), num(p.get("p_vaddr")), what + "p_vaddr");
            assertEquals(hex(m.group(4)), num(p.get("p_paddr")), what + "p_paddr");
            assertEquals(hex(m.group(5)), num(p.get("p_filesz")), what + "p_filesz");
            assertEquals(hex(m.group(6)), num(p.get("p_memsz")), what + "p_memsz");
            String flags = m.group(7);
            long expected = (flags.charAt(0) == 'R' ? 4 : 0) | (flags.charAt(1) == 'W' ? 2 : 0) | (flags.charAt(2) == 'E' ? 1 : 0);
            assertEquals(expected, p.get("p_flags").asLong() & 7, what + "p_flags");
            assertEquals(hex(m.group(8)), num(p.get("p_align")), what + "p_align");
        }
    }

    private int compareSections(Path file, JsonNode elf) throws IOException {
        List<String> lines = DynamicCli.tool(dir, "readelf", "-W", "-t", file.toString()).lines().toList();
        JsonNode sh = elf.get("sh");
        byte[] bytes = Files.readAllBytes(file);
        JsonNode names = sh.get(elf.get("ehdr").get("e_shstrndx").asInt());
        int n = 0;
        int typed = 0;
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = SECTION.matcher(lines.get(i));
            if (!m.matches()) {
                continue;
            }
            int index = Integer.parseInt(m.group(1));
            JsonNode s = sh.get(index);
            String what = file + " section " + index + " " + s + ": ";
            assertTrue(s != null, what + "decoded");
            String name = m.group(2).strip();
            int at = names.get("sh_offset").asInt() + s.get("sh_name").asInt();
            int end = at;
            while (bytes[end] != 0) {
                end++;
            }
            assertEquals(name, new String(bytes, at, end - at, StandardCharsets.ISO_8859_1), what + "sh_name");
            String[] f = lines.get(i + 1).strip().split("\\s+");
            if (SECTION_TYPES.containsKey(f[0])) {
                assertEquals(SECTION_TYPES.get(f[0]), s.get("sh_type").asLong(), what + "sh_type");
                typed++;
            }
            assertEquals(hex(f[1]), num(s.get("sh_addr")), what + "sh_addr");
            assertEquals(hex(f[2]), num(s.get("sh_offset")), what + "sh_offset");
            assertEquals(hex(f[3]), num(s.get("sh_size")), what + "sh_size");
            assertEquals(hex(f[4]), num(s.get("sh_entsize")), what + "sh_entsize");
            assertEquals(new BigInteger(f[5]), num(s.get("sh_link")), what + "sh_link");
            assertEquals(new BigInteger(f[6]), num(s.get("sh_info")), what + "sh_info");
            assertEquals(new BigInteger(f[7]), num(s.get("sh_addralign")), what + "sh_addralign");
            String flags = lines.get(i + 2).strip();
            assertEquals(hex(flags.substring(1, flags.indexOf(']'))), num(s.get("sh_flags")), what + "sh_flags");
            n++;
        }
        assertEquals(n, sh.size(), file + ": section headers");
        assertTrue(typed > n / 2, file + ": most section types are known names (" + typed + " of " + n + ")");
        return n;
    }

    private Path compile(String name, String... flags) throws IOException {
        Path c = Files.writeString(dir.resolve("probe.c"), SOURCE);
        Path out = dir.resolve(name);
        List<String> cmd = new ArrayList<>(List.of("gcc", "-O1", "-g", "-o", out.toString(), c.toString()));
        cmd.addAll(List.of(flags));
        try {
            int status = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("gcc.txt").toFile())
                    .start().waitFor();
            assumeTrue(status == 0, "gcc " + String.join(" ", flags) + " does not work here: " + Files.readString(dir.resolve("gcc.txt")));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        return out;
    }

    @Test
    void theBundledSamplesDecodeWholeAsReadelfReadsThem() throws IOException {
        Path elf = Samples.extract(Samples.byData("hello.elf"), dir);
        assertTrue(compareWithReadelf(elf, true) > 10, "hello.elf has its sections");
        Path o32 = Samples.extract(Samples.byData("hello32.o"), dir);
        assertTrue(compareWithReadelf(o32, false) > 10, "hello32.o has its sections");
    }

    /** An ELF image inside a larger file (at byte 100): placements count from the record being decoded. */
    @Test
    void placementsCountFromTheStartOfTheRecordNotOfTheFile() throws IOException {
        Path elf = Samples.extract(Samples.ELF, dir);
        byte[] image = Files.readAllBytes(elf);
        byte[] inside = new byte[100 + image.length];
        System.arraycopy(image, 0, inside, 100, image.length);
        Path container = Files.write(dir.resolve("container.bin"), inside);
        Path header = dir.resolve(Samples.ELF.header());
        JsonNode alone = DynamicCli.decode(header.toString(), "--type", "ElfFile", elf.toString());
        assertEquals(alone, DynamicCli.decode(header.toString(), "--type", "ElfFile", container.toString(), "--offset", "100"));
        assertEquals(28, alone.get(0).get("sh").size(), "readelf -S: 28 section headers");
    }

    @Test
    void usrBinLsDecodesWholeAsReadelfReadsIt() throws IOException {
        Path ls = Path.of("/usr/bin/ls");
        assumeTrue(Files.isReadable(ls), "no /usr/bin/ls");
        assertTrue(compareWithReadelf(ls, true) > 20, "ls has its sections");
    }

    @Test
    void libcDecodesWholeAsReadelfReadsIt() throws IOException {
        Path libc = Path.of("/lib/x86_64-linux-gnu/libc.so.6");
        Matcher m = Pattern.compile("libc\\.so\\.6 => (\\S+)").matcher(DynamicCli.tool(dir, "ldd", "/usr/bin/ls"));
        if (m.find()) {
            libc = Path.of(m.group(1));
        }
        assumeTrue(Files.isReadable(libc), "no libc.so.6 found");
        assertTrue(compareWithReadelf(libc.toRealPath(), true) > 20, "libc has its sections");
    }

    @Test
    void aGccObjectAndExecutableDecodeWholeAsReadelfReadsThem() throws IOException {
        assertTrue(compareWithReadelf(compile("probe64.o", "-c"), true) > 10, "the object has its sections");
        assertTrue(compareWithReadelf(compile("probe64"), true) > 20, "the executable has its sections");
    }

    @Test
    void i386ObjectAndExecutableDecodeWholeAsReadelfReadsThem() throws IOException {
        assertTrue(compareWithReadelf(compile("probe32.o", "-m32", "-c"), false) > 10, "the object has its sections");
        assertTrue(compareWithReadelf(compile("probe32", "-m32"), false) > 20, "the executable has its sections");
    }

    /**
     * Long, so behind a flag: every ELF file under {@code -Dstructscope.elf.sweep=DIR} (for example
     * {@code /usr/lib/x86_64-linux-gnu}), up to 64 MiB each, decoded whole and compared with
     * readelf. Every file that differs is named, not only the first.
     */
    @Test
    void everyElfFileUnderTheSweepDirectoryDecodesAsReadelfReadsIt() throws IOException {
        List<Path> files = ElfSweep.files("structscope.elf.sweep");
        List<String> differ = new ArrayList<>();
        int compared = 0;
        int sections = 0;
        for (Path f : files) {
            try {
                sections += compareWithReadelf(f, ElfSweep.elfClass(f) == 2);
                compared++;
            } catch (AssertionError e) {
                differ.add(e.getMessage());
            }
        }
        System.out.println("DynamicElfTest sweep of " + System.getProperty("structscope.elf.sweep") + ": " + compared
                + " ELF files, " + sections + " sections equal to readelf; " + differ.size() + " differ");
        assertTrue(differ.isEmpty(), differ.size() + " differ:\n" + String.join("\n", differ));
    }
}
