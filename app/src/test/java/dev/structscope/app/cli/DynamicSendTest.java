package dev.structscope.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.structscope.io.decode.DynamicDecoder;
import dev.structscope.io.decode.JsonText;
import dev.structscope.io.decode.RecordReader;
import dev.structscope.io.encode.DynamicEncoder;
import dev.structscope.io.testing.JsonCompare;
import dev.structscope.model.Limits;
import dev.structscope.model.abi.Abis;
import dev.structscope.model.c.HeaderImporter;
import dev.structscope.model.layout.LayoutEngine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Encoding dynamic records ({@code send} of a dynamic type), against the bytes Python's
 * {@code struct} packs for the same messages ({@code proto_peer.py}): with every member given, and
 * with the count members, the discriminator and the length left out, which the encoder derives
 * from the arrays, the alternative and the content. Every message of a random mix of all types.
 */
@Tag(DynamicCli.TAG)
class DynamicSendTest extends ProtoPeerTestBase {
    private static final int MESSAGES = 120;

    @Test
    void messagesEncodeToTheBytesPythonPacksWithCountsTypeAndLengthDerived() throws Exception {
        byte[] raw = Files.readAllBytes(proto.stream(MESSAGES));
        List<JsonNode> expected = proto.expected(MESSAGES);
        var lib = dev.structscope.io.headers.LocalHeaders.importFile(proto.header, HeaderImporter.Options.defaults());
        DynamicDecoder decoder = new DynamicDecoder(LayoutEngine.layout("Msg", lib, Abis.X86_64_LINUX),
                Abis.X86_64_LINUX, ByteOrder.LITTLE_ENDIAN, Limits.DEFAULT);
        MemorySegment all = MemorySegment.ofArray(raw);
        long pos = 0;
        int exact = 0;
        try (Arena arena = Arena.ofConfined()) {
            for (int i = 0; i < MESSAGES; i++) {
                String what = "seed " + proto.seed + " message " + i + " " + expected.get(i);
                RecordReader.Decoded original = decoder.read(all, pos, raw.length);
                byte[] bytes = Arrays.copyOfRange(raw, (int) pos, (int) (pos + original.size()));
                pos += original.size();

                // Every member as the peer gave it: the same length, and decoding gives the same values.
                MemorySegment given = DynamicEncoder.encode(decoder, expected.get(i), arena, 1 << 20);
                assertEquals(bytes.length, given.byteSize(), what);
                assertEquals(List.of(), JsonCompare.diff(expected.get(i), json(decoder, given), Set.of(), Set.of()), what);

                // Counts, type and length left to the encoder, where the message has no bytes after its content.
                JsonNode body = expected.get(i).get("body");
                if (body.isNull() || bytes.length != contentLength(decoder, given)) {
                    continue;
                }
                ObjectNode bare = expected.get(i).deepCopy();
                bare.remove("length");
                if (bare.get("type").asInt() != 6) {
                    // 6, a trade correction, shares the trade alternative with 2: only the first can be derived.
                    bare.remove("type");
                }
                JsonNode alt = bare.get("body").elements().next();
                if (alt.isObject()) {
                    ((ObjectNode) alt).remove(List.of("nbids", "nasks", "len"));
                }
                MemorySegment derived = DynamicEncoder.encode(decoder, bare, arena, 1 << 20);
                assertArrayEquals(bytes, derived.toArray(ValueLayout.JAVA_BYTE), what + " derived " + bare);
                exact++;
            }
        }
        assertTrue(exact > MESSAGES / 3, "seed " + proto.seed + ": " + exact + " messages compared byte for byte");
    }

