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
 * dynamic record, a leftover journal (and {@code --roll-back} restoring from it). Each refusal is
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
        refused("bad PATH", "--set", "v[0]x=1");
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

    @Test
    void aDynamicRecordIsRefusedSayingWhatIsSupported() throws Exception {
        Path proto = DynamicCli.bundled(dir, "proto.h");
        CliRun r = CliRun.run("patch", proto.toString(), "--type", "Msg", data.toString(), "--set", "x=1");
        assertEquals(2, r.status(), r.err.toString());
        assertTrue(r.err.toString().contains("fixed-size records only"), r.err.toString());
        assertArrayEquals(original, Files.readAllBytes(data));
    }
}
