package dev.structscope.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.structscope.model.abi.Abis;
import dev.structscope.model.c.HeaderImporter;
import dev.structscope.model.layout.LayoutEngine;
import dev.structscope.model.layout.oracle.Compilers;
import dev.structscope.model.type.Identifiers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.xml.parsers.DocumentBuilderFactory;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The exported dissector against StructScope's own decoder, through the real Wireshark: payloads
 * go into a capture (text2pcap: UDP datagrams, or a TCP stream), tshark dissects it with the
 * exported Lua ({@code -X lua_script:}) and prints its tree (PDML), and every field of every
 * record must show what {@code structscope decode} prints for the same bytes: integers of every
 * width, floats, enum names, bit-fields (signed, across bytes, wider than 32 bits), char arrays,
 * nested records and arrays of them, unions, both byte orders; and, for a dynamic layout, counted
 * arrays, a tagged union and a sized member following the data. And with Python as the truth:
 * records a ctypes Structure wrote show every value as Python reads it back. Skipped where tshark or
 * text2pcap is missing (Debian: tshark, wireshark-common).
 */
class WiresharkExportTest {
    private static final Path TSHARK = Path.of("/usr/bin/tshark");
    private static final Path TEXT2PCAP = Path.of("/usr/bin/text2pcap");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String STATIC = """
            #include <stdint.h>
            #include <stdbool.h>
            enum Kind { K_A = 1, K_B = -2, K_C = 7 };
            enum Small { S0, S1, S2, S3 };
            struct Inner { int16_t x; uint8_t y; enum Small s : 2; };
            struct Msg {
              uint16_t len;
              unsigned flags : 3, mode : 5;
              int sval : 7;
              unsigned cross : 13;
              enum Kind kind;
              float f;
              double d;
              char name[8];
              struct Inner in[2];
              union { int32_t i; float g; };
              uint64_t big;
              bool ok;
              bool bit : 1;
              int64_t wide : 40;
              uint64_t uwide : 60;
              int8_t grid[2][3];
              union { uint32_t word; uint8_t bytes[4]; } u;
              void *ptr;
              char names[2][4];
            };
            """;

    private static final String DYNAMIC = """
            #include <stdint.h>
            struct Ping { uint32_t seq; };
            struct Text { uint8_t n; char s[n]; };
            struct Telegram {
              uint8_t type;
              uint8_t count;
              int16_t vals[count];
              uint16_t len;
              [[structscope::switch(type), structscope::size(len)]] union {
                [[structscope::when(1)]] struct Ping ping;
                [[structscope::when(2)]] struct Text text;
              } body;
              uint32_t tail;
            };
            """;

    @TempDir
    Path dir;

    @BeforeEach
    void tools() {
        assumeTrue(Files.isExecutable(TSHARK) && Files.isExecutable(TEXT2PCAP), "tshark and text2pcap are not installed");
    }

    @Test
    void staticRecordLittleEndian() throws Exception {
        check(STATIC, "Msg", randomPayloads(24, 7), "little", false);
    }

    @Test
    void staticRecordBigEndian() throws Exception {
        check(STATIC, "Msg", randomPayloads(24, 8), "big", false);
    }

    @Test
    void staticRecordsBackToBackOnTcp() throws Exception {
        check(STATIC, "Msg", randomPayloads(8, 9), "little", true);
    }

