package dev.structscope.tests.gui;

import dev.structscope.app.compare.CompareRow;
import dev.structscope.app.compare.CompareRow.Mark;
import dev.structscope.app.compare.PortabilityTable;
import dev.structscope.app.shell.Samples;
import dev.structscope.model.abi.Abis;
import dev.structscope.model.c.HeaderImporter;
import dev.structscope.model.compare.RecordComparison;
import dev.structscope.model.type.TypeLibrary;
import dev.structscope.tests.hexview.Gcc;
import javafx.scene.Node;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableRow;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Compare with…" and "Portability" in the window (issue 16): the bundled sample against an edited
 * copy shows the retyped, added, removed and moved members marked, as rows drawn with their mark;
 * the Portability view of a struct with {@code long} and pointers shows the ILP32 / LP64 / LLP64
 * differences with gcc's ({@code -m64}, {@code -m32}) and clang's (Microsoft x64) numbers.
 */
class CompareGuiTest extends GuiTest {
    @TempDir
    Path dir;

    /** Waits for the compare view's background work (reading the other file, comparing). */
    private void settleCompare() {
        settle();
        await("the comparison to finish", () -> !vm.compare.busy.get());
    }

    private void compareWith(Path file) {
        interact(() -> vm.compare.compareWithFile(file, null));
        settleCompare();
    }

    /** Clicks the record in the compare view's record list, as a person would. */
    private void clickRecord(String name) {
        for (Node n : lookup("#compare-records .list-cell").queryAll()) {
            if (n instanceof ListCell<?> c && name.equals(c.getText())) {
                clickOn(n);
                WaitForAsyncUtils.waitForFxEvents();
                return;
            }
        }
        throw new AssertionError("no record " + name + " in the compare view's list");
    }

