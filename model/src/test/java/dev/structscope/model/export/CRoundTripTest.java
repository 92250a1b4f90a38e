package dev.structscope.model.export;

import dev.structscope.model.abi.Abi;
import dev.structscope.model.abi.Abis;
import dev.structscope.model.c.HeaderImporter;
import dev.structscope.model.layout.ArrayLayout;
import dev.structscope.model.layout.FieldLayout;
import dev.structscope.model.layout.LayoutEngine;
import dev.structscope.model.layout.RecordLayout;
import dev.structscope.model.layout.TypeLayout;
import dev.structscope.model.type.TypeLibrary;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Export to C, import that header with {@link HeaderImporter}, and every record's resolved
 * layout (names, sizes, alignments, offsets, bit positions, recursively) is the same.
 */
class CRoundTripTest {

    @ParameterizedTest
    @MethodSource("dev.structscope.model.abi.AbiNames#all")
    void importingTheExportGivesTheSameLayout(String abiName) {
        Abi abi = Abi.byName(abiName);
        TypeLibrary lib = Corpus.everything();
        String header = new CExporter().export(lib, ExportOptions.of(abi)).text();
        TypeLibrary back = HeaderImporter.importText(header, "export.h", HeaderImporter.Options.defaults().withAbi(abi));
        assertEquals(describe(LayoutEngine.layoutAll(lib, abi)), describe(LayoutEngine.layoutAll(back, abi)), header);
        assertEquals(lib.constants(), back.constants());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Tagged", "UsesVec", "Anon"})
    void oneTypeRoundTripsWithWhatItUses(String type) {
        TypeLibrary lib = Corpus.everything();
        String header = new CExporter().export(lib, ExportOptions.defaults().withType(type)).text();
        TypeLibrary back = HeaderImporter.importText(header, "export.h", HeaderImporter.Options.defaults());
        assertEquals(describe(List.of(LayoutEngine.layout(type, lib, Abis.X86_64_LINUX))),
                describe(List.of(LayoutEngine.layout(type, back, Abis.X86_64_LINUX))), header);
    }

    static String describe(List<RecordLayout> layouts) {
        StringBuilder sb = new StringBuilder();
        for (RecordLayout r : layouts) {
            describe(sb, r, "");
        }
        return sb.toString();
    }

    private static void describe(StringBuilder sb, RecordLayout r, String in) {
        sb.append(in).append(r.definition().kind().keyword()).append(' ').append(r.name()).append(" size=").append(r.size())
                .append(" align=").append(r.align()).append(" padding=").append(r.padding()).append('\n');
        for (FieldLayout f : r.fields()) {
            sb.append(in).append("  ").append(f.name()).append(" : ").append(f.typeName()).append(" @").append(f.offset())
                    .append(" size=").append(f.size()).append(" align=").append(f.align());
            if (f.isBitField()) {
                sb.append(" bits=").append(f.bits().offset()).append('+').append(f.bits().width());
            }
            sb.append('\n');
            TypeLayout t = f.layout();
            while (t instanceof ArrayLayout a) {
                t = a.element();
            }
            if (t instanceof RecordLayout inner && inner.name() == null) {
                describe(sb, inner, in + "    ");
            }
        }
    }
}
