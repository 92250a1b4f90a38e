package dev.structscope.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.structscope.model.export.KaitaiExporter;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

    /**
     * The bundled samples: a pcap file whole with counted packet data, an ELF header with its placed
     * tables, WAV chunks chosen by a {@code char} discriminator with sized bodies, and every message
     * of the protocol recording (the file's own type, {@code Msg} repeated to the end: all records).
     */
    @ParameterizedTest(name = "{1} of {2}")
    @CsvSource({
            "pcap_file.h, PcapFile, packets.pcap, false",
            "elf64.h, ElfFile, hello.elf, false",
            "wav_chunks.h, WavFile, chunks.wav, false",
            "proto.h, Msg, proto.bin, true"})
    void bundledSampleParsesToWhatDecodePrints(String header, String type, String sample, boolean all) throws Exception {
        agree(header, type, DynamicCli.bundled(dir, sample), all);
    }

    /**
     * A whole-file format through the file's own type ({@code TYPE_records}, what a data file is
     * parsed with): an ELF file is no multiple of its header record (64 or 52 bytes), so the records
     * are read while a record's smallest size still fits and the rest is left, as {@code decode}
     * leaves trailing bytes. The first record, the file, is what {@code decode} prints.
     */
    @ParameterizedTest(name = "{1} of {2}")
    @CsvSource({
            "elf64.h, ElfFile, hello.elf",
            "elf32.h, Elf32File, hello32.o"})
    void wholeFileFormatThroughTheFilesOwnType(String header, String type, String sample) throws Exception {
        agree(DynamicCli.bundled(dir, header), type, DynamicCli.bundled(dir, sample), false, true);
    }

    /**
     * Placed members count from the start of the outermost record being decoded (the contract),
     * not from the start of the file: records back to back, each placing in itself, in a record it
     * holds, in a tagged union's alternative, in a size window and in a placed record; the 5 bytes
     * after the last whole record begin one the data ends inside, and are left, as decode leaves them.
     */
    @Test
    void placedMembersCountFromTheStartOfEachRecord() throws Exception {
        Files.writeString(dir.resolve("placed.h"), """
                #include <stdint.h>
                #pragma pack(push, 1)
                struct Ref { uint8_t at; [[structscope::at(at)]] uint8_t v; };
                struct Placed {
                    uint8_t off;
                    uint8_t n;
                    [[structscope::at(off)]] uint8_t v[n];
                    struct Ref ref;
                    uint8_t kind;
                    [[structscope::switch(kind)]] union {
                        [[structscope::when(1)]] struct Ref ref;
                        [[structscope::when(2)]] uint8_t raw;
                    } body;
                    [[structscope::size(5)]] struct Ref pair[2];
                    [[structscope::at(off + 1)]] struct Ref placed;
                    uint8_t payload[4];
                };
                #pragma pack(pop)
                """);
        // Three records of 14 bytes: the places are the same in each, the bytes there are not.
        byte[] b = new byte[3 * 14 + 5];
        for (int k = 0; k < 3; k++) {
            int r = 14 * k;
            b[r] = 10;                      // v: the 3 bytes from 10
            b[r + 1] = 3;
            b[r + 2] = 11;                  // ref.v at 11
            b[r + 3] = (byte) (k < 2 ? 1 : 2);
            b[r + 4] = 12;                  // body.ref.v at 12 (body.raw in the last record)
            b[r + 5] = 13;                  // pair[0].v at 13, pair[1].v at 7
            b[r + 6] = 7;
            for (int i = 0; i < 3; i++) {
                b[r + 7 + i] = (byte) (0x70 + 16 * k + i); // the rest of pair's window
            }
            b[r + 10] = (byte) (0x40 + k);
            b[r + 11] = (byte) (7 + k);     // placed (at 11) places its v at 7 + k
            b[r + 12] = (byte) (0x50 + k);
            b[r + 13] = (byte) (0x60 + k);
        }
        b[42 + 3] = 1;                      // a record that ends in its size window
        Path data = Files.write(dir.resolve("placed.bin"), b);
        JsonNode second = agree(dir.resolve("placed.h"), "Placed", data, true).get(1);
        // The decoder's reading of record 1, all from its own bytes 14 to 27.
        assertEquals("[65,8,81]", second.get("v").toString());
        assertEquals(List.of(8, 81, 97, 128, 129), List.of(second.at("/ref/v").asInt(), second.at("/body/ref/v").asInt(),
                second.at("/pair/0/v").asInt(), second.at("/pair/1/v").asInt(), second.at("/placed/v").asInt()));
    }

    @Test
    void elfHeaderAndPlacedTablesOfLs() throws Exception {
        Path ls = Path.of("/usr/bin/ls");
        assumeTrue(Files.isReadable(ls), "/usr/bin/ls is not there");
        agree("elf64.h", "ElfFile", ls, false);
    }

    /**
     * What the samples (all packed) leave out: alignment after dynamic members, counts with
     * {@code &&}, {@code !} and {@code ?:}, a sized scalar, an enum discriminator with a default
     * alternative, a {@code char} array to the end.
     */
    @Test
    void alignedRecordsOperatorCountsEnumSwitchAndSizedScalar() throws Exception {
        Files.writeString(dir.resolve("mixed.h"), """
                #include <stdint.h>
                enum Kind { K_INT = 1, K_NAME = 2 };
                struct Item {
                    uint8_t n;
                    uint8_t flags;
                    uint16_t vals[n && !(flags & 1) ? n : 0];
                    uint32_t after;                      /* aligned to 4 after the counted array */
                    [[structscope::size(3)]] uint16_t w; /* its third byte is skipped */
                    enum Kind kind;
                    [[structscope::switch(kind), structscope::size(8)]] union {
                        [[structscope::when(K_INT)]] int32_t i;
                        [[structscope::when(K_NAME)]] char name[8];
                        uint64_t other;
                    } v;
                };
                struct File { uint32_t count; struct Item items[count]; char rest[]; };
                """);
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(92).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.putInt(0, 3);
        // items[0] at 8 (Item is aligned to 8): 3 values, after at 8, w at 12, kind at 16, v at 24; 32 bytes.
        b.put(8, (byte) 3).put(9, (byte) 0).putShort(10, (short) 11).putShort(12, (short) -2).putShort(14, (short) 13);
        b.putInt(16, 0xA1B2C3D4).putShort(20, (short) 777).put(22, (byte) 0x5A).putInt(24, 1).putInt(32, -42);
        // items[1] at 40: flags bit 0 set, so no values; after at 4, w at 8, kind at 12 (K_NAME), v at 16; 24 bytes.
        b.put(40, (byte) 2).put(41, (byte) 1).putInt(44, 99).putShort(48, (short) 5).putInt(52, 2);
        b.put(56, (byte) 'a').put(57, (byte) 'b').put(58, (byte) 'c');
        // items[2] at 64: unknown kind 9, the default alternative; then "tail" to the end.
        b.put(64, (byte) 0).put(65, (byte) 0).putInt(68, 7).putShort(72, (short) 8).putInt(76, 9).putLong(80, 1L << 40);
        b.put(88, (byte) 't').put(89, (byte) 'a').put(90, (byte) 'i').put(91, (byte) 'l');
        Path data = Files.write(dir.resolve("mixed.bin"), b.array());
        JsonNode file = agree(dir.resolve("mixed.h"), "File", data, false).get(0);
        // The decoder's reading, so that agreement is over these values and not over a misreading.
        assertEquals(List.of(11, -2 & 0xFFFF, 13), List.of(file.at("/items/0/vals/0").asInt(), file.at("/items/0/vals/1").asInt(),
                file.at("/items/0/vals/2").asInt()));
        assertEquals(-42, file.at("/items/0/v/i").asInt());
        assertEquals("abc", file.at("/items/1/v/name").asText());
        assertEquals(1L << 40, file.at("/items/2/v/other").asLong());
        assertEquals(777, file.at("/items/0/w").asInt());
        assertEquals("tail", file.get("rest").asText());
    }

    /**
     * The exporters' header with every feature ({@code model/src/test/resources/export/dynamic.h}):
     * a placed array in a record that is not the file's first, a counted union alternative whose
     * count is in the enclosing record, counted_by-style strings in records read to the end.
     */
    @Test
    void everyFeatureOfTheExportersHeader() throws Exception {
        Path h = Path.of("../model/src/test/resources/export/dynamic.h").toAbsolutePath().normalize();
        assumeTrue(Files.isRegularFile(h), "run from the app module of the source tree");
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(73).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.putInt(0, 2).putInt(4, 0); // two items; the table placed at 0 (over count and table_at)
        b.put(8, (byte) 3).putShort(10, (short) 1).putShort(12, (short) 2).putShort(14, (short) 3);
        b.putInt(16, 44).putShort(20, (short) 55).putInt(24, 1).putInt(32, 66);            // items[0]: K_INT
        b.put(40, (byte) 2).put(41, (byte) 1).putInt(44, 77).putShort(48, (short) 88).putInt(52, 3);
        b.put(56, (byte) 0xAA).put(57, (byte) 0xBB);                                       // items[1]: K_BYTES, n = 2
        b.putShort(64, (short) 2).put(66, (byte) 'h').put(67, (byte) 'i');                 // texts to the end
        b.putShort(68, (short) 3).put(70, (byte) 'a').put(71, (byte) 'b').put(72, (byte) 'c');
        Path data = Files.write(dir.resolve("dynamic.bin"), b.array());
        JsonNode file = agree(h, "File", data, false).get(0);
        assertEquals("[2,0]", file.get("table").toString());
        assertEquals("[170,187]", file.at("/items/1/v/bytes").toString());
        assertEquals("abc", file.at("/texts/1/text").asText());
    }

    /** An array of fixed elements to the end takes the whole elements that fit and leaves a partial one. */
    @Test
    void arrayToTheEndLeavesAPartialElement() throws Exception {
        Files.writeString(dir.resolve("tail.h"), "#include <stdint.h>\nstruct Tail { uint16_t n; uint32_t vals[]; };\n");
        byte[] data = new byte[17];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 37 + 1);
        }
        Path bin = Files.write(dir.resolve("tail.bin"), data);
        JsonNode tail = agree(dir.resolve("tail.h"), "Tail", bin, false).get(0);
        assertEquals(3, tail.get("vals").size(), tail.toString());
    }

    /**
     * A count written as C's truth ({@code more[next != 0]}: a linked list through placed
     * records) is an int in Kaitai too; a comparison there is a boolean, which the compiler
     * refused as a count ("expected integer, got CalcBooleanType").
     */
    @Test
    void aCountThatIsAComparisonIsAnInteger() throws Exception {
        Files.writeString(dir.resolve("list.h"), """
                #include <stdint.h>
                #pragma pack(push, 1)
                struct Node { uint32_t value; uint32_t next; [[structscope::at(next)]] struct Node more[next != 0 && value < 100]; };
                #pragma pack(pop)
                """);
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(24).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.putInt(1).putInt(8).putInt(2).putInt(16).putInt(3).putInt(0);
        Path bin = Files.write(dir.resolve("list.bin"), b.array());
        JsonNode head = agree(dir.resolve("list.h"), "Node", bin, false).get(0);
        assertEquals(3, head.get("more").get(0).get("more").get(0).get("value").asInt(), head.toString());
    }

    /**
     * A tagged union without a size occupies its chosen alternative's bytes, so the smallest
     * record is the one with the smallest alternative: 16 bytes here, where C's union would make
     * it 24. The layout said 24, and the file's own type stopped reading records when fewer than
     * 24 bytes were left — the second of two 16-byte records was lost to Kaitai, not to decode.
     */
    @Test
    void aTaggedUnionIsAsSmallAsItsSmallestAlternative() throws Exception {
        Path h = Files.writeString(dir.resolve("tag.h"), """
                #include <stdint.h>
                struct Tagged { uint8_t t; [[structscope::switch(t)]] union { [[structscope::when(1)]] uint8_t a;
                    [[structscope::when(2)]] uint64_t b; } u; uint8_t z; };
                """);
        JsonNode m = DynamicCli.layoutJson(h).get("Tagged");
        assertEquals(16, m.get("size").asLong(), m.toString());
        assertEquals(1, m.get("fields").get(1).get("size").asLong(), "the union's smallest alternative: " + m);
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(32).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put(0, (byte) 1).put(8, (byte) 5).put(9, (byte) 6).put(16, (byte) 1).put(24, (byte) 7).put(25, (byte) 8);
        Path bin = Files.write(dir.resolve("tag.bin"), b.array());
        JsonNode records = agree(h, "Tagged", bin, true);
        assertEquals(2, records.size(), records.toString());
        assertEquals(8, records.get(1).get("z").asInt(), records.toString());
    }

    /**
     * A placed alternative of a tagged union is read where its at says and takes no room in the
     * union (Kaitai read it from the union's first byte).
     */
    @Test
    void aPlacedAlternativeOfATaggedUnion() throws Exception {
        Path h = Files.writeString(dir.resolve("placed_alt.h"), """
                #include <stdint.h>
                struct PlacedAlt { uint8_t t; [[structscope::switch(t)]] union { [[structscope::when(1)]] uint8_t one;
                    [[structscope::when(2), structscope::at(4)]] uint32_t placed; } u; uint8_t after; };
                """);
        Path bin = Files.write(dir.resolve("placed_alt.bin"), new byte[] {2, 7, 7, 7, (byte) 0xaa, (byte) 0xbb, (byte) 0xcc, (byte) 0xdd});
        JsonNode r = agree(h, "PlacedAlt", bin, false).get(0);
        assertEquals(0xddccbbaaL, r.get("u").get("placed").asLong(), r.toString());
        assertEquals(7, r.get("after").asInt(), r.toString());
        // A union that is not tagged and whose size data decides has no stream of its own in
        // Kaitai: its members are read from the start of the holder's stream, which is said.
        Path u = Files.writeString(dir.resolve("placed_member.h"), """
                #include <stdint.h>
                struct PlacedMember { uint8_t t; union { uint8_t a; [[structscope::at(4)]] uint32_t far; } u; uint8_t after; };
                """);
        CliRun exp = CliRun.run("export", u.toString(), "--to", "ksy", "--type", "PlacedMember", "-o",
                dir.resolve("placed_member.ksy").toString());
        assertEquals(0, exp.status(), exp.err.toString());
        assertTrue(exp.err.toString().contains("is read from the start of the record holding it"), exp.err.toString());
    }

    private JsonNode agree(String header, String type, Path data, boolean all) throws Exception {
        return agree(DynamicCli.bundled(dir, header), type, data, all);
    }

    private JsonNode agree(Path h, String type, Path data, boolean all) throws Exception {
        return agree(h, type, data, all, all);
    }

    /**
     * Compares {@code decode} (with {@code --all} when {@code all}) with the Kaitai parse of the
     * type on its own, or with the file's own type ({@code TYPE_records}, its records from 0)
     * when {@code fileType}; checks the bytes the parser consumed.
     */
    private JsonNode agree(Path h, String type, Path data, boolean all, boolean fileType) throws Exception {
        ExportKaitaiDecodeTest.assumeKaitai();
        String header = h.getFileName().toString();
        Map<String, Long> enums = new java.util.HashMap<>();
        for (var d : dev.structscope.io.headers.LocalHeaders.importFile(h,
                dev.structscope.model.c.HeaderImporter.Options.defaults()).decls()) {
            if (d instanceof dev.structscope.model.type.EnumType e) {
                e.enumerators().forEach(en -> enums.put(en.name(), en.value()));
            }
        }
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
            List<String> prefix = fileType ? new ArrayList<>(List.of("records", Integer.toString(k))) : new ArrayList<>();
            ExportKaitaiDecodeTest.leaves(decoded.get(k), prefix, paths);
        }
        ArrayNode requests = new ObjectMapper().createArrayNode();
        ObjectNode r = requests.addObject();
        r.put("type", fileType ? KaitaiExporter.id(type) + "_records" : KaitaiExporter.typeId(type));
        r.put("hex", HexFormat.of().formatHex(bytes));
        ArrayNode ps = r.putArray("paths");
        paths.forEach(p -> ps.add(ExportKaitaiDecodeTest.ksyPath(p)));
        JsonNode parsed = ExportKaitaiDecodeTest.ksyCheck(dir, ksy, requests).get(0);

        int compared = 0;
        for (List<String> path : paths) {
            JsonNode want = fileType ? decoded : decoded.get(0);
            for (String seg : fileType ? path.subList(1, path.size()) : path) {
                want = seg.matches("\\d+") ? want.get(Integer.parseInt(seg)) : want.get(seg);
            }
            // A tagged union with no alternative chosen is null in decode and absent in Kaitai
            // (both NaN here), not the raw bytes of its window.
            String key = ExportKaitaiDecodeTest.key(path);
            List<Object> w = ExportKaitaiDecodeTest.numbers(want, enums);
            List<Object> g = ExportKaitaiDecodeTest.numbers(parsed.get("values").get(key), enums);
            assertEquals(w, g, header + " " + key);
            compared++;
        }
        assertTrue(compared > 0 && compared == paths.size(), "only " + compared + " of " + paths.size() + " values compared");
        // A record is as long as its sequential members say (placed ones do not count), rounded to
        // its alignment; the file's own type reads records while the smallest one still fits.
        long record = switch (type) {
            case "ElfFile" -> 64;
            case "Elf32File" -> 52;
            case "Tail" -> 16;
            case "Placed" -> 14;
            case "Node" -> 8;
            case "PlacedAlt" -> 2;
            default -> bytes.length;
        };
        assertEquals(fileType ? bytes.length - bytes.length % record : record, parsed.get("consumed").asLong(),
                "bytes the parser consumed");
        return decoded;
    }
}
