package dev.structscope.model.export;

import dev.structscope.model.c.TextHeaders;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.structscope.model.abi.Abi;
import dev.structscope.model.abi.Abis;
import dev.structscope.model.c.HeaderImporter;
import dev.structscope.model.layout.LayoutEngine;
import dev.structscope.model.layout.RecordLayout;
import dev.structscope.model.type.TypeLibrary;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The C parser's header corpus ({@code resources/c/corpus}), imported for each ABI and exported:
 * clang-16 accepts the C export's asserts for every ABI; python3 ctypes gives the same sizes for
 * x86_64-linux and i386-linux; rustc accepts the Rust export's asserts for i386-linux. A second, independently written corpus next to {@link Corpus}.
 */
class HeaderCorpusExportTest {
    @TempDir
    Path dir;

    static Stream<Arguments> cases() throws Exception {
        List<Arguments> out = new ArrayList<>();
        Path corpus = Path.of(HeaderCorpusExportTest.class.getResource("/c/corpus").toURI());
        try (Stream<Path> s = Files.list(corpus)) {
            for (Path h : s.filter(p -> p.toString().endsWith(".h")).sorted().toList()) {
                for (Abi abi : Abis.ALL) {
                    out.add(Arguments.of(h.getFileName().toString(), abi.name()));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void exportsCompileWithTheirAsserts(String header, String abiName) throws Exception {
        String clang = Tools.require("clang-16", "clang-16");
        Abi abi = Abi.byName(abiName);
        TypeLibrary lib = TextHeaders.importFile(resource(header), HeaderImporter.Options.defaults().withAbi(abi));
        String c = new CExporter().export(lib, ExportOptions.of(abi)).text();
        Files.writeString(dir.resolve("x.h"), c);
        Tools.Run cc = Tools.run(dir, clang, "-target", abi.clangTarget(), "-ffreestanding", "-std=gnu11", "-fsyntax-only",
                "-x", "c", "x.h");
        assertTrue(cc.ok(), () -> cc.output() + "\n---\n" + c);
        if (!abiName.endsWith("-linux") || abiName.startsWith("a")) {
            return; // ctypes on two ABIs is enough here (CI time); the Corpus tests cover all five
        }
        if (abiName.equals("i386-linux")) { // rustc on one ABI (CI time): i386 needs packed(4) for 8-byte scalars
            rustCompiles(lib, abi);
        }
        String py = new CtypesExporter().export(lib, ExportOptions.of(abi)).text();
        Files.writeString(dir.resolve("x.py"), py);
        Tools.Run pr = Tools.run(dir, Tools.require("python3", "python3"), "-c",
                "import ctypes, json, importlib.util\n"
                        + "spec = importlib.util.spec_from_file_location('x', 'x.py'); m = importlib.util.module_from_spec(spec)\n"
                        + "spec.loader.exec_module(m)\n"
                        + "print(json.dumps({k: ctypes.sizeof(v) for k, v in vars(m).items() if isinstance(v, type) and "
                        + "issubclass(v, (ctypes.Structure, ctypes.Union)) and v.__module__ == 'x'}))");
        assertTrue(pr.ok(), () -> pr.output() + "\n---\n" + py);
        JsonNode sizes = new ObjectMapper().readTree(pr.output());
        ExportModel model = new ExportModel(lib, ExportOptions.of(abi));
        for (ExportModel.Rec rec : model.records()) {
            RecordLayout rl = rec.layout();
            assertEquals(rl.size(), sizes.get(CtypesExporter.ident(rec.name())).asLong(), rec.name());
        }
        assertEquals(LayoutEngine.layoutAll(lib, abi).size(), lib.namedRecords().size());
    }

    private void rustCompiles(TypeLibrary lib, Abi abi) throws Exception {
        String rust = new RustExporter().export(lib, ExportOptions.of(abi)).text();
        Files.writeString(dir.resolve("x.rs"), rust);
        Tools.Run rc = Tools.run(dir, RustExportTest.rustc(), "--crate-type", "lib", "--edition", "2021", "-o",
                dir.resolve("libx.rlib").toString(), "x.rs");
        assertTrue(rc.ok(), () -> rc.output() + "\n---\n" + rust);
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(HeaderCorpusExportTest.class.getResource("/c/corpus/" + name).toURI());
    }
}
