package dev.structscope.app.cli;

import dev.structscope.io.write.Journal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What {@code patch} refuses, and that a refusal leaves the file byte for byte as it was: values out
 * of range, unknown paths and indices, a string too long for its array, a record past the end, a
 * member a dynamic record does not hold, a leftover journal (and {@code --roll-back} restoring from it). Each refusal is
 * exit 2 and one line on stderr. Values accepted are checked in {@link PatchCtypesTest}.
 */
class PatchCommandTest {
    @TempDir
    Path dir;
    Path header;
    Path data;
    byte[] original;

    @BeforeEach
    void files() throws Exception {
        header = Files.writeString(dir.resolve("r.h"), """
                #include <stdint.h>
                enum E { A = 1, B = 2 };
                struct R { uint8_t u; unsigned bf : 3; enum E e; char s[4]; int16_t v[2]; };
                """);
        original = new java.util.Random(7).ints(40, 0, 256).collect(java.io.ByteArrayOutputStream::new,
                (o, b) -> o.write(b), (a, b) -> { }).toByteArray();
        data = Files.write(dir.resolve("d.bin"), original);
    }

    private CliRun patch(String... rest) {
        String[] args = new String[5 + rest.length];
        System.arraycopy(new String[] {"patch", header.toString(), "--type", "R", data.toString()}, 0, args, 0, 5);
        System.arraycopy(rest, 0, args, 5, rest.length);
        return CliRun.run(args);
    }

    private void refused(String expect, String... rest) throws Exception {
        String err = patch(rest).refusal();
        assertTrue(err.contains(expect), err);
        assertArrayEquals(original, Files.readAllBytes(data), "the file was touched");
        assertFalse(Files.exists(Journal.pathFor(data)));
    }

    @Test
    void badValuesPathsAndRecordsAreRefusedAndTheFileIsUntouched() throws Exception {
        // one good value and one bad: nothing is written
        refused("does not fit 3-bit bit-field", "--set", "u=5", "--set", "bf=8");
        refused("does not fit", "--set", "u=256");
        refused("does not fit", "--set", "v[1]=-32769");
        refused("no member 'nope'", "--set", "nope=1");
        refused("no member 'x'", "--set", "v[0]=1", "--values", "{\"x\": 2}");
        refused("v[2]: past the end of int16_t[2], which has 2 elements", "--set", "v[2]=1");
        refused("u: is uint8_t, not a struct or union (it has no member 'x')", "--set", "u.x=5");
        refused("v[1]: is int16_t, not an array", "--set", "v[1][0]=5");
        refused("s: is char[4], not a struct or union", "--set", "s.x=1");
        refused("no VALUE after '='", "--set", "s=");
        refused("--offset: record 0 at --offset 9223372036854775800 lies beyond any file",
                "--offset", "9223372036854775800", "--set", "u=1");
        refused("--values: not valid JSON at column 8: Unexpected end-of-input", "--values", "{\"u\": 1");
        refused("Duplicate field 'u'", "--values", "{\"u\": 1, \"u\": 2}");
        refused("'C' is not an enumerator", "--set", "e=C");
        refused("does not fit", "--set", "s=abcde");
        refused("bad member path 'v[0]x'", "--set", "v[0]x=1");
        refused("index [999999999] is past the largest array", "--set", "v[999999999]=1"); // not a billion nulls first
        refused("expected PATH=VALUE", "--set", "u");
        refused("runs past the end", "--record", "3", "--set", "u=1");
        refused("runs past the end", "--offset", "30", "--set", "u=1");
        refused("nothing to write");
        refused("not valid JSON", "--values", "{");
    }

    @Test
    void onlyTheNamedBytesChange() throws Exception {
        CliRun r = patch("--record", "1", "--set", "s=hi", "--set", "e=B");
        assertEquals(0, r.status(), r.err.toString());
        byte[] now = Files.readAllBytes(data);
        byte[] expected = original.clone();
        // struct R (gcc, x86-64): u@0 and bf in bits 8..10 of the same unsigned unit, e@4, s@8,
        // v@12: 16 bytes, so record 1 starts at 16. (PatchCtypesTest checks layouts against ctypes.)
        int at = 16;
        expected[at + 4] = 2;
        expected[at + 5] = 0;
        expected[at + 6] = 0;
        expected[at + 7] = 0;
        System.arraycopy(new byte[] {'h', 'i', 0, 0}, 0, expected, at + 8, 4);
        assertEquals(HexFormat.of().formatHex(expected), HexFormat.of().formatHex(now));
    }

    @Test
    void aLeftoverJournalIsRefusedUntilRolledBack() throws Exception {
        // A journal as an interrupted write leaves it: written, then the target half changed.
        byte[] before = Files.readAllBytes(data);
        dev.structscope.io.write.InPlaceWriter.Hook stop = new dev.structscope.io.write.InPlaceWriter.Hook() {
            @Override
            public void changeWritten(int index) {
                throw new IllegalStateException("killed");
            }
        };
        try {
            dev.structscope.io.write.InPlaceWriter.write(data, java.util.List.of(
                    new dev.structscope.io.write.Change(0, new byte[] {9, 9}),
                    new dev.structscope.io.write.Change(30, new byte[] {8})), null, stop);
        } catch (IllegalStateException expected) {
            // the simulated crash
        }
        assertTrue(Files.exists(Journal.pathFor(data)));
        CliRun r = patch("--set", "u=1");
        assertEquals(2, r.status());
        assertTrue(r.err.toString().contains("--roll-back"), r.err.toString());
        CliRun back = patch("--roll-back");
        assertEquals(0, back.status(), back.err.toString());
        assertArrayEquals(before, Files.readAllBytes(data));
        assertFalse(Files.exists(Journal.pathFor(data)));
        assertEquals(0, patch("--set", "u=1").status());
    }

