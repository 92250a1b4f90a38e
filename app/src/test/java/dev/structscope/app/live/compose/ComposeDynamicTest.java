package dev.structscope.app.live.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.structscope.io.decode.DynamicDecoder;
import dev.structscope.io.decode.RecordReader;
import dev.structscope.io.net.PythonPeer;
import dev.structscope.model.Limits;
import dev.structscope.model.abi.Abis;
import dev.structscope.model.layout.RecordLayout;
import dev.structscope.samples.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static dev.structscope.app.live.compose.ComposeCtypesTest.layout;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Composing dynamic records in the form, driven as a person drives it: choose a message body,
 * add array elements, type values; the bytes must be what Python's {@code struct} packs for the
 * same message ({@code proto_peer.py}, the sample protocol's peer), with the counts, the type and
 * the length derived and shown.
 */
class ComposeDynamicTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static String sample(String name) throws Exception {
        try (InputStream in = Samples.open(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static ComposeViewModel vm(RecordLayout layout) {
        ComposeViewModel vm = new ComposeViewModel(Runnable::run, Runnable::run);
        vm.setRecord(layout, Abis.X86_64_LINUX, ByteOrder.LITTLE_ENDIAN);
        assertEquals("", vm.problem.get());
        assertTrue(vm.dynamic());
        return vm;
    }

    private static void type(ComposeViewModel vm, String path, String text) {
        switch (vm.entry(path)) {
            case ScalarEntry s -> {
                assertNotEquals(ScalarEntry.Role.DERIVED, s.role(), path + " is derived, not typed");
                s.setText(text);
            }
            case StringEntry s -> s.setText(text);
            case BytesEntry s -> s.setText(text);
            case null, default -> throw new AssertionError("no editable row " + path);
        }
    }

    private static String shown(ComposeViewModel vm, String path) {
        return ((ScalarEntry) vm.entry(path)).text.get();
    }

    private static GroupEntry group(ComposeViewModel vm, String path) {
        return assertInstanceOf(GroupEntry.class, vm.entry(path), path);
    }

    /** Fills the form with one message as a person would: the body first, then elements, then values. */
    private static void compose(ComposeViewModel vm, JsonNode msg) {
        JsonNode body = msg.get("body");
        String alt = body.fieldNames().next();
        GroupEntry tagged = group(vm, "body");
        vm.choose(tagged, tagged.alternatives().indexOf(alt));
        if (msg.get("type").asInt() == 6) {
            // A trade correction shares the trade body: its type is typed, and Enter applies it.
            type(vm, "type", "6");
            vm.reshape();
        }
        for (String h : List.of("magic", "flags", "seq")) {
            type(vm, h, msg.get(h).asText());
        }
        JsonNode content = body.get(alt);
        for (String array : List.of("bids", "asks")) {
            if (content.has(array)) {
                for (int i = 0; i < content.get(array).size(); i++) {
                    vm.addElement(group(vm, "body." + alt + "." + array));
                }
            }
        }
        fillLeaves(vm, "body." + alt, content);
    }

    private static void fillLeaves(ComposeViewModel vm, String path, JsonNode v) {
        if (v.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                var e = it.next();
                fillLeaves(vm, path + "." + e.getKey(), e.getValue());
            }
        } else if (v.isArray()) {
            for (int i = 0; i < v.size(); i++) {
                fillLeaves(vm, path + "[" + i + "]", v.get(i));
            }
        } else if (!(vm.entry(path) instanceof ScalarEntry s && s.role() == ScalarEntry.Role.DERIVED)) {
            type(vm, path, v.asText());
        }
    }

    @Test
    void messagesComposedInTheFormAreTheBytesPythonPacks() throws Exception {
        assumeTrue(PythonPeer.available(), "python3 is needed");
        Path peer = dir.resolve("proto_peer.py");
        Files.writeString(peer, sample("proto_peer.py"));
        int seed = new Random().nextInt(1_000_000);
        int n = 150;
        Path stream = dir.resolve("stream.bin");
        run(dir, "python3", peer.toString(), "stream", "" + seed, "" + n, stream.toString());
        List<JsonNode> expected = new ArrayList<>();
        for (String line : run(dir, "python3", peer.toString(), "expect", "" + seed, "" + n).split("\n")) {
            expected.add(JSON.readTree(line));
        }
        byte[] raw = Files.readAllBytes(stream);
        RecordLayout msg = layout(sample("proto.h"), "Msg");
        DynamicDecoder decoder = new DynamicDecoder(msg, Abis.X86_64_LINUX, ByteOrder.LITTLE_ENDIAN, Limits.DEFAULT);
        long pos = 0;
        int composed = 0;
        for (int i = 0; i < n; i++) {
            RecordReader.Decoded d = decoder.read(MemorySegment.ofArray(raw), pos, raw.length);
            byte[] bytes = Arrays.copyOfRange(raw, (int) pos, (int) (pos + d.size()));
            pos += d.size();
            JsonNode m = expected.get(i);
            // A form composes what its members say: no unknown bodies, no bytes after the content.
            if (m.get("body").isNull() || m.get("length").asLong() != contentLength(m)) {
                continue;
            }
            String what = "seed " + seed + " message " + i + " " + m;
            ComposeViewModel vm = vm(msg);
            compose(vm, m);
            assertEquals("", vm.validity.get().firstError(), what);
            assertArrayEquals(bytes, vm.encode().toArray(ValueLayout.JAVA_BYTE), what);
            // The derived members show what was sent.
            assertEquals(m.get("length").asText(), shown(vm, "length"), what);
            assertEquals(m.get("type").asText(), shown(vm, "type"), what);
            JsonNode quote = m.get("body").get("quote");
            if (quote != null) {
                assertEquals(quote.get("nbids").asText(), shown(vm, "body.quote.nbids"), what);
                assertEquals(quote.get("nasks").asText(), shown(vm, "body.quote.nasks"), what);
            }
            assertTrue(vm.title.get().contains(bytes.length + " bytes"), vm.title.get());
            composed++;
        }
        // About a quarter of the peer's messages are composable (known body, no bytes after it).
        assertTrue(composed >= 12, "seed " + seed + ": " + composed + " messages composed");
    }

    /** The message's length when its body holds exactly its content (no bytes after it). */
    private static long contentLength(JsonNode m) {
        JsonNode body = m.get("body");
        String alt = body.fieldNames().next();
        JsonNode c = body.get(alt);
        return 12 + switch (alt) {
            case "hello" -> 18;
            case "trade", "heartbeat" -> alt.equals("trade") ? 29 : 8;
            case "quote" -> 6 + 12L * (c.get("bids").size() + c.get("asks").size());
            case "text" -> 2 + c.get("text").asText().length();
            default -> throw new AssertionError(alt);
        };
    }

    private static final String PACKET = """
            #include <stdint.h>
            struct Item { uint8_t kind; uint16_t id; };
            struct Packet {
                uint16_t n;
                uint8_t data[n];
                uint8_t name_len;
                char name[name_len];
                uint8_t count;
                struct Item items[count];
                uint32_t crc;
            };
            """;

    @Test
    void bytesAreTypedAsHexAndCountsFollowTheContent() throws Exception {
        assumeTrue(PythonPeer.available(), "python3 is needed");
        ComposeViewModel vm = vm(layout(PACKET, "Packet"));
        assertInstanceOf(BytesEntry.class, vm.entry("data"));
        assertEquals(ScalarEntry.Role.DERIVED, ((ScalarEntry) vm.entry("n")).role());
        type(vm, "data", "de ad be ef 01");
        type(vm, "name", "probe");
        GroupEntry items = group(vm, "items");
        assertTrue(items.growable());
        vm.addElement(items);
        vm.addElement(group(vm, "items"));
        vm.addElement(group(vm, "items"));
        vm.removeElement(group(vm, "items"), 0);
        assertEquals(2, group(vm, "items").children().size());
        type(vm, "items[0].kind", "7");
        type(vm, "items[0].id", "0x1234");
        type(vm, "items[1].kind", "9");
        type(vm, "items[1].id", "65535");
        type(vm, "crc", "0xcafef00d");
        assertEquals("5", shown(vm, "n"));
        assertEquals("5", shown(vm, "name_len"));
        assertEquals("2", shown(vm, "count"));
        // Python packs the record with C's alignment spelled out: n, 5 bytes, name_len, "probe",
        // count (the items start at 14, already 2-aligned), two items of 4 (kind, pad, id),
        // padding to 4, crc.
        String py = run(dir, "python3", "-c", """
                import struct
                b = struct.pack('<H5sB5sB', 5, bytes.fromhex('deadbeef01'), 5, b'probe', 2)
                b += struct.pack('<BxH', 7, 0x1234) + struct.pack('<BxH', 9, 65535)
                b += b'\\0' * (-len(b) % 4) + struct.pack('<I', 0xcafef00d)
                print(b.hex())
                """).strip();
        assertEquals(py, HexFormat.of().formatHex(vm.encode().toArray(ValueLayout.JAVA_BYTE)));
    }

    @Test
    void badHexAndCountsTooLargeForTheirMemberBlockSendingWithTheReason() {
        ComposeViewModel vm = vm(layout(PACKET, "Packet"));
        type(vm, "data", "abc");
        assertEquals(1, vm.validity.get().invalid());
        assertTrue(vm.validity.get().firstError().startsWith("data: an odd number of hex digits"),
                vm.validity.get().firstError());
        type(vm, "data", "zz");
        assertTrue(vm.validity.get().firstError().contains("'z' is not a hex digit"), vm.validity.get().firstError());
        type(vm, "data", "");
        assertEquals(0, vm.validity.get().invalid());
        // 300 characters: name_len, a uint8_t, cannot count them.
        type(vm, "name", "x".repeat(300));
        assertEquals(1, vm.validity.get().invalid());
        assertTrue(vm.validity.get().firstError().contains("name_len"), vm.validity.get().firstError());
        assertFalse(vm.blocked.get().isEmpty());
        type(vm, "name", "x".repeat(255));
        assertEquals(0, vm.validity.get().invalid(), vm.validity.get().firstError());
        assertEquals("255", shown(vm, "name_len"));
    }

    @Test
    void aSentRecordLoadsBackWithItsShapeAndTextsAsTyped() throws Exception {
        ComposeViewModel vm = vm(layout(sample("proto.h"), "Msg"));
        List<MemorySegment> sent = new ArrayList<>();
        vm.sender.set((record, times) -> sent.add(record));
        GroupEntry body = group(vm, "body");
        vm.choose(body, body.alternatives().indexOf("quote"));
        vm.addElement(group(vm, "body.quote.bids"));
        type(vm, "body.quote.bids[0].price_e4", "0x10");
        type(vm, "seq", "77");
        vm.send(1);
        byte[] first = sent.getFirst().toArray(ValueLayout.JAVA_BYTE);
        assertEquals(12 + 6 + 12, first.length);

        vm.choose(group(vm, "body"), group(vm, "body").alternatives().indexOf("text"));
        type(vm, "body.text.text", "hello");
        assertEquals("5", shown(vm, "body.text.len"));
        assertEquals("4", shown(vm, "type"));

        vm.load(vm.history.getFirst());
        assertEquals("quote", group(vm, "body").alternatives().get(group(vm, "body").selected()));
        assertEquals("0x10", ((ScalarEntry) vm.entry("body.quote.bids[0].price_e4")).text.get());
        assertEquals("77", ((ScalarEntry) vm.entry("seq")).text.get());
        assertArrayEquals(first, vm.encode().toArray(ValueLayout.JAVA_BYTE));
    }

    @Test
    void editingADiscriminatorPicksItsAlternativeAndPlacedMembersAreNotSent() {
        ComposeViewModel vm = vm(layout("""
                #include <stdint.h>
                union U { [[structscope::when(1)]] uint32_t a; [[structscope::when(2)]] uint16_t b; };
                struct R {
                    uint8_t t;
                    [[structscope::switch(t)]] union U u;
                    [[structscope::at(0)]] uint8_t first;
                };
                """, "R"));
        assertEquals(null, vm.entry("first"));
        assertEquals("a", group(vm, "u").alternatives().get(group(vm, "u").selected()));
        type(vm, "t", "2");
        vm.reshape();
        assertEquals("b", group(vm, "u").alternatives().get(group(vm, "u").selected()));
        type(vm, "u.b", "513");
        assertEquals("0200000001020000", HexFormat.of().formatHex(vm.encode().toArray(ValueLayout.JAVA_BYTE)));
    }

    private static String run(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return out;
    }
}
