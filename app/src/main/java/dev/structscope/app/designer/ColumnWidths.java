package dev.structscope.app.designer;

import dev.structscope.app.common.AfterLayout;
import javafx.scene.Node;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import javafx.util.Callback;

import java.util.List;
import java.util.Map;

/**
 * The designer table's column widths: the table's resize policy, and the minimum widths of the
 * columns whose text must be read whole (an offset computed from the data such as
 * {@code at(ehdr.e_shoff)}, a size such as {@code 56 × ehdr.e_phnum}, {@code unsigned char}).
 *
 * <p>Each column asks for its preferred width (set by the view, or by a drag on its header) and,
 * while the table has room for it, gets at least the width of the widest text it shows. When the
 * columns ask for less than the table has, the last one takes the rest; when they ask for more,
 * they give way proportionally down to their texts' widths, the last one (the comment) after the
 * others, so that the room the others ask for beyond their texts shows comments instead of
 * blank; when even those do not fit, the
 * fitted columns give way further, in proportion, down to their titles' widths (their cells cut,
 * whole in their tooltips), so that as many columns as may stay in view (Name first of all); when
 * the titles do not fit either, the table scrolls sideways. (The built-in constrained policies cut the
 * dynamic cells to "at(…" instead: they shrink a column below what it shows and, being
 * constrained, turn off the horizontal scroll bar that would reach the rest.)
 *
 * <p>Owned by its {@link DesignerView}, for the table's lifetime; FX thread.
 */
final class ColumnWidths implements Callback<TableView.ResizeFeatures, Boolean> {
    /** The most a fitted column takes for its text: a longer one is cut, whole in the tooltip. */
    static final double MAX_FIT = 300;

    private final TableView<DesignerRow> table;
    /** The fitted columns and the least each takes whatever it shows (its title's width). */
    private final Map<TableColumn<DesignerRow, ?>, Double> fitted = new java.util.LinkedHashMap<>();
    /** The width each fitted column's widest text takes (what it gets while every column fits so). */
    private final Map<TableColumn<DesignerRow, ?>, Double> content = new java.util.HashMap<>();
    private final AfterLayout.Coalesced fitPass;

    ColumnWidths(TableView<DesignerRow> table) {
        this.table = table;
        this.fitPass = new AfterLayout.Coalesced(table, this::fit);
    }

    /** Makes {@code columns} at least as wide as the widest text they show. */
    @SafeVarargs
    final void fitContent(TableColumn<DesignerRow, ?>... columns) {
        for (TableColumn<DesignerRow, ?> c : columns) {
            fitted.put(c, c.getMinWidth());
        }
    }

    /**
     * Fits the columns to the rows' texts after the next layout, when the table has made the
     * cells whose font and padding the texts are measured with.
     */
    void requestFit() {
        if (fitPass.request()) {
            // The pulse that runs it: the rows or the offsets' base changed, which may lay out nothing.
            table.requestLayout();
        }
    }

    /** Sets each fitted column's minimum to its widest text (all rows, not only those shown). */
    private void fit() {
        boolean changed = false;
        for (var e : fitted.entrySet()) {
            TableColumn<DesignerRow, ?> c = e.getKey();
            TableCell<?, ?> cell = shownCell(c);
            if (cell == null) {
                continue; // no cell to take the font from: a hidden column, or no rows
            }
            Text measure = new Text();
            measure.setFont(cell.getFont());
            double widest = 0;
            for (int i = 0; i < table.getItems().size(); i++) {
                Object text = c.getCellData(i);
                if (text != null && !text.toString().isEmpty()) {
                    measure.setText(text.toString());
                    widest = Math.max(widest, measure.getLayoutBounds().getWidth());
                }
            }
            Node graphic = cell.getGraphic();
            double extra = cell.snappedLeftInset() + cell.snappedRightInset()
                    + (graphic == null ? 0 : graphic.prefWidth(-1) + cell.getGraphicTextGap())
                    // The italic of a dynamic cell leans past its advance; and rounding.
                    + 4;
            double min = Math.max(e.getValue(), Math.min(MAX_FIT, Math.ceil(widest + extra)));
            Double old = content.put(c, min);
            changed |= old == null || Math.abs(min - old) > 0.5;
        }
        if (changed) {
            relayout();
        }
    }

    /** A cell of column {@code c} that shows text, or null. */
    private TableCell<?, ?> shownCell(TableColumn<DesignerRow, ?> c) {
        for (Node n : table.lookupAll(".table-cell")) {
            if (n instanceof TableCell<?, ?> cell && cell.getTableColumn() == c && !cell.isEmpty()
                    && cell.isVisible() && cell.getText() != null && !cell.isEditing()) {
                return cell;
            }
        }
        return null;
    }

    /** Lays the columns out again for the table's width (after the view changed what they ask for). */
    void relayout() {
        if (table.getWidth() > 0) {
            call(new TableView.ResizeFeatures<>(table, null, 0.0));
        }
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public Boolean call(TableView.ResizeFeatures f) {
        TableColumn<?, ?> dragged = f.getColumn();
        if (dragged != null) {
            // A drag on a header: the column asks for its new width from now on.
            dragged.setPrefWidth(Math.clamp(dragged.getWidth() + f.getDelta(), dragged.getMinWidth(),
                    Math.max(dragged.getMinWidth(), dragged.getMaxWidth())));
        }
        double room = f.getContentWidth();
        List<TableColumn<DesignerRow, ?>> cols = table.getVisibleLeafColumns();
        if (room <= 0 || cols.isEmpty()) {
            return false;
        }
        double[] least = cols.stream().mapToDouble(c -> Math.max(c.getMinWidth(), content.getOrDefault(c, 0.0))).toArray();
        double[] want = new double[least.length];
        for (int i = 0; i < want.length; i++) {
            want[i] = Math.max(least[i], cols.get(i).getPrefWidth());
        }
        // While the texts fit whole, every column shows its own whole; when they do not (the ELF
        // sample's at(ehdr.e_phoff) and 56 × ehdr.e_phnum in a 470-pixel pane), the long ones give
        // way in proportion toward their titles' widths, cut with their text in the tooltip, so
        // that Name stays in view rather than past a sideways scroll.
        double[] w = java.util.Arrays.stream(least).sum() <= room ? widths(want, least, room)
                : widths(least, cols.stream().mapToDouble(TableColumn::getMinWidth).toArray(), room);
        for (int i = 0; i < w.length; i++) {
            f.setColumnWidth(cols.get(i), w[i]);
        }
        return true;
    }

    /**
     * The widths of columns that ask for {@code want} and take at least {@code min} in
     * {@code room} pixels: what they ask for, the last one taking the rest. With less room the
     * last one (the comment) gives way last: the others first, each in proportion to what it has
     * above its minimum, then the last down to its own; at least the minimums (the table then
     * scrolls). Whole pixels but the last, so that the sum is exactly the room when it fits. Pure.
     */
    static double[] widths(double[] want, double[] min, double room) {
        int last = want.length - 1;
        double others = 0;
        double give = 0;
        for (int i = 0; i < last; i++) {
            others += want[i];
            give += want[i] - min[i];
        }
        double forOthers = Math.max(others - give, Math.min(others, room - want[last]));
        double share = others <= forOthers ? 0 : give <= 0 ? 1 : Math.min(1, (others - forOthers) / give);
        double[] w = new double[want.length];
        double used = 0;
        for (int i = 0; i < last; i++) {
            w[i] = Math.max(min[i], Math.floor(want[i] - (want[i] - min[i]) * share));
            used += w[i];
        }
        w[last] = Math.max(min[last], room - used);
        return w;
    }
}
