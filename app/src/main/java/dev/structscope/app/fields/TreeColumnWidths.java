package dev.structscope.app.fields;

import dev.structscope.app.common.AfterLayout;
import javafx.scene.Node;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.text.Text;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fits the decoded tree's columns to the texts of the rows it shows: the Member column to its
 * names (deep ones are indented far: "sh_flags" in an ELF's section headers was cut to
 * "sh_fl…"), Type, Offset and Raw to theirs, and the Value column, last, takes the rest (a long
 * raw value read "17000000000…" at 1366 pixels, "unsigned char" read "unsigned c…").
 *
 * <p>Each column takes the width its widest shown text needs, within a share of the tree's
 * width; when the value shown does not fit in what is left, Raw, Type and Offset give way, in that order. Another record, rows opened or closed, or a new width may let the
 * columns shrink again; a cell that finds its text cut after its layout ({@link #laidOut}) asks
 * them only to grow, so that they do not jump narrower while the rows scroll.
 *
 * <p>Owned by its {@link FieldsView} for the tree's lifetime; FX thread.
 */
final class TreeColumnWidths {
    /** A fitted column: its first width (the least the Member column shrinks to) and the most of the tree it takes. */
    private record Fit(double first, double least, double share) {
    }

    /** The Member column's width before it fits its names, and the least it shrinks to. */
    static final double NAME_WIDTH = 150;
    /** The least the Value column is given before Type and Raw give way (a short value needs less). */
    private static final double VALUE_LEAST = 60;

    private final TreeTableView<FieldRow> tree;
    private final TreeTableColumn<FieldRow, ?> name;
    private final TreeTableColumn<FieldRow, ?> type;
    private final TreeTableColumn<FieldRow, ?> offset;
    private final TreeTableColumn<FieldRow, ?> raw;
    private final TreeTableColumn<FieldRow, ?> value;
    private final Map<TreeTableColumn<FieldRow, ?>, Fit> fits = new HashMap<>();
    private final Text measure = new Text();
    private final AfterLayout.Coalesced fitPass;
    private boolean mayShrink;

    /** The tree's columns in order: member, type, offset, raw, value (the last, which takes the rest). */
    TreeColumnWidths(TreeTableView<FieldRow> tree, TreeTableColumn<FieldRow, ?> name, TreeTableColumn<FieldRow, ?> type,
                     TreeTableColumn<FieldRow, ?> offset, TreeTableColumn<FieldRow, ?> raw, TreeTableColumn<FieldRow, ?> value) {
        this.tree = tree;
        this.fitPass = new AfterLayout.Coalesced(tree, () -> {
            boolean s = mayShrink;
            mayShrink = false;
            fit(s);
        });
        this.name = name;
        this.type = type;
        this.offset = offset;
        this.raw = raw;
        this.value = value;
        // The names may take up to 45 % (the values need the rest); an offset with its bits is short.
        fits.put(name, new Fit(NAME_WIDTH, NAME_WIDTH, 0.45));
        fits.put(type, new Fit(type.getPrefWidth(), titleWidth(type), 0.25));
        fits.put(offset, new Fit(offset.getPrefWidth(), titleWidth(offset), 0.2));
        fits.put(raw, new Fit(raw.getPrefWidth(), titleWidth(raw), 0.35));
        // Each reason to fit comes with a layout of its own (a new record, rows, width), or arises
        // in one (a cell's layout): the fit runs at the end of that pulse.
        tree.rootProperty().addListener((o, a, b) -> request(true));
        tree.expandedItemCountProperty().addListener((o, a, b) -> request(true));
        tree.widthProperty().addListener((o, a, b) -> request(true));
        // A fit waiting in a scene left behind is not waited for: the new scene's pulse runs one.
        tree.sceneProperty().addListener((o, a, b) -> request(true));
    }

    /**
     * Called by a cell of the tree after its layout: asks the columns to grow when its text is cut.
     */
    void laidOut(TreeTableCell<FieldRow, ?> cell) {
        if (shows(cell) && needed(cell) > cell.getWidth() + 0.5) {
            request(false);
        }
    }

    /**
     * Fits the columns once the next layout has placed the rows (the indentation of a row is only
     * known then); {@code shrink} false only ever widens them, but for Raw and Type giving way to a value.
     */
    private void request(boolean shrink) {
        mayShrink |= shrink;
        fitPass.request();
    }

    private void fit(boolean shrink) {
        Map<TreeTableColumn<?, ?>, Double> need = new HashMap<>();
        for (Node n : tree.lookupAll(".tree-table-cell")) {
            if (n instanceof TreeTableCell<?, ?> c && shows(c)) {
                need.merge(c.getTableColumn(), needed(c), Math::max);
            }
        }
        if (need.isEmpty()) {
            return;
        }
        List<TreeTableColumn<FieldRow, ?>> cols = tree.getVisibleLeafColumns();
        double room = cols.stream().mapToDouble(TreeTableColumn::getWidth).sum();
        Map<TreeTableColumn<FieldRow, ?>, Double> want = new HashMap<>();
        double taken = 0;
        for (TreeTableColumn<FieldRow, ?> c : cols) {
            Fit f = fits.get(c);
            if (f == null) {
                continue;
            }
            double now = c.getWidth();
            double w = need.containsKey(c)
                    ? Math.min(Math.max(f.least(), room * f.share()), Math.max(f.least(), Math.ceil(need.get(c))))
                    : now;
            if (!shrink) {
                w = Math.max(w, now);
            }
            want.put(c, w);
            taken += w;
        }
        // The value shown is what the tree is for: Raw, Type and Offset give way to it, down to
        // their titles. Raw first: its bytes are in the hex view beside, selected, and a row of
        // bytes cut still reads from its start; a type cut to "uint…" says nothing (at 1366 it did).
        double short_ = Math.max(VALUE_LEAST, need.getOrDefault(value, 0.0)) - (room - taken);
        // First the room a column holds beyond its text (kept while only widening), then the text's own.
        for (boolean beyondText : List.of(true, false)) {
            for (TreeTableColumn<FieldRow, ?> c : List.of(raw, type, offset)) {
                Double w = want.get(c);
                if (short_ > 0 && w != null) {
                    double floor = Math.max(fits.get(c).least(), beyondText ? Math.ceil(need.getOrDefault(c, 0.0)) : 0);
                    double give = Math.min(short_, Math.max(0, w - floor));
                    want.put(c, w - give);
                    short_ -= give;
                }
            }
        }
        for (TreeTableColumn<FieldRow, ?> c : cols) {
            Double w = want.get(c);
            if (w != null && Math.abs(w - c.getWidth()) > 0.5) {
                // Through the resize policy, as a drag on the header would: the last column gives the room.
                tree.resizeColumn(c, w - c.getWidth());
            }
        }
    }

    /** The least width of {@code c}: its title whole (the headers are bold), with the header's padding. */
    private static double titleWidth(TreeTableColumn<?, ?> c) {
        Text t = new Text(c.getText());
        javafx.scene.text.Font f = javafx.scene.text.Font.getDefault();
        t.setFont(javafx.scene.text.Font.font(f.getFamily(), javafx.scene.text.FontWeight.BOLD, Math.max(14, f.getSize())));
        return Math.ceil(t.getLayoutBounds().getWidth()) + 24;
    }

    /**
     * The column width {@code c} needs to show its text whole: where the text starts (after a
     * row's indentation, disclosure arrow and swatch), plus all of it, plus the cell's right padding.
     */
    private double needed(TreeTableCell<?, ?> c) {
        for (Node n : c.getChildrenUnmodifiable()) {
            if (n instanceof Text shown) {
                measure.setFont(c.getFont());
                measure.setText(c.getText());
                return shown.getLayoutX() + measure.getLayoutBounds().getWidth() + c.snappedRightInset() + 2;
            }
        }
        return 0;
    }

    /** Whether {@code c} is a cell of a row shown, with text (not an editor). */
    private static boolean shows(TreeTableCell<?, ?> c) {
        return !c.isEmpty() && c.getText() != null && !c.getText().isEmpty() && c.isVisible() && !c.isEditing()
                && c.getTableRow() != null && c.getTableRow().isVisible() && c.getTableColumn() != null;
    }
}
