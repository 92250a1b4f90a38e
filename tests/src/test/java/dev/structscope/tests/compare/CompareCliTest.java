package dev.structscope.tests.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.structscope.app.cli.StructScopeCli;
import dev.structscope.tests.compare.HeaderPairs.Mem;
import dev.structscope.tests.compare.HeaderPairs.Pair;
import dev.structscope.tests.compare.HeaderPairs.Rec;
import dev.structscope.tests.compare.HeaderPairs.Version;
import dev.structscope.tests.gui.ClangLayouts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code structscope compare} on hand-written cases the random pairs do not reach: bit-fields and
 * nested records (against clang-16's dumps), one header on two ABIs ({@code --new-abi}), {@code --type},
 * data-dependent members, the text report, identical inputs (exit 0) and bad inputs (exit 2, one line).
 */
class CompareCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    record Run(int status, String out, String err) {
        JsonNode json() throws Exception {
            return JSON.readTree(out);
        }
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = StructScopeCli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(status, out.toString(), err.toString());
    }

    private static final String OLD = """
            #include <stdint.h>
            struct In { int a; short b; };
            struct Msg { uint32_t seq; unsigned kind : 3; unsigned prio : 5; struct In in; int64_t stamp; };
            """;
    private static final String NEW = """
            #include <stdint.h>
            struct In { char z; int a; short b; };
            struct Msg { uint32_t seq; unsigned kind : 4; unsigned prio : 5; struct In in; long stamp; };
            """;

    @Test
    void bitFieldsAndNestedMembersAgreeWithClang() throws Exception {
        assumeTrue(ClangLayouts.available(), "clang-16 is not installed");
        String target = "x86_64-unknown-linux-gnu";
        Map<String, ClangLayouts.Rec> o = ClangLayouts.layouts(OLD, target, List.of("struct In", "struct Msg"));
        Map<String, ClangLayouts.Rec> n = ClangLayouts.layouts(NEW, target, List.of("struct In", "struct Msg"));
        List<Long> om = o.get("struct Msg").fieldBitOffsets();
        List<Long> nm = n.get("struct Msg").fieldBitOffsets();
        List<Long> oi = o.get("struct In").fieldBitOffsets();
        List<Long> ni = n.get("struct In").fieldBitOffsets();
        Set<String> expected = new TreeSet<>();
        // Msg: seq, kind, prio, in, stamp (bit offsets); In: [z,] a, b.
        expected.add("In.z added");
        expectMove(expected, "In.a", oi.get(0), ni.get(1));
        expectMove(expected, "In.b", oi.get(1), ni.get(2));
        expectMove(expected, "Msg.seq", om.get(0), nm.get(0));
        expected.add("Msg.kind bits"); // width 3 -> 4
        if (!om.get(2).equals(nm.get(2))) {
            expected.add("Msg.prio bits");
        }
        expectMove(expected, "Msg.prio", om.get(2) / 8 * 8, nm.get(2) / 8 * 8);
        expectMove(expected, "Msg.in", om.get(3), nm.get(3));
        if (o.get("struct In").size() != n.get("struct In").size()) {
            expected.add("Msg.in resized");
        }
        expected.add("Msg.in.z added");
        expectMove(expected, "Msg.in.a", om.get(3) + oi.get(0), nm.get(3) + ni.get(1));
        expectMove(expected, "Msg.in.b", om.get(3) + oi.get(1), nm.get(3) + ni.get(2));
        expectMove(expected, "Msg.stamp", om.get(4), nm.get(4));
        if (om.get(4).equals(nm.get(4))) {
            expected.add("Msg.stamp retyped"); // int64_t -> long: the type as written, in place
        }

        Path oldH = Files.writeString(dir.resolve("old.h"), OLD);
        Path newH = Files.writeString(dir.resolve("new.h"), NEW);
        Run r = run("compare", oldH.toString(), newH.toString(), "--json");
        assertEquals(3, r.status(), r.err());
        Set<String> actual = new TreeSet<>();
        for (JsonNode t : r.json().get("types")) {
            assertEquals("changed", t.get("status").asText());
            String name = t.get("name").asText();
            ClangLayouts.Rec oldRec = o.get("struct " + name);
            ClangLayouts.Rec newRec = n.get("struct " + name);
            assertEquals(oldRec.size(), t.get("old").get("size").asLong());
            assertEquals(newRec.size(), t.get("new").get("size").asLong());
            assertEquals(newRec.align(), t.get("new").get("align").asLong());
            for (JsonNode c : t.get("changes")) {
                actual.add(name + "." + c.get("member").asText() + " " + c.get("change").asText());
                if (c.get("member").asText().equals("prio")) {
                    assertEquals(om.get(2), c.get("old").get("bitOffset").asLong());
                    assertEquals(nm.get(2), c.get("new").get("bitOffset").asLong());
                }
            }
        }
        assertEquals(expected, actual, r.out());

        // The text report: a header line per differing record, one line per change, the count last.
        Run text = run("compare", oldH.toString(), newH.toString());
        assertEquals(3, text.status());
        List<String> lines = text.out().lines().toList();
        assertEquals("2 of 2 records differ", lines.getLast());
        assertEquals(actual.size(), lines.stream().filter(l -> l.startsWith("  ")).count(), text.out());
        // stamp moved (In grew) and changed its type as written: moved, not retyped (same place only).
        assertTrue(text.out().contains("  stamp: moved, offset " + om.get(4) / 8 + " -> " + nm.get(4) / 8 + " (long)"),
                text.out());
        assertFalse(text.out().contains("stamp: retyped"), text.out());
        assertTrue(text.out().contains("  kind: bits, bit " + om.get(1) + " width 3 -> bit " + nm.get(1) + " width 4"),
                text.out());
    }

    private static void expectMove(Set<String> expected, String member, long oldBits, long newBits) {
        if (oldBits != newBits) {
            expected.add(member + " moved");
        }
    }

    @Test
    void oneHeaderOnTwoAbisAgreesWithClang() throws Exception {
        assumeTrue(ClangLayouts.available(), "clang-16 is not installed");
        Version v = new Version(List.of(new Rec("Wire", 0, List.of(new Mem("kind", "char", 0),
                new Mem("count", "long", 0), new Mem("next", "void *", 0), new Mem("stamp", "long long", 0),
                new Mem("tag", "short", 3)))));
        Path h = Files.writeString(dir.resolve("wire.h"), HeaderPairs.TYPEDEFS + v.text(""));
        String[][] pairs = {{"x86_64-linux", "x86_64-unknown-linux-gnu", "x86_64-windows", "x86_64-pc-windows-msvc"},
                {"x86_64-linux", "x86_64-unknown-linux-gnu", "i386-linux", "i386-unknown-linux-gnu"},
                {"aarch64-linux", "aarch64-unknown-linux-gnu", "arm-linux", "armv7a-unknown-linux-gnueabihf"}};
        for (String[] p : pairs) {
            Map<String, long[]> facts = new HashMap<>();
            LayoutOracle.clang(Map.of("o_", v), p[1]).forEach((k, x) -> facts.put(k, x));
            LayoutOracle.clang(Map.of("n_", v), p[3]).forEach((k, x) -> facts.put(k, x));
            Set<String> expected = CompareOracleTest.expectedChanges(p[0], new Pair(v, v), "o_", "n_", facts);
            Run r = run("compare", h.toString(), h.toString(), "--abi", p[0], "--new-abi", p[2], "--json");
            JsonNode root = r.json();
            assertEquals(p[0], root.get("comparisons").get(0).get("oldAbi").asText());
            assertEquals(p[2], root.get("comparisons").get(0).get("newAbi").asText());
            Set<String> actual = new TreeSet<>();
            for (JsonNode t : root.get("types")) {
                assertEquals(p[2], t.get("newAbi").asText());
                actual.add(p[0] + " " + t.get("name").asText() + " " + t.get("status").asText());
                for (JsonNode c : t.get("changes")) {
                    actual.add(p[0] + " " + t.get("name").asText() + "." + c.get("member").asText() + " "
                            + c.get("change").asText());
                }
            }
            assertEquals(expected, actual, String.join(" ", p));
            assertEquals(expected.stream().anyMatch(s -> !s.endsWith(" same")) ? 3 : 0, r.status());
        }
    }

    @Test
    void identicalInputsExitZero() throws Exception {
        Path a = Files.writeString(dir.resolve("a.h"), NEW);
        Path b = Files.writeString(dir.resolve("b.h"), NEW);
        Run r = run("compare", a.toString(), b.toString(), "--abi", "all");
        assertEquals(0, r.status(), r.err());
        assertEquals("0 of 10 records differ", r.out().strip());
        Run j = run("compare", a.toString(), b.toString(), "--json");
        assertEquals(0, j.status());
        for (JsonNode t : j.json().get("types")) {
            assertEquals("same", t.get("status").asText());
            assertTrue(t.get("changes").isEmpty());
        }
    }

    @Test
    void typeNamesOneRecordByTagOrTypedef() throws Exception {
        Path a = Files.writeString(dir.resolve("a.h"), "typedef struct Hdr { int a; int b; } Hdr_t;\nstruct Other { int x; };\n");
        Path b = Files.writeString(dir.resolve("b.h"), "typedef struct Hdr { int a; int c; } Hdr_t;\nstruct Other { long x; };\n");
        for (String name : List.of("Hdr", "struct Hdr", "Hdr_t")) {
            Run r = run("compare", a.toString(), b.toString(), "--type", name, "--json");
            assertEquals(3, r.status(), r.err());
            JsonNode types = r.json().get("types");
            assertEquals(1, types.size());
            assertEquals("Hdr", types.get(0).get("name").asText());
        }
        // Renames are not guessed, but the report suggests one.
        Run text = run("compare", a.toString(), b.toString(), "--type", "Hdr");
        assertTrue(text.out().contains("  b: removed from offset 4, size 4 (int)"), text.out());
        assertTrue(text.out().contains("  c: added at offset 4, size 4 (int)"), text.out());
        assertTrue(text.out().contains("b -> c may be a rename"), text.out());
        assertEquals("1 of 1 records differ", text.out().lines().toList().getLast());
        Run same = run("compare", a.toString(), a.toString(), "--type", "Other");
        assertEquals(0, same.status());
    }

    @Test
    void dataDependentOffsetsAreNotCompared() throws Exception {
        Path a = Files.writeString(dir.resolve("a.h"),
                "#include <stdint.h>\nstruct Rec { uint16_t n; uint8_t data[n]; uint32_t tail; };\n");
        Path b = Files.writeString(dir.resolve("b.h"),
                "#include <stdint.h>\nstruct Rec { uint16_t n; uint16_t flags; uint8_t data[n]; uint32_t tail; };\n");
        Run r = run("compare", a.toString(), b.toString(), "--json");
        assertEquals(3, r.status(), r.err());
        Set<String> actual = new TreeSet<>();
        for (JsonNode c : r.json().get("types").get(0).get("changes")) {
            actual.add(c.get("member").asText() + " " + c.get("change").asText());
        }
        // tail's offset depends on n on both sides: unknown, so not "moved".
        assertEquals(Set.of("flags added", "data moved"), actual, r.out());
        assertTrue(r.json().get("types").get(0).get("old").get("dynamic").asBoolean());
        Run same = run("compare", a.toString(), a.toString());
        assertEquals(0, same.status(), same.out());
    }

    /** A record that turned from struct into union is reported as such, in the text and the JSON. */
    @Test
    void aStructThatBecameAUnionIsReported() throws Exception {
        Path a = Files.writeString(dir.resolve("a.h"), "struct K { int x; int y; };\n");
        Path b = Files.writeString(dir.resolve("b.h"), "union K { int x; int y; };\n");
        Run text = run("compare", a.toString(), b.toString());
        assertEquals(3, text.status(), text.err());
        assertTrue(text.out().startsWith("K: changed, struct -> union, size 8 -> 4, align 4\n"), text.out());
        Run json = run("compare", a.toString(), b.toString(), "--json");
        JsonNode k = json.json().get("types").get(0);
        assertEquals("struct", k.get("old").get("kind").asText());
        assertEquals("union", k.get("new").get("kind").asText());
        // Same size, same members at the same places, other kind: still a change.
        Path c = Files.writeString(dir.resolve("c.h"), "struct K { int x; };\n");
        Path d = Files.writeString(dir.resolve("d.h"), "union K { int x; };\n");
        Run one = run("compare", c.toString(), d.toString());
        assertEquals(3, one.status(), one.out());
        assertTrue(one.out().startsWith("K: changed, struct -> union, size 4, align 4\n"), one.out());
    }

    /**
     * A header and the object gcc compiles from it have the same layouts: {@code bool} (the
     * header's spelling, a macro of stdbool.h before C23) and {@code _Bool} (what DWARF names)
     * are one type, not a retyped member.
     */
    @Test
    void aHeaderAndItsCompiledObjectAreTheSame() throws Exception {
        String header = "#include <stdbool.h>\n#include <stdint.h>\n"
                + "struct Rec { char c; bool ok; bool flags[3]; uint64_t big; };\n";
        Files.writeString(dir.resolve("rec.h"), header);
        Files.writeString(dir.resolve("use.c"), "#include \"rec.h\"\nstruct Rec r;\n");
        dev.structscope.tests.hexview.Gcc.run(dir, List.of("gcc", "-g", "-c", "-o", "use.o", "use.c"));
        Run r = run("compare", dir.resolve("rec.h").toString(), dir.resolve("use.o").toString());
        assertEquals(0, r.status(), r.out() + r.err());
        assertEquals("0 of 1 records differ", r.out().strip());
        // A real type change next to it is still one.
        Path other = Files.writeString(dir.resolve("other.h"), header.replace("bool ok", "char ok"));
        Run changed = run("compare", other.toString(), dir.resolve("use.o").toString(), "--json");
        assertEquals(3, changed.status(), changed.out());
        assertEquals("retyped", changed.json().get("types").get(0).get("changes").get(0).get("change").asText());
    }

    @Test
    void badInputsExitTwoWithOneLine() throws Exception {
        Path good = Files.writeString(dir.resolve("good.h"), "struct A { int a; };\n");
        Path broken = Files.writeString(dir.resolve("broken.h"), "struct A { int a; \n");
        Path unknown = Files.writeString(dir.resolve("unknown.h"), "struct A { mystery_t a; };\n");
        Path doc = Files.writeString(dir.resolve("bad.json"), "{\"types\": [");
        Path empty = Files.writeString(dir.resolve("empty.h"), "int f(void);\n");
        List<String[]> cases = List.of(
                new String[] {"compare", good.toString(), dir.resolve("missing.h").toString()},
                new String[] {"compare", good.toString(), broken.toString()},
                new String[] {"compare", unknown.toString(), good.toString()},
                new String[] {"compare", good.toString(), doc.toString()},
                new String[] {"compare", good.toString(), empty.toString()},
                new String[] {"compare", good.toString(), dir.toString()},
                new String[] {"compare", good.toString(), good.toString(), "--abi", "pdp11"},
                new String[] {"compare", good.toString(), good.toString(), "--new-abi", "vax"},
                new String[] {"compare", good.toString(), good.toString(), "--abi", "all", "--new-abi", "arm-linux"},
                new String[] {"compare", good.toString(), good.toString(), "--type", "Nope"},
                new String[] {"compare", good.toString()});
        for (String[] args : cases) {
            Run r = run(args);
            String what = String.join(" ", args) + " -> " + r.err();
            assertEquals(2, r.status(), what);
            assertEquals(1, r.err().strip().lines().count(), what);
            assertTrue(r.err().startsWith("structscope: "), what);
            assertFalse(r.err().contains("Exception"), what);
            assertEquals("", r.out(), what);
        }
        Run newAbi = run("compare", good.toString(), good.toString(), "--new-abi", "all");
        assertTrue(newAbi.err().startsWith("structscope: --new-abi: unknown ABI 'all'"), newAbi.err());
    }
}
