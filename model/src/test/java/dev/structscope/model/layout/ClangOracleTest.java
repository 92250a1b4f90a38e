package dev.structscope.model.layout;

import dev.structscope.model.abi.Abi;
import dev.structscope.model.layout.oracle.Compilers;
import dev.structscope.model.layout.oracle.LayoutText;
import dev.structscope.model.layout.oracle.OracleRun;
import dev.structscope.model.layout.oracle.PaddingCheck;
import dev.structscope.model.layout.oracle.RandomHeader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The layout engine against clang-16's own record layouts ({@code -fdump-record-layouts}) for
 * each of the five ABIs, member by member, on random headers that mix every feature (see
 * {@link RandomHeader}); and each record's padding list against its members
 * ({@link PaddingCheck}). Skipped when clang-16 is not installed; {@link GoldenCorpusTest} still
 * runs then.
 */
class ClangOracleTest {

    @BeforeAll
    static void needClang() {
        Compilers.assumeClang();
    }

    @ParameterizedTest
    @MethodSource("dev.structscope.model.abi.AbiNames#all")
    void engineMatchesClang(String abiName) {
        Abi abi = Abi.byName(abiName);
        List<String> failures = new ArrayList<>();
        int compared = 0;
        for (long seed : OracleRun.seeds()) {
            RandomHeader.Generated g = OracleRun.header(seed);
            Path h = OracleRun.write(g, ".h", g.header());
            Map<String, String> clang = Compilers.clangLayouts(h, abi);
            Map<String, String> engine;
            try {
                engine = LayoutText.engine(g.library(), g.records(), abi);
            } catch (RuntimeException e) {
                failures.add("seed " + seed + ": engine threw " + e);
                continue;
            }
            for (RecordLayout rl : LayoutEngine.layoutAll(g.library(), abi)) {
                String bad = PaddingCheck.check(rl);
                if (bad != null) {
                    failures.add("seed " + seed + " " + abi.name() + " " + rl.name() + ": " + bad);
                }
            }
            String report = OracleRun.compare(g, abi, clang, engine, "clang");
            if (report != null) {
                failures.add(report);
            }
            compared += g.records().size();
        }
        OracleRun.failOnAny(failures);
        assertEquals(OracleRun.seeds().size() * OracleRun.RECORDS_PER_HEADER, compared);
        System.out.println("ClangOracleTest " + abiName + ": " + compared + " random records agree with clang");
    }
}
