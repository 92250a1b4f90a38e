package dev.structscope.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.structscope.model.abi.Abi;
import dev.structscope.model.c.ClangLayouts;
import dev.structscope.model.c.HeaderImporter;
import dev.structscope.model.c.Tools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code structscope layout --json} exactly as the contract shapes it, checked against clang-16's
 * own record layouts: every struct and union of the header corpus (nested and anonymous members,
 * unions, bit-fields of every kind incl. unnamed and zero-width, pack pragmas and attributes,
 * aligned, {@code _Alignas}, {@code long double}, pointers, enums, multi-dimensional and flexible
 * arrays, typedef attributes) on all five ABIs, member by member.
 */
class LayoutCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> CORPUS = List.of("features.h", "bitfields.h", "packing.h", "nesting.h",
            "exprs.h", "typedef_attrs.h");

    @TempDir
    Path dir;

    static Stream<Arguments> cases() {
        return CORPUS.stream().flatMap(h -> Abi.all().stream().map(a -> Arguments.of(h, a.name())));
    }

    private Path corpusHeader(String name) throws IOException {
        Path out = dir.resolve(name);
        try (InputStream in = LayoutCommandTest.class.getResourceAsStream("/c/corpus/" + name)) {
            assertNotNull(in, name);
            Files.write(out, in.readAllBytes());
        }
        return out;
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void jsonAgreesWithClangMemberByMember(String header, String abiName) throws Exception {
        assumeTrue(Tools.has("clang-16"), "clang-16 is not installed");
        Path h = corpusHeader(header);
        CliRun run = CliRun.run("layout", h.toString(), "--abi", abiName, "--json");
        assertEquals(0, run.status(), run.err.toString());
        JsonNode root = JSON.readTree(run.out.toString());
        assertEquals(abiName, root.get("abi").asText());
        // clang is asked by tag for tagged records and by typedef name for untagged ones.
        var library = dev.structscope.io.headers.LocalHeaders.importFile(h, HeaderImporter.Options.defaults().withAbi(Abi.byName(abiName)));
        java.util.Set<String> tags = new java.util.HashSet<>();
        library.namedRecords().forEach(nr -> {
            if (nr.record().tag() != null) {
                tags.add(nr.name());
            }
        });
        List<String> probes = new ArrayList<>();
        for (JsonNode t : root.get("types")) {
            String name = t.get("name").asText();
            probes.add(tags.contains(name) ? t.get("kind").asText() + " " + name : name);
        }
        assertTrue(!probes.isEmpty(), "the header defines records");
        Map<String, ClangLayouts.Dumped> clang = ClangLayouts.dump(h, Abi.byName(abiName), probes, dir);
        // A name's alignment is _Alignof of the name: a typedef's own aligned attribute sets it, which clang's record dump leaves out.
        Map<String, Long> aligns = ClangLayouts.alignments(h, Abi.byName(abiName), probes, dir);
        int i = 0;
        for (JsonNode t : root.get("types")) {
            String probe = probes.get(i++);
            ClangLayouts.Dumped theirs = clang.get(probe);
            assertNotNull(theirs, "clang did not lay out " + probe + "; it did: " + clang.keySet());
            List<String> ours = new ArrayList<>();
            for (JsonNode f : t.get("fields")) {
                ours.add(f.hasNonNull("bitWidth")
                        ? f.get("name").asText() + "@" + f.get("bitOffset").asLong() + ":" + f.get("bitWidth").asLong()
                        : f.get("name").asText() + "@" + f.get("offset").asLong() * 8 + ":-1");
                if (f.hasNonNull("bitWidth")) {
                    assertEquals(f.get("bitOffset").asLong() / 8, f.get("offset").asLong(), "offset = bitOffset / 8");
                }
            }
            String what = header + " " + abiName + " " + probe;
            assertEquals(new ClangLayouts.Dumped(theirs.size(), aligns.get(probe), theirs.fields()),
                    new ClangLayouts.Dumped(t.get("size").asLong(), t.get("align").asLong(), ours), what);
            assertPaddingIsWhatNoMemberCovers(t, what);
        }
    }

    /** The contract's padding: exactly the bytes of a struct that no member's bytes or bits touch. */
    private static void assertPaddingIsWhatNoMemberCovers(JsonNode t, String what) {
        long size = t.get("size").asLong();
        boolean[] used = new boolean[(int) size];
        for (JsonNode f : t.get("fields")) {
            long from;
            long to;
            if (f.hasNonNull("bitWidth")) {
                from = f.get("bitOffset").asLong() / 8;
                to = (f.get("bitOffset").asLong() + f.get("bitWidth").asLong() + 7) / 8;
            } else {
                from = f.get("offset").asLong();
                to = from + f.get("size").asLong();
            }
            for (long b = from; b < Math.min(to, size); b++) {
                used[(int) b] = true;
            }
        }
        boolean[] padding = new boolean[(int) size];
        for (JsonNode p : t.get("padding")) {
            for (long b = p.get("offset").asLong(); b < p.get("offset").asLong() + p.get("size").asLong(); b++) {
                padding[(int) b] = true;
            }
        }
        for (int b = 0; b < size; b++) {
            // Unnamed bit-fields are not listed but hold bits; only bytes free in both views count.
            if (padding[b]) {
                assertTrue(!used[b], what + ": byte " + b + " is padding and a member's");
            }
        }
    }

    @Test
    void textListingShowsHolesTotalsAndTheReorderingSaving() throws Exception {
        Path h = dir.resolve("order.h");
        Files.writeString(h, "struct Order { char side; double price; char flags; int venue; };\n");
        CliRun run = CliRun.run("layout", h.toString());
        assertEquals(0, run.status(), run.err.toString());
        String out = run.out.toString();
        assertTrue(out.startsWith("struct Order {\n"), out);
        CliRun.assertContainsAll(out, "/* XXX 7 bytes hole, try to pack */", "/* XXX 3 bytes hole, try to pack */",
                "/* size: 24, align: 8, cachelines: 1, members: 4 */", "/* sum members: 14, holes: 2, sum holes: 10 */",
                "/* a reordering would save 8 bytes (size 16) */");
    }

    @Test
    void theListingsOffsetsLineUpUnderWideAndAccentedNames() throws Exception {
        Path h = dir.resolve("wide.h");
        Files.writeString(h, "struct W { unsigned short höhe; unsigned char 温度; float x\u0301; int plain; };\n");
        CliRun run = CliRun.run("layout", h.toString());
        run.succeeded();
        Path out = Files.writeString(dir.resolve("listing.txt"), run.out.toString());
        // Python's East Asian widths as the terminal's truth: every "/*" stands in one column.
        List<String> columns = dev.structscope.app.hexview.Py.run(dir, """
                import sys, unicodedata
                def width(s):
                    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in 'WF' else 1
                               for c in s.expandtabs(8))
                for line in open(sys.argv[1], encoding='utf-8'):
                    if line.startswith('\\t') and '/*' in line and ';' in line:
                        print(width(line[:line.index('/*')]))
                """, out.toString());
        assertEquals(List.of("48", "48", "48", "48"), columns, run.out.toString());
    }

    @Test
    void holesInsideAnonymousMembersArePaddingAndTheTotalsAddUpToTheSize() throws Exception {
        Path h = dir.resolve("an.h");
        Files.writeString(h, "struct AN { int x; union { int u1; char u2[6]; }; struct { char p; double q; }; char tail; };\n");
        CliRun json = CliRun.run("layout", h.toString(), "--json");
        assertEquals(0, json.status(), json.err.toString());
        JsonNode padding = JSON.readTree(json.out.toString()).get("types").get(0).get("padding");
        assertEquals("[{\"offset\":10,\"size\":6},{\"offset\":17,\"size\":7},{\"offset\":33,\"size\":7}]",
                padding.toString());
        CliRun text = CliRun.run("layout", h.toString());
        assertEquals(0, text.status(), text.err.toString());
        // 20 member bytes (the union's 6 counted once) + 13 in holes + 7 of tail = 40.
        CliRun.assertContainsAll(text.out.toString(), "/* XXX 6 bytes hole, try to pack */",
                "/* XXX 7 bytes hole, try to pack */", "/* size: 40, align: 8, cachelines: 1, members: 6 */",
                "/* sum members: 20, holes: 2, sum holes: 13 */", "/* padding: 7 */");
    }

    @Test
    void unknownTypeAndBadHeaderEndWithStatusTwoAndOneLine() throws Exception {
        Path h = dir.resolve("bad.h");
        Files.writeString(h, "struct A { int x; };\nstruct B { int y }\n");
        String err = CliRun.run("layout", h.toString()).refusal();
        assertTrue(err.startsWith("structscope: " + h + ":2:"), err);
        Path ok = dir.resolve("ok.h");
        Files.writeString(ok, "struct A { int x; };\n");
        err = CliRun.run("layout", ok.toString(), "--type", "Nope").refusal();
        assertTrue(err.contains("no struct or union named 'Nope'; known: A"), err);
    }
}
