package dev.structscope.app.designer;

import dev.structscope.model.InputException;
import dev.structscope.model.c.HeaderImporter;
import dev.structscope.model.type.Decl;
import dev.structscope.model.type.TypeLibrary;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Whole-type edits checked against the C importer as the oracle: renaming a type in the library
 * must give exactly what importing the header with the name replaced in its text gives; deleting
 * an unused type what importing the header without it gives.
 */
class LibraryEditsTest {
    static final String HEADER = """
            enum Color { RED, GREEN = 4 };
            struct Inner { int a; char tag[3]; enum Color c; };
            typedef struct Inner Inner_t;
            struct Outer {
                struct Inner first;
                struct Inner many[4];
                struct Inner *next;
                Inner_t again;
                struct { struct Inner deep; long n; } nested;
                enum Color colour;
            };
            struct Unused { short s; };
            """;

    static TypeLibrary parse(String text) {
        return HeaderImporter.importText(text, "t.h", HeaderImporter.Options.defaults());
    }

    static int indexOf(TypeLibrary lib, String name) {
        List<Decl> ds = lib.decls();
        for (int i = 0; i < ds.size(); i++) {
            if (name.equals(LibraryEdits.reference(ds.get(i)).name())) {
                return i;
            }
        }
        throw new AssertionError("no " + name);
    }

    @Test
    void renamingAStructRenamesEveryUseAsTheHeaderWouldSpellIt() {
        TypeLibrary lib = parse(HEADER);
        TypeLibrary renamed = LibraryEdits.rename(lib, indexOf(lib, "Inner"), "Core");
        assertEquals(parse(HEADER.replace("struct Inner", "struct Core")).decls(), renamed.decls());
    }

    @Test
    void renamingAnEnumAndATypedefFollowTheirOwnNamespace() {
        TypeLibrary lib = parse(HEADER);
        TypeLibrary e = LibraryEdits.rename(lib, indexOf(lib, "Color"), "Shade");
        assertEquals(parse(HEADER.replace("enum Color", "enum Shade")).decls(), e.decls());
        TypeLibrary t = LibraryEdits.rename(lib, indexOf(lib, "Inner_t"), "InnerT");
        assertEquals(parse(HEADER.replace("Inner_t", "InnerT")).decls(), t.decls());
    }

    @Test
    void aBadOrTakenNameIsRefusedWithTheReason() {
        TypeLibrary lib = parse(HEADER);
        int inner = indexOf(lib, "Inner");
        assertTrue(assertThrows(InputException.class, () -> LibraryEdits.rename(lib, inner, "Outer"))
                .getMessage().contains("already"));
        assertTrue(assertThrows(InputException.class, () -> LibraryEdits.rename(lib, inner, "Color"))
                .getMessage().contains("already"), "struct and enum tags share one namespace");
        assertThrows(InputException.class, () -> LibraryEdits.rename(lib, inner, "2bad"));
        assertThrows(InputException.class, () -> LibraryEdits.rename(lib, inner, "int"));
        // A typedef may take a tag's name: they live in different namespaces.
        assertEquals("Inner", LibraryEdits.reference(LibraryEdits.rename(lib, indexOf(lib, "Inner_t"), "Inner")
                .decls().get(indexOf(lib, "Inner_t"))).name());
    }

    @Test
    void usesAreListedAndADeleteIsRefusedWhileThereAreAny() {
        TypeLibrary lib = parse(HEADER);
        Decl inner = lib.decls().get(indexOf(lib, "Inner"));
        assertEquals(List.of("typedef Inner_t", "Outer.first", "Outer.many", "Outer.next", "Outer.nested.deep"),
                LibraryEdits.uses(lib, inner));
        InputException e = assertThrows(InputException.class, () -> LibraryEdits.delete(lib, indexOf(lib, "Inner")));
        assertTrue(e.getMessage().contains("Outer.first"), e.getMessage());
        TypeLibrary without = LibraryEdits.delete(lib, indexOf(lib, "Unused"));
        assertEquals(parse(HEADER.replace("struct Unused { short s; };", "")).decls(), without.decls());
        assertEquals(List.of(), LibraryEdits.uses(lib, lib.decls().get(indexOf(lib, "Unused"))));
    }

    @Test
    void aDuplicateIsTheSameLayoutUnderAFreshName() {
        TypeLibrary lib = parse(HEADER);
        TypeLibrary one = LibraryEdits.duplicate(lib, indexOf(lib, "Inner"));
        TypeLibrary two = LibraryEdits.duplicate(one, indexOf(one, "Inner"));
        assertEquals(parse(HEADER.replace("typedef struct Inner Inner_t;",
                "struct Inner_copy2 { int a; char tag[3]; enum Color c; };\n"
                        + "struct Inner_copy { int a; char tag[3]; enum Color c; };\ntypedef struct Inner Inner_t;"))
                .decls(), two.decls());
    }
}