    @Test
    void sendWritesADynamicRecordThatAPythonServerReadsAsStructPacksIt() throws Exception {
        Received r = sendToPython("""
                body = struct.pack("<IBB", 5, 2, 1) + struct.pack("<qI", 10, 1) + struct.pack("<qI", 11, 2) + struct.pack("<qI", -12, 3)
                want = struct.pack("<HBBII", 0x5353, 3, 0, 12 + len(body), 8) + body
                """, proto.header, "Msg", "--framing", "record", "--values", "{\"magic\": 21331, \"seq\": 8, \"body\": {\"quote\": "
                + "{\"instrument\": 5, \"bids\": [{\"price_e4\": 10, \"qty\": 1}, {\"price_e4\": 11, \"qty\": 2}],"
                + " \"asks\": [{\"price_e4\": -12, \"qty\": 3}]}}}");
        assertEquals("EQUAL", r.verdict(), "the bytes Python's struct packs for the same quote");
    }

    /**
     * Placed members lie outside the record's own bytes, so send does not write them; a value the
     * JSON gives for one (as decode prints it) is said to be left out, not dropped in silence.
     */
    @Test
    void aPlacedMembersValueIsSaidToBeLeftOut() throws Exception {
        Path h = Files.writeString(dir.resolve("placed.h"), """
                #include <stdint.h>
                struct P { uint8_t n; [[structscope::at(4)]] uint32_t far; uint8_t after;
                    [[structscope::switch(n)]] union { [[structscope::when(1)]] uint8_t one;
                        [[structscope::when(2), structscope::at(8)]] uint16_t placed; } u; };
                """);
        Received r = sendToPython("want = struct.pack(\"<BB\", 2, 9)\n", h, "P",
                "--values", "{\"n\": 2, \"far\": 5, \"after\": 9, \"u\": {\"placed\": 7}}");
        assertEquals("EQUAL", r.verdict(), "n and after, the record's own bytes");
        assertTrue(r.err().contains("warning: far (at 4) is placed outside the record's own bytes: its value is not sent"), r.err());
        assertTrue(r.err().contains("warning: u.placed (at 8) is placed outside"), r.err());
    }

    /** What a Python server said of the bytes it received ("EQUAL" or "DIFFER ..."), and send's stderr. */
    private record Received(String verdict, String err) {
    }

    /**
     * Sends a record of {@code type} to a Python TCP server that reads until the connection ends
     * and compares the bytes with {@code want}, which {@code pythonWant} (lines of Python using
     * {@code struct}) computes; send must succeed.
     */
    private Received sendToPython(String pythonWant, Path header, String type, String... args) throws Exception {
        Path script = Files.writeString(dir.resolve("server_" + type + ".py"), """
                import socket, struct
                s = socket.create_server(("127.0.0.1", 0))
                print(s.getsockname()[1], flush=True)
                c, _ = s.accept()
                data = b""
                while True:
                    b = c.recv(4096)
                    if not b:
                        break
                    data += b
                """ + pythonWant + """
                print("EQUAL" if data == want else "DIFFER " + data.hex() + " " + want.hex(), flush=True)
                """);
        Process py = new ProcessBuilder("python3", script.toString()).redirectErrorStream(true).start();
        try (var out = new java.io.BufferedReader(new java.io.InputStreamReader(py.getInputStream()))) {
            String port = out.readLine();
            List<String> all = new java.util.ArrayList<>(List.of("send", header.toString(), "--type", type,
                    "--connect", "127.0.0.1:" + port));
            all.addAll(List.of(args));
            CliRun run = CliRun.run(all.toArray(String[]::new));
            assertEquals(0, run.status(), run.err.toString());
            return new Received(out.readLine(), run.err.toString());
        } finally {
            py.destroy();
        }
    }

    /** The bytes a message's header and chosen body take, without what its length skips after them. */
    private static long contentLength(DynamicDecoder decoder, MemorySegment m) {
        var d = decoder.sizedByContent().read(m, 0, m.byteSize());
        return d.size();
    }

    private static JsonNode json(DynamicDecoder decoder, MemorySegment m) {
        StringBuilder sb = new StringBuilder();
        JsonText.append(sb, decoder.read(m, 0, m.byteSize()).value());
        return JsonCompare.parse(sb.toString());
    }
}
