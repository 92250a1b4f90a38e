package dev.structscope.tests.gui;

import dev.structscope.app.common.DocumentState;
import dev.structscope.model.abi.Abis;
import dev.structscope.model.layout.LayoutEngine;
import dev.structscope.model.layout.RecordLayout;
import javafx.scene.control.ChoiceBox;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** New, save, reopen, the dirty marker, and what the window says when a file is bad. */
class DocumentsGuiTest extends GuiTest {
    @TempDir
    Path dir;

    private void editSomething() {
        typeInto(0, "Name", "stamp");
        interact(() -> lookup("#pack").queryAs(ChoiceBox.class).setValue(4));
        interact(() -> lookup("#abi").queryAs(ChoiceBox.class).setValue(Abis.AARCH64_LINUX));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Nested
    class SavingAsALayoutDocument {
        @Test
        void andReopeningGivesTheSameTypesAbiAndNoDirtyMarker() {
            editSomething();
            assertTrue(stage.getTitle().endsWith("•"));
            DocumentState edited = vm.document.state.get();
            Path file = dir.resolve("ticks.json");
            interact(() -> vm.saveAs(file, null));
            settle();
            assertTrue(Files.exists(file));
            assertFalse(stage.getTitle().endsWith("•"), stage.getTitle());
            assertTrue(stage.getTitle().contains("ticks.json"), stage.getTitle());
            interact(() -> vm.newDocument());
            interact(() -> vm.open(file, "Tick", null));
            settle();
            DocumentState reopened = vm.document.state.get();
            assertEquals(edited.library(), reopened.library());
            assertEquals(Abis.AARCH64_LINUX, reopened.abi());
            assertEquals("Tick", reopened.selected());
            assertEquals(4, designer().record().pack());
            assertEquals("stamp", designer().record().members().getFirst().name());
            assertFalse(vm.document.dirty.get());
            assertEquals(file.toAbsolutePath(), vm.recent.files.getFirst());
        }
    }

    @Nested
    class SavingAsACHeader {
        @Test
        void andReopeningGivesTheSameLayouts() {
            editSomething();
            DocumentState edited = vm.document.state.get();
            Path file = dir.resolve("ticks.h");
            interact(() -> vm.saveAs(file, null));
            settle();
            interact(() -> vm.open(file, null, null));
            settle();
            DocumentState reopened = vm.document.state.get();
            List<RecordLayout> a = LayoutEngine.layoutAll(edited.library(), edited.abi());
            List<RecordLayout> b = LayoutEngine.layoutAll(reopened.library(), edited.abi());
            assertEquals(a.size(), b.size());
            for (int i = 0; i < a.size(); i++) {
                assertEquals(a.get(i).name(), b.get(i).name());
                assertEquals(a.get(i).size(), b.get(i).size(), a.get(i).name());
                assertEquals(a.get(i).fields().stream().map(f -> f.offset() + ":" + f.bits() + ":" + f.name()).toList(),
                        b.get(i).fields().stream().map(f -> f.offset() + ":" + f.bits() + ":" + f.name()).toList());
            }
        }
    }

    @Nested
    class SavingOverAHandWrittenHeader {
        /**
         * Ctrl+S over a header the user wrote asks first (its comments would go): Cancel, also
         * Enter's answer, leaves the file as it was; Overwrite writes StructScope's header, and the
         * next save asks no more.
         */
        @Test
        void asksFirstAndCancelKeepsTheFile() throws Exception {
            Path h = dir.resolve("mine.h");
            String mine = "/* Mine: keep this comment. */\nstruct Point { int x; int y; };\n";
            Files.writeString(h, mine);
            interact(() -> vm.open(h, null, null));
            settle();
            push(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.S);
            await("the question", () -> lookup(".dialog-pane").tryQuery().isPresent());
            var pane = lookup(".dialog-pane").queryAs(javafx.scene.control.DialogPane.class);
            assertEquals("Write over a hand-written header?", pane.getHeaderText());
            assertTrue(pane.getContentText().contains("mine.h was not written by StructScope"), pane.getContentText());
            push(javafx.scene.input.KeyCode.ENTER);
            settle();
            assertEquals(mine, Files.readString(h), "Enter answers Cancel, which writes nothing");

            push(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.S);
            await("the question again", () -> lookup(".dialog-pane").tryQuery().isPresent());
            clickOn("Overwrite");
            settle();
            String written = Files.readString(h);
            assertTrue(written.startsWith("/* Generated by StructScope for ") && written.contains("struct Point {"), written);
            assertFalse(vm.saveLosesText(h), "StructScope's own header now: no question next time");
        }
    }

    @Nested
    class OpeningABrokenFile {
        @Test
        void saysWhereInADialogAndTheStatusBarAndKeepsTheDocument() throws Exception {
            Path bad = dir.resolve("bad.h");
            Files.writeString(bad, "struct A {\n    int x;\n    int y\n};\n");
            DocumentState before = vm.document.state.get();
            interact(() -> vm.open(bad, null, null));
            settle();
            String status = lookup("#status").queryLabeled().getText();
            assertTrue(status.startsWith("⚠ ") && status.contains("bad.h:4:1"), status);
            assertEquals(before, vm.document.state.get());
            // The status line is soon taken by what comes next: the dialog keeps the message.
            await("the dialog", () -> lookup(".dialog-pane").tryQuery().isPresent());
            var pane = lookup(".dialog-pane").queryAs(javafx.scene.control.DialogPane.class);
            assertEquals("Cannot open bad.h", pane.getHeaderText());
            assertTrue(pane.getContentText().contains("bad.h:4:1: expected ';'"), pane.getContentText());
            push(javafx.scene.input.KeyCode.ENTER);
            settle();
            assertNull(vm.openFailure.get(), "closing the dialog forgets the failure");
            assertTrue(lookup(".dialog-pane").tryQuery().isEmpty());
        }
    }

    @Nested
    class StartingANewDocument {
        @Test
        void showsOneStructWithOneMemberAndNoFile() {
            clickOn("#new");
            assertNull(vm.document.file.get());
            assertEquals("Untitled", vm.document.state.get().selected());
            assertEquals(1, designer().record().members().size());
            assertTrue(stage.getTitle().contains("untitled"), stage.getTitle());
        }
    }
}
