package dev.structscope.tests.gui;

import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The import dialog (pasted C, errors in place) and the export dialog (targets, highlighted preview). */
class ImportExportGuiTest extends GuiTest {

    /** Opens the import dialog, puts {@code header} in its editor as if pasted, and runs the import; returns the editor. */
    private CodeArea importText(String header) {
        clickOn("#import");
        CodeArea editor = lookup("#import-editor").queryAs(CodeArea.class);
        interact(() -> editor.replaceText(header));
        clickOn("#import-run");
        return editor;
    }

    private void waitFor(java.util.function.BooleanSupplier cond) {
        for (int i = 0; i < 200 && !cond.getAsBoolean(); i++) {
            sleep(25);
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    @Nested
    class ImportingABadHeader {
        @Test
        void showsItsLineAndColumnAndMarksTheLine() {
            CodeArea editor = importText("struct Ok { int a; };\nstruct Bad {\n    int y\n};\n");
            Label error = lookup("#import-error").queryAs(Label.class);
            waitFor(() -> !error.getText().isEmpty());
            assertTrue(error.getText().startsWith("line 4, column 1: "), error.getText());
            assertTrue(error.isVisible());
            assertEquals(List.of("error-line"), List.copyOf(editor.getParagraph(3).getParagraphStyle()));
            assertEquals(3, editor.getCurrentParagraph());
            assertTrue(vm.document.state.get().library().findRecord("Ok").isEmpty(), "nothing imported");
        }
    }

    @Nested
    class ImportingAGoodHeader {
        @Test
        void addsItsTypesAsOneUndoableStep() {
            importText("#pragma pack(2)\nstruct Wire { char c; int i; };\n");
            waitFor(() -> vm.document.state.get().library().findRecord("Wire").isPresent());
            assertEquals("Wire", vm.document.state.get().selected());
            assertEquals(6, designer().layout.get().size());
            assertEquals(2, designer().layout.get().fields().get(1).offset());
            interact(() -> designer().undo());
            assertTrue(vm.document.state.get().library().findRecord("Wire").isEmpty());
        }
    }

    @Nested
    class Exporting {
        @SuppressWarnings("unchecked")
        @Test
        void previewsEveryTargetWithTheDesignedType() {
            clickOn("#export");
            ListView<Object> targets = lookup("#export-targets").queryAs(ListView.class);
            assertEquals(7, targets.getItems().size(), "C, Java, ctypes, Rust, Kaitai, JSON, Wireshark");
            CodeArea preview = lookup("#export-preview").queryAs(CodeArea.class);
            for (int i = 0; i < targets.getItems().size(); i++) {
                int at = i;
                interact(() -> targets.getSelectionModel().select(at));
                assertTrue(preview.getText().contains("Tick"), targets.getItems().get(i) + ":\n" + preview.getText());
            }
        }

        @SuppressWarnings("unchecked")
        @Test
        void theCPreviewIsHighlightedAndClangLaysItOutAsTheDesignerDoes() throws Exception {
            org.junit.jupiter.api.Assumptions.assumeTrue(ClangLayouts.available(), "clang-16 is not installed");
            selectInLibrary("struct Order");
            clickOn("#pack-tightly");
            long designed = designer().layout.get().size();
            clickOn("#export");
            ListView<Object> targets = lookup("#export-targets").queryAs(ListView.class);
            interact(() -> targets.getSelectionModel().select(0));
            CodeArea preview = lookup("#export-preview").queryAs(CodeArea.class);
            boolean keyword = false;
            for (int i = 0; i < preview.getLength() && !keyword; i++) {
                keyword = preview.getStyleOfChar(i).contains("keyword");
            }
            assertTrue(keyword, "C keywords are highlighted");
            var clang = ClangLayouts.layouts(preview.getText(), "x86_64-unknown-linux-gnu",
                    List.of("struct Order", "struct Tick"));
            assertEquals(designed, clang.get("struct Order").size());
            assertEquals(32, clang.get("struct Tick").size());
        }
    }
}
