package dev.structscope.model.layout;

import dev.structscope.model.abi.Abi;
import dev.structscope.model.layout.oracle.Compilers;
import dev.structscope.model.layout.oracle.LayoutText;
import dev.structscope.model.layout.oracle.RandomHeader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The layout engine against a committed corpus of clang-16 layouts, so the comparison also runs
 * where no compiler is installed. The corpus ({@code src/test/resources/layout/golden/}) holds,
 * per seed, the generated header ({@code seed-S.h}) and clang's layouts of its records for each
 * ABI ({@code seed-S.ABI.txt}, the {@link LayoutText} form). The test regenerates the header from
 * the seed (the generator must not have drifted) and compares the engine with clang's text.
 *
 * <p>To rebuild the corpus after changing the generator (needs clang-16):
 * {@code ./mvnw -q -pl model -am test -Dtest=GoldenCorpusTest -Dsurefire.failIfNoSpecifiedTests=false -Dstructscope.golden.write=true}
 */
class GoldenCorpusTest {
    static final long[] SEEDS = {101, 202, 303, 404};
    static final int RECORDS = 80;
    private static final Path SOURCE_DIR = Path.of("src", "test", "resources", "layout", "golden");

    @BeforeAll
    static void writeIfAsked() throws IOException {
        if (!Boolean.getBoolean("structscope.golden.write")) {
            return;
        }
        if (!Compilers.hasClang()) {
            fail("-Dstructscope.golden.write needs clang-16 at " + Compilers.CLANG);
        }
        Files.createDirectories(SOURCE_DIR);
        for (long seed : SEEDS) {
            RandomHeader.Generated g = RandomHeader.generate(seed, RECORDS);
            Path h = SOURCE_DIR.resolve("seed-" + seed + ".h").toAbsolutePath();
            Files.writeString(h, g.header());
            for (Abi abi : Abi.all()) {
                Map<String, String> clang = Compilers.clangLayouts(h, abi);
                StringBuilder sb = new StringBuilder();
                for (String r : g.records()) {
                    sb.append(clang.get(r)).append('\n');
                }
                Files.writeString(SOURCE_DIR.resolve("seed-" + seed + "." + abi.name() + ".txt"), sb.toString());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("dev.structscope.model.abi.AbiNames#all")
    void engineMatchesCommittedClangLayouts(String abiName) throws IOException {
        Abi abi = Abi.byName(abiName);
        List<String> failures = new ArrayList<>();
        int compared = 0;
        for (long seed : SEEDS) {
            RandomHeader.Generated g = RandomHeader.generate(seed, RECORDS);
            String header = resource("seed-" + seed + ".h");
            assertEquals(header, g.header(), "the generator no longer makes the committed header of seed " + seed
                    + "; rebuild the corpus with -Dstructscope.golden.write=true (see the class javadoc)");
            Map<String, String> expected = split(resource("seed-" + seed + "." + abi.name() + ".txt"));
            Map<String, String> engine = LayoutText.engine(g.library(), g.records(), abi);
            for (String r : g.records()) {
                String e = expected.get(r);
                assertNotNull(e, "golden file has no layout for " + r);
                String diff = LayoutText.firstDifference(e, engine.get(r));
                if (diff != null) {
                    failures.add(r + " (golden seed " + seed + ", " + abi.name() + "): " + diff
                            + "\nclang:\n" + e + "engine:\n" + engine.get(r));
                }
                compared++;
            }
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " golden records differ; first ones:\n"
                    + String.join("\n", failures.subList(0, Math.min(4, failures.size()))));
        }
        assertEquals(SEEDS.length * RECORDS, compared);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = GoldenCorpusTest.class.getResourceAsStream("/layout/golden/" + name)) {
            assertNotNull(in, "missing golden file layout/golden/" + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The per-record texts of a golden file (records separated by a blank line). */
    private static Map<String, String> split(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String block : text.split("\n\n")) {
            if (block.isBlank()) {
                continue;
            }
            String head = block.substring(0, block.indexOf(" ["));
            out.put(head, block.endsWith("\n") ? block : block + "\n");
        }
        return out;
    }
}
