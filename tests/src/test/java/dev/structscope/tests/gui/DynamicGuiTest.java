package dev.structscope.tests.gui;

import dev.structscope.app.fields.FieldRow;
import dev.structscope.app.hexview.HexPane;
import dev.structscope.tests.hexview.Gcc;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableRow;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Dynamic layouts in the window (issue 13): the ELF sample opened from the File menu decodes whole
 * with no typing — its section headers, placed by e_shoff and counted by e_shnum, equal readelf's —
 * and an integer member of the tree can be followed as an offset and have a type overlaid there.
 */
class DynamicGuiTest extends GuiTest {
    private static final Pattern SECTION = Pattern.compile(
            "\\]\\s+(\\S*)\\s+(\\S+)\\s+([0-9a-f]{16})\\s+([0-9a-f]{6,})\\s+([0-9a-f]{6,})");

    private HexPane hex() {
        return window.dataPane.hexPane;
    }

    /** Opens the ELF sample the way a person does: File › Open Sample: ELF File. */
    private Path openElfFromMenu() {
        clickOn("_File"); // the menu's text holds its mnemonic
        clickOn("Open Sample: ELF File (Dynamic Layout)");
        for (int i = 0; i < 400 && (hex().fieldsView.root() == null
                || !"ElfFile".equals(hex().overlayBar.typeBox.getValue())); i++) {
            sleep(25);
            settle();
        }
        assertNotNull(hex().fieldsView.root(), "the ELF sample decodes with no typing: "
                + hex().fieldsView.placeholder.getText() + " / " + hex().overlayBar.errorLabel.getText());
        return Path.of(hex().model.source.get().name());
    }

    private static TreeItem<FieldRow> child(TreeItem<FieldRow> item, String name) {
        return item.getChildren().stream().filter(c -> c.getValue().name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no member " + name + " under " + item.getValue().name()));
    }

    private static long number(TreeItem<FieldRow> item) {
        String v = item.getValue().value();
        return v.startsWith("0x") ? Long.parseUnsignedLong(v.substring(2), 16) : Long.parseLong(v);
    }

    private static List<long[]> readelfSections(Path elf) throws Exception {
        String out = Gcc.run(elf.getParent(), List.of("readelf", "-S", "-W", elf.toString()));
        List<long[]> sections = new ArrayList<>();
        for (String line : out.lines().toList()) {
            Matcher m = SECTION.matcher(line);
            if (line.strip().startsWith("[") && !line.contains("Nr]") && m.find()) {
                sections.add(new long[] {Long.parseLong(m.group(4), 16), Long.parseLong(m.group(5), 16)});
            }
        }
        return sections;
    }

    @Test
    void theElfSampleShowsItsSectionHeadersAsReadelfDoes() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/readelf")), "readelf is not installed");
        Path elf = openElfFromMenu();
        TreeItem<FieldRow> root = hex().fieldsView.root();
        interact(() -> root.setExpanded(true));
        TreeItem<FieldRow> sh = child(root, "sh");
        List<long[]> truth = readelfSections(elf);
        assertTrue(truth.size() > 5, "readelf lists the sections: " + truth.size());
        assertEquals(truth.size(), sh.getChildren().size(), "one tree row per section header");
        long shoff = number(child(child(root, "ehdr"), "e_shoff"));
        assertEquals(shoff, sh.getValue().offset(), "the placed table sits at e_shoff");
        for (int i = 0; i < truth.size(); i++) {
            TreeItem<FieldRow> s = sh.getChildren().get(i);
            assertEquals(shoff + 64L * i, s.getValue().offset(), "sh[" + i + "] offset");
            assertEquals(truth.get(i)[0], number(child(s, "sh_offset")), "sh[" + i + "].sh_offset");
            assertEquals(truth.get(i)[1], number(child(s, "sh_size")), "sh[" + i + "].sh_size");
        }
        // The row is visible in the tree, and a click on it selects the table's bytes in the hex view.
        interact(() -> hex().fieldsView.tree.getSelectionModel().select(sh));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(shoff, hex().model.selectionStart());
        assertEquals(64L * truth.size(), hex().model.selectionLength());
        // The overlay colours the placed table's bytes as the member sh (colour index 2).
        assertEquals("sh", hex().model.overlay.get().spanAt(shoff + 64).label());
    }

