package dev.structscope.app.cli;

import dev.structscope.io.testing.JsonCompare;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code structscope decode} end to end, against outside truth: a gcc program (io-engine's
 * {@code everything.c}, every feature) writes records and prints the JSON they must decode to;
 * the CLI reads the header {@code everything.h} itself. Then the contract's flags, formats and
 * every bad input (exit 2, one line).
 */
class DecodeCommandTest {
    @TempDir
    static Path dir;

    static final int COUNT = 40;
    static JsonNode expected;
    static Path header;

    /** The gcc writer lives with the engine tests; the reactor runs tests from the module's directory. */
    static Path engineResource(String name) {
        return Path.of("..", "io-engine", "src", "test", "resources", "dev", "structscope", "io", name).toAbsolutePath().normalize();
    }

    @BeforeAll
    static void writeWithGcc() throws Exception {
        header = dir.resolve("everything.h");
        Files.copy(engineResource("everything.h"), header);
        Files.copy(engineResource("everything.c"), dir.resolve("everything.c"));
        run(List.of("gcc", "-O1", "-o", "ev", "everything.c", "-lm"));
        expected = JsonCompare.parse(run(List.of("./ev", "e.bin", "p.bin", "" + COUNT)));
    }

    static String run(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), cmd.toString());
        return out;
    }

    private static void assertSame(JsonNode want, JsonNode got, String what) {
        List<String> diff = JsonCompare.diff(want, got, Set.of("f"), Set.of("ld"));
        assertTrue(diff.isEmpty(), what + ":\n" + String.join("\n", diff));
    }

    /** A record of 0 bytes (all its members placed) decodes once; only a second one, the same bytes again, is refused. */
    @Test
    void oneRecordOfZeroBytesDecodes() throws Exception {
        Path h = Files.writeString(dir.resolve("zero.h"), "#include <stdint.h>\nstruct P { [[structscope::at(0)]] uint8_t x; };\n");
        Path data = Files.write(dir.resolve("zero.bin"), new byte[] {7, 8});
        CliRun one = CliRun.run("decode", h.toString(), "--type", "P", data.toString());
        assertEquals(0, one.status(), one.err.toString());
        assertEquals("[{\"x\": 7}]", one.out.toString().strip());
        String two = CliRun.run("decode", h.toString(), "--type", "P", data.toString(), "--count", "2").refusal();
        assertTrue(two.contains("is 0 bytes long: records of it cannot follow one another"), two);
    }

    @Test
    void allRecordsAsJsonAreWhatGccWrote() {
        CliRun r = CliRun.run("decode", header.toString(), "--type", "struct Everything", dir.resolve("e.bin").toString(), "--all");
        assertEquals(0, r.status(), r.err.toString());
        assertEquals("", r.err.toString());
        assertSame(expected.get("everything"), JsonCompare.parse(r.out.toString()), "Everything");
        CliRun p = CliRun.run("decode", header.toString(), "--type", "Packed", dir.resolve("p.bin").toString(),
                "--count", "" + COUNT, "--format", "json");
        assertEquals(0, p.status(), p.err.toString());
        assertSame(expected.get("packed"), JsonCompare.parse(p.out.toString()), "Packed");
    }

    @Test
    void jsonlOffsetAndCount() {
        long size = expected.get("sizes").get(0).asLong();
        CliRun r = CliRun.run("decode", header.toString(), "--type", "Everything", dir.resolve("e.bin").toString(),
                "--offset", "" + 3 * size, "--count", "2", "--format", "jsonl");
        assertEquals(0, r.status(), r.err.toString());
        List<String> lines = r.out.toString().lines().toList();
        assertEquals(2, lines.size());
        assertSame(expected.get("everything").get(3), JsonCompare.parse(lines.get(0)), "record 3");
        assertSame(expected.get("everything").get(4), JsonCompare.parse(lines.get(1)), "record 4");
    }

    @Test
    void csvAndTextCarryTheSameValues() {
        CliRun csv = CliRun.run("decode", header.toString(), "--type", "Packed", dir.resolve("p.bin").toString(),
                "--count", "2", "--format", "csv");
        assertEquals(0, csv.status(), csv.err.toString());
        List<String> lines = csv.out.toString().lines().toList();
        assertEquals("tag,v,w,d,big,small", lines.get(0));
        JsonNode p1 = expected.get("packed").get(1);
        String[] cells = lines.get(2).split(",");
        assertEquals(p1.get("v").asText(), cells[1]);
        assertEquals(p1.get("big").asText(), cells[4]);
        assertEquals(p1.get("d").doubleValue(), Double.parseDouble(cells[3]));
        CliRun text = CliRun.run("decode", header.toString(), "--type", "Packed", dir.resolve("p.bin").toString(),
                "--format", "text");
        assertEquals(0, text.status(), text.err.toString());
        assertTrue(text.out.toString().contains("small = " + expected.get("packed").get(0).get("small").asText()), text.out.toString());
    }

    /**
     * A dynamic record the data ends inside stops --all, and the message says why: a short last
     * record and a count read from bytes that are no record look alike by their trailing bytes alone.
     */
    @Test
    void allSaysWhyADynamicWalkStoppedShort() throws Exception {
        Path h = dir.resolve("counted.h");
        Files.writeString(h, "#include <stdint.h>\nstruct R { uint8_t n; uint8_t d[n]; };\n");
        Path data = dir.resolve("counted.bin");
        Files.write(data, new byte[] {2, 10, 11, 9, 1, 2});
        CliRun r = CliRun.run("decode", h.toString(), "--type", "R", data.toString(), "--all", "--format", "jsonl");
        assertEquals(0, r.status(), r.err.toString());
        assertEquals(List.of("{\"n\": 2, \"d\": [10, 11]}"), r.out.toString().lines().toList());
        assertEquals("structscope: " + data + ": 3 trailing bytes after the last whole record (at byte offset 3) were not"
                + " decoded: record 1 at byte offset 3 does not fit: R.d: count n = 9 elements of 1 bytes at byte offset 4"
                + " runs past the end of the data (6 bytes)", r.err.toString().strip());
    }

    @Test
    void allReportsTrailingBytesAndCountPastTheEndIsExit2() throws Exception {
        long size = expected.get("sizes").get(1).asLong();
        Path cut = dir.resolve("cut.bin");
        byte[] all = Files.readAllBytes(dir.resolve("p.bin"));
        Files.write(cut, Arrays.copyOf(all, (int) (2 * size + 5)));
        CliRun r = CliRun.run("decode", header.toString(), "--type", "Packed", cut.toString(), "--all", "--format", "jsonl");
        assertEquals(0, r.status());
        assertEquals(2, r.out.toString().lines().count());
        assertEquals("structscope: " + cut + ": 5 trailing bytes after the last whole record (at byte offset "
                + 2 * size + ") were not decoded", r.err.toString().strip());

        CliRun past = CliRun.run("decode", header.toString(), "--type", "Packed", cut.toString(), "--count", "3");
        assertEquals("structscope: " + cut + ": byte offset " + 2 * size + ": record 2 (" + size + " bytes from byte offset "
                + 2 * size + ") runs past the end of the data (" + (2 * size + 5) + " bytes)", past.refusal());
        assertEquals("", past.out.toString());
    }

    @Test
    void bigEndianCopy() throws Exception {
        Path h = dir.resolve("be.h");
        Files.writeString(h, "#include <stdint.h>\nstruct B { uint16_t a; int32_t b; uint8_t hi : 4; uint8_t lo : 4; double d; };\n");
        ByteBuffer bb = ByteBuffer.allocate(16).order(ByteOrder.BIG_ENDIAN);
        bb.putShort((short) 0xBEEF).putShort((short) 0).putInt(-2).put((byte) 0x9A).put(new byte[7]);
        Path f = dir.resolve("be.bin");
        ByteBuffer all = ByteBuffer.allocate(24).order(ByteOrder.BIG_ENDIAN);
        all.put(bb.array(), 0, 16).putDouble(-1.5);
        Files.write(f, all.array());
        CliRun r = CliRun.run("decode", h.toString(), "--type", "B", f.toString(), "--byte-order", "big");
        assertEquals(0, r.status(), r.err.toString());
        assertEquals("[{\"a\": 48879, \"b\": -2, \"hi\": 9, \"lo\": 10, \"d\": -1.5}]", r.out.toString().strip());
    }

    /** A sparse 8 GiB file with one record 5 GiB + 3 bytes in: decoded there, and not read into the heap. */
    @Test
    void sparseEightGiBFileAtAnOffsetPastFourGiB() throws Exception {
        Path f = dir.resolve("sparse8g.bin");
        long at = (5L << 30) + 3;
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            raf.setLength(8L << 30);
            raf.seek(at);
            raf.write(Arrays.copyOf(Files.readAllBytes(dir.resolve("p.bin")), (int) expected.get("sizes").get(1).asLong()));
        }
        try {
            CliRun r = CliRun.run("decode", header.toString(), "--type", "Packed", f.toString(), "--offset", "" + at);
            assertEquals(0, r.status(), r.err.toString());
            assertSame(expected.get("packed").get(0), JsonCompare.parse(r.out.toString()).get(0), "record past 4 GiB");
        } finally {
            Files.delete(f);
        }
    }

    @Test
    void aHexOffsetIsTheSameByteAsItsDecimal() throws Exception {
        String h = header.toString();
        String data = dir.resolve("p.bin").toString();
        CliRun dec = CliRun.run("decode", h, "--type", "Packed", data, "--offset", "7");
        assertEquals(0, dec.status(), dec.err.toString());
        for (String hex : new String[] {"0x7", "0X07"}) {
            CliRun r = CliRun.run("decode", h, "--type", "Packed", data, "--offset", hex);
            assertEquals(dec.out.toString(), r.out.toString(), hex);
        }
        CliRun bad = CliRun.run("decode", h, "--type", "Packed", data, "--offset", "0xZZ");
        assertEquals(2, bad.status());
        assertTrue(bad.err.toString().contains("'0xZZ' is not a byte offset (a whole number, or hexadecimal after 0x)"),
                bad.err.toString());
    }

    @Test
    void badInputsAreExit2WithOneLine() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.bin"));
        Path fifo = dir.resolve("fifo");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        String h = header.toString();
        String data = dir.resolve("p.bin").toString();
        List<List<String>> cases = List.of(
                List.of(h, "--type", "Packed", empty.toString()), // an empty file: record 0 runs past its end
                List.of(h, "--type", "Packed", dir.toString()),
                List.of(h, "--type", "Packed", "/dev/zero"),
                List.of(h, "--type", "Packed", fifo.toString()),
                List.of(h, "--type", "Packed", dir.resolve("missing.bin").toString()),
                List.of(h, "--type", "Nope", data),
                List.of(h, "--type", "Packed", data, "--byte-order", "middle"),
                List.of(h, "--type", "Packed", data, "--format", "xml"),
                List.of(h, "--type", "Packed", data, "--offset", "-1"),
                List.of(h, "--type", "Packed", data, "--offset", "999999999"),
                List.of(h, "--type", "Packed", data, "--offset", "0xZZ"),
                List.of(h, "--type", "Packed", data, "--offset", "0x"),
                List.of(h, "--type", "Packed", data, "--count", "-4"),
                List.of(h, "--type", "Packed", data, "--count", "2", "--all"),
                List.of(h, "--type", "Packed", data, "--abi", "vax"));
        for (List<String> c : cases) {
            String[] args = new String[c.size() + 1];
            args[0] = "decode";
            for (int i = 0; i < c.size(); i++) {
                args[i + 1] = c.get(i);
            }
            CliRun r = CliRun.run(args);
            String err = r.refusal();
            assertTrue(!err.contains("Exception") && !err.contains("\tat "), err);
            assertEquals("", r.out.toString(), c.toString());
        }
    }
}
