package dev.structscope.model.export;

import dev.structscope.model.abi.Abis;
import dev.structscope.model.c.HeaderImporter;
import dev.structscope.model.layout.ArrayLayout;
import dev.structscope.model.layout.FieldLayout;
import dev.structscope.model.layout.LayoutEngine;
import dev.structscope.model.layout.RecordLayout;
import dev.structscope.model.layout.TypeLayout;
import dev.structscope.model.type.Dynamic;
import dev.structscope.model.type.Expr;
import dev.structscope.model.type.TypeLibrary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 13, the C export of dynamic layouts ({@code export/dynamic.h}: every feature): the header
 * compiles with gcc and clang-16 in C17 and C23 mode, its static offsets checked by the compiler,
 * and importing it gives back the same library, dynamic attributes included: the parts C cannot
 * hold are under {@code #ifdef __STRUCTSCOPE__}, which the importer defines.
 */
class CDynamicExportTest {
    @TempDir
    Path dir;

    /** The test header with every dynamic feature, shared by the exporters' tests. */
    static String header() {
        try (InputStream in = CDynamicExportTest.class.getResourceAsStream("/export/dynamic.h")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static TypeLibrary library() {
        return HeaderImporter.importText(header(), "dynamic.h", HeaderImporter.Options.defaults());
    }

    private static String export() {
        return new CExporter().export(library(), ExportOptions.defaults()).text();
    }

    @Test
    void keepsCountedByAndSaysWhatCCannotHold() {
        String h = export();
        assertTrue(h.contains("char text[] __attribute__((counted_by(len)));"), h);
        assertTrue(h.contains("#ifdef __STRUCTSCOPE__\n    [[structscope::at(table_at)]]\n    uint32_t table[count];\n#else\n"
                + "    /* table: C cannot hold placed at byte table_at"), h);
        assertTrue(h.contains("uint16_t vals[n && !(flags & 1) ? n : 0];"), h);
        assertTrue(h.contains("/* texts: C cannot hold") || h.contains("Text texts[];"), h);
        assertTrue(h.contains("[[structscope::switch(kind), structscope::size(8)]]"), h);
        assertTrue(h.contains("[[structscope::when(K_INT)]]"), h);
    }

    @ParameterizedTest
    @ValueSource(strings = {"gcc -std=gnu11", "gcc -std=c2x", "clang-16 -std=gnu11", "clang-16 -std=c2x"})
    void compiles(String compiler) throws IOException {
        String[] cc = compiler.split(" ");
        String tool = cc[0].equals("gcc") ? Tools.require("gcc", "gcc") : Tools.require("clang-16", "clang-16");
        Path h = Files.writeString(dir.resolve("dynamic_export.h"), export());
        Tools.Run r = Tools.run(dir, tool, cc[1], "-ffreestanding", "-fsyntax-only", "-x", "c", h.toString());
        assertTrue(r.ok(), () -> r.output() + "\n---\n" + export());
    }

    /**
     * {@code export --type M} of a record whose when values name an enum's constants that no member
     * has as its type: the enum is written before the record, so the header compiles and reads back
     * to the same record (it named constants nothing declared).
     */
    @Test
    void anExportOfOneTypeDeclaresTheEnumsItsExpressionsName() throws IOException {
        String h = """
                #include <stdint.h>
                enum Unused { U = 9 };
                enum Op { OP_A = 1, OP_B = 2 };
                struct M { uint8_t op; uint8_t n;
                  [[structscope::switch(op)]] union { [[structscope::when(OP_A)]] uint32_t a;
                    [[structscope::when(OP_B)]] uint16_t b; } u; };
                """;
        TypeLibrary lib = HeaderImporter.importText(h, "m.h", HeaderImporter.Options.defaults());
        String out = new CExporter().export(lib, ExportOptions.defaults().withType("M")).text();
        assertTrue(out.contains("enum Op {") && out.indexOf("enum Op {") < out.indexOf("struct M {"), out);
        assertTrue(out.contains("[[structscope::when(OP_A)]]"), out);
        assertTrue(!out.contains("enum Unused"), "only what M needs:\n" + out);
        TypeLibrary back = HeaderImporter.importText(out, "export.h", HeaderImporter.Options.defaults());
        assertEquals(lib.findRecord("M").orElseThrow().record(), back.findRecord("M").orElseThrow().record(), out);
        Path file = Files.writeString(dir.resolve("m_export.h"), out);
        Tools.Run r = Tools.run(dir, Tools.require("gcc", "gcc"), "-std=c2x", "-fsyntax-only", "-x", "c", file.toString());
        assertTrue(r.ok(), () -> r.output() + "\n---\n" + out);
    }

    @Test
    void reimportsToTheSameLibrary() {
        TypeLibrary lib = library();
        TypeLibrary back = HeaderImporter.importText(export(), "export.h", HeaderImporter.Options.defaults());
        for (String type : List.of("Text", "struct Item", "struct File")) {
            assertEquals(describe(LayoutEngine.layout(type, lib, Abis.X86_64_LINUX)),
                    describe(LayoutEngine.layout(type, back, Abis.X86_64_LINUX)), type + "\n" + export());
        }
    }

    /** {@link CRoundTripTest#describe} with every member's count and dynamic attributes, into inner records. */
    static String describe(RecordLayout r) {
        StringBuilder sb = new StringBuilder(CRoundTripTest.describe(List.of(r)));
        dynamic(sb, r, "", 0);
        return sb.toString();
    }

    private static void dynamic(StringBuilder sb, RecordLayout r, String prefix, int depth) {
        if (depth > 6) {
            return;
        }
        for (FieldLayout f : r.fields()) {
            Dynamic d = f.member().dynamic();
            String p = prefix + f.name();
            sb.append(p).append(": ").append(f.typeName()).append(" dynamic=").append(f.dynamic());
            if (d.at() != null) {
                sb.append(" at=").append(d.at().text());
            }
            if (d.switchOn() != null) {
                sb.append(" switch=").append(d.switchOn().text());
            }
            if (!d.when().isEmpty()) {
                sb.append(" when=").append(d.when().stream().map(Expr::text).toList());
            }
            if (d.size() != null) {
                sb.append(" size=").append(d.size().text());
            }
            sb.append('\n');
            TypeLayout t = f.layout();
            while (t instanceof ArrayLayout a) {
                sb.append("  count=").append(a.count() == null ? "-" : a.count().text()).append(" flexible=").append(a.flexible());
                t = a.element();
            }
            if (t instanceof RecordLayout inner) {
                dynamic(sb, inner, p + ".", depth + 1);
            }
        }
    }
}
