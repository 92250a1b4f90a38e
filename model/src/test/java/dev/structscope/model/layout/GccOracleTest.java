package dev.structscope.model.layout;

import dev.structscope.model.abi.Abi;
import dev.structscope.model.abi.Abis;
import dev.structscope.model.layout.oracle.Compilers;
import dev.structscope.model.layout.oracle.GccProbe;
import dev.structscope.model.layout.oracle.OracleRun;
import dev.structscope.model.layout.oracle.RandomHeader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The layout engine against gcc itself: the random headers of {@link RandomHeader} are compiled
 * by gcc into assembly ({@link GccProbe}) holding sizeof, _Alignof, offsetof of every named
 * member and the bits of every bit-field, and those are compared with the engine for
 * x86_64-linux (gcc) and i386-linux ({@code gcc -m32}; compile only, so it works where 32-bit
 * programs cannot run). Skipped when gcc is missing.
 *
 * <p>The headers leave out {@code aligned} attributes on bit-fields: there gcc and clang lay out
 * differently (see {@link RandomHeader#generate(long, int, boolean)}), and the contract is clang's
 * layout, which {@link ClangOracleTest} checks with them included.
 */
class GccOracleTest {

    @ParameterizedTest
    @ValueSource(strings = {"x86_64-linux", "i386-linux"})
    void engineMatchesGcc(String abiName) {
        Abi abi = Abi.byName(abiName);
        boolean m32 = abi == Abis.I386_LINUX;
        Compilers.assumeGcc(m32);
        List<String> failures = new ArrayList<>();
        int compared = 0;
        // gcc compiles and runs a program per header: a subset of the seeds keeps this quick.
        List<Long> seeds = OracleRun.seeds().subList(Math.max(0, OracleRun.seeds().size() - 6), OracleRun.seeds().size());
        for (long seed : seeds) {
            RandomHeader.Generated g = OracleRun.gccHeader(seed);
            Path h = OracleRun.write(g, "-gcc.h", g.header());
            Map<String, RecordLayout> layouts = new LinkedHashMap<>();
            for (RecordLayout rl : LayoutEngine.layoutAll(g.library(), abi)) {
                layouts.put(rl.definition().kind().keyword() + " " + rl.name(), rl);
            }
            Path src = OracleRun.write(g, "-probe-" + abi.name() + ".c", GccProbe.source(h.getFileName().toString(), layouts));
            List<String> cc = new ArrayList<>(List.of(Compilers.GCC, "-w", "-O0", "-S", "-o", "-", src.toString()));
            if (m32) {
                cc.add(1, "-m32");
            }
            Compilers.Result built = Compilers.run(cc, h.getParent());
            if (built.exit() != 0) {
                fail("gcc rejected the probe for seed " + seed + ":\n" + built.out());
            }
            Map<String, String> gcc = GccProbe.fromAssembly(built.out(), layouts);
            String report = OracleRun.compare(g, abi, gcc, GccProbe.expectedFromEngine(layouts), "gcc");
            if (report != null) {
                failures.add(report);
            }
            compared += g.records().size();
        }
        OracleRun.failOnAny(failures);
        System.out.println("GccOracleTest " + abiName + ": " + compared + " random records agree with gcc");
    }
}
