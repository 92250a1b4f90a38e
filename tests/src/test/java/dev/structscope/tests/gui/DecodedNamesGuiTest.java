package dev.structscope.tests.gui;

import dev.structscope.app.fields.FieldRow;
import dev.structscope.app.fields.FieldsView;
import javafx.scene.Node;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The decoded tree's Member column on the ELF sample in the default window: the names of the
 * section headers, three levels deep and indented as far, are shown whole ("sh_flags" was cut to
 * "sh_fl…"), and the column grows no wider than a reasonable share of the tree.
 */
class DecodedNamesGuiTest extends GuiTest {
    @TempDir
    Path dir;

    @Test
    void deepNamesOfTheSectionHeadersAreShownWhole() {
        FieldsView fields = openElfSample();
        interact(() -> {
            TreeItem<FieldRow> sh = child(fields.root(), "sh");
            sh.setExpanded(true);
            TreeItem<FieldRow> first = sh.getChildren().getFirst();
            first.setExpanded(true);
            // The longest name of a section header, scrolled to as a person scrolls to it.
            TreeItem<FieldRow> align = child(first, "sh_addralign");
            fields.tree.getSelectionModel().select(align);
            fields.tree.scrollTo(fields.tree.getRow(align));
        });
        var member = fields.tree.getColumns().getFirst();
        List<String> cut = new ArrayList<>();
        try {
            await("every name in the tree shown whole", () -> cutNames(fields, member, cut) && cut.isEmpty());
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; cut: " + cut, e);
        }
        assertTrue(member.getWidth() <= fields.tree.getWidth() * 0.5,
                "the values keep most of the room: " + member.getWidth() + " of " + fields.tree.getWidth());
    }

    /** Opens the ELF sample as the user's Open Sample does and returns the decoded tree once it shows the record. */
    private FieldsView openElfSample() {
        interact(() -> vm.openSample(dev.structscope.samples.Samples.ELF, dir));
        settle();
        await("the ELF data", () -> window.dataPane.getCenter() == window.dataPane.hexPane);
        FieldsView fields = window.dataPane.hexPane.fieldsView;
        await("the decoded record", () -> fields.root() != null && !fields.viewModel.decoding.get());
        return fields;
    }

    /**
     * The ELF header's members in the default window: their types ("unsigned char[16]"), the raw
     * bytes of a scalar ("50 10 00 00 00 00 00 00") and the values are shown whole, not
     * "unsigned c…" and "50 10 00 00 0…"; a record's bytes may end in "…", as they are cut at 16 bytes.
     */
    @Test
    void typesRawBytesAndValuesAreShownWhole() {
        FieldsView fields = openElfSample();
        interact(() -> {
            TreeItem<FieldRow> ehdr = child(fields.root(), "ehdr");
            ehdr.setExpanded(true);
            child(ehdr, "e_ident").setExpanded(true);
            TreeItem<FieldRow> entry = child(ehdr, "e_entry");
            fields.tree.getSelectionModel().select(entry);
            fields.tree.scrollTo(fields.tree.getRow(entry) - 2);
        });
        List<String> cut = new ArrayList<>();
        List<String> columns = List.of("Type", "Raw", "Value");
        try {
            await("types, bytes and values shown whole", () -> {
                cut.clear();
                int shown = 0;
                for (Node n : fields.tree.lookupAll(".tree-table-cell")) {
                    if (n instanceof TreeTableCell<?, ?> c && c.getTableColumn() != null
                            && columns.contains(c.getTableColumn().getText()) && c.isVisible() && !c.isEmpty()
                            && c.getText() != null && !c.getText().endsWith("…")
                            && c.getTableRow() != null && c.getTableRow().isVisible()) {
                        shown += c.getText().equals("50 10 00 00 00 00 00 00") ? 1 : 0;
                        for (Node t : c.getChildrenUnmodifiable()) {
                            if (t instanceof Text text && !c.getText().equals(text.getText())) {
                                cut.add(c.getTableColumn().getText() + " '" + c.getText() + "' as '" + text.getText() + "'");
                            }
                        }
                    }
                }
                return shown > 0 && cut.isEmpty();
            });
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; cut: " + cut + "; columns: " + fields.tree.getVisibleLeafColumns()
                    .stream().map(c -> c.getText() + " " + c.getWidth()).toList(), e);
        }
        var value = fields.tree.getVisibleLeafColumns().getLast();
        assertTrue(value.getWidth() >= 60, "the value keeps room: " + value.getWidth());
    }

    /**
     * Puts the names the Member column shows cut (as shown, "sh_fl…") into {@code cut}; answers
     * whether the deepest name asked for, sh_addralign, is among the rows shown.
     */
    private static boolean cutNames(FieldsView fields, Object member, List<String> cut) {
        cut.clear();
        boolean deepShown = false;
        for (Node n : fields.tree.lookupAll(".tree-table-cell")) {
            if (n instanceof TreeTableCell<?, ?> c && c.getTableColumn() == member && c.isVisible() && !c.isEmpty()
                    && c.getText() != null && c.getTableRow() != null && c.getTableRow().isVisible()) {
                deepShown |= c.getText().equals("sh_addralign");
                for (Node t : c.getChildrenUnmodifiable()) {
                    if (t instanceof Text shown && !c.getText().equals(shown.getText())) {
                        cut.add(shown.getText());
                    }
                }
            }
        }
        return deepShown;
    }

    private static TreeItem<FieldRow> child(TreeItem<FieldRow> item, String name) {
        return item.getChildren().stream().filter(c -> c.getValue().name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " under " + item.getValue().name()));
    }
}
