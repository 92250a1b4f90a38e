package dev.structscope.tests.gui;

import dev.structscope.model.c.HeaderImporter;
import dev.structscope.model.type.Member;
import dev.structscope.model.type.NamedType;
import dev.structscope.model.type.RecordType;
import dev.structscope.model.type.TypeLibrary;
import javafx.scene.control.ListCell;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The layout library's whole-type edits as a person uses them: F2 renames a struct and its uses
 * follow, Delete refuses a used type and says why, Ctrl+D duplicates, Ctrl+Z undoes, the filter
 * narrows the list.
 */
class LibraryEditGuiTest extends GuiTest {
    static final String HEADER = """
            struct Inner { int a; char tag[3]; };
            struct Outer { struct Inner first; struct Inner many[2]; long n; };
            struct Lonely { short s; };
            """;

    private void load() {
        TypeLibrary lib = HeaderImporter.importText(HEADER, "t.h", HeaderImporter.Options.defaults());
        interact(() -> vm.show(lib, null, "t.h", null));
        settle();
    }

    private List<String> labels() {
        return window.library.list.getItems().stream().map(d -> d.name()).toList();
    }

    private RecordType record(String tag) {
        return vm.document.state.get().library().decls().stream()
                .filter(d -> d instanceof RecordType r && tag.equals(r.tag())).map(d -> (RecordType) d)
                .findFirst().orElseThrow(() -> new AssertionError("no struct " + tag));
    }

    @Test
    void f2RenamesAStructAndEveryUseFollowsAndCtrlZUndoesIt() {
        load();
        selectInLibrary("struct Inner");
        push(KeyCode.F2);
        WaitForAsyncUtils.waitForFxEvents();
        clickOn("#rename-field"); // Monocle does not move key focus to a new dialog window by itself
        assertEquals("Inner", lookup("#rename-field").queryTextInputControl().getText());
        push(KeyCode.CONTROL, KeyCode.A);
        write("Outer");
        WaitForAsyncUtils.waitForFxEvents();
        var pane = lookup("#rename-dialog").queryAs(javafx.scene.control.DialogPane.class);
        assertTrue(pane.lookupButton(javafx.scene.control.ButtonType.OK).isDisabled(),
                () -> "a taken name cannot be accepted: " + lookup("#rename-field").queryTextInputControl().getText());
        assertTrue(lookup(".error-text").queryLabeled().getText().contains("already"));
        push(KeyCode.CONTROL, KeyCode.A);
        write("Core");
        push(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Core", vm.document.state.get().selected());
        Member first = record("Outer").members().getFirst();
        assertEquals(new NamedType(NamedType.Kind.STRUCT, "Core"), first.type());
        assertTrue(lookup("#types .list-cell").queryAll().stream()
                .anyMatch(n -> n instanceof ListCell<?> c && "struct Core".equals(c.getText())));
        assertTrue(vm.status.get().contains("2 uses"), vm.status.get());

        push(KeyCode.CONTROL, KeyCode.Z);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(new NamedType(NamedType.Kind.STRUCT, "Inner"), record("Outer").members().getFirst().type());
    }

    @Test
    void deleteRefusesAUsedTypeAndRemovesAnUnusedOne() {
        load();
        selectInLibrary("struct Inner");
        push(KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(vm.status.get().startsWith("Cannot delete struct Inner: used by Outer.first, Outer.many"),
                vm.status.get());
        record("Inner");

        selectInLibrary("struct Lonely");
        push(KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(vm.document.state.get().library().decls().stream()
                .noneMatch(d -> d instanceof RecordType r && "Lonely".equals(r.tag())));
        push(KeyCode.CONTROL, KeyCode.Z);
        WaitForAsyncUtils.waitForFxEvents();
        record("Lonely");
    }

    /**
     * A document whose types a system header declared in part (saved from a {@code --cpp} import)
     * lists its own first; the system's come after them, muted, when the check box asks. A
     * typedef's untagged struct goes by the typedef's name, as C names it, there and in the
     * designer's title.
     */
    @Test
    void theSystemsTypesComeAfterTheDocumentsOwnWhenAskedFor() {
        String json = """
                {"format": "structscope-layout", "version": 1, "types": [
                  {"kind": "typedef", "name": "__fsid_t", "include": "<sys/types.h>",
                   "type": {"kind": "struct", "members": [{"name": "__val", "type": "int32_t[2]"}]}},
                  {"kind": "struct", "name": "Entry", "members": [{"name": "fs", "type": "__fsid_t"}]},
                  {"kind": "typedef", "name": "Point",
                   "type": {"kind": "struct", "members": [{"name": "x", "type": "int16_t"}]}}],
                 "system": {"origin": "source-includes"}}""";
        TypeLibrary lib = dev.structscope.model.doc.LayoutDocuments.parse(json, "d.json").library();
        interact(() -> vm.show(lib, null, "d.json", null));
        settle();
        assertTrue(window.library.systemTypes.isVisible());
        assertEquals(List.of("Entry", "Point"), labels());
        String status = lookup("#status-info").queryLabeled().getText();
        assertTrue(status.endsWith(" · 2 types + 1 system"), status);
        clickOn(window.library.systemTypes);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("Entry", "Point", "__fsid_t"), labels());
        ListCell<?> fsid = cellLabelled("__fsid_t");
        assertTrue(fsid.getPseudoClassStates().contains(javafx.css.PseudoClass.getPseudoClass("system")));
        assertTrue(fsid.getTooltip().getText().contains("from <sys/types.h>"), fsid.getTooltip().getText());
        assertTrue(!cellLabelled("struct Entry").getPseudoClassStates().contains(javafx.css.PseudoClass.getPseudoClass("system")));
        selectInLibrary("Point");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Point", lookup("#designer-title").queryLabeled().getText());
        clickOn(window.library.systemTypes);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("Entry", "Point"), labels());
    }

    private ListCell<?> cellLabelled(String text) {
        return lookup("#types .list-cell").queryAll().stream()
                .filter(n -> n instanceof ListCell<?> c && text.equals(c.getText())).map(n -> (ListCell<?>) n)
                .findFirst().orElseThrow(() -> new AssertionError("no cell " + text));
    }

    @Test
    void ctrlDDuplicatesAndTheFilterNarrowsTheList() {
        load();
        selectInLibrary("struct Inner");
        push(KeyCode.CONTROL, KeyCode.D);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(record("Inner").members(), record("Inner_copy").members());
        assertEquals("Inner_copy", vm.document.state.get().selected());

        clickOn(window.library.filter);
        write("inn");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("Inner", "Inner_copy"), labels());
        push(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(4, labels().size());
    }
}
