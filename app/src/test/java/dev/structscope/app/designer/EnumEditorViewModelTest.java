package dev.structscope.app.designer;

import dev.structscope.app.common.Document;
import dev.structscope.app.common.DocumentState;
import dev.structscope.app.designer.EnumEditorViewModel.CellKey;
import dev.structscope.app.designer.EnumEditorViewModel.Column;
import dev.structscope.model.abi.Abis;
import dev.structscope.model.export.CExporter;
import dev.structscope.model.export.ExportOptions;
import dev.structscope.model.layout.LayoutEngine;
import dev.structscope.model.type.EnumType;
import dev.structscope.model.type.Enumerator;
import dev.structscope.model.type.Member;
import dev.structscope.model.type.NamedType;
import dev.structscope.model.type.Prim;
import dev.structscope.model.type.PrimitiveType;
import dev.structscope.model.type.RecordType;
import dev.structscope.model.type.TypeLibrary;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The enum editor's edits, with the sizes they lead to checked against clang (gcc 12 lacks C23 fixed enum types). */
class EnumEditorViewModelTest {
    Document doc;
    EnumEditorViewModel vm;

    @BeforeEach
    void sideAndTick() {
        EnumType side = EnumType.of("Side", List.of(Enumerator.of("BUY", 1), Enumerator.of("SELL", 2)));
        RecordType tick = RecordType.struct("Tick", List.of(Member.of("id", PrimitiveType.of(Prim.INT32)),
                Member.of("side", NamedType.enumeration("Side"))));
        doc = new Document(new DocumentState(new TypeLibrary(List.of(side, tick), java.util.Map.of()), null,
                Abis.X86_64_LINUX, Abis.X86_64_LINUX.byteOrder()));
        vm = new EnumEditorViewModel(doc);
        vm.tag.set("Side");
    }

    @Test
    void editsValuesInEveryCSpellingAndUndoes() {
        assertEquals("size 4 · align 4 on x86_64-linux", vm.sizeText.get());
        assertTrue(vm.edit(0, Column.VALUE, "0x10"));
        assertTrue(vm.edit(1, Column.VALUE, "-3"));
        vm.selected.set(1);
        vm.add();
        assertEquals(new Enumerator("SIDE_NEW", -2, null), vm.enumType.get().enumerators().get(2));
        assertTrue(vm.edit(2, Column.NAME, "CROSS"));
        assertTrue(vm.edit(2, Column.VALUE, "0b101u"));
        assertTrue(vm.edit(2, Column.COMMENT, "  matched inside  "));
        assertEquals(List.of(new Enumerator("BUY", 16, null), new Enumerator("SELL", -3, null),
                new Enumerator("CROSS", 5, "matched inside")), vm.enumType.get().enumerators());
        vm.move(-1);
        assertEquals("CROSS", vm.enumType.get().enumerators().get(1).name());
        assertEquals(1, vm.selected.get());
        doc.undo();
        doc.undo();
        assertEquals(5, vm.enumType.get().enumerators().get(2).value(), "undo takes back one edit at a time");
        assertTrue(doc.dirty.get());
    }

    @Test
    void refusesWhatCRefusesAndKeepsTheTextWithTheReason() {
        assertFalse(vm.edit(0, Column.VALUE, "12abc"));
        assertEquals("12abc", vm.invalidCells.get(new CellKey(0, Column.VALUE)).text());
        assertTrue(vm.invalidCells.get(new CellKey(0, Column.VALUE)).reason().contains("not a C integer"));
        assertFalse(vm.edit(0, Column.NAME, "SELL"), "enumerator names share one scope");
        assertFalse(vm.edit(0, Column.NAME, "2B"));
        assertFalse(vm.edit(0, Column.NAME, "int"));
        assertFalse(vm.edit(0, Column.VALUE, "0x8000000000000000"));
        assertEquals(List.of(Enumerator.of("BUY", 1), Enumerator.of("SELL", 2)), vm.enumType.get().enumerators());
        assertFalse(doc.dirty.get(), "nothing refused reached the document");
        assertTrue(vm.edit(0, Column.VALUE, "7"));
        assertNull(vm.invalidCells.get(new CellKey(0, Column.VALUE)));

        assertTrue(vm.setUnderlying(Prim.UINT8));
        assertFalse(vm.edit(0, Column.VALUE, "256"));
        assertFalse(vm.edit(0, Column.VALUE, "-1"));
        assertTrue(vm.edit(0, Column.VALUE, "255"));
        vm.selected.set(0);
        vm.delete();
        vm.delete();
        assertEquals(1, vm.enumType.get().enumerators().size(), "C has no empty enums");
        assertFalse(vm.error.get().isEmpty());
    }

    @Test
    void renamingTheEnumRenamesItsUses() {
        assertTrue(vm.rename("BookSide"));
        TypeLibrary lib = doc.state.get().library();
        assertTrue(lib.enumByTag("BookSide").isPresent());
        assertTrue(lib.enumByTag("Side").isEmpty());
        RecordType tick = lib.findRecord("Tick").orElseThrow().record();
        assertEquals(NamedType.enumeration("BookSide"), tick.members().get(1).type());
        assertEquals("BookSide", vm.enumType.get().tag());
        assertFalse(vm.rename("Tick"), "a name already taken is refused");
        LayoutEngine.layout("Tick", lib, Abis.X86_64_LINUX);
    }

    @Test
    void sizesAfterEditsAreTheSizesClangGives(@TempDir Path dir) throws Exception {
        // packed with a value needing 16 bits, then a fixed 64-bit underlying type, then plain int
        // with a value past 32 bits: each time the editor's size is clang's sizeof.
        vm.setPacked(true);
        assertTrue(vm.edit(1, Column.VALUE, "300"));
        assertEquals(clangSizes(dir), sizes());
        vm.setPacked(false);
        assertTrue(vm.setUnderlying(Prim.UINT64));
        assertEquals(clangSizes(dir), sizes());
        assertTrue(vm.setUnderlying(null));
        assertTrue(vm.edit(1, Column.VALUE, "0x100000000"));
        assertEquals(clangSizes(dir), sizes());
    }

    private String sizes() {
        String s = vm.sizeText.get();
        return s.substring(0, s.indexOf(" on "));
    }

    private String clangSizes(Path dir) throws IOException, InterruptedException {
        String header = new CExporter().export(doc.state.get().library(), ExportOptions.of(Abis.X86_64_LINUX)).text();
        Files.writeString(dir.resolve("t.h"), header);
        Files.writeString(dir.resolve("t.c"), """
                #include <stdio.h>
                #include "t.h"
                int main(void) { printf("size %zu · align %zu", sizeof(enum BookSideOrSide), _Alignof(enum BookSideOrSide)); return 0; }
                """.replace("BookSideOrSide", vm.enumType.get().tag()));
        Process cc = new ProcessBuilder("clang-16", "-std=gnu2x", "-o", "t", "t.c").directory(dir.toFile())
                .redirectErrorStream(true).start();
        String log = new String(cc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(cc.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, cc.exitValue(), log + "\n" + header);
        Process run = new ProcessBuilder(dir.resolve("t").toString()).start();
        String out = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(run.waitFor(10, TimeUnit.SECONDS));
        return out;
    }
}
