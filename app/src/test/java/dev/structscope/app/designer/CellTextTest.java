package dev.structscope.app.designer;

import dev.structscope.model.InputException;
import dev.structscope.model.c.HeaderImporter;
import dev.structscope.model.doc.TypeSyntax;
import dev.structscope.model.type.ArrayType;
import dev.structscope.model.type.CType;
import dev.structscope.model.type.NamedType;
import dev.structscope.model.type.PointerType;
import dev.structscope.model.type.Prim;
import dev.structscope.model.type.PrimitiveType;
import dev.structscope.model.type.TypeLibrary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * What people type in the designer's type cell reads with the model's one type grammar and
 * resolves against the document: every accepted text is the type {@link TypeSyntax} writes back
 * (the document's own form), and the refusals say why, for the cell's tooltip.
 */
class CellTextTest {
    private static final TypeLibrary LIB = HeaderImporter.importText("""
            struct Hdr { int len; };
            union Val { int i; float f; };
            enum Side { BUY = 1 };
            typedef struct Hdr Header;
            struct Later;
            """, "t.h", HeaderImporter.Options.defaults());

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "uint32_t        | uint32_t",
            "unsigned        | unsigned",
            "long  unsigned int | long unsigned int",
            "struct   Hdr    | struct Hdr",
            "Hdr             | struct Hdr",
            "Val             | union Val",
            "Side            | enum Side",
            "Header          | Header",
            "char*           | char *",
            "void *          | void *",
            "struct Later *  | struct Later *",
            "uint8_t [4]     | uint8_t[4]",
            "int[4][2]       | int[4][2]",
            "int[][2]        | int[][2]",
            "Hdr *[3]        | struct Hdr *[3]",
            "int[4] *        | int[4] *"})
    void typedTextReadsAsTheDocumentWritesIt(String typed, String written) {
        CType t = CellText.parseType(typed, LIB);
        assertEquals(written, TypeSyntax.format(t));
    }

    @Test
    void boolIsTakenInAnyCase() {
        assertEquals(Prim.BOOL, ((PrimitiveType) CellText.parseType("_BOOL", LIB)).prim());
        assertEquals(new ArrayType(new PointerType(NamedType.struct("Hdr")), 2), CellText.parseType("Hdr*[2]", LIB));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''                | type  | a member needs a type",
            "uint42_t          | type  | unknown type 'uint42_t'",
            "void              | type  | 'void' has no size; did you mean 'void *'?",
            "void[2]           | type  | 'void' has no size; did you mean 'void *'?",
            "int[2][]          | array | only the first dimension may be left empty (flexible)",
            "int[1000000000]   | array | '1000000000' is not an array length",
            "int ^             | type  | unexpected character '^' in type \"int ^\""})
    void refusalsSayWhy(String typed, String where, String message) {
        InputException e = assertThrows(InputException.class, () -> CellText.parseType(typed, LIB));
        assertEquals(where, e.where());
        assertEquals(message, e.getMessage());
    }

    @Test
    void aStructHeldByValueMustBeDefined() {
        assertThrows(InputException.class, () -> CellText.parseType("struct Nowhere", LIB));
        assertThrows(InputException.class, () -> CellText.parseType("struct Nowhere[2]", LIB));
    }
}