    @Test
    void recordsSplitAcrossTcpSegmentsAreReassembled() throws Exception {
        Path h = dir.resolve("p.h");
        Files.writeString(h, STATIC);
        Path lua = dir.resolve("p.lua");
        CliRun export = CliRun.run("export", h.toString(), "--to", "wireshark", "--type", "Msg", "--port", "9999",
                "--transport", "tcp", "-o", lua.toString());
        assertEquals(0, export.status(), export.err::toString);
        // Six records as one stream, cut into segments that end anywhere.
        byte[] stream = new byte[0];
        for (byte[] p : randomPayloads(6, 21)) {
            stream = concat(stream, p);
        }
        Path bin = dir.resolve("stream.bin");
        Files.write(bin, stream);
        CliRun decode = CliRun.run("decode", h.toString(), "--type", "Msg", bin.toString(), "--all", "--format", "jsonl");
        assertEquals(0, decode.status(), decode.err::toString);
        List<List<String[]>> expected = new ArrayList<>();
        for (String line : decode.out.toString().strip().split("\n")) {
            List<String[]> leaves = new ArrayList<>();
            flatten(JSON.readTree(line), "", leaves);
            expected.add(leaves);
        }
        StringBuilder dump = new StringBuilder();
        Random rnd = new Random(5);
        for (int at = 0; at < stream.length; ) {
            int n = Math.min(stream.length - at, 1 + rnd.nextInt(150));
            dump.append("0000 ").append(HexFormat.ofDelimiter(" ").formatHex(stream, at, at + n)).append("\n\n");
            at += n;
        }
        Path hex = dir.resolve("p.txt");
        Files.writeString(hex, dump.toString());
        Path pcap = dir.resolve("p.pcap");
        assertEquals(0, Compilers.run(List.of(TEXT2PCAP.toString(), "-q", "-T", "40000,9999", hex.toString(),
                pcap.toString()), dir).exit());
        Path pdml = dir.resolve("p.pdml");
        Process p = new ProcessBuilder(TSHARK.toString(), "-X", "lua_script:" + lua, "-r", pcap.toString(), "-T", "pdml")
                .directory(dir.toFile()).redirectOutput(pdml.toFile()).redirectError(dir.resolve("tshark.err").toFile())
                .start();
        assertTrue(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS), "tshark did not end");
        List<List<String[]>> shown = dissected(Files.readAllBytes(pdml), "msg");
        assertEquals(expected.size(), shown.size(), "every record once, reassembled: " + readQuietly(dir.resolve("tshark.err")));
        for (int r = 0; r < expected.size(); r++) {
            assertEquals(expected.get(r).size(), shown.get(r).size());
            for (int k = 0; k < expected.get(r).size(); k++) {
                String[] want = expected.get(r).get(k);
                String[] got = shown.get(r).get(k);
                assertEquals(want[0], got[0]);
                assertTrue(sameValue(want[1], got[1], got[2], got[3]), "record " + r + " " + want[0] + ": decode "
                        + want[1] + ", tshark " + got[1]);
            }
        }
    }

    @Test
    void dynamicRecordFollowsTheData() throws Exception {
        Random rnd = new Random(11);
        List<byte[]> payloads = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
            int type = 1 + rnd.nextInt(3); // 3 matches no alternative: the size skips it
            int count = rnd.nextInt(5);
            b.write(type);
            b.write(count);
            for (int k = 0; k < count * 2; k++) {
                b.write(rnd.nextInt(256));
            }
            byte[] body;
            if (type == 1) {
                body = new byte[4 + rnd.nextInt(3)];
                rnd.nextBytes(body);
            } else {
                int n = rnd.nextInt(6);
                body = new byte[1 + n + rnd.nextInt(2)];
                body[0] = (byte) n;
                for (int k = 1; k < body.length; k++) {
                    body[k] = (byte) ('a' + rnd.nextInt(26));
                }
            }
            b.write(body.length & 0xff);
            b.write(body.length >> 8);
            while (b.size() % 4 != 0) {
                b.write(0); // the union holds a uint32_t: 4-aligned from the record's start
            }
            b.write(body, 0, body.length);
            while (b.size() % 4 != 0) {
                b.write(0); // tail is 4-aligned from the record's start
            }
            for (int k = 0; k < 4; k++) {
                b.write(rnd.nextInt(256));
            }
            payloads.add(b.toByteArray());
        }
        check(DYNAMIC, "Telegram", payloads, "little", false);
    }

    private static final String CTYPES_HEADER = """
            #include <stdint.h>
            enum Kind { K_A = 1, K_B = -2, K_C = 7 };
            struct Point { int16_t x; int16_t y; };
            struct Rec {
              uint8_t u8; int8_t i8; uint16_t u16; int32_t i32; uint32_t u32; int64_t i64; uint64_t u64;
              float f; double d;
              unsigned long long w : 40;
              enum Kind kind;
              unsigned a : 3; unsigned b : 9; int c : 5;
              uint16_t sep;
              char name[12];
              struct Point pts[3];
              struct Point origin;
            };
            """;

    /** The same record as a ctypes Structure: Python writes random values and prints what it wrote. */
    private static final String CTYPES_WRITER = """
            import ctypes, json, random, sys
            class Point(ctypes.Structure):
                _fields_ = [("x", ctypes.c_int16), ("y", ctypes.c_int16)]
            class Rec(ctypes.Structure):
                _fields_ = [("u8", ctypes.c_uint8), ("i8", ctypes.c_int8), ("u16", ctypes.c_uint16),
                            ("i32", ctypes.c_int32), ("u32", ctypes.c_uint32), ("i64", ctypes.c_int64),
                            ("u64", ctypes.c_uint64), ("f", ctypes.c_float), ("d", ctypes.c_double),
                            ("w", ctypes.c_ulonglong, 40), ("kind", ctypes.c_int), ("a", ctypes.c_uint, 3),
                            ("b", ctypes.c_uint, 9), ("c", ctypes.c_int, 5), ("sep", ctypes.c_uint16),
                            ("name", ctypes.c_char * 12), ("pts", Point * 3), ("origin", Point)]
            names = {1: "K_A", -2: "K_B", 7: "K_C"}
            rnd = random.Random(int(sys.argv[2]))
            out = open(sys.argv[1], "wb")
            print(ctypes.sizeof(Rec))
            for i in range(int(sys.argv[3])):
                r = Rec()
                r.u8 = rnd.randrange(256); r.i8 = rnd.randrange(-128, 128); r.u16 = rnd.randrange(65536)
                r.i32 = rnd.randrange(-2**31, 2**31); r.u32 = rnd.randrange(2**32)
                r.i64 = rnd.randrange(-2**63, 2**63); r.u64 = rnd.randrange(2**64)
                r.f = rnd.uniform(-1e6, 1e6); r.d = rnd.uniform(-1e300, 1e300)
                r.kind = rnd.choice([1, -2, 7, 3])
                r.a = rnd.randrange(8); r.b = rnd.randrange(512); r.c = rnd.randrange(-16, 16)
                r.sep = rnd.randrange(65536); r.w = rnd.randrange(2**40)
                r.name = bytes(rnd.choice(b"abcdefghij\\xe9") for _ in range(rnd.randrange(12)))
                for p in list(r.pts) + [r.origin]:
                    p.x = rnd.randrange(-32768, 32768); p.y = rnd.randrange(-32768, 32768)
                out.write(bytes(r))
                # What was written, read back through ctypes, as (member path, value) in order.
                leaves = [[n, getattr(r, n)] for n in ("u8", "i8", "u16", "i32", "u32", "i64", "u64", "f", "d", "w")]
                leaves.append(["kind", names.get(r.kind, r.kind)])
                leaves += [[n, getattr(r, n)] for n in ("a", "b", "c", "sep")]
                leaves.append(["name", r.name.decode("latin-1")])
                for p in r.pts:
                    leaves += [["pts.x", p.x], ["pts.y", p.y]]
                leaves += [["origin.x", r.origin.x], ["origin.y", r.origin.y]]
                print(json.dumps([[k, v if isinstance(v, str) else repr(v)] for k, v in leaves]))
            """;

    @Test
    void ctypesWrittenRecordsShowAsPythonWroteThem() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")), "python3 is not installed");
        int n = 20;
        Path data = dir.resolve("records.bin");
        List<String> lines = dev.structscope.app.hexview.Py.run(dir, CTYPES_WRITER, data.toString(), "42",
                Integer.toString(n));
        int size = Integer.parseInt(lines.getFirst());
        Files.writeString(dir.resolve("rec.h"), CTYPES_HEADER);
        CliRun layout = CliRun.run("layout", dir.resolve("rec.h").toString(), "--type", "Rec");
        assertTrue(layout.out.toString().contains("size: " + size + ","), "ctypes and C agree on the size: " + layout.out);
        byte[] all = Files.readAllBytes(data);
        List<byte[]> payloads = new ArrayList<>();
        List<List<String[]>> truth = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            payloads.add(java.util.Arrays.copyOfRange(all, i * size, (i + 1) * size));
            List<String[]> leaves = new ArrayList<>();
            for (JsonNode kv : JSON.readTree(lines.get(i + 1))) {
                leaves.add(new String[] {kv.get(0).asText(), kv.get(1).asText()});
            }
            truth.add(leaves);
        }
        check(CTYPES_HEADER, "Rec", payloads, "little", false, truth);
    }

    @Test
    void namesOutsideAsciiAreAsciiInFieldNamesAndAsWrittenInLabels() throws Exception {
        String header = new String(getClass().getResourceAsStream("/c/corpus/unicode_identifiers.h").readAllBytes(),
                StandardCharsets.UTF_8);
        long size = LayoutEngine.layout("struct Größe", HeaderImporter.importText(header, "u.h",
                HeaderImporter.Options.defaults()), Abis.X86_64_LINUX).size();
        List<List<String[]>> shown = check(header, "Größe", randomPayloads(6, 11, (int) size), "little", false);
        // Wireshark takes ASCII field names only ("Invalid byte" in the abbreviation); filters name
        // the member h_u00f6he, the tree says höhe.
        List<String[]> first = shown.getFirst();
        assertTrue(first.stream().anyMatch(l -> l[0].equals("h_u00f6he") && l[2].startsWith("höhe: ")),
                () -> first.stream().map(l -> l[0] + " " + l[2]).toList().toString());
        assertTrue(first.stream().anyMatch(l -> l[0].equals("inhalt.ma_u00df") && l[2].startsWith("maß: ")),
                () -> first.stream().map(l -> l[0] + " " + l[2]).toList().toString());
    }

    private static List<byte[]> randomPayloads(int n, long seed) {
        return randomPayloads(n, seed, 104); // sizeof(struct Msg) on x86-64 (check() asserts it)
    }

    private static List<byte[]> randomPayloads(int n, long seed, int size) {
        Random rnd = new Random(seed);
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byte[] b = new byte[size];
            rnd.nextBytes(b);
            out.add(b);
        }
        return out;
    }

    private List<List<String[]>> check(String header, String type, List<byte[]> payloads, String order, boolean tcp)
            throws Exception {
        return check(header, type, payloads, order, tcp, null);
    }

    /**
     * As above; {@code truth} (when given) replaces decode as what every record must show. Returns
     * tshark's leaves, record by record.
     */
    private List<List<String[]>> check(String header, String type, List<byte[]> payloads, String order, boolean tcp,
                       List<List<String[]>> truth) throws Exception {
        Path h = dir.resolve("p.h");
        Files.writeString(h, header);
        if (header.equals(STATIC)) {
            CliRun size = CliRun.run("layout", h.toString(), "--type", type);
            assertEquals(0, size.status(), size.err::toString);
            assertTrue(size.out.toString().contains("size: 104,"), size.out::toString);
        }
        Path lua = dir.resolve("p.lua");
        List<String> args = new ArrayList<>(List.of("export", h.toString(), "--to", "wireshark", "--type", type,
                "--port", "9999", "--byte-order", order, "-o", lua.toString()));
        if (tcp) {
            args.addAll(List.of("--transport", "tcp"));
        }
        CliRun export = CliRun.run(args.toArray(String[]::new));
        assertEquals(0, export.status(), export.err::toString);

        // What decode says, record by record.
        List<List<String[]>> expected = new ArrayList<>();
        StringBuilder dump = new StringBuilder();
        for (int i = 0; i < payloads.size(); i++) {
            byte[] p = payloads.get(i);
            Path bin = dir.resolve("r" + i + ".bin");
            Files.write(bin, tcp ? concat(p, payloads.get((i + 1) % payloads.size())) : p);
            dump.append("0000 ").append(HexFormat.ofDelimiter(" ").formatHex(tcp ? concat(p, payloads.get((i + 1)
                    % payloads.size())) : p)).append("\n\n");
            if (truth != null) {
                continue;
            }
            CliRun decode = CliRun.run("decode", h.toString(), "--type", type, bin.toString(), "--byte-order", order,
                    "--format", "jsonl", "--all");
            assertEquals(0, decode.status(), decode.err::toString);
            for (String line : decode.out.toString().strip().split("\n")) {
                List<String[]> leaves = new ArrayList<>();
                flatten(JSON.readTree(line), "", leaves);
                expected.add(leaves);
            }
        }
        if (truth != null) {
            expected = truth;
        }
        Path hex = dir.resolve("p.txt");
        Files.writeString(hex, dump.toString());
        Path pcap = dir.resolve("p.pcap");
        Compilers.Result made = Compilers.run(List.of(TEXT2PCAP.toString(), "-q", tcp ? "-T" : "-u", "40000,9999",
                hex.toString(), pcap.toString()), dir);
        assertEquals(0, made.exit(), made::out);
        Path pdml = dir.resolve("p.pdml");
        Process p = new ProcessBuilder(TSHARK.toString(), "-X", "lua_script:" + lua, "-r", pcap.toString(), "-T", "pdml")
                .directory(dir.toFile()).redirectOutput(pdml.toFile()).redirectError(dir.resolve("tshark.err").toFile())
                .start();
        assertTrue(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS), "tshark did not end");
        assertEquals(0, p.exitValue(), () -> readQuietly(dir.resolve("tshark.err")));
        List<List<String[]>> shown = dissected(Files.readAllBytes(pdml),
                Identifiers.ascii(type).toLowerCase(java.util.Locale.ROOT));
        String errors = readQuietly(dir.resolve("tshark.err"));
        assertTrue(!errors.contains("Lua") && !errors.contains("lua"), errors);
        assertEquals(expected.size(), shown.size(), "records dissected");
        List<String> failures = new ArrayList<>();
        int fields = 0;
        for (int r = 0; r < expected.size(); r++) {
            List<String[]> want = expected.get(r);
            List<String[]> got = shown.get(r);
            if (want.size() != got.size()) {
                failures.add("record " + r + ": decode has " + want.size() + " values, tshark " + got.size() + ": "
                        + describe(want) + " / " + describe(got));
                continue;
            }
            for (int k = 0; k < want.size(); k++) {
                fields++;
                if (!Identifiers.ascii(want.get(k)[0]).equals(got.get(k)[0]) || !sameValue(want.get(k)[1], got.get(k)[1], got.get(k)[2], got.get(k)[3])) {
                    failures.add("record " + r + " " + want.get(k)[0] + ": " + (truth == null ? "decode " : "ctypes ")
                            + want.get(k)[1] + ", tshark "
                            + got.get(k)[0] + " = " + got.get(k)[1] + " (" + got.get(k)[2] + ")");
                }
            }
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " of " + fields + " values differ:\n"
                    + String.join("\n", failures.subList(0, Math.min(12, failures.size()))));
        }
        System.out.println("WiresharkExportTest " + type + " " + order + (tcp ? " tcp" : " udp") + ": " + fields
                + " values in " + expected.size() + " records agree with " + (truth == null ? "decode" : "ctypes"));
        return shown;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static String readQuietly(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            return "";
        }
    }

    private static String describe(List<String[]> leaves) {
        return leaves.stream().map(l -> l[0] + "=" + l[1]).toList().toString();
    }

    /** decode's JSON as (path, value) leaves in order: nested objects dotted, array elements repeating their path. */
    private static void flatten(JsonNode n, String path, List<String[]> out) {
        if (n.isObject()) {
            n.fields().forEachRemaining(e -> flatten(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), out));
        } else if (n.isArray()) {
            n.forEach(e -> flatten(e, path, out));
        } else {
            out.add(new String[] {path, n.isTextual() ? n.textValue() : n.toString()});
        }
    }

    /** tshark's tree of each record: (path without the protocol, show, showname) for every leaf field. */
    private static List<List<String[]>> dissected(byte[] pdml, String proto) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        // tshark 4.0 cuts a string's "show" at the field's length in bytes, even inside a UTF-8
        // sequence: read the text leniently (strings are compared by their raw bytes, "value").
        String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(java.nio.charset.CodingErrorAction.REPLACE)
                .decode(java.nio.ByteBuffer.wrap(pdml)).toString();
        Document doc = f.newDocumentBuilder().parse(new org.xml.sax.InputSource(new java.io.StringReader(text)));
        List<List<String[]>> out = new ArrayList<>();
        var protos = doc.getElementsByTagName("proto");
        for (int i = 0; i < protos.getLength(); i++) {
            Element e = (Element) protos.item(i);
            if (proto.equals(e.getAttribute("name"))) {
                List<String[]> leaves = new ArrayList<>();
                leaves(e, proto + ".", leaves);
                out.add(leaves);
            }
        }
        return out;
    }

    private static void leaves(Element e, String prefix, List<String[]> out) {
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (!(c instanceof Element f) || !f.getTagName().equals("field")) {
                continue;
            }
            String name = f.getAttribute("name");
            if (name.endsWith("._extra") || name.startsWith("_ws.")) {
                continue;
            }
            boolean subtree = false;
            for (Node k = f.getFirstChild(); k != null; k = k.getNextSibling()) {
                subtree |= k instanceof Element ke && ke.getTagName().equals("field");
            }
            if (subtree) {
                leaves(f, prefix, out);
            } else if (name.startsWith(prefix)) {
                out.add(new String[] {name.substring(prefix.length()), f.getAttribute("show"), f.getAttribute("showname"),
                        f.getAttribute("value")});
            }
        }
    }

    private static boolean sameValue(String decode, String show, String showname, String value) {
        if (decode.equals(show) || (decode.equals("null") && show.isEmpty())) {
            return true; // null: a tagged union with no alternative for its discriminator, an empty subtree
        }
        if (!value.isEmpty() && value.matches("([0-9a-f]{2})+")) {
            // a char array: its bytes up to the first NUL, as ISO-8859-1, are decode's string
            String raw = new String(HexFormat.of().parseHex(value), StandardCharsets.ISO_8859_1);
            int nul = raw.indexOf('\0');
            if ((nul < 0 ? raw : raw.substring(0, nul)).equals(decode)) {
                return true;
            }
        }
        if (decode.equals("true") || decode.equals("false")) {
            return show.equals(decode.equals("true") ? "1" : "0");
        }
        if (showname.contains(": " + decode + " (")) {
            return true; // an enumerator name: "kind: K_A (1)"
        }
        String d = decode.replace("Infinity", "inf").replace("NaN", "nan").toLowerCase(java.util.Locale.ROOT);
        if (d.equals(show.toLowerCase(java.util.Locale.ROOT))) {
            return true;
        }
        try {
            if (show.startsWith("0x")) {
                return new BigInteger(show.substring(2), 16).equals(new BigInteger(decode));
            }
            BigDecimal a = new BigDecimal(decode);
            BigDecimal b = new BigDecimal(show);
            if (a.compareTo(b) == 0) {
                return true;
            }
            // floats: tshark prints 6 (float) or 15 (double) significant digits
            BigDecimal diff = a.subtract(b).abs();
            return diff.compareTo(a.abs().multiply(new BigDecimal("1e-5"))) <= 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
