package dev.structscope.app.hexview;

import dev.structscope.app.common.MemberColors;
import dev.structscope.io.source.DataSource;
import dev.structscope.io.source.Sources;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ScrollBar;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontSmoothingType;
import javafx.scene.text.Text;

import java.lang.foreign.MemorySegment;

/**
 * The hex view: a canvas that paints only the rows on screen, straight from one slice of the
 * source's segment per paint, plus a scroll bar over the whole file. The scroll bar's value is
 * the top row as a double (exact up to 2^53 rows, far past any file), so nothing here is an
 * int-indexed list of rows. All state lives in {@link HexViewModel}; this class draws it and
 * turns keys, clicks and wheel turns into model calls.
 *
 * <p>FX thread only. The only I/O it does is reading the visible bytes from the mapped segment.
 */
public final class HexView extends Region {
    /** The colours the canvas paints with, one set per theme (CSS does not reach a canvas). */
    private record Palette(Color bg, Color headerBg, Color text, Color dim, Color accent, Color selection,
                           Color grid, Color changedBg, Color changedText) {
    }

    private static final Palette LIGHT = new Palette(Color.web("#fbfbfc"), Color.web("#eef0f3"),
            Color.web("#1b1f23"), Color.web("#6a737d"), Color.web("#0969da"), Color.web("#0969da", 0.28),
            Color.web("#d0d7de"), Color.web("#c2185b"), Color.web("#ffffff"));
    private static final Palette DARK = new Palette(Color.web("#0d1117"), Color.web("#161b22"),
            Color.web("#e6edf3"), Color.web("#8b949e"), Color.web("#4493f8"), Color.web("#4493f8", 0.35),
            Color.web("#30363d"), Color.web("#f06292"), Color.web("#0d1117"));

    /** Whether to paint with the dark theme's colours; the window binds it to its theme. */
    public final javafx.beans.property.BooleanProperty dark =
            new javafx.beans.property.SimpleBooleanProperty(this, "dark");
    private Palette palette = LIGHT;

    public final HexViewModel model;
    private final BookmarksModel bookmarks;
    private final Canvas canvas = new Canvas();
    private final ScrollBar scroll = new ScrollBar();
    /**
     * Shown only while the pane is narrower than a row (the designer beside the data at 800
     * pixels): the rows scroll sideways rather than losing their right part and the text column.
     */
    private final ScrollBar hscroll = new ScrollBar();
    private final HexRowFormatter formatter = new HexRowFormatter();
    private final Metrics metrics = new Metrics();
    private DataEdits edits;
    private boolean syncingScroll;
    private boolean dragging;

    // Instrumentation, read by tests: how many paints there were and what the last one drew.
    private long paints;
    private long rowsPaintedLast;

