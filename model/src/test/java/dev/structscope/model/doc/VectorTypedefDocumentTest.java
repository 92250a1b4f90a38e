package dev.structscope.model.doc;

import dev.structscope.model.InputException;
import dev.structscope.model.abi.Abi;
import dev.structscope.model.abi.Abis;
import dev.structscope.model.c.HeaderImporter;
import dev.structscope.model.layout.LayoutEngine;
import dev.structscope.model.type.Typedef;
import dev.structscope.model.type.TypeLibrary;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A vector typedef keeps what makes it a vector through a layout document ({@code "vector": true}):
 * on x86_64-windows {@code #pragma pack} lowers a vector's alignment but not an {@code aligned}
 * attribute's, so the same numbers without the flag would lay out differently.
 */
class VectorTypedefDocumentTest {
    private static final String HEADER = """
            typedef float v4sf __attribute__((vector_size(16)));
            #pragma pack(push, 4)
            struct p { char c; v4sf v; };
            #pragma pack(pop)
            """;

    @Test
    void vectorFlagSurvivesTheDocumentAndKeepsTheLayout() {
        for (Abi abi : Abis.ALL) {
            TypeLibrary lib = HeaderImporter.importText(HEADER, "v.h", HeaderImporter.Options.defaults().withAbi(abi));
            String json = LayoutDocuments.toJson(lib);
            assertTrue(json.contains("\"vector\": true"), json);
            TypeLibrary back = LayoutDocuments.parse(json, "v.json").library();
            Typedef td = back.typedef("v4sf").orElseThrow();
            assertTrue(td.vector());
            assertEquals(LayoutEngine.layout("p", lib, abi).fields().get(1).offset(),
                    LayoutEngine.layout("p", back, abi).fields().get(1).offset(), abi.name());
        }
        // Packed to 4 on Windows: the vector at 4 (as clang-16 lays it out, see ExtensionOracleTest).
        TypeLibrary win = HeaderImporter.importText(HEADER, "v.h", HeaderImporter.Options.defaults().withAbi(Abis.X86_64_WINDOWS));
        assertEquals(4, LayoutEngine.layout("p", win, Abis.X86_64_WINDOWS).fields().get(1).offset());
    }

    @Test
    void aVectorMustNameAnArrayAndItsAlignment() {
        String bad = """
                {"format": "structscope-layout", "version": 1, "types": [
                  {"kind": "typedef", "name": "v", "type": "float", "aligned": 16, "vector": true}]}
                """;
        InputException e = assertThrows(InputException.class, () -> LayoutDocuments.parse(bad, "bad.json"));
        assertTrue(e.getMessage().contains("\"vector\" typedef must have an array"), e.getMessage());
    }
}