    /** The member rows as drawn: path → the compare-row-* style class of its table row. */
    private Map<String, String> drawnMarks() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Node n : lookup("#compare-table .table-row-cell").queryAll()) {
            if (n instanceof TableRow<?> r && r.getItem() instanceof CompareRow row && n.isVisible()) {
                String mark = r.getStyleClass().stream().filter(s -> s.startsWith("compare-row-")).findFirst()
                        .orElse("(none)");
                out.put(row.path(), mark.substring("compare-row-".length()));
            }
        }
        return out;
    }

    /** A shown node labelled {@code text} (a menu item once its menu is open), waiting for it to show. */
    private Node shown(String text) {
        for (int i = 0; i < 80; i++) {
            var hit = lookup(n -> n instanceof javafx.scene.control.Labeled l && text.equals(l.getText()) && showing(n))
                    .tryQuery();
            if (hit.isPresent()) {
                return hit.get();
            }
            WaitForAsyncUtils.waitForFxEvents();
            sleep(25);
        }
        throw new AssertionError("nothing labelled " + text + " is showing");
    }

    private static boolean showing(Node n) {
        if (n.getScene() == null || n.getScene().getWindow() == null || !n.getScene().getWindow().isShowing()) {
            return false;
        }
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private CompareRow row(String path) {
        return vm.compare.rows.stream().filter(r -> r.path().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + path + " in " + vm.compare.rows));
    }

    @Nested
    class ComparingTheSampleWithAnEditedCopy {
        private Path edited() throws Exception {
            String text = Samples.ticksHeaderText();
            String tick = text.substring(text.indexOf("struct Tick {"));
            String changed = tick.replaceFirst("int32_t id;", "int64_t id;")
                    .replaceFirst("int16_t flags;", "int16_t flags;\n    uint32_t venue;")
                    .replaceFirst("\\s*Side side;", "");
            assertFalse(changed.equals(tick), "the edit applies");
            Path p = dir.resolve("ticks-v2.h");
            Files.writeString(p, text.replace(tick, changed));
            return p;
        }

        @Test
        void theRetypedAddedRemovedAndMovedMembersAreMarked() throws Exception {
            Path v2 = edited();
            compareWith(v2);
            assertTrue(window.compare.compareView.isVisible(), "the compare view shows");
            assertFalse(window.designer.isVisible(), "in the designer's place");
            assertEquals("", vm.compare.error.get());
            assertEquals("1 of 4 records differ", lookup("#compare-summary").queryLabeled().getText());
            clickRecord("Tick");
            assertEquals("Tick", vm.compare.selected.get().name());
            assertEquals(RecordComparison.Status.CHANGED, vm.compare.selected.get().record().status());

            Map<String, String> marks = drawnMarks();
            assertEquals(List.of("ts", "id", "price", "qty", "flags", "venue", "side"), List.copyOf(marks.keySet()),
                    "members aligned by name: the removed one in its old place, the added one after its predecessor");
            assertEquals("same", marks.get("ts"));
            assertEquals("resized", marks.get("id")); // and retyped, but a change of size says that
            assertEquals("moved", marks.get("price"));
            assertEquals("moved", marks.get("qty"));
            assertEquals("moved", marks.get("flags"));
            assertEquals("added", marks.get("venue"));
            assertEquals("removed", marks.get("side"));

            // Old → new values, System V x86-64 (the sample's ABI).
            CompareRow id = row("id");
            assertEquals("int32_t", id.old().type());
            assertEquals("int64_t", id.now().type());
            assertEquals("resized 4 → 8 (int32_t → int64_t)", id.describe(false));
            CompareRow price = row("price");
            assertEquals(12, price.old().offset());
            assertEquals(16, price.now().offset());
            assertEquals(Mark.MOVED, price.mark());
            assertEquals(36, row("venue").now().offset());
            assertEquals(null, row("side").now());

            // The two rulers, one above the other, draw the two layouts of Tick.
            assertEquals(32, vm.compare.selected.get().oldLayout().size());
            assertEquals(40, vm.compare.selected.get().newLayout().size());
            assertFalse(window.compare.compareView.oldRuler.blocks().isEmpty());
            assertTrue(window.compare.compareView.newRuler.blocks().stream()
                    .anyMatch(b -> b.name().equals("venue")), "the new ruler has the added member");
            assertTrue(window.compare.compareView.oldRuler.localToScene(0, 0).getY()
                    < window.compare.compareView.newRuler.localToScene(0, 0).getY(), "old ruler above new");

            // A click on the added member's block in the new ruler selects its row; the row marks both rulers.
            var newRuler = window.compare.compareView.newRuler;
            var venue = newRuler.blocks().stream().filter(b -> b.name().equals("venue")).findFirst().orElseThrow();
            var at = newRuler.centerOf(venue);
            clickOn(newRuler.localToScreen(at.getX(), at.getY()));
            WaitForAsyncUtils.waitForFxEvents();
            CompareRow picked = window.compare.compareView.table.getSelectionModel().getSelectedItem();
            assertNotNull(picked, "a row is selected");
            assertEquals("venue", picked.path());
            assertEquals(picked.oldColour(), vm.compare.oldMember.get());

            // An unchanged record lists as same and shows no marks.
            clickRecord("Hdr");
            assertTrue(drawnMarks().values().stream().allMatch("same"::equals), drawnMarks().toString());
        }

        @Test
        void escapeReturnsToTheDesigner() throws Exception {
            compareWith(edited());
            assertTrue(window.compare.compareView.isVisible());
            clickOn(window.compare.compareView.table);
            push(KeyCode.ESCAPE);
            WaitForAsyncUtils.waitForFxEvents();
            assertFalse(window.compare.compareView.isVisible());
            assertTrue(window.designer.isVisible(), "the designer is back");
        }

        @Test
        void aBadHeaderIsShownInTheViewNotThrown() throws Exception {
            Path bad = dir.resolve("broken.h");
            Files.writeString(bad, "struct Broken { int a; unknown_t b; };\n");
            compareWith(bad);
            assertTrue(window.compare.compareView.isVisible(), "the view stays, with the reason");
            Node banner = lookup("#compare-error").query();
            assertTrue(banner.isVisible());
            String message = lookup("#compare-error").queryLabeled().getText();
            assertTrue(message.contains("broken.h") || message.contains("unknown_t"), message);
            assertTrue(vm.compare.records.isEmpty());
            // Said once: the list and the table below say nothing more (they said three things at once).
            for (Node n : lookup(".empty-state").queryAll()) {
                if (showing(n) && n instanceof javafx.scene.control.Labeled l) {
                    assertEquals("", l.getText(), "an empty pane beside the error");
                }
            }
        }

        @Test
        void aBitFieldIsSizedInBits() throws Exception {
            Path a = Files.writeString(dir.resolve("a.h"), "struct F { unsigned kind : 3; unsigned rest : 5; };\n");
            Path b = Files.writeString(dir.resolve("b.h"), "struct F { unsigned kind : 4; unsigned rest : 5; };\n");
            interact(() -> vm.open(a, null, null));
            settle();
            compareWith(b);
            clickRecord("F");
            var sizes = lookup("#compare-table .table-cell").queryAll().stream()
                    .filter(n -> n instanceof javafx.scene.control.TableCell<?, ?> c && c.getTableColumn() != null
                            && "Size".equals(c.getTableColumn().getText()) && c.getItem() != null)
                    .map(n -> String.valueOf(((javafx.scene.control.TableCell<?, ?>) n).getItem())).toList();
            assertTrue(sizes.contains("3 bits") && sizes.contains("4 bits"), sizes.toString());
        }
    }

    @Nested
    class ComparingOnAnotherAbi {
        @Test
        void theSampleOnI386MovesOrdersDoubleAndShrinksTick() {
            clickOn("_Layout"); // the menu's text holds its mnemonic
            moveTo(shown("Compare with"));
            // Across first, then down: a diagonal path would cross the parent menu and close the submenu.
            clickOn(shown("This Layout on i386-linux"), org.testfx.robot.Motion.HORIZONTAL_FIRST);
            settleCompare();
            assertTrue(window.compare.compareView.isVisible());
            // double and uint64_t are 4-aligned in i386 records: Order's price moves from 8 to 4.
            clickRecord("Order");
            CompareRow price = row("price");
            assertEquals(8, price.old().offset());
            assertEquals(4, price.now().offset());
            assertEquals("moved", drawnMarks().get("price"));
            clickRecord("Tick");
            assertEquals(32, vm.compare.selected.get().oldLayout().size());
            assertEquals(28, vm.compare.selected.get().newLayout().size());
        }
    }

    /**
     * The record list beside the members shows each record's name and its badge whole, inside
     * the list (it was about 95 px wide and clipped "changed" to "char"), on the ELF sample, whose
     * names are long (Elf64_Ehdr) and whose records all change on i386.
     */
    @Nested
    class TheRecordList {
        @Test
        void showsEveryNameAndBadgeWhole() {
            interact(() -> vm.openSample(dev.structscope.samples.Samples.ELF, dir));
            settle();
            interact(() -> vm.compare.compareOnAbi(Abis.I386_LINUX));
            settleCompare();
            var list = lookup("#compare-records").queryAs(javafx.scene.control.ListView.class);
            List<String> problems = new java.util.ArrayList<>();
            try {
                await("every record's name and badge whole in the list", () -> {
                    problems.clear();
                    var inside = list.localToScene(list.getLayoutBounds());
                    int shown = 0;
                    for (Node n : list.lookupAll(".list-cell")) {
                        if (n instanceof ListCell<?> c && !c.isEmpty() && c.isVisible()
                                && c.getGraphic() instanceof javafx.scene.control.Label badge) {
                            shown++;
                            var b = badge.localToScene(badge.getLayoutBounds());
                            if (!whole(c) || !whole(badge) || b.getMaxX() > inside.getMaxX() - 1) {
                                problems.add(c.getText() + " " + badge.getText() + " at " + b + " in " + inside);
                            }
                        }
                    }
                    return shown == vm.compare.records.size() && problems.isEmpty();
                });
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + ": " + problems, e);
            }
            assertTrue(list.getWidth() <= window.compare.compareView.getWidth() * 0.45,
                    "the members keep the room: " + list.getWidth() + " of " + window.compare.compareView.getWidth());
        }

        /** Whether {@code l}'s text node shows all of its text. */
        private static boolean whole(javafx.scene.control.Labeled l) {
            return l.getChildrenUnmodifiable().stream().noneMatch(t -> t instanceof javafx.scene.text.Text shown
                    && !l.getText().equals(shown.getText()));
        }
    }

    @Nested
    class PortabilityOfAStructWithLongAndPointers {
        private static final String WIRE = """
                struct Wire {
                    char kind;
                    long count;
                    void *next;
                    long long stamp;
                    short tag;
                    unsigned int id;
                };
                """;
        private static final List<String> MEMBERS = List.of("kind", "count", "next", "stamp", "tag", "id");

        /** gcc's sizeof and offsetof of Wire: "sizeof" → {size}, member → {offset, size}. */
        private Map<String, long[]> gcc(boolean m32) throws Exception {
            StringBuilder c = new StringBuilder("#include <stdio.h>\n#include <stddef.h>\n").append(WIRE)
                    .append("int main(void) {\n  printf(\"sizeof %zu 0\\n\", sizeof(struct Wire));\n");
            for (String m : MEMBERS) {
                c.append("  printf(\"").append(m).append(" %zu %zu\\n\", offsetof(struct Wire, ").append(m)
                        .append("), sizeof(((struct Wire *)0)->").append(m).append("));\n");
            }
            c.append("  return 0;\n}\n");
            return Gcc.numbers(dir, m32 ? "w32" : "w64", m32, c);
        }

        private void openWire() {
            TypeLibrary lib = HeaderImporter.importText(WIRE, "wire.h", HeaderImporter.Options.defaults());
            interact(() -> vm.show(lib, null, "wire.h", "Wire"));
            clickOn("_Layout"); // the menu's text holds its mnemonic
            clickOn(shown("Portability"));
            WaitForAsyncUtils.waitForFxEvents();
        }

        private void checkColumn(PortabilityTable t, int abi, Map<String, long[]> truth, String who) {
            assertEquals(truth.get("sizeof")[0], t.size().cells().get(abi).size(), "sizeof on " + who);
            for (PortabilityTable.Row r : t.rows()) {
                long[] fact = truth.get(r.label());
                assertNotNull(fact, r.label());
                assertEquals(fact[0], r.cells().get(abi).offset(), r.label() + " offset on " + who);
                if (fact.length > 1) {
                    assertEquals(fact[1], r.cells().get(abi).size(), r.label() + " size on " + who);
                }
            }
        }

        @Test
        void theIlp32Lp64AndLlp64DifferencesShowWithTheCompilersNumbers() throws Exception {
            Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/gcc")), "gcc is not installed");
            openWire();
            assertTrue(window.compare.portabilityView.isVisible(), "the Portability view shows");
            assertFalse(window.designer.isVisible());
            PortabilityTable t = vm.portability.table.get();
            assertNotNull(t);
            assertEquals("Wire", t.record());
            assertEquals(Abis.ALL, t.abis());
            checkColumn(t, Abis.ALL.indexOf(Abis.X86_64_LINUX), gcc(false), "x86_64-linux (gcc -m64)");
            checkColumn(t, Abis.ALL.indexOf(Abis.I386_LINUX), gcc(true), "i386-linux (gcc -m32)");
            if (ClangLayouts.available()) {
                ClangLayouts.Rec win = ClangLayouts.layouts(WIRE, Abis.X86_64_WINDOWS.clangTarget(),
                        List.of("struct Wire")).get("struct Wire");
                Map<String, long[]> truth = new HashMap<>();
                truth.put("sizeof", new long[] {win.size()});
                for (int i = 0; i < MEMBERS.size(); i++) {
                    truth.put(MEMBERS.get(i), new long[] {win.fieldBitOffsets().get(i) / 8});
                }
                checkColumn(t, Abis.ALL.indexOf(Abis.X86_64_WINDOWS), truth, "x86_64-windows (clang-16)");
            }
            // long is 8 bytes on LP64 only; the pointer is 4 bytes on ILP32 only.
            String verdict = lookup("#portability-verdict").queryLabeled().getText();
            assertTrue(verdict.startsWith("differs: "), verdict);
            assertTrue(verdict.contains("long is 4 bytes on ILP32 and LLP64"), verdict);
            assertTrue(verdict.contains("void * is 4 bytes on ILP32"), verdict);
            // The cells drawn marked are exactly the ones that differ from x86_64-linux.
            long marked = lookup("#portability-table .portability-differs").queryAll().stream().filter(Node::isVisible).count();
            long differing = t.rows().stream().flatMap(r -> r.cells().stream()).filter(PortabilityTable.Cell::differs).count()
                    + t.size().cells().stream().filter(PortabilityTable.Cell::differs).count();
            assertTrue(differing > 0);
            assertEquals(differing, marked);
            push(KeyCode.ESCAPE);
            WaitForAsyncUtils.waitForFxEvents();
            assertTrue(window.designer.isVisible(), "Escape returns to the designer");
        }

        @Test
        void aStructOfFixedWidthMembersIsTheSameEverywhere() {
            openWire();
            interact(() -> vm.show(HeaderImporter.importText("struct Fixed { unsigned int a; unsigned char b; short c; };",
                    "fixed.h", HeaderImporter.Options.defaults()), null, "fixed.h", "Fixed"));
            interact(() -> vm.portability.open("Fixed"));
            assertEquals("same on all five ABIs: Fixed can go over the wire between them as is",
                    lookup("#portability-verdict").queryLabeled().getText());
            assertEquals(0, lookup("#portability-table .portability-differs").queryAll().stream()
                    .filter(Node::isVisible).count());
        }
    }
}
