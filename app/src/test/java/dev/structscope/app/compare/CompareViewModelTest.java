package dev.structscope.app.compare;

import dev.structscope.app.common.Document;
import dev.structscope.app.common.DocumentState;
import dev.structscope.model.abi.Abis;
import dev.structscope.model.c.HeaderImporter;
import dev.structscope.model.compare.RecordComparison.Status;
import dev.structscope.model.type.TypeLibrary;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The compare view model with work run inline: rows lined up by name with the comparison's marks,
 * the summary line, errors kept in place, comparing on another ABI, and comparing again after an
 * edit of the document.
 */
class CompareViewModelTest {
    private static final String OLD = """
            #include <stdint.h>
            struct Msg { uint8_t kind; uint32_t len; uint16_t crc; };
            struct Keep { uint32_t a; };
            struct Gone { char c; };
            """;
    private static final String NEW = """
            #include <stdint.h>
            struct Msg { uint8_t kind; uint16_t flags; uint64_t len; };
            struct Keep { uint32_t a; };
            struct Fresh { char c; };
            """;

    private final Map<Path, String> files = new HashMap<>();
    private Document doc;
    private CompareViewModel vm;
    private int reads;

    private static TypeLibrary lib(String text) {
        return HeaderImporter.importText(text, "t.h", HeaderImporter.Options.defaults());
    }

    @BeforeEach
    void setUp() {
        doc = new Document(new DocumentState(lib(OLD), "Msg", Abis.X86_64_LINUX, ByteOrder.LITTLE_ENDIAN));
        files.put(Path.of("new.h"), NEW);
        files.put(Path.of("bad.h"), "struct Bad { nosuch_t x; };");
        vm = new CompareViewModel(doc, p -> {
            reads++;
            return HeaderImporter.importText(files.get(p), p.toString(), HeaderImporter.Options.defaults());
        }, Runnable::run, Runnable::run);
    }

    private String marks() {
        return String.join(" ", vm.rows.stream().map(r -> r.path() + ":" + r.mark().word()).toList());
    }

    @Nested
    class WithAnotherFile {
        @Test
        void rowsAreAlignedByNameAndMarked() {
            vm.compareWithFile(Path.of("new.h"), null);
            assertTrue(vm.showing.get());
            assertEquals("", vm.error.get());
            assertEquals("3 of 4 records differ", vm.result.get().summary());
            assertEquals("Msg", vm.selected.get().name(), "the document's selected record first");
            assertEquals("kind:same flags:added len:resized crc:removed", marks());
            CompareRow len = vm.rows.get(2);
            assertEquals("moved 0x04 → 0x08, resized 4 → 8 (uint32_t → uint64_t)", len.describe(true));
            assertEquals(12, vm.selected.get().oldLayout().size());
            assertEquals(16, vm.selected.get().newLayout().size());
        }

        @Test
        void recordsOnOneSideOnlyListAsAddedAndRemoved() {
            vm.compareWithFile(Path.of("new.h"), null);
            Map<String, Status> status = new HashMap<>();
            vm.records.forEach(r -> status.put(r.name(), r.status()));
            assertEquals(Map.of("Msg", Status.CHANGED, "Keep", Status.SAME, "Gone", Status.REMOVED, "Fresh", Status.ADDED),
                    status);
            vm.select("Fresh");
            assertNull(vm.selected.get().oldLayout());
            assertEquals("c:added", marks());
            vm.select("Gone");
            assertNull(vm.selected.get().newLayout());
            assertEquals("c:removed", marks());
        }

        @Test
        void selectingARowMarksItsMemberInBothRulers() {
            vm.compareWithFile(Path.of("new.h"), null);
            vm.selectRow(vm.rows.get(2)); // len: member 1 of old, member 2 of new
            assertEquals(1, vm.oldMember.get());
            assertEquals(2, vm.newMember.get());
        }

        @Test
        void aBadFileIsAnErrorInPlace() {
            vm.compareWithFile(Path.of("bad.h"), null);
            assertTrue(vm.showing.get());
            assertFalse(vm.error.get().isEmpty());
            assertTrue(vm.records.isEmpty());
            assertNull(vm.result.get());
        }

        @Test
        void aFileWithNoRecordsSaysThereIsNothingToCompare() {
            files.put(Path.of("empty.h"), "int x;");
            vm.compareWithFile(Path.of("empty.h"), null);
            assertTrue(vm.error.get().contains("nothing to compare"), vm.error.get());
        }

        @Test
        void editingTheDocumentComparesAgainWithoutRereading() {
            vm.compareWithFile(Path.of("new.h"), null);
            assertEquals(1, reads);
            doc.apply(doc.state.get().withLibrary(lib(NEW)));
            assertEquals(1, reads, "the other file is read once");
            assertEquals("0 of 3 records differ", vm.result.get().summary(), "the document now is the other file");
        }

        @Test
        void closingIgnoresLateResults() {
            List<Runnable> later = new java.util.ArrayList<>();
            CompareViewModel slow = new CompareViewModel(doc, p -> lib(NEW), Runnable::run, later::add);
            slow.compareWithFile(Path.of("new.h"), null);
            assertTrue(slow.busy.get());
            slow.close();
            later.forEach(Runnable::run);
            assertNull(slow.result.get());
            assertFalse(slow.showing.get());
        }
    }

    @Nested
    class OnAnotherAbi {
        @Test
        void theSameLayoutOnI386() {
            doc.apply(doc.state.get().withLibrary(lib("struct W { char c; double d; long l; };")).withSelected("W"));
            vm.compareOnAbi(Abis.I386_LINUX);
            assertEquals("1 of 1 records differ", vm.result.get().summary());
            assertEquals("c:same d:moved l:resized", marks());
            assertTrue(vm.result.get().newLabel().endsWith("i386-linux"));
            vm.setOtherAbi(Abis.AARCH64_LINUX);
            assertEquals("0 of 1 records differ", vm.result.get().summary());
        }
    }
}
