package dev.structscope.tests.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.structscope.app.cli.StructScopeCli;
import dev.structscope.model.abi.Abi;
import dev.structscope.model.abi.Abis;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code structscope compare --abi all --json} on seeded random pairs of headers against the
 * compilers: the set of (ABI, record, status) and (ABI, record, member, change) it reports equals
 * the one derived from gcc's offsetof/sizeof/_Alignof (x86-64, -m32) and clang-16's record dumps
 * (Microsoft x64, AArch64, ARM) for both versions, with the old/new offsets and sizes it prints;
 * and the exit status is 0 exactly when nothing differs, else 3. More pairs:
 * {@code -Dstructscope.compare.pairs=N}; another seed: {@code -Dstructscope.compare.seed=S}.
 */
class CompareOracleTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void randomPairsAgreeWithGccAndClang() throws Exception {
        assumeTrue(ClangLayouts.available(), "clang-16 is not installed");
        int count = Integer.getInteger("structscope.compare.pairs", 20);
        long seed = Long.getLong("structscope.compare.seed", 16_2026L);
        HeaderPairs gen = new HeaderPairs(seed);
        List<Pair> pairs = new ArrayList<>();
        Map<String, Version> versions = new LinkedHashMap<>();
        for (int p = 0; p < count; p++) {
            Pair pair = gen.next();
            pairs.add(pair);
            versions.put("p" + p + "o_", pair.old());
            versions.put("p" + p + "n_", pair.now());
        }
        Map<String, Map<String, long[]>> truth = new LinkedHashMap<>();
        truth.put("x86_64-linux", LayoutOracle.gcc(dir, versions, false));
        truth.put("i386-linux", LayoutOracle.gcc(dir, versions, true));
        for (Abi abi : List.of(Abis.X86_64_WINDOWS, Abis.AARCH64_LINUX, Abis.ARM_LINUX)) {
            truth.put(abi.name(), LayoutOracle.clang(versions, abi.clangTarget()));
        }
        int differing = 0;
        for (int p = 0; p < count; p++) {
            Pair pair = pairs.get(p);
            Path old = dir.resolve("old" + p + ".h");
            Path now = dir.resolve("new" + p + ".h");
            Files.writeString(old, HeaderPairs.TYPEDEFS + pair.old().text(""));
            Files.writeString(now, HeaderPairs.TYPEDEFS + pair.now().text(""));
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int status = StructScopeCli.run(new PrintWriter(out), new PrintWriter(err), "compare", old.toString(),
                    now.toString(), "--abi", "all", "--json");
            String context = "pair " + p + " (seed " + seed + ")\n--- old\n" + pair.old().text("") + "--- new\n"
                    + pair.now().text("") + "--- stderr\n" + err;
            Set<String> expected = new TreeSet<>();
            Set<String> actual = new TreeSet<>();
            for (var t : truth.entrySet()) {
                expected.addAll(expectedChanges(t.getKey(), pair, "p" + p + "o_", "p" + p + "n_", t.getValue()));
            }
            JsonNode root = JSON.readTree(out.toString());
            for (JsonNode type : root.get("types")) {
                String abi = type.get("oldAbi").asText();
                String name = type.get("name").asText();
                actual.add(abi + " " + name + " " + type.get("status").asText());
                Map<String, long[]> facts = truth.get(abi);
                for (JsonNode c : type.get("changes")) {
                    String member = c.get("member").asText();
                    actual.add(abi + " " + name + "." + member + " " + c.get("change").asText());
                    // The numbers printed are the compiler's numbers.
                    checkSide(c.get("old"), facts.get("p" + p + "o_" + name + "." + member), context);
                    checkSide(c.get("new"), facts.get("p" + p + "n_" + name + "." + member), context);
                }
            }
            assertEquals(String.join("\n", expected), String.join("\n", actual), context);
            boolean differs = expected.stream().anyMatch(s -> !s.endsWith(" same"));
            differing += differs ? 1 : 0;
            assertEquals(differs ? 3 : 0, status, context);
        }
        System.out.println("CompareOracleTest: " + count + " pairs, " + differing + " differ, seed " + seed);
    }

    private static void checkSide(JsonNode side, long[] fact, String context) {
        if (side == null || side.isNull()) {
            return;
        }
        assertEquals(fact[0], side.get("offset").asLong(), context);
        assertEquals(fact[1], side.get("size").asLong(), context);
    }

    /** What the compilers' numbers say changed on one ABI, in the test's "abi record[.member] what" form. */
    static Set<String> expectedChanges(String abi, Pair pair, String oldPrefix, String newPrefix, Map<String, long[]> facts) {
        Set<String> out = new TreeSet<>();
        Map<String, Rec> newRecs = new LinkedHashMap<>();
        pair.now().records().forEach(r -> newRecs.put(r.name(), r));
        Set<String> oldNames = new TreeSet<>();
        for (Rec o : pair.old().records()) {
            oldNames.add(o.name());
            Rec n = newRecs.get(o.name());
            if (n == null) {
                out.add(abi + " " + o.name() + " removed");
                continue;
            }
            Set<String> changes = new TreeSet<>();
            Map<String, Mem> newMems = new LinkedHashMap<>();
            n.members().forEach(m -> newMems.put(m.name(), m));
            for (Mem om : o.members()) {
                Mem nm = newMems.get(om.name());
                String key = abi + " " + o.name() + "." + om.name() + " ";
                if (nm == null) {
                    changes.add(key + "removed");
                    continue;
                }
                long[] a = facts.get(oldPrefix + o.name() + "." + om.name());
                long[] b = facts.get(newPrefix + o.name() + "." + om.name());
                if (a[0] != b[0]) {
                    changes.add(key + "moved");
                }
                if (a[1] != b[1]) {
                    changes.add(key + "resized");
                }
                if (!om.written().equals(nm.written()) && a[0] == b[0] && a[1] == b[1]) {
                    changes.add(key + "retyped"); // the contract's: same offset and size
                }
            }
            for (Mem nm : n.members()) {
                if (o.members().stream().noneMatch(m -> m.name().equals(nm.name()))) {
                    changes.add(abi + " " + o.name() + "." + nm.name() + " added");
                }
            }
            long[] os = facts.get(oldPrefix + o.name());
            long[] ns = facts.get(newPrefix + o.name());
            boolean same = changes.isEmpty() && os[0] == ns[0] && os[1] == ns[1];
            out.add(abi + " " + o.name() + (same ? " same" : " changed"));
            out.addAll(changes);
        }
        for (Rec n : pair.now().records()) {
            if (!oldNames.contains(n.name())) {
                out.add(abi + " " + n.name() + " added");
            }
        }
        return out;
    }
}
