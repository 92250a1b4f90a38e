package dev.structscope.app.designer;

import dev.structscope.app.common.Fmt;
import dev.structscope.app.common.MemberColors;
import dev.structscope.model.layout.RecordLayout;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.value.ObservableObjectValue;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import javafx.util.Duration;

import java.util.List;

/**
 * The byte ruler under the designer table: the record's bytes drawn in rows, each member a block
 * in its {@link MemberColors} colour with its name, padding hatched, bit-fields to the bit,
 * 64-byte cache-line boundaries marked. Hover shows a block's details; a click selects the member
 * (and the table's selection is shown here). Draws what {@link RulerModel#blocks} says. The compare
 * view draws two, one per side, over its own layouts. FX thread.
 */
public final class ByteRuler extends Region {
    private static final double ROW_H = 34;
    private static final double LANE_GAP = 3;
    private static final double LEFT = 56;
    private static final double MIN_BYTE_W = 16;
    private static final double TOP = 16;

    /** The record drawn, and the member index shown selected (clicks set it). */
    private final ObservableObjectValue<RecordLayout> layout;
    private final IntegerProperty selected;
    private final Canvas canvas = new Canvas();
    private final Tooltip tip = new Tooltip();
    public final BooleanProperty dark = new SimpleBooleanProperty(this, "dark", false);
    private List<RulerModel.Block> blocks = List.of();
    private int bytesPerRow = 16;
    private double byteW = 24;

    public ByteRuler(DesignerViewModel vm) {
        this(vm.layout, vm.selectedMember);
    }

    /**
     * A ruler over any record, not only the designer's: the compare view draws one per side.
     *
     * @param layout   the record to draw (null draws nothing)
     * @param selected the member index drawn selected; a click on a block sets it
     */
    public ByteRuler(ObservableObjectValue<RecordLayout> layout, IntegerProperty selected) {
        this.layout = layout;
        this.selected = selected;
        getStyleClass().add("byte-ruler");
        getChildren().add(canvas);
        tip.setShowDelay(Duration.millis(150));
        tip.setStyle("-fx-font-family: monospace;");
        layout.addListener((o, a, b) -> requestLayout());
        selected.addListener((o, a, b) -> draw());
        dark.addListener((o, a, b) -> draw());
        canvas.setOnMouseMoved(e -> {
            RulerModel.Block b = blockAt(e.getX(), e.getY());
            String tailText = b == null ? tailAt(e.getX(), e.getY()) : null;
            if (tailText != null) {
                tip.setText(tailText);
                Tooltip.install(canvas, tip);
            } else if (b == null) {
                tip.hide();
                Tooltip.uninstall(canvas, tip);
            } else {
                tip.setText(describe(b));
                Tooltip.install(canvas, tip);
            }
        });
        canvas.setOnMouseClicked(e -> {
            RulerModel.Block b = blockAt(e.getX(), e.getY());
            if (b != null && !b.isPadding()) {
                selected.set(b.memberIndex());
            }
        });
    }

    /** The blocks currently drawn (for tests and accessibility). */
    public List<RulerModel.Block> blocks() {
        return blocks;
    }

    /** Where the first part of {@code b} is drawn, in this node's coordinates (for tests and tools). */
    public javafx.geometry.Point2D centerOf(RulerModel.Block b) {
        RecordLayout l = layout.get();
        double rowH = rowHeight(l);
        int lanes = RulerModel.lanes(l);
        double laneH = (rowH - 6 - LANE_GAP * (lanes - 1)) / lanes;
        long rowBits = bytesPerRow * 8L;
        long r = b.bitOffset() / rowBits;
        long end = Math.min(b.bitOffset() + b.bitLength(), (r + 1) * rowBits);
        double x0 = LEFT + (b.bitOffset() - r * rowBits) * byteW / 8;
        double x1 = LEFT + (end - r * rowBits) * byteW / 8;
        return new javafx.geometry.Point2D((x0 + x1) / 2, TOP + r * rowH + 3 + b.lane() * (laneH + LANE_GAP) + laneH / 2);
    }

    @Override
    protected double computePrefHeight(double width) {
        RecordLayout l = layout.get();
        if (l == null) {
            return ROW_H;
        }
        int bpr = fit(width > 0 ? width : 800);
        long rows = Math.max(1, (extent(l, bpr) + bpr - 1) / bpr);
        return TOP + Math.min(rows, 64) * rowHeight(l) + 22;
    }