    public HexView(HexViewModel model, BookmarksModel bookmarks) {
        this.model = model;
        this.bookmarks = bookmarks;
        getStyleClass().add("hex-view");
        setFocusTraversable(true);
        setMinSize(200, 80);
        scroll.setOrientation(Orientation.VERTICAL);
        scroll.setUnitIncrement(1);
        hscroll.setOrientation(Orientation.HORIZONTAL);
        hscroll.setVisible(false);
        getChildren().addAll(canvas, scroll, hscroll);
        hscroll.valueProperty().addListener((o, a, b) -> requestRepaint());
        dark.addListener((o, a, b) -> {
            palette = b ? DARK : LIGHT;
            paint();
        });
        scroll.valueProperty().addListener((o, a, b) -> {
            if (!syncingScroll) {
                model.setTopRow((long) Math.floor(b.doubleValue()));
            }
        });
        Runnable repaint = this::requestRepaint;
        model.topRow.addListener((o, a, b) -> repaint.run());
        model.selection.addListener((o, a, b) -> {
            revealCaretColumn();
            repaint.run();
        });
        model.overlay.addListener((o, a, b) -> repaint.run());
        model.pane.addListener((o, a, b) -> repaint.run());
        model.hexOffsets.addListener((o, a, b) -> repaint.run());
        model.source.addListener((o, a, b) -> requestLayout());
        model.bytesPerRow.addListener((o, a, b) -> requestLayout());
        model.fontSize.addListener((o, a, b) -> {
            metrics.measure(b.doubleValue());
            requestLayout();
        });
        bookmarks.items.addListener((ListChangeListener<Bookmark>) c -> repaint.run());
        metrics.measure(model.fontSize.get());
        // A filter, so that enclosing tab and split panes never take the arrows and Home/End first.
        addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        addEventHandler(KeyEvent.KEY_TYPED, this::onTyped);
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::onPress);
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::onDrag);
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> dragging = false);
        addEventHandler(ScrollEvent.SCROLL, this::onScroll);
    }

    /** Turns on typing over bytes (and the marks of changed bytes) through {@code edits}. */
    public void setEdits(DataEdits edits) {
        this.edits = edits;
        edits.version.addListener((o, a, b) -> requestRepaint());
    }

    /** Paints since creation. */
    public long paintCount() {
        return paints;
    }

    /** Rows drawn by the last paint (the visible rows, never more). */
    public long rowsPaintedLast() {
        return rowsPaintedLast;
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        double sw = scroll.prefWidth(-1);
        double viewport = Math.max(1, Math.floor(w - sw));
        double content = contentWidth();
        boolean sideways = content > viewport + 0.5;
        double hh = sideways ? hscroll.prefHeight(-1) : 0;
        hscroll.setVisible(sideways);
        hscroll.setMin(0);
        hscroll.setMax(sideways ? content - viewport : 0);
        hscroll.setVisibleAmount(sideways ? viewport * (content - viewport) / content : 0);
        hscroll.setUnitIncrement(metrics.cw * 3);
        hscroll.setBlockIncrement(viewport * 0.8);
        hscroll.setValue(Math.min(hscroll.getValue(), hscroll.getMax()));
        hscroll.resizeRelocate(0, h - hh, viewport, hh);
        scroll.resizeRelocate(w - sw, 0, sw, h - hh);
        canvas.setWidth(viewport);
        canvas.setHeight(Math.max(1, Math.floor(h - hh)));
        h -= hh;
        int rows = (int) Math.max(1, Math.floor((h - metrics.line - 4) / metrics.line));
        model.visibleRows.set(rows);
        model.setTopRow(model.topRow.get());
        paint();
    }

    @Override
    protected double computePrefWidth(double height) {
        return contentWidth() + scroll.prefWidth(-1);
    }

    /** The width of a whole row: offset, hex and text columns, as {@link #paint()} lays them out. */
    private double contentWidth() {
        int n = model.bytesPerRow.get();
        return Math.ceil(hexX() + (n * 3 + (n / 8 - 1) + 2) * metrics.cw + n * metrics.cw + metrics.pad);
    }

    /** Where the hex column starts, for the offsets' base and the file's size. */
    private double hexX() {
        return metrics.hexX(model.hexOffsets.get() ? HexRowFormatter.hexDigits(model.size())
                : HexRowFormatter.decDigits(model.size()));
    }

    /** How far the rows are scrolled sideways, in pixels (0 while they fit). */
    private double xOffset() {
        return hscroll.isVisible() ? Math.round(hscroll.getValue()) : 0;
    }

    /** Scrolls sideways, when the rows do not fit, so that the caret's byte in the focused column shows. */
    private void revealCaretColumn() {
        if (!hscroll.isVisible() || model.size() == 0) {
            return;
        }
        javafx.geometry.Point2D p = cellCentre(model.caret(), model.pane.get());
        double cw = metrics.cw;
        double x = p.getX() + xOffset();
        double view = canvas.getWidth();
        if (x - 2 * cw < xOffset()) {
            hscroll.setValue(Math.max(0, x - 2 * cw));
        } else if (x + 2 * cw > xOffset() + view) {
            hscroll.setValue(Math.min(hscroll.getMax(), x + 2 * cw - view));
        }
    }

    @Override
    protected double computePrefHeight(double width) {
        return metrics.line * 25;
    }

    private void requestRepaint() {
        // Cheap enough to paint right away: the visible rows only.
        paint();
    }

    private void syncScrollBar() {
        syncingScroll = true;
        try {
            long max = model.maxTopRow();
            scroll.setMin(0);
            scroll.setMax(Math.max(1, max));
            scroll.setVisibleAmount(Math.max(1, Math.min(model.visibleRows(), max == 0 ? 1 : max / 2.0 + 1)));
            scroll.setBlockIncrement(model.visibleRows());
            scroll.setValue(model.topRow.get());
            scroll.setDisable(max == 0);
        } finally {
            syncingScroll = false;
        }
    }

    /** Draws the header and the visible rows. */
    void paint() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.setFontSmoothingType(FontSmoothingType.GRAY);
        g.setFill(palette.bg());
        g.fillRect(0, 0, w, h);
        paints++;
        rowsPaintedLast = 0;
        syncScrollBar();
        DataSource source = model.source.get();
        if (source == null || model.size() == 0) {
            return;
        }
        g.setFont(metrics.font);
        g.setTextBaseline(VPos.TOP);
        // Header: column numbers.
        g.setFill(palette.headerBg());
        g.fillRect(0, 0, w, metrics.line + 2);
        // Everything from here is in row coordinates: the offsets scroll sideways with the bytes.
        g.save();
        g.translate(-xOffset(), 0);
        try {
            paintRows(g, source, h);
        } finally {
            g.restore();
        }
    }

    /** The header's column numbers, the visible rows and the column rules, in row coordinates. */
    private void paintRows(GraphicsContext g, DataSource source, double h) {
        int n = model.bytesPerRow.get();
        boolean hexOff = model.hexOffsets.get();
        int digits = hexOff ? HexRowFormatter.hexDigits(model.size()) : HexRowFormatter.decDigits(model.size());
        double cw = metrics.cw;
        double line = metrics.line;
        double hexX = metrics.hexX(digits);
        double asciiX = hexX + (n * 3 + (n / 8 - 1) + 2) * cw;
        g.setFill(palette.dim());
        g.fillText(hexOff ? "Offset(h)" : "Offset(d)", snap(metrics.pad), 1);
        for (int i = 0; i < n; i++) {
            g.fillText(String.format("%02X", i), snap(hexX + col(i) * cw), 1);
        }
        long top = model.topRow.get();
        long first = top * n;
        long size = model.size();
        int rows = (int) Math.min(model.visibleRows() + 1L, model.rowCount() - top);
        if (rows <= 0) {
            return;
        }
        long len = Math.min((long) rows * n, size - first);
        MemorySegment seg = Sources.guard(source, () -> source.slice(first, len));
        Overlay overlay = model.overlay.get();
        long selLo = model.selectionStart();
        long selHi = selLo + model.selectionLength() - 1;
        long caret = model.caret();
        java.util.List<dev.structscope.io.edit.EditOverlay.Range> changed = edits == null ? java.util.List.of()
                : edits.changedRanges(first, first + len);
        double y0 = line + 4;
        char[] hexLine = new char[n * 3 + n / 8];
        for (int r = 0; r < rows; r++) {
            long rowStart = first + (long) r * n;
            int count = (int) Math.min(n, size - rowStart);
            double y = y0 + r * line;
            if (y > h) {
                break;
            }
            formatter.format(seg, rowStart - first, count, rowStart, hexOff, digits);
            for (int i = 0; i < count; i++) {
                long at = rowStart + i;
                double hx = hexX + col(i) * cw;
                double ax = asciiX + i * cw;
                if (overlay != null) {
                    Overlay.Span s = overlay.spanAt(at);
                    if (s != null) {
                        paintSpan(g, s, hx - cw / 2, y, 3 * cw, line);
                        paintSpan(g, s, ax, y, cw, line);
                    }
                }
                var mark = bookmarks.at(at);
                if (mark.isPresent()) {
                    g.setFill(mark.get().color());
                    g.fillRect(snap(hx - cw / 2), snap(y + line - 2), Math.ceil(3 * cw), 2);
                    g.fillRect(snap(ax), snap(y + line - 2), Math.ceil(cw), 2);
                }
                if (at >= selLo && at <= selHi) {
                    fillByte(g, palette.selection(), hx, ax, y);
                }
                if (at == caret) {
                    strokeCaret(g, hx, ax, y);
                }
            }
            g.setFill(palette.dim());
            g.fillText(new String(formatter.offsetChars(), 0, formatter.offsetLength()), snap(metrics.pad), snap(y));
            int k = 0;
            char[] hex = formatter.hexChars();
            for (int i = 0; i < n; i++) {
                if (i > 0 && i % 8 == 0) {
                    hexLine[k++] = ' ';
                }
                hexLine[k++] = i < count ? hex[i * 3] : ' ';
                hexLine[k++] = i < count ? hex[i * 3 + 1] : ' ';
                hexLine[k++] = ' ';
            }
            g.setFill(palette.text());
            g.fillText(new String(hexLine, 0, k), snap(hexX), snap(y));
            g.fillText(new String(formatter.asciiChars(), 0, count), snap(asciiX), snap(y));
            if (!changed.isEmpty()) {
                paintChanged(g, changed, rowStart, count, hexX, asciiX, y, selLo, selHi, caret);
            }
            rowsPaintedLast++;
        }
        g.setStroke(palette.grid());
        g.setLineWidth(1);
        g.strokeLine(snap(hexX - cw) + 0.5, 0, snap(hexX - cw) + 0.5, h);
        g.strokeLine(snap(asciiX - cw) + 0.5, 0, snap(asciiX - cw) + 0.5, h);
    }

    /**
     * Changed (unsaved) bytes of one row, painted over the row: their own background and text
     * colour in both panes, with the selection tint and the caret on top again.
     */
    private void paintChanged(GraphicsContext g, java.util.List<dev.structscope.io.edit.EditOverlay.Range> changed,
                              long rowStart, int count, double hexX, double asciiX, double y, long selLo, long selHi,
                              long caret) {
        double cw = metrics.cw;
        char[] hex = formatter.hexChars();
        char[] ascii = formatter.asciiChars();
        for (int i = 0; i < count; i++) {
            long at = rowStart + i;
            if (!isChanged(changed, at)) {
                continue;
            }
            double hx = hexX + col(i) * cw;
            double ax = asciiX + i * cw;
            fillByte(g, palette.changedBg(), hx, ax, y);
            if (at >= selLo && at <= selHi) {
                fillByte(g, palette.selection(), hx, ax, y);
            }
            // A solid fill in a hue no member colour uses (members are tinted, never solid), with
            // text in contrast: marked the same in light and dark, under the selection too.
            g.setFill(palette.changedText());
            g.fillText(new String(hex, i * 3, 2), snap(hx), snap(y));
            g.fillText(String.valueOf(ascii[i]), snap(ax), snap(y));
            if (at == caret) {
                strokeCaret(g, hx, ax, y);
            }
        }
    }

    /** Fills one byte's cell in both panes: its hex pair at {@code hx}, its character at {@code ax}. */
    private void fillByte(GraphicsContext g, Color fill, double hx, double ax, double y) {
        double cw = metrics.cw;
        double line = metrics.line;
        g.setFill(fill);
        g.fillRect(snap(hx - cw / 2), snap(y), Math.ceil(3 * cw), Math.ceil(line));
        g.fillRect(snap(ax), snap(y), Math.ceil(cw), Math.ceil(line));
    }

    /** Outlines the caret's byte in both panes, heavier in the pane that has the keyboard. */
    private void strokeCaret(GraphicsContext g, double hx, double ax, double y) {
        double cw = metrics.cw;
        double line = metrics.line;
        g.setStroke(palette.accent());
        g.setLineWidth(model.pane.get() == HexViewModel.Pane.HEX ? 2 : 1);
        g.strokeRect(snap(hx - cw / 2) + 1, snap(y) + 1, Math.ceil(3 * cw) - 2, Math.ceil(line) - 2);
        g.setLineWidth(model.pane.get() == HexViewModel.Pane.ASCII ? 2 : 1);
        g.strokeRect(snap(ax) + 1, snap(y) + 1, Math.ceil(cw) - 2, Math.ceil(line) - 2);
    }

    private static boolean isChanged(java.util.List<dev.structscope.io.edit.EditOverlay.Range> changed, long at) {
        for (var r : changed) {
            if (at >= r.offset() && at - r.offset() < r.length()) {
                return true;
            }
        }
        return false;
    }

    private static void paintSpan(GraphicsContext g, Overlay.Span s, double x, double y, double w, double h) {
        if (s.padding()) {
            // Padding: a neutral hatch, the same in every view.
            g.setFill(MemberColors.PADDING.deriveColor(0, 1, 1, 0.18));
            g.fillRect(snap(x), snap(y), Math.ceil(w), Math.ceil(h));
            g.setStroke(MemberColors.PADDING.deriveColor(0, 1, 1, 0.7));
            g.setLineWidth(1);
            g.save();
            g.beginPath();
            g.rect(snap(x), snap(y), Math.ceil(w), Math.ceil(h));
            g.clip();
            for (double d = -h; d < w; d += 5) {
                g.strokeLine(snap(x + d) + 0.5, snap(y + h), snap(x + d + h) + 0.5, snap(y));
            }
            g.restore();
        } else {
            g.setFill(MemberColors.tint(s.color(), 0.35));
            g.fillRect(snap(x), snap(y), Math.ceil(w), Math.ceil(h));
        }
    }

    /** Column of byte {@code i} in character cells, counting the extra space every 8 bytes. */
    private static int col(int i) {
        return i * 3 + i / 8;
    }

    private static double snap(double v) {
        return Math.round(v);
    }

    // ---- input ------------------------------------------------------------------------------

    /** The byte under a point, and which pane it is in; null outside the bytes. */
    record Hit(long offset, HexViewModel.Pane pane) {
    }

    /**
     * The centre of byte {@code offset}'s cell in the hex (or ASCII) pane, in this control's
     * coordinates, or null when its row is not on screen (for tests that click bytes).
     */
    public javafx.geometry.Point2D pointOf(long offset, HexViewModel.Pane pane) {
        int n = model.bytesPerRow.get();
        long row = offset / n;
        if (row < model.topRow.get() || row >= model.topRow.get() + model.visibleRows()) {
            return null;
        }
        return cellCentre(offset, pane);
    }

    /** As {@link #pointOf(long, HexViewModel.Pane)}, for a row on screen or not. */
    private javafx.geometry.Point2D cellCentre(long offset, HexViewModel.Pane pane) {
        int n = model.bytesPerRow.get();
        long row = offset / n;
        int digits = model.hexOffsets.get() ? HexRowFormatter.hexDigits(model.size())
                : HexRowFormatter.decDigits(model.size());
        double cw = metrics.cw;
        double hexX = metrics.hexX(digits);
        double asciiX = hexX + (n * 3 + (n / 8 - 1) + 2) * cw;
        int i = (int) (offset % n);
        double x = (pane == HexViewModel.Pane.HEX ? hexX + col(i) * cw + cw : asciiX + i * cw + cw / 2) - xOffset();
        double y = metrics.line + 4 + (row - model.topRow.get()) * metrics.line + metrics.line / 2;
        return new javafx.geometry.Point2D(x, y);
    }

    Hit hitTest(double viewX, double y) {
        if (model.size() == 0) {
            return null;
        }
        double x = viewX + xOffset();
        int n = model.bytesPerRow.get();
        int digits = model.hexOffsets.get() ? HexRowFormatter.hexDigits(model.size())
                : HexRowFormatter.decDigits(model.size());
        double cw = metrics.cw;
        double hexX = metrics.hexX(digits);
        double asciiX = hexX + (n * 3 + (n / 8 - 1) + 2) * cw;
        double y0 = metrics.line + 4;
        long row = model.topRow.get() + (long) Math.floor(Math.max(0, y - y0) / metrics.line);
        int i;
        HexViewModel.Pane pane;
        if (x >= asciiX - cw / 2) {
            i = (int) Math.floor((x - asciiX) / cw);
            pane = HexViewModel.Pane.ASCII;
        } else {
            double c = (x - hexX + cw / 2) / cw;
            int group = (int) Math.floor(c / 25);
            i = (int) Math.floor((c - group) / 3);
            pane = HexViewModel.Pane.HEX;
        }
        i = Math.max(0, Math.min(n - 1, i));
        long at = Math.min(model.size() - 1, row * n + i);
        return new Hit(at, pane);
    }

    private void onPress(MouseEvent e) {
        requestFocus();
        Hit hit = hitTest(e.getX(), e.getY());
        if (hit != null && e.getButton() == javafx.scene.input.MouseButton.SECONDARY && model.isSelected(hit.offset())) {
            // A right click inside the selection keeps it: the context menu acts on it.
            e.consume();
            return;
        }
        if (hit != null) {
            model.pane.set(hit.pane());
            model.moveTo(hit.offset(), e.isShiftDown());
            dragging = true;
        }
        // Consumed: a TabPane around us would otherwise take the focus back on the same press.
        e.consume();
    }

    private void onDrag(MouseEvent e) {
        if (!dragging) {
            return;
        }
        if (e.getY() < metrics.line) {
            model.setTopRow(model.topRow.get() - 1);
        } else if (e.getY() > canvas.getHeight()) {
            model.setTopRow(model.topRow.get() + 1);
        }
        Hit hit = hitTest(e.getX(), Math.max(metrics.line + 4, Math.min(e.getY(), canvas.getHeight() - 1)));
        if (hit != null) {
            model.moveTo(hit.offset(), true);
        }
    }

    private void onScroll(ScrollEvent e) {
        double sideways = e.isShiftDown() && e.getDeltaX() == 0 ? e.getDeltaY() : e.getDeltaX();
        if (hscroll.isVisible() && sideways != 0 && !e.isShortcutDown()) {
            hscroll.setValue(Math.clamp(hscroll.getValue() - sideways, 0, hscroll.getMax()));
            e.consume();
            return;
        }
        if (e.isShortcutDown()) {
            model.zoom(e.getDeltaY() > 0 ? 1.1 : 1 / 1.1);
        } else {
            long rows = Math.round(-e.getDeltaY() / metrics.line);
            if (rows == 0 && e.getDeltaY() != 0) {
                rows = e.getDeltaY() > 0 ? -1 : 1;
            }
            model.setTopRow(model.topRow.get() + rows);
        }
        e.consume();
    }

    private void onKey(KeyEvent e) {
        boolean shift = e.isShiftDown();
        boolean ctrl = e.isShortcutDown();
        KeyCode code = e.getCode();
        switch (code) {
            case LEFT -> model.moveBy(-1, shift);
            case RIGHT -> model.moveBy(1, shift);
            case UP -> model.lineUp(shift);
            case DOWN -> model.lineDown(shift);
            case PAGE_UP -> model.pageUp(shift);
            case PAGE_DOWN -> model.pageDown(shift);
            case HOME -> {
                if (ctrl) {
                    model.fileStart(shift);
                } else {
                    model.rowStart(shift);
                }
            }
            case END -> {
                if (ctrl) {
                    model.fileEnd(shift);
                } else {
                    model.rowEnd(shift);
                }
            }
            case INSERT -> {
                if (edits == null || ctrl || shift) {
                    return;
                }
                edits.insertMode.set(!edits.insertMode.get());
            }
            case TAB -> model.pane.set(model.pane.get() == HexViewModel.Pane.HEX
                    ? HexViewModel.Pane.ASCII : HexViewModel.Pane.HEX);
            case PLUS, EQUALS, ADD -> {
                if (!ctrl) {
                    return;
                }
                model.zoom(1.15);
            }
            case MINUS, SUBTRACT -> {
                if (!ctrl) {
                    return;
                }
                model.zoom(1 / 1.15);
            }
            case DIGIT0, NUMPAD0 -> {
                if (!ctrl) {
                    return;
                }
                model.fontSize.set(13);
            }
            default -> {
                return;
            }
        }
        e.consume();
    }

    /** Typing over bytes: hex digits in the hex pane, characters in the ASCII pane. */
    private void onTyped(KeyEvent e) {
        String ch = e.getCharacter();
        if (edits == null || ch == null || ch.length() != 1 || e.isShortcutDown() || e.isAltDown()) {
            return;
        }
        char c = ch.charAt(0);
        boolean done = model.pane.get() == HexViewModel.Pane.HEX ? edits.typeHex(c) : edits.typeChar(c);
        if (done || !Character.isISOControl(c)) {
            e.consume();
        }
    }

    /** Font metrics of the monospace font at the current size, measured once per size. */
    private static final class Metrics {
        Font font;
        double cw;
        double line;
        final double pad = 6;

        void measure(double size) {
            font = Font.font("Monospaced", Math.round(size));
            Text t = new Text("0123456789ABCDEF0123456789ABCDEF");
            t.setFont(font);
            cw = t.getLayoutBounds().getWidth() / 32;
            line = Math.ceil(t.getLayoutBounds().getHeight() + 2);
        }

        double hexX(int digits) {
            return pad + (digits + 2) * cw;
        }
    }
}
