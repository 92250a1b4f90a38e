package dev.structscope.tests.gui;

import dev.structscope.app.designer.DesignerRow;
import dev.structscope.app.designer.RulerModel;
import dev.structscope.model.layout.FieldLayout;
import javafx.geometry.Point2D;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The byte ruler under the table, and "Pack tightly" in its summary line. */
class RulerGuiTest extends GuiTest {

    private RulerModel.Block blockOf(int member) {
        return window.designer.ruler.blocks().stream().filter(b -> b.memberIndex() == member).findFirst()
                .orElseThrow();
    }

    @Nested
    class WithBitFieldsAndHoles {
        @Test
        void everyTableRowHasItsBlockAndNothingElseIsDrawn() {
            selectInLibrary("struct Order");
            List<RulerModel.Block> blocks = window.designer.ruler.blocks();
            List<DesignerRow> rows = table().getItems();
            assertEquals(rows.size(), blocks.size());
            for (DesignerRow r : rows) {
                switch (r) {
                    case DesignerRow.MemberRow m -> {
                        FieldLayout f = m.field();
                        RulerModel.Block b = blockOf(m.index());
                        assertEquals(f.isBitField() ? f.bits().offset() : f.offset() * 8, b.bitOffset(), f.name());
                        assertEquals(f.isBitField() ? f.bits().width() : f.size() * 8, b.bitLength(), f.name());
                        assertEquals(f.isBitField(), b.bitField());
                    }
                    case DesignerRow.PaddingRow p -> assertTrue(blocks.stream().anyMatch(b -> b.isPadding()
                            && b.bitOffset() == p.padding().offset() * 8 && b.bitLength() == p.padding().size() * 8),
                            p.label());
                }
            }
        }

        @Test
        void clickingABlockSelectsItsRowAndSelectingARowHighlightsItsBlock() {
            selectInLibrary("struct Order");
            var ruler = window.designer.ruler;
            Point2D qty = ruler.localToScreen(ruler.centerOf(blockOf(2)));
            clickOn(qty);
            WaitForAsyncUtils.waitForFxEvents();
            DesignerRow selected = table().getSelectionModel().getSelectedItem();
            assertTrue(selected instanceof DesignerRow.MemberRow m && m.field().name().equals("qty"), "" + selected);
            clickOn(cell(rowOfMember(5), "Name"));
            assertEquals(5, designer().selectedMember.get());
        }
    }

    @Nested
    class PackingTightly {
        @Test
        void savesTheBytesClangSaysItSaves() throws Exception {
            assumeTrue(ClangLayouts.available(), "clang-16 is not installed");
            selectInLibrary("struct Order");
            long before = ClangLayouts.layouts(cHeader(),
                    "x86_64-unknown-linux-gnu", List.of("struct Order")).get("struct Order").size();
            assertEquals(before, designer().layout.get().size());
            clickOn("#pack-tightly");
            // Under load the click's event can still be queued when clickOn returns.
            try {
                org.testfx.util.WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS,
                        () -> designer().layout.get().size() < before);
            } catch (java.util.concurrent.TimeoutException e) {
                // reported by the assertions below
            }
            long after = ClangLayouts.layouts(cHeader(),
                    "x86_64-unknown-linux-gnu", List.of("struct Order")).get("struct Order").size();
            assertTrue(after < before, before + " -> " + after);
            assertEquals(after, designer().layout.get().size());
            assertTrue(lookup("#status").queryLabeled().getText().contains("saved " + (before - after) + " bytes"),
                    lookup("#status").queryLabeled().getText());
            assertEquals("Packed tightly", lookup("#pack-tightly").queryButton().getText());
            assertTrue(lookup("#pack-tightly").queryButton().isDisabled(), "nothing left to save");
            clickOn("#undo");
            assertEquals(before, designer().layout.get().size());
            assertEquals("Pack tightly: −" + (before - after) + " B", lookup("#pack-tightly").queryButton().getText());
        }
    }

}
