package dev.structscope.model.layout;

import dev.structscope.model.abi.Abi;
import dev.structscope.model.abi.Abis;
import dev.structscope.model.c.HeaderImporter;
import dev.structscope.model.layout.oracle.Compilers;
import dev.structscope.model.layout.oracle.ExtensionHeader;
import dev.structscope.model.layout.oracle.GccProbe;
import dev.structscope.model.layout.oracle.LayoutText;
import dev.structscope.model.layout.oracle.OracleRun;
import dev.structscope.model.type.TypeLibrary;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Compiler extensions that change layouts ({@code vector_size}, {@code mode}, {@code __int128},
 * {@code _Float16}, {@code __float128}, {@code _Complex}), end to end through the C importer and
 * the layout engine, on random headers of {@link ExtensionHeader}: member by member against
 * clang-16 for each of the five ABIs, and against gcc for x86_64-linux and i386-linux
 * ({@code gcc -m32 -msse2}: clang's i386 target assumes SSE2, and without MMX gcc gives 8-byte
 * integer vectors 4-byte alignment in records). Same seeds as the other oracle tests.
 */
class ExtensionOracleTest {
    private static final int RECORDS = 80;

    private static TypeLibrary importHeader(ExtensionHeader.Generated g, Path h, Abi abi) {
        return HeaderImporter.importText(g.header(), h.getFileName().toString(), HeaderImporter.Options.defaults().withAbi(abi));
    }

    private static Path write(ExtensionHeader.Generated g, Abi abi, String suffix, String text) throws Exception {
        Path dir = Path.of("target", "layout-oracle").toAbsolutePath();
        Files.createDirectories(dir);
        Path p = dir.resolve("ext-" + g.seed() + "-" + abi.name() + suffix);
        Files.writeString(p, text);
        return p;
    }

    /** The records as {@link OracleRun#compare} wants them (it needs only the seed and record names). */
    private static dev.structscope.model.layout.oracle.RandomHeader.Generated asRandom(ExtensionHeader.Generated g) {
        return new dev.structscope.model.layout.oracle.RandomHeader.Generated(g.seed(), g.header(), null, g.records(), Map.of());
    }

    @ParameterizedTest
    @MethodSource("dev.structscope.model.abi.AbiNames#all")
    void extensionsLayOutLikeClang(String abiName) throws Exception {
        Compilers.assumeClang();
        Abi abi = Abi.byName(abiName);
        List<String> failures = new ArrayList<>();
        int compared = 0;
        for (long seed : OracleRun.seeds()) {
            ExtensionHeader.Generated g = ExtensionHeader.generate(seed, abi, RECORDS);
            Path h = write(g, abi, ".h", g.header());
            TypeLibrary lib;
            try {
                lib = importHeader(g, h, abi);
            } catch (RuntimeException e) {
                failures.add("seed " + seed + ": import of " + h + " failed: " + e.getMessage());
                continue;
            }
            Map<String, String> clang = Compilers.clangLayouts(h, abi);
            Map<String, String> engine = LayoutText.engine(lib, g.records(), abi);
            String report = OracleRun.compare(asRandom(g), abi, clang, engine, "clang");
            if (report != null) {
                failures.add(report + "header: " + h);
            }
            compared += g.records().size();
        }
        OracleRun.failOnAny(failures);
        assertEquals(OracleRun.seeds().size() * RECORDS, compared);
        System.out.println("ExtensionOracleTest " + abiName + ": " + compared + " random records agree with clang");
    }

    @ParameterizedTest
    @ValueSource(strings = {"x86_64-linux", "i386-linux"})
    void extensionsLayOutLikeGcc(String abiName) throws Exception {
        Abi abi = Abi.byName(abiName);
        boolean m32 = abi == Abis.I386_LINUX;
        Compilers.assumeGcc(m32);
        List<String> failures = new ArrayList<>();
        int compared = 0;
        for (long seed : OracleRun.seeds()) {
            ExtensionHeader.Generated g = ExtensionHeader.generate(seed, abi, RECORDS, true);
            Path h = write(g, abi, "-gcc.h", g.header());
            TypeLibrary lib = importHeader(g, h, abi);
            Map<String, RecordLayout> layouts = new LinkedHashMap<>();
            for (String r : g.records()) {
                layouts.put(r, LayoutEngine.layout(r.substring(r.indexOf(' ') + 1), lib, abi));
            }
            // gcc's C11 _Alignof caps vector-holding records at 16 without AVX although it lays
            // them out (offsets, sizes, as a member) with their full alignment, which is what
            // __alignof__ reports.
            Path src = write(g, abi, "-probe.c", GccProbe.source(h.getFileName().toString(), layouts)
                    .replace("_Alignof(", "__alignof__("));
            List<String> cc = new ArrayList<>(List.of(Compilers.GCC, "-w", "-O0", "-S", "-o", "-", src.toString()));
            if (m32) {
                cc.addAll(1, List.of("-m32", "-msse2"));
            }
            Compilers.Result built = Compilers.run(cc, h.getParent());
            if (built.exit() != 0) {
                fail("gcc rejected the probe for seed " + seed + ":\n" + built.out());
            }
            Map<String, String> gcc = GccProbe.fromAssembly(built.out(), layouts);
            String report = OracleRun.compare(asRandom(g), abi, gcc, GccProbe.expectedFromEngine(layouts), "gcc");
            if (report != null) {
                failures.add(report + "header: " + h);
            }
            compared += g.records().size();
        }
        OracleRun.failOnAny(failures);
        System.out.println("ExtensionOracleTest " + abiName + ": " + compared + " random records agree with gcc");
    }
}