    @Override
    protected double computePrefWidth(double height) {
        return LEFT + 16 * 28;
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    private int fit(double width) {
        double avail = width - LEFT - 8;
        // Wide enough bytes that a 1-bit bit-field stays visible (about 4 px a bit).
        for (int bpr : new int[]{64, 32, 16, 8}) {
            if (avail / bpr >= 2 * MIN_BYTE_W) {
                return bpr;
            }
        }
        return 8;
    }

    /**
     * The bytes drawn: the record, or for a dynamic record its static prefix and then the
     * tail (the rest of that row, or a whole row when little of it is left).
     */
    private static long extent(RecordLayout l, int bpr) {
        RulerModel.Tail tail = RulerModel.tail(l);
        if (tail == null) {
            return l.size();
        }
        long left = bpr - tail.from() % bpr;
        return tail.from() + (left >= Math.min(8, bpr / 2) ? left : left + bpr);
    }

    /** The tail's drawn byte range [from, to), or null. */
    private long[] tailRange(RecordLayout l) {
        RulerModel.Tail tail = RulerModel.tail(l);
        return tail == null ? null : new long[] {tail.from(), extent(l, bytesPerRow)};
    }

    private double rowHeight(RecordLayout l) {
        int lanes = RulerModel.lanes(l);
        return lanes == 1 ? ROW_H : lanes * 18 + LANE_GAP * 2 + 4;
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        RecordLayout l = layout.get();
        if (l == null || w <= 0) {
            blocks = List.of();
            return;
        }
        blocks = RulerModel.blocks(l);
        bytesPerRow = fit(w);
        byteW = Math.floor((w - LEFT - 8) / bytesPerRow);
        double rowH = rowHeight(l);
        int lanes = RulerModel.lanes(l);
        double laneH = (rowH - 6 - LANE_GAP * (lanes - 1)) / lanes;
        Color fg = dark.get() ? Color.web("#c9d1d9") : Color.web("#24292f");
        Color grid = dark.get() ? Color.web("#30363d") : Color.web("#d0d7de");
        Color accent = dark.get() ? Color.web("#58a6ff") : Color.web("#0969da");
        Font mono = Font.font("monospace", 11);
        Font small = Font.font("monospace", 9);
        long drawn = extent(l, bytesPerRow);
        long rows = Math.min(64, (drawn + bytesPerRow - 1) / bytesPerRow);
        // Row labels and the empty byte grid.
        g.setTextBaseline(VPos.CENTER);
        g.setFont(small);
        g.setFill(fg.deriveColor(0, 1, 1, 0.7));
        g.setTextAlign(TextAlignment.LEFT);
        int step = byteW >= 24 ? 4 : 8;
        for (int b = 0; b < Math.min(bytesPerRow, drawn); b += step) {
            g.fillText("+" + b, LEFT + b * byteW + 2, TOP / 2);
        }
        for (long r = 0; r < rows; r++) {
            double y = TOP + r * rowH;
            g.setFill(fg);
            g.setFont(mono);
            g.setTextAlign(TextAlignment.RIGHT);
            g.fillText(Fmt.offset(r * bytesPerRow, true), LEFT - 8, y + rowH / 2);
            long inRow = Math.min(bytesPerRow, drawn - r * bytesPerRow);
            g.setStroke(grid);
            g.setLineWidth(1);
            for (long b = 0; b <= inRow; b++) {
                double x = LEFT + b * byteW + 0.5;
                g.strokeLine(x, y + 2, x, y + rowH - 2);
            }
        }
        int selectedIndex = selected.get();
        for (RulerModel.Block b : blocks) {
            drawBlock(g, b, rowH, laneH, selectedIndex, fg, accent, mono);
        }
        RulerModel.Tail tail = RulerModel.tail(l);
        if (tail != null) {
            drawTail(g, tail, drawn, rowH, mono);
        }
        // Cache-line boundaries: a strong line at every 64-byte multiple inside the record.
        g.setStroke(Color.web("#d73a49"));
        g.setLineWidth(2);
        for (long off = 64; off < l.size(); off += 64) {
            long r = off / bytesPerRow;
            if (r >= rows) {
                break;
            }
            double x = LEFT + (off % bytesPerRow) * byteW;
            g.strokeLine(x, TOP + r * rowH, x, TOP + r * rowH + rowH);
        }
        g.setFill(fg);
        g.setFont(small);
        g.setTextAlign(TextAlignment.LEFT);
        double footY = TOP + rows * rowH + 10;
        g.fillText(l.size() > 64 ? "red line: 64-byte cache-line boundary" : "", LEFT, footY);
    }

    private void drawBlock(GraphicsContext g, RulerModel.Block b, double rowH, double laneH, int selected, Color fg,
                           Color accent, Font font) {
        long bitStart = b.bitOffset();
        long bitEnd = b.bitOffset() + b.bitLength();
        long rowBits = bytesPerRow * 8L;
        for (long s = bitStart; s < bitEnd; ) {
            long r = s / rowBits;
            if (r >= 64) {
                return;
            }
            long e = Math.min(bitEnd, (r + 1) * rowBits);
            double x0 = LEFT + (s - r * rowBits) * byteW / 8 + 1;
            double x1 = LEFT + (e - r * rowBits) * byteW / 8 - 1;
            double y = TOP + r * rowH + 3 + b.lane() * (laneH + LANE_GAP);
            double bw = Math.max(1, x1 - x0);
            if (b.isPadding()) {
                hatch(g, x0, y, bw, laneH);
            } else {
                Color c = MemberColors.of(b.memberIndex());
                g.setFill(c);
                g.fillRoundRect(x0, y, bw, laneH, 5, 5);
                if (b.bitField()) {
                    // Subdivide to the bit so that widths can be counted.
                    g.setStroke(MemberColors.textOn(c).deriveColor(0, 1, 1, 0.35));
                    g.setLineWidth(1);
                    for (long bit = s + 1; bit < e; bit++) {
                        double x = LEFT + (bit - r * rowBits) * byteW / 8;
                        g.strokeLine(x, y + laneH * 0.65, x, y + laneH);
                    }
                }
                if (b.memberIndex() == selected) {
                    g.setStroke(accent);
                    g.setLineWidth(2.5);
                    g.strokeRoundRect(x0, y, bw, laneH, 5, 5);
                }
                g.setFill(MemberColors.textOn(c));
                g.setFont(font);
                g.setTextAlign(TextAlignment.CENTER);
                String label = fitLabel(b.name(), bw - 4);
                if (!label.isEmpty() && s == bitStart) {
                    g.fillText(label, x0 + bw / 2, y + laneH / 2);
                }
            }
            s = e;
        }
    }

    /**
     * The dynamic tail: after the static prefix, the bytes data decides, striped in the one
     * dynamic colour with a dashed outline and what decides them.
     */
    private void drawTail(GraphicsContext g, RulerModel.Tail tail, long drawn, double rowH, Font font) {
        Color c = dark.get() ? MemberColors.DYNAMIC_DARK : MemberColors.DYNAMIC;
        String label = tail.members().isEmpty() ? "data decides the rest"
                : "data decides: " + String.join(", ", tail.members());
        boolean labelled = false;
        for (long s = tail.from(); s < drawn; ) {
            long r = s / bytesPerRow;
            if (r >= 64) {
                return;
            }
            long e = Math.min(drawn, (r + 1) * bytesPerRow);
            double x = LEFT + (s - r * bytesPerRow) * byteW + 1;
            double w = (e - s) * byteW - 2;
            double y = TOP + r * rowH + 3;
            double h = rowH - 6;
            g.save();
            g.beginPath();
            g.rect(x, y, w, h);
            g.clip();
            g.setFill(c.deriveColor(0, 1, 1, 0.10));
            g.fillRect(x, y, w, h);
            g.setStroke(c.deriveColor(0, 1, 1, 0.35));
            g.setLineWidth(1);
            for (double d = -h; d < w; d += 8) {
                g.strokeLine(x + d, y + h, x + d + h, y);
            }
            g.restore();
            g.setStroke(c);
            g.setLineWidth(1.5);
            g.setLineDashes(5, 3);
            g.strokeRect(x + 0.5, y + 0.5, w - 1, h - 1);
            g.setLineDashes();
            if (!labelled) {
                String text = fitLabel(label, w - 14);
                // A plate under the text so that the stripes do not cross it.
                g.setFill(dark.get() ? Color.web("#0d1117", 0.9) : Color.web("#ffffff", 0.9));
                g.fillRect(x + 3, y + h / 2 - 8, Math.min(w - 6, text.length() * 6.8 + 8), 16);
                g.setFill(c);
                g.setFont(font);
                g.setTextAlign(TextAlignment.LEFT);
                g.fillText(text, x + 7, y + h / 2);
                labelled = true;
            }
            s = e;
        }
    }

    /** The tail's description when (x, y) is over it, else null. */
    private String tailAt(double x, double y) {
        RecordLayout l = layout.get();
        long[] range = l == null ? null : tailRange(l);
        if (range == null || x < LEFT || y < TOP) {
            return null;
        }
        long r = (long) ((y - TOP) / rowHeight(l));
        long b = r * bytesPerRow + (long) ((x - LEFT) / byteW);
        if (b < range[0] || b >= range[1]) {
            return null;
        }
        RulerModel.Tail tail = RulerModel.tail(l);
        return "From " + Fmt.offset(tail.from(), true) + " on, data decides sizes and places:\n  "
                + String.join("\n  ", tail.members());
    }

    private static String fitLabel(String name, double width) {
        int chars = (int) Math.floor(width / 6.8);
        if (chars >= name.length()) {
            return name;
        }
        return chars >= 3 ? name.substring(0, chars - 1) + "…" : "";
    }

    private void hatch(GraphicsContext g, double x, double y, double w, double h) {
        g.save();
        g.beginPath();
        g.rect(x, y, w, h);
        g.clip();
        g.setFill(MemberColors.PADDING.deriveColor(0, 1, 1, dark.get() ? 0.18 : 0.15));
        g.fillRect(x, y, w, h);
        g.setStroke(MemberColors.PADDING);
        g.setLineWidth(1);
        for (double d = -h; d < w; d += 6) {
            g.strokeLine(x + d, y + h, x + d + h, y);
        }
        g.restore();
        g.setStroke(MemberColors.PADDING);
        g.strokeRect(x + 0.5, y + 0.5, w - 1, h - 1);
    }

    private RulerModel.Block blockAt(double x, double y) {
        RecordLayout l = layout.get();
        if (l == null || x < LEFT) {
            return null;
        }
        double rowH = rowHeight(l);
        y -= TOP;
        if (y < 0) {
            return null;
        }
        long r = (long) (y / rowH);
        int lanes = RulerModel.lanes(l);
        double laneH = (rowH - 6 - LANE_GAP * (lanes - 1)) / lanes;
        int lane = (int) Math.max(0, Math.min(lanes - 1, (y - r * rowH - 3) / (laneH + LANE_GAP)));
        long bit = r * bytesPerRow * 8L + (long) ((x - LEFT) / byteW * 8);
        // Padding first: it never overlaps a member, but it lies inside the block of an anonymous
        // struct/union member whose hole it is (and is drawn over it); a union's padding is drawn
        // in lane 0 only but found from any lane.
        for (RulerModel.Block b : blocks) {
            if (b.isPadding() && bit >= b.bitOffset() && bit < b.bitOffset() + b.bitLength()) {
                return b;
            }
        }
        for (RulerModel.Block b : blocks) {
            if (b.lane() == lane && bit >= b.bitOffset() && bit < b.bitOffset() + b.bitLength()) {
                return b;
            }
        }
        return null;
    }

    private String describe(RulerModel.Block b) {
        RecordLayout l = layout.get();
        if (b.isPadding()) {
            return b.name() + "\nbytes " + Fmt.offset(b.byteOffset(), true) + " – "
                    + Fmt.offset(b.byteOffset() + b.byteLength() - 1, true);
        }
        var f = l.fields().get(b.memberIndex());
        StringBuilder sb = new StringBuilder();
        sb.append(f.typeName()).append(' ').append(b.name());
        if (b.bitField()) {
            sb.append(" : ").append(b.bitLength());
            sb.append("\nbits ").append(b.bitOffset()).append("–").append(b.bitOffset() + b.bitLength() - 1)
                    .append(" (byte ").append(Fmt.offset(b.bitOffset() / 8, true)).append(", bit ")
                    .append(b.bitOffset() % 8).append(')');
        } else {
            sb.append("\noffset ").append(Fmt.offset(f.offset(), true)).append(" (").append(f.offset())
                    .append(")  size ").append(f.size()).append("  align ").append(f.align());
        }
        if (f.member().comment() != null) {
            sb.append("\n").append(f.member().comment());
        }
        return sb.toString();
    }
}
