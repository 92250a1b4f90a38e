package dev.structscope.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.structscope.io.testing.JsonCompare;
import dev.structscope.samples.Sample;
import dev.structscope.samples.Samples;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad data under dynamic layouts (contract: "Bad data never crashes, hangs or allocates without
 * bound"): counts of 2^62 and counts whose byte size wraps 64 bits, negative counts, size windows
 * too small or past the end, placements past the end and in a cycle, zero-size elements "to the
 * end", a switch with no match and no size, counts above {@code --max-elements} and placement
 * chains deeper than {@code --max-depth}. Each ends with exit status 2 and one line naming the
 * member and a byte offset; next to each, the same layout over good data decodes, so that the
 * refusal is about the data and not the header.
 */
@Tag(DynamicCli.TAG)
class DynamicHostileDataTest {
    @TempDir
    Path dir;

    private Path header(String text) throws IOException {
        return Files.writeString(dir.resolve("hostile.h"), "#include <stdint.h>\n" + text);
    }

    /** The whole buffer, zeros after what was put: a record rounded up to its alignment still fits. */
    private Path data(String name, ByteBuffer b) throws IOException {
        return Files.write(dir.resolve(name), b.array());
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static long[] at(long... offsets) {
        return offsets;
    }

    private static JsonNode decodeOne(Path h, String type, Path data, String... extra) {
        String[] args = new String[4 + extra.length];
        args[0] = h.toString();
        args[1] = "--type";
        args[2] = type;
        args[3] = data.toString();
        System.arraycopy(extra, 0, args, 4, extra.length);
        return DynamicCli.decode(args).get(0);
    }

    @Test
    void hugeCountsAndCountsWhoseByteSizeWrapsAreRefused() throws IOException {
        Path h = header("""
                struct Huge { uint64_t n; uint8_t payload[n]; };
                struct Wide { uint64_t n; uint64_t values[n]; };
                """);
        Path good = data("good.bin", le(64).putLong(3).put(new byte[] {1, 2, 3}));
        assertEquals(JsonCompare.parse("{\"n\": 3, \"payload\": [1, 2, 3]}"), decodeOne(h, "Huge", good));
        DynamicCli.refused(h, "Huge", data("huge.bin", le(64).putLong(1L << 62).put(new byte[40])), "payload", at(8));
        // 2^61 + 1 elements of 8 bytes is 8 bytes modulo 2^64: a wrapped multiplication would "fit".
        DynamicCli.refused(h, "Wide", data("wrap.bin", le(64).putLong((1L << 61) + 1).putLong(7)), "values", at(8));
        DynamicCli.refused(h, "Wide", data("max.bin", le(64).putLong(-1L).putLong(7)), "values", at(8));
    }

    @Test
    void negativeCountsAreRefused() throws IOException {
        Path h = header("""
                struct Neg { int32_t n; uint8_t payload[n]; };
                struct Less { int32_t n; uint8_t payload[n - 10]; };
                """);
        assertEquals(JsonCompare.parse("{\"n\": 12, \"payload\": \"0102\"}"),
                decodeOne(h, "Less", data("good.bin", le(16).putInt(12).put(new byte[] {1, 2})), "--bytes", "hex"));
        DynamicCli.refused(h, "Neg", data("neg.bin", le(16).putInt(-1).putInt(0)), "payload", at(4));
        DynamicCli.refused(h, "Less", data("less.bin", le(16).putInt(3).putInt(0)), "payload", at(4));
        DynamicCli.refused(h, "Neg", data("min.bin", le(16).putInt(Integer.MIN_VALUE).putInt(0)), "payload", at(4));
    }

    @Test
    void sizeWindowsTooSmallOrPastTheEndAreRefused() throws IOException {
        Path h = header("""
                struct Inner { uint32_t a; uint32_t b; };
                struct Small { uint32_t len; [[structscope::size(len)]] struct Inner inner; uint8_t after; };
                """);
        // inner occupies a window of len bytes from offset 4: a and b, then len - 8 bytes skipped.
        ByteBuffer ok = le(64).putInt(12).putInt(1).putInt(2).putInt(0).put((byte) 9);
        assertEquals(JsonCompare.parse("{\"len\": 12, \"inner\": {\"a\": 1, \"b\": 2}, \"after\": 9}"),
                decodeOne(h, "Small", data("good.bin", ok)));
        DynamicCli.refused(h, "Small", data("small.bin", le(64).putInt(4).putInt(1).putInt(2).put((byte) 9)), "inner", at(4));
        DynamicCli.refused(h, "Small", data("past.bin", le(64).putInt(1000).putInt(1).putInt(2).put((byte) 9)), "inner", at(4));
        DynamicCli.refused(h, "Small", data("huge.bin", le(64).putInt(-1).putInt(1).putInt(2).put((byte) 9)), "inner", at(4));
    }

    @Test
    void placementsPastTheEndAreRefused() throws IOException {
        Path h = header("""
                struct Far { uint64_t off; [[structscope::at(off)]] uint32_t target; uint32_t next; };
                """);
        assertEquals(JsonCompare.parse("{\"off\": 12, \"target\": 42, \"next\": 5}"),
                decodeOne(h, "Far", data("good.bin", le(16).putLong(12).putInt(5).putInt(42))));
        DynamicCli.refused(h, "Far", data("far.bin", le(16).putLong(1L << 40).putInt(5).putInt(42)), "target", at(1L << 40, 0));
        DynamicCli.refused(h, "Far", data("edge.bin", le(16).putLong(14).putInt(5).putInt(42)), "target", at(14, 0));
        // 2^64 - 1: an unsigned offset past any data (said as such, not as -1), at the place it is read.
        DynamicCli.refused(h, "Far", data("neg.bin", le(16).putLong(-1L).putInt(5).putInt(42)), "target",
                at(8));
        assertTrue(CliRun.run("decode", h.toString(), "--type", "Far", dir.resolve("neg.bin").toString()).refusal()
                .contains("at off = 18446744073709551615 is larger than any data"));
    }

    /** A linked list in a file: each node places its child at {@code next}, one child while next is not 0. */
    private static final String LIST = """
            struct Node { uint32_t next; uint32_t value; [[structscope::at(next)]] struct Node child[next != 0]; };
            """;

    @Test
    void placementCyclesAreRefused() throws IOException {
        Path h = header(LIST);
        Path good = data("good.bin", le(32).putInt(8).putInt(1).putInt(16).putInt(2).putInt(0).putInt(3));
        assertEquals(JsonCompare.parse("""
                {"next": 8, "value": 1, "child": [{"next": 16, "value": 2, "child": [{"next": 0, "value": 3, "child": []}]}]}"""),
                decodeOne(h, "Node", good));
        // 0 -> 8 -> 16 -> 8 -> ...
        Path cycle = data("cycle.bin", le(32).putInt(8).putInt(1).putInt(16).putInt(2).putInt(8).putInt(3));
        DynamicCli.refused(h, "Node", cycle, "child", at(8, 16));
        // 0 -> 8 -> 8 -> ...
        DynamicCli.refused(h, "Node", data("self.bin", le(16).putInt(8).putInt(1).putInt(8).putInt(2)), "child", at(8));
    }

    @Test
    void placementChainsDeeperThanMaxDepthAreRefused() throws IOException {
        Path h = header(LIST);
        ByteBuffer chain = le(8 * 40);
        for (int i = 0; i < 40; i++) {
            chain.putInt(i == 39 ? 0 : 8 * (i + 1)).putInt(i);
        }
        Path data = data("chain.bin", chain);
        JsonNode node = decodeOne(h, "Node", data);
        for (int i = 0; i < 39; i++) {
            node = node.get("child").get(0);
        }
        assertEquals(39, node.get("value").asInt(), "the 40-node list decodes whole by default");
        String err = CliRun.start("decode", h.toString(), "--type", "Node", data.toString(), "--max-depth", "10").refusal();
        assertTrue(err.contains("child"), err);
    }

    @Test
    void zeroSizeElementsToTheEndAreRefused() throws IOException {
        Path h = header("""
                struct Parts { uint8_t n; struct Part { uint8_t bytes[n]; } parts[]; };
                """);
        assertEquals(JsonCompare.parse("{\"n\": 2, \"parts\": [{\"bytes\": \"0102\"}, {\"bytes\": \"0304\"}]}"),
                decodeOne(h, "Parts", data("good.bin", le(5).put(new byte[] {2, 1, 2, 3, 4})), "--bytes", "hex"));
        DynamicCli.refused(h, "Parts", data("zero.bin", le(64).put((byte) 0).put(new byte[40])), "parts", at(1));
    }

    @Test
    void aSwitchWithNoMatchAndNoSizeIsRefused() throws IOException {
        Path h = header("""
                struct M {
                    uint8_t t;
                    [[structscope::switch(t)]] union U {
                        [[structscope::when(1)]] uint32_t a;
                        [[structscope::when(2, 3)]] uint16_t b;
                    } u;
                };
                """);
        // u is 4-aligned: it starts at 4 whatever alternative is chosen.
        assertEquals(JsonCompare.parse("{\"t\": 3, \"u\": {\"b\": 513}}"),
                decodeOne(h, "M", data("good.bin", le(8).put((byte) 3).put(new byte[3]).putShort((short) 513))));
        DynamicCli.refused(h, "M", data("nomatch.bin", le(8).put((byte) 7).put(new byte[3]).putInt(1)), "u", at(4));
    }

    /**
     * Every dynamic sample with random damage — a 32-bit word overwritten with an extreme or
     * random value, or the file cut short — decodes (exit 0) or is refused in one line naming a
     * byte offset (exit 2): never an internal fault, a stack trace or a hang.
     */
    @Test
    void damagedSamplesDecodeOrAreRefusedInOneLine() throws IOException {
        long seed = new Random().nextLong();
        Random rng = new Random(seed);
        int[] extremes = {0, 1, -1, 0x7FFFFFFF, 0x80000000, 0xFFFF, 12, 11, 64};
        int refusals = 0;
        for (Sample sample : Samples.DYNAMIC) {
            if (sample.data().endsWith(".pcapng")) {
                continue; // a recording, replayed by capture, not decoded as a file
            }
            Path original = Samples.extract(sample, dir);
            byte[] bytes = Files.readAllBytes(original);
            for (int k = 0; k < 25; k++) {
                byte[] bad = bytes.clone();
                String damage;
                if (k % 5 == 4) {
                    bad = Arrays.copyOf(bytes, rng.nextInt(bytes.length));
                    damage = "cut to " + bad.length + " bytes";
                } else {
                    // Mostly in the first 128 bytes, where the headers, counts and lengths are.
                    int at = rng.nextInt(Math.min(bytes.length, k % 2 == 0 ? 128 : bytes.length) - 3);
                    int v = rng.nextBoolean() ? extremes[rng.nextInt(extremes.length)] : rng.nextInt();
                    ByteBuffer.wrap(bad).order(ByteOrder.LITTLE_ENDIAN).putInt(at, v);
                    damage = "word at " + at + " = " + v;
                }
                Path damaged = Files.write(dir.resolve("damaged-" + sample.data()), bad);
                // A stream of messages is many records; the other samples are one record, the whole file.
                CliRun run = CliRun.start("decode", dir.resolve(sample.header()).toString(), "--type", sample.type(),
                        damaged.toString(), sample.data().equals("proto.bin") ? "--all" : "--count=1", "--bytes", "hex",
                        "--format", "jsonl");
                int status = run.status();
                String what = "seed " + seed + " " + sample.data() + " " + damage + ": " + run.err;
                assertTrue(status == 0 || status == 2, what + " exit " + status);
                if (status == 2) {
                    refusals++;
                    assertEquals(1, run.err.toString().lines().count(), what);
                    // A file cut to nothing has no offset to name: it is empty.
                    assertTrue(run.err.toString().matches("(?s)structscope: .*(offset|is empty).*"), what);
                }
            }
        }
        assertTrue(refusals > 0, "seed " + seed + ": some damage is refused");
    }

    @Test
    void countsAboveMaxElementsAreRefused() throws IOException {
        Path h = header("struct Many { uint32_t n; uint8_t payload[n]; };\n");
        Path data = data("many.bin", le(1004).putInt(1000).put(new byte[1000]));
        assertEquals(1000, decodeOne(h, "Many", data).get("payload").size());
        DynamicCli.refused(h, "Many", data, "payload", at(4), "--max-elements", "100");
    }
}
