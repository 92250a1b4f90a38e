package dev.structscope.app.hexview;

import dev.structscope.io.source.DataSource;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The state of a hex view, separate from painting so that navigation can be tested without a
 * toolkit: the source, the row geometry ({@link #bytesPerRow}, a long {@link #topRow} into a row
 * space that can be far past 2^31 rows), the caret and the selection ({@link Selection}), and
 * the overlay. Rows are never materialised: row {@code r} is
 * simply bytes {@code [r*bytesPerRow, (r+1)*bytesPerRow)}.
 *
 * <p>FX thread only (its properties are observed by views); needs no running toolkit.
 */
public final class HexViewModel {
    /** Which column the caret is in: it decides what typing and the caret highlight mean. */
    public enum Pane { HEX, ASCII }

    /**
     * The caret and the selection, one value so that listeners see both ends change at once: the
     * selection runs from {@code anchor} to {@code caret}, inclusive, either way round.
     */
    public record Selection(long anchor, long caret) {
        /** The lower end. */
        public long start() {
            return Math.min(anchor, caret);
        }

        /** The upper end (inclusive). */
        public long end() {
            return Math.max(anchor, caret);
        }
    }

    public final ObjectProperty<DataSource> source = new SimpleObjectProperty<>(this, "source");
    public final IntegerProperty bytesPerRow = new SimpleIntegerProperty(this, "bytesPerRow", 16);
    public final BooleanProperty hexOffsets = new SimpleBooleanProperty(this, "hexOffsets", true);
    public final LongProperty topRow = new SimpleLongProperty(this, "topRow");
    /** Set by the view when it is resized: how many whole rows fit. */
    public final IntegerProperty visibleRows = new SimpleIntegerProperty(this, "visibleRows", 32);
    private final ReadOnlyObjectWrapper<Selection> selectionWrapper = new ReadOnlyObjectWrapper<>(this, "selection", new Selection(0, 0));
    /** Where the caret is and what is selected; changed by the moves below. */
    public final ReadOnlyObjectProperty<Selection> selection = selectionWrapper.getReadOnlyProperty();
    public final ObjectProperty<Pane> pane = new SimpleObjectProperty<>(this, "pane", Pane.HEX);
    public final ObjectProperty<Overlay> overlay = new SimpleObjectProperty<>(this, "overlay");
    public final DoubleProperty fontSize = new SimpleDoubleProperty(this, "fontSize", 13);

    public HexViewModel() {
        source.addListener((o, a, b) -> {
            topRow.set(0);
            selectionWrapper.set(new Selection(0, 0));
        });
        bytesPerRow.addListener((o, a, b) -> {
            int n = b.intValue();
            if (n != 8 && n != 16 && n != 32) {
                bytesPerRow.set(16);
                return;
            }
            scrollToCaret();
        });
    }

    /** Bytes of the source, 0 when none is open. */
    public long size() {
        DataSource s = source.get();
        return s == null ? 0 : s.size();
    }

    public int visibleRows() {
        return Math.max(1, visibleRows.get());
    }

    public long caret() {
        return selectionWrapper.get().caret();
    }

    /** Rows in the file: ceil(size / bytesPerRow), a long. */
    public long rowCount() {
        long size = size();
        int n = bytesPerRow.get();
        return size == 0 ? 0 : (size - 1) / n + 1;
    }

    /** The largest useful top row (the last screen ends with the last row). */
    public long maxTopRow() {
        return Math.max(0, rowCount() - visibleRows());
    }

    public void setTopRow(long row) {
        topRow.set(Math.max(0, Math.min(row, maxTopRow())));
    }

    public long selectionStart() {
        return selectionWrapper.get().start();
    }

    /** Bytes selected (the caret byte alone counts as 1 when the file is not empty). */
    public long selectionLength() {
        return size() == 0 ? 0 : selectionWrapper.get().end() - selectionWrapper.get().start() + 1;
    }

    public boolean isSelected(long offset) {
        return offset >= selectionWrapper.get().start() && offset <= selectionWrapper.get().end();
    }

    /** Puts the caret on {@code offset} (clamped into the file); extends the selection if asked. */
    public void moveTo(long offset, boolean extend) {
        long size = size();
        long at = size == 0 ? 0 : Math.max(0, Math.min(offset, size - 1));
        selectionWrapper.set(new Selection(extend ? selectionWrapper.get().anchor() : at, at));
        scrollToCaret();
    }

    /** Moves the caret by {@code delta} bytes, stopping at the ends (no wrap, no overflow). */
    public void moveBy(long delta, boolean extend) {
        long c = caret();
        long target = delta > 0 ? (c > Long.MAX_VALUE - delta ? Long.MAX_VALUE : c + delta)
                : (c < Long.MIN_VALUE - delta ? 0 : c + delta);
        moveTo(target, extend);
    }

    /** Selects {@code [start, start+length)}, caret at its end, scrolled into view from its start. */
    public void select(long start, long length) {
        long size = size();
        if (size == 0) {
            return;
        }
        long s = Math.max(0, Math.min(start, size - 1));
        long e = Math.max(s, Math.min(size - 1, s + Math.max(1, length) - 1));
        selectionWrapper.set(new Selection(s, e));
        long row = s / bytesPerRow.get();
        if (row < topRow.get() || row >= topRow.get() + visibleRows()) {
            setTopRow(row - visibleRows() / 3);
        }
    }

    public void lineUp(boolean extend) {
        moveBy(-bytesPerRow.get(), extend);
    }

    public void lineDown(boolean extend) {
        if (caret() / bytesPerRow.get() < rowCount() - 1) {
            moveBy(bytesPerRow.get(), extend);
        }
    }

    public void pageUp(boolean extend) {
        long delta = (long) visibleRows() * bytesPerRow.get();
        setTopRow(topRow.get() - visibleRows());
        moveBy(-delta, extend);
    }

    public void pageDown(boolean extend) {
        long delta = (long) visibleRows() * bytesPerRow.get();
        setTopRow(topRow.get() + visibleRows());
        long c = caret();
        moveTo(c + delta >= size() ? (c / bytesPerRow.get() == rowCount() - 1 ? c : size() - 1) : c + delta, extend);
    }

    public void rowStart(boolean extend) {
        moveTo(caret() - caret() % bytesPerRow.get(), extend);
    }

    public void rowEnd(boolean extend) {
        moveTo(caret() - caret() % bytesPerRow.get() + bytesPerRow.get() - 1, extend);
    }

    public void fileStart(boolean extend) {
        moveTo(0, extend);
    }

    public void fileEnd(boolean extend) {
        moveTo(size() - 1, extend);
    }

    /**
     * Evaluates a go-to expression ({@link OffsetExpr}) and moves there.
     *
     * @return {@code null} when it moved, else the message to show next to the field
     */
    public String goTo(String expression) {
        long target;
        try {
            target = OffsetExpr.eval(expression, caret());
        } catch (OffsetExpr.Error e) {
            return e.getMessage();
        }
        if (source.get() == null) {
            return "no file is open";
        }
        if (target < 0 || target >= size()) {
            return "offset " + target + " (0x" + Long.toHexString(target).toUpperCase(java.util.Locale.ROOT)
                    + ") is outside the file (" + size() + " bytes)";
        }
        moveTo(target, false);
        long row = target / bytesPerRow.get();
        setTopRow(row - visibleRows() / 3);
        return null;
    }

    /** Scrolls the least needed to show the caret's row. */
    public void scrollToCaret() {
        long row = caret() / bytesPerRow.get();
        if (row < topRow.get()) {
            setTopRow(row);
        } else if (row >= topRow.get() + visibleRows()) {
            setTopRow(row - visibleRows() + 1);
        } else if (topRow.get() > maxTopRow()) {
            setTopRow(topRow.get());
        }
    }

    public void zoom(double factor) {
        fontSize.set(Math.max(7, Math.min(48, Math.round(fontSize.get() * factor))));
    }
}
