package dev.structscope.model.layout;

import dev.structscope.model.abi.Abis;
import dev.structscope.model.c.HeaderImporter;
import dev.structscope.model.type.TypeLibrary;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A laid-out record is named as C names it wherever StructScope shows its type (the decoded
 * tree, messages): {@code struct T} by its tag, a typedef's name alone otherwise; "struct Point"
 * for {@code typedef struct {...} Point} named a tag C does not have.
 */
class RecordSpellingTest {
    private static final TypeLibrary LIB = HeaderImporter.importText("""
            typedef struct { short x, y; } Point;
            typedef struct Tagged { char k; } Tagged_t;
            union U { int i; struct { char a, b; } pair; };
            """, "s.h", HeaderImporter.Options.defaults());

    private static String spelling(String name) {
        return LayoutEngine.layout(name, LIB, Abis.X86_64_LINUX).spelling();
    }

    @Test
    void aRecordIsSpelledAsCNamesIt() {
        assertEquals("Point", spelling("Point"));
        assertEquals("struct Tagged", spelling("struct Tagged"));
        assertEquals("struct Tagged", spelling("Tagged_t")); // a typedef of a tagged struct is that struct
        assertEquals("union U", spelling("union U"));
        RecordLayout u = LayoutEngine.layout("union U", LIB, Abis.X86_64_LINUX);
        assertEquals("struct <anonymous>", ((RecordLayout) u.fields().get(1).layout()).spelling());
    }
}
