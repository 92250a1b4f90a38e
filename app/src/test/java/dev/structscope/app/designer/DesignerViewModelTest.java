package dev.structscope.app.designer;

import dev.structscope.app.common.Document;
import dev.structscope.app.common.DocumentState;
import dev.structscope.app.designer.DesignerViewModel.CellKey;
import dev.structscope.app.designer.DesignerViewModel.Column;
import dev.structscope.model.abi.Abis;
import dev.structscope.model.layout.FieldLayout;
import dev.structscope.model.layout.LayoutEngine;
import dev.structscope.model.layout.RecordLayout;
import dev.structscope.model.type.Member;
import dev.structscope.model.type.Prim;
import dev.structscope.model.type.PrimitiveType;
import dev.structscope.model.type.RecordType;
import dev.structscope.model.type.TypeLibrary;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DesignerViewModelTest {
    Document doc;
    DesignerViewModel vm;

    @BeforeEach
    void emptyStruct() {
        RecordType s = RecordType.struct("S", List.of(Member.of("a", PrimitiveType.of(Prim.UINT8))));
        doc = new Document(new DocumentState(TypeLibrary.of(s), "S", Abis.X86_64_LINUX,
                Abis.X86_64_LINUX.byteOrder()));
        vm = new DesignerViewModel(doc);
    }

    private long[] offsets() {
        return vm.layout.get().fields().stream().mapToLong(FieldLayout::offset).toArray();
    }

    /**
     * A struct named by a typedef with an aligned attribute of its own (glibc's
     * __pthread_unwind_buf_t): the designer shows the name's alignment, as _Alignof does, and says
     * what sets it; a plain struct says nothing more.
     */
    @Test
    void aTypedefsAlignmentIsShownAndExplained() {
        TypeLibrary lib = dev.structscope.model.c.HeaderImporter.importText(
                "typedef struct { int a; void *p; } T __attribute__((aligned(32)));\nstruct P { int a; };\n", "t.h",
                dev.structscope.model.c.HeaderImporter.Options.defaults());
        doc.apply(new DocumentState(lib, "T", Abis.X86_64_LINUX, Abis.X86_64_LINUX.byteOrder()));
        assertEquals(32, vm.layout.get().align());
        assertEquals(16, vm.layout.get().size());
        assertEquals("align 32: the typedef T sets it (its aligned attribute); the struct alone is aligned to 8", vm.alignNote.get());
        doc.apply(doc.state.get().withSelected("P"));
        assertEquals("", vm.alignNote.get());
    }

    @Nested
    class AddingMembers {
        @Test
        void givesTheOffsetsTheEngineGivesForTheSameRecord() {
            vm.selectedMember.set(0);
            vm.addMember();
            assertTrue(vm.edit(1, Column.TYPE, "double"));
            assertTrue(vm.edit(1, Column.NAME, "b"));
            vm.addMember();
            assertTrue(vm.edit(2, Column.TYPE, "uint16_t"));
            assertTrue(vm.edit(2, Column.ARRAY, "[3]"));
            RecordType expected = RecordType.struct("S", List.of(Member.of("a", PrimitiveType.of(Prim.UINT8)),
                    Member.of("b", PrimitiveType.of(Prim.DOUBLE)),
                    Member.of("field", new dev.structscope.model.type.ArrayType(PrimitiveType.of(Prim.UINT16), 3))));
            RecordLayout engine = LayoutEngine.layout(expected, TypeLibrary.of(expected), Abis.X86_64_LINUX);
            assertEquals(expected, vm.record());
            assertEquals(List.of(0L, 8L, 16L), List.of(offsets()[0], offsets()[1], offsets()[2]));
            assertEquals(engine.size(), vm.layout.get().size());
        }

        @Test
        void showsPaddingAsRowsOfTheirOwnBetweenMembers() {
            vm.selectedMember.set(0);
            vm.addMember(); // int32_t after uint8_t: 3 bytes hole
            List<DesignerRow> rows = vm.rows;
            assertEquals(3, rows.size());
            assertTrue(rows.get(1) instanceof DesignerRow.PaddingRow p && p.padding().size() == 3
                    && p.label().equals("padding") && p.note().equals("hole before field"));
        }

        @Test
        void newNamesAreUnique() {
            vm.addMember();
            vm.addMember();
            assertEquals(List.of("a", "field", "field1"), vm.record().members().stream().map(Member::name).toList());
        }
    }

    @Nested
    class InvalidInput {
        @Test
        void anUnknownTypeStaysInTheCellWithItsReasonAndChangesNothing() {
            DocumentState before = doc.state.get();
            assertFalse(vm.edit(0, Column.TYPE, "uint42_t"));
            assertEquals(before, doc.state.get());
            Invalid bad = vm.invalidCells.get(new CellKey(0, Column.TYPE));
            assertNotNull(bad);
            assertEquals("uint42_t", bad.text());
            assertEquals("unknown type 'uint42_t'", bad.reason());
            assertEquals("unknown type 'uint42_t'", vm.error.get());
        }

        @Test
        void aBadNameIsRejected() {
            assertFalse(vm.edit(0, Column.NAME, "2fast"));
            assertTrue(vm.invalidCells.get(new CellKey(0, Column.NAME)).reason().contains("not a C identifier"));
            assertFalse(vm.edit(0, Column.NAME, "int"));
            assertTrue(vm.invalidCells.get(new CellKey(0, Column.NAME)).reason().contains("keyword"));
        }

        @Test
        void aNameInAnyScriptIsTakenAsGccAndClangTakeIt() {
            assertTrue(vm.edit(0, Column.NAME, "größe"));
            assertEquals("größe", vm.record().members().get(0).name());
            assertFalse(vm.edit(0, Column.NAME, "x€"));
            assertTrue(vm.invalidCells.get(new CellKey(0, Column.NAME)).reason().contains("not a C identifier"));
        }

        @Test
        void aDuplicateNameIsRejected() {
            vm.addMember();
            assertFalse(vm.edit(1, Column.NAME, "a"));
            assertEquals("another member is already named 'a'",
                    vm.invalidCells.get(new CellKey(1, Column.NAME)).reason());
        }

        @Test
        void aBitWidthLargerThanItsTypeIsRejectedWithTheEnginesReason() {
            assertFalse(vm.edit(0, Column.BITS, "9"));
            String reason = vm.invalidCells.get(new CellKey(0, Column.BITS)).reason();
            assertTrue(reason.contains("width of bit-field"), reason);
            assertTrue(vm.edit(0, Column.BITS, "8"));
            assertTrue(vm.invalidCells.isEmpty());
        }

        @Test
        void aCorrectedCellClearsItsMark() {
            assertFalse(vm.edit(0, Column.TYPE, "nope"));
            assertTrue(vm.edit(0, Column.TYPE, "uint32_t"));
            assertTrue(vm.invalidCells.isEmpty());
            assertEquals("", vm.error.get());
        }
    }

    @Nested
    class UndoAndRedo {
        @Test
        void stepThroughEveryEditAndBack() {
            DocumentState s0 = doc.state.get();
            vm.addMember();
            DocumentState s1 = doc.state.get();
            vm.edit(1, Column.TYPE, "double");
            DocumentState s2 = doc.state.get();
            vm.setPack(2);
            assertEquals(2, vm.record().pack());
            vm.undo();
            assertEquals(s2, doc.state.get());
            vm.undo();
            assertEquals(s1, doc.state.get());
            vm.undo();
            assertEquals(s0, doc.state.get());
            assertFalse(doc.canUndo.get());
            vm.redo();
            vm.redo();
            assertEquals(s2, doc.state.get());
            assertEquals(8, vm.layout.get().fields().get(1).offset());
        }

        @Test
        void theDirtyMarkerFollowsTheSavedState() {
            assertFalse(doc.dirty.get());
            vm.addMember();
            assertTrue(doc.dirty.get());
            vm.undo();
            assertFalse(doc.dirty.get());
        }

        @Test
        void aNewEditDropsTheRedoHistory() {
            vm.addMember();
            vm.undo();
            assertTrue(doc.canRedo.get());
            vm.duplicateMember();
            vm.selectedMember.set(0);
            vm.duplicateMember();
            assertFalse(doc.canRedo.get());
        }
    }

    @Nested
    class Reordering {
        @Test
        void moveUpAndDownKeepSelectionOnTheMovedMember() {
            vm.addMember();
            vm.selectedMember.set(1);
            vm.moveSelected(-1);
            assertEquals("field", vm.record().members().get(0).name());
            assertEquals(0, vm.selectedMember.get());
            assertEquals(List.of(0L, 4L), List.of(offsets()[0], offsets()[1]));
        }

        @Test
        void packTightlySavesWhatTheEngineSaysAndIsUndoable() {
            vm.edit(0, Column.TYPE, "char");
            vm.addMember();
            vm.edit(1, Column.TYPE, "double");
            vm.addMember();
            vm.edit(2, Column.TYPE, "char");
            assertEquals(24, vm.layout.get().size());
            long expected = LayoutEngine.minimisePadding(vm.record(), doc.state.get().library(), Abis.X86_64_LINUX).saved();
            assertEquals(8, expected);
            assertEquals(8L, vm.tightSaving.get());
            assertEquals(8, vm.packTightly());
            assertEquals(16, vm.layout.get().size());
            assertTrue(vm.message.get().contains("saved 8 bytes"));
            vm.undo();
            assertEquals(24, vm.layout.get().size());
        }
    }
}