    @Test
    void anIntegerMemberCanBeFollowedAsAnOffsetAndOverlaidThere() throws Exception {
        openElfFromMenu();
        TreeItem<FieldRow> root = hex().fieldsView.root();
        TreeItem<FieldRow> ehdr = child(root, "ehdr");
        interact(() -> ehdr.setExpanded(true));
        TreeItem<FieldRow> shoffItem = child(ehdr, "e_shoff");
        long shoff = number(shoffItem);
        rightClickRow(shoffItem);
        clickOn(menuText("Go to This Value as an Offset"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(shoff, hex().model.caret(), "the caret is at the value of e_shoff");
        // What the caret's move started (the tree decoding again) ends before its rows are looked up.
        settle();

        TreeItem<FieldRow> again = child(child(hex().fieldsView.root(), "ehdr"), "e_shoff");
        rightClickRow(again);
        moveTo(menuText("Overlay a Type There"));
        // Across first, then down: a diagonal path crosses the parent menu's other items and closes the submenu.
        clickOn(menuText("Overlay Elf64_Shdr There"), org.testfx.robot.Motion.HORIZONTAL_FIRST);
        WaitForAsyncUtils.waitForFxEvents();
        TreeItem<FieldRow> shdr = hex().fieldsView.root();
        assertEquals("Elf64_Shdr", hex().overlayBar.typeBox.getValue());
        assertEquals(shoff, shdr.getValue().offset(), "the tree decodes Elf64_Shdr at e_shoff");
        assertEquals(64, hex().model.selectionLength());
        // Section 0 of every ELF file is the null section: all zero.
        assertEquals(0, number(child(shdr, "sh_type")));
    }

    @Test
    void aCountExpressionIsEditedInTheDesignerAndAnInvalidOneIsMarked() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/readelf")), "readelf is not installed");
        Path elf = openElfFromMenu();
        int sections = readelfSections(elf).size();
        assertEquals("ElfFile", vm.document.state.get().selected());
        int sh = 2;
        // The placed, counted table shows its placement as its offset, in the dynamic style.
        assertEquals("at(ehdr.e_shoff)", cell(rowOfMember(sh), "Offset").getText());
        assertTrue(cell(rowOfMember(sh), "Offset").getStyleClass().contains("dynamic"));
        assertEquals("[ehdr.e_shnum]", cell(rowOfMember(sh), "Array").getText());

        typeInto(sh, "Array", "[ehdr.e_nosuch]");
        var bad = cell(rowOfMember(sh), "Array");
        assertTrue(bad.getStyleClass().contains("invalid"), "the rejected count stays in the cell, marked");
        assertEquals("[ehdr.e_nosuch]", lookup("#members .cell-editor").queryAs(javafx.scene.control.TextField.class)
                .getText(), "in its editor, open on it");
        assertTrue(bad.getTooltip().getText().contains("no member named 'e_nosuch'"), bad.getTooltip().getText());
        assertEquals(sections, hex().fieldsView.root().getChildren().get(sh).getChildren().size(),
                "nothing changed on the data side");

        // Completion offers the earlier members' fields while typing.
        int row = rowOfMember(sh);
        interact(() -> table().scrollTo(row));
        doubleClickOn(cell(row, "Array"));
        WaitForAsyncUtils.waitForFxEvents();
        push(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.A);
        write("[ehdr.e_shn");
        clickOn(menuText("ehdr.e_shnum"));
        write(" - 1]");
        push(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("[ehdr.e_shnum - 1]", cell(rowOfMember(sh), "Array").getText());
        assertTrue(designer().invalidCells.isEmpty(), designer().invalidCells.toString());
        settle();
        TreeItem<FieldRow> root = hex().fieldsView.root();
        assertEquals(sections - 1, child(root, "sh").getChildren().size(), "the tree follows the new count");
        // One undo step brings the header's count back.
        interact(() -> designer().undo());
        settle();
        assertEquals(sections, child(hex().fieldsView.root(), "sh").getChildren().size());
    }

    /**
     * Enter in the dynamic panel applies the text and keeps the member selected and the field
     * focused, so the next edit or Ctrl+Z goes where the user is (the member was deselected and
     * focus jumped to the data pane's Go to field).
     */
    @Test
    void theDynamicPanelKeepsItsMemberAndFocusAfterEnter() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/readelf")), "readelf is not installed");
        openElfFromMenu();
        int sh = 2;
        interact(() -> designer().selectedMember.set(sh));
        javafx.scene.control.TextField at = lookup("#dynamic-at").queryAs(javafx.scene.control.TextField.class);
        clickOn(at);
        push(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.A);
        write("ehdr.e_shoff + 0");
        push(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("at(ehdr.e_shoff + 0)", designer().dynamicOffset(sh));
        assertEquals(sh, designer().selectedMember.get(), "the member stays selected");
        assertTrue(at.isFocused(), "the field keeps the focus");
        assertEquals("ehdr.e_shoff + 0", at.getText());
    }

    /** Selects {@code item} in the decoded tree, scrolls it into view and opens its context menu. */
    private void rightClickRow(TreeItem<FieldRow> item) {
        var tree = hex().fieldsView.tree;
        interact(() -> {
            tree.getSelectionModel().select(item);
            tree.scrollTo(Math.max(0, tree.getRow(item) - 2));
        });
        WaitForAsyncUtils.waitForFxEvents();
        rightClickOn(rowOf(item));
    }

    /**
     * The row showing {@code item}, waited for: after a scroll the tree lays its rows out on a
     * later pulse (under load a single flush of FX events was not always enough).
     */
    private Node rowOf(TreeItem<FieldRow> item) {
        for (int i = 0; i < 200; i++) {
            for (Node n : lookup(".tree-table-row-cell").queryAll()) {
                if (n instanceof TreeTableRow<?> r && r.getTreeItem() == item && r.isVisible()) {
                    return n;
                }
            }
            sleep(25);
            WaitForAsyncUtils.waitForFxEvents();
        }
        throw new AssertionError("no visible row for " + item.getValue().name() + " after 5 s");
    }

    private Node menuText(String prefix) {
        for (int i = 0; i < 40; i++) {
            var hit = lookup(n -> n instanceof Labeled l && l.getText() != null && l.getText().startsWith(prefix)
                    && n.isVisible()).tryQuery();
            if (hit.isPresent()) {
                return hit.get();
            }
            sleep(25);
        }
        List<String> seen = new ArrayList<>();
        for (Node n : lookup(n -> n instanceof Labeled).queryAll()) {
            seen.add(((Labeled) n).getText());
        }
        throw new AssertionError("no menu item " + prefix + "; showing=" + hex().fieldsView.contextMenu.isShowing()
                + " items=" + hex().fieldsView.contextMenu.getItems().stream().map(i -> i.getText()).toList()
                + " windows=" + javafx.stage.Window.getWindows().size() + " seen=" + seen.subList(0, Math.min(30, seen.size())));
    }
}