    /**
     * A dynamic record is patched where its content put each member: record 18 of the proto
     * sample is a quote (3 bids, 4 asks, after a 12-byte header and the records before it), and
     * Python's struct, walking the messages by their length field, writes the same values at the
     * same places; every other byte stays. What the record does not hold is refused in one line.
     */
    @Test
    void membersNamedOutsideAsciiArePatchedDecodedAndPlotted() throws Exception {
        // Identifiers in UTF-8, as gcc and clang take them (the importer refused them with "stray").
        Path h = Files.writeString(dir.resolve("maß.h"), """
                #include <stdint.h>
                struct Maß { uint16_t höhe; int8_t Δt; float größe; struct { int16_t 温度; } außen; };
                """);
        Path bin = Files.write(dir.resolve("m.bin"), new byte[36]);
        Path expected = dir.resolve("expected.bin");
        dev.structscope.app.hexview.Py.run(dir, """
                import struct, sys
                d = bytearray(36)
                struct.pack_into('<Hbxfh', d, 12, 4242, -3, 1.5, -7)   # record 1 of three 12-byte records
                open(sys.argv[1], 'wb').write(d)
                """, expected.toString());
        CliRun.run("patch", h.toString(), "--type", "Maß", bin.toString(), "--record", "1", "--set", "höhe=4242",
                "--set", "Δt=-3", "--set", "größe=1.5", "--set", "außen.温度=-7").succeeded();
        assertArrayEquals(Files.readAllBytes(expected), Files.readAllBytes(bin));
        CliRun decode = CliRun.run("decode", h.toString(), "--type", "Maß", bin.toString(), "--offset", "12",
                "--format", "jsonl");
        decode.succeeded();
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        assertEquals(json.readTree("{\"höhe\":4242,\"Δt\":-3,\"größe\":1.5,\"außen\":{\"温度\":-7}}"),
                json.readTree(decode.out.toString()));
        CliRun series = CliRun.run("series", h.toString(), "--type", "Maß", bin.toString(), "--member", "außen.温度",
                "--json");
        series.succeeded();
        assertTrue(series.out.toString().contains("\"min\": -7"), series.out.toString());
    }

    @Test
    void aDynamicRecordIsWrittenWhereItsContentPutsEachMember() throws Exception {
        Path proto = DynamicCli.bundled(dir, "proto.h");
        Path bin = DynamicCli.bundled(dir, "proto.bin");
        Path expected = dir.resolve("expected.bin");
        dev.structscope.app.hexview.Py.run(dir, """
                import struct, sys
                d = bytearray(open(sys.argv[1], 'rb').read())
                at = 0
                for k in range(18):
                    at += struct.unpack_from('<I', d, at + 4)[0]
                magic, typ, flags, length, seq = struct.unpack_from('<HBBII', d, at)
                assert typ == 3, typ
                struct.pack_into('<I', d, at + 8, 4242)                # seq
                q = at + 12
                nbids, nasks = struct.unpack_from('<BB', d, q + 4)
                assert (nbids, nasks) == (3, 4), (nbids, nasks)
                struct.pack_into('<q', d, q + 6 + 1 * 12, -5)          # bids[1].price_e4
                struct.pack_into('<I', d, q + 6 + 3 * 12 + 2 * 12 + 8, 77)  # asks[2].qty
                open(sys.argv[2], 'wb').write(d)
                """, bin.toString(), expected.toString());
        CliRun r = CliRun.run("patch", proto.toString(), "--type", "Msg", bin.toString(), "--record", "18",
                "--set", "seq=4242", "--set", "body.quote.bids[1].price_e4=-5", "--values",
                "{\"body\": {\"quote\": {\"asks\": [{}, {}, {\"qty\": 77}]}}}");
        r.succeeded();
        assertTrue(r.out.toString().startsWith("record 18 at byte offset "), r.out.toString());
        assertArrayEquals(Files.readAllBytes(expected), Files.readAllBytes(bin));

        byte[] before = Files.readAllBytes(bin);
        String chose = CliRun.run("patch", proto.toString(), "--type", "Msg", bin.toString(), "--record", "18",
                "--set", "body.trade.qty=1").refusal();
        assertTrue(chose.contains("record 18 chose 'quote' of Body, not 'trade'"), chose);
        String past = CliRun.run("patch", proto.toString(), "--type", "Msg", bin.toString(), "--record", "18",
                "--set", "body.quote.asks[4].qty=1").refusal();
        assertTrue(past.contains("'body.quote.asks' has 4 elements in record 18; [4] is past its end"), past);
        String end = CliRun.run("patch", proto.toString(), "--type", "Msg", bin.toString(), "--record", "40",
                "--set", "seq=1").refusal();
        assertTrue(end.contains("record 40 lies past the end of the data"), end);
        assertArrayEquals(before, Files.readAllBytes(bin), "a refusal writes nothing");
    }
}
