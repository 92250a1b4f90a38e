package dev.structscope.app.bytemap;

import dev.structscope.io.bytemap.ByteClass;
import dev.structscope.io.bytemap.ByteMap;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.util.Duration;

import java.util.Locale;
import java.util.function.LongConsumer;

/**
 * The narrow strip beside the hex view's scroll bar: the whole file top to bottom, each pixel
 * row coloured by the blocks it covers (byte classes mixed by their shares, or mean entropy),
 * with a frame marking the rows on screen. A press or drag goes there ({@link #setOnGo}); the
 * tooltip says what the blocks under the pointer hold. It paints from the
 * {@link ByteMapViewModel}'s map and never reads the file.
 *
 * <p>Made by the hex pane; FX thread.
 */
public final class ByteMapStrip extends Region {
    /** Width of the strip: wide enough to hit, narrow enough not to cost the bytes a column. */
    public static final double WIDTH = 16;

    private final ByteMapViewModel vm;
    private final Canvas canvas = new Canvas();
    private final Tooltip tip = new Tooltip();
    private long windowStart;
    private long windowLength;
    private LongConsumer onGo = at -> { };
    private long paints;

    public ByteMapStrip(ByteMapViewModel vm) {
        this.vm = vm;
        getStyleClass().add("byte-map-strip");
        setId("byte-map-strip");
        getChildren().add(canvas);
        setMinWidth(WIDTH);
        setPrefWidth(WIDTH);
        setMaxWidth(WIDTH);
        vm.strip.addListener((o, a, b) -> paint());
        vm.byEntropy.addListener((o, a, b) -> paint());
        tip.setShowDelay(Duration.millis(250));
        tip.setShowDuration(Duration.seconds(20));
        Tooltip.install(this, tip);
        addEventHandler(MouseEvent.MOUSE_MOVED, e -> tip.setText(describe(e.getY())));
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::go);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::go);
    }

    /** Called with the byte offset a press or drag points at. */
    public void setOnGo(LongConsumer handler) {
        this.onGo = handler;
    }

    /** The bytes on screen in the hex view, marked on the strip. */
    public void setWindow(long start, long length) {
        if (start != windowStart || length != windowLength) {
            windowStart = start;
            windowLength = length;
            paint();
        }
    }

    /** Paints since creation (tests). */
    public long paintCount() {
        return paints;
    }

    /** The byte offset at height {@code y} of the strip. */
    public long offsetAt(double y) {
        long size = size();
        double h = Math.max(1, getHeight());
        return size == 0 ? 0 : Math.max(0, Math.min(size - 1, (long) Math.floor(Math.clamp(y, 0, h) / h * size)));
    }

    /** The height at which byte {@code offset} is drawn. */
    public double yOf(long offset) {
        long size = size();
        return size == 0 ? 0 : (double) offset / size * getHeight();
    }

    private long size() {
        return vm.source() == null ? 0 : vm.source().size();
    }

    private void go(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY || size() == 0) {
            return;
        }
        if (vm.waiting()) {
            if (e.getEventType() == MouseEvent.MOUSE_PRESSED) {
                vm.mapNow();
            }
            e.consume();
            return;
        }
        onGo.accept(offsetAt(e.getY()));
        e.consume();
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(Math.max(1, Math.floor(getWidth())));
        canvas.setHeight(Math.max(1, Math.floor(getHeight())));
        paint();
    }

    private void paint() {
        paints++;
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        g.setFill(Color.web("#8c959f", 0.25));
        g.fillRect(0, 0, w, h);
        ByteMapViewModel.Strip strip = vm.strip.get();
        ByteMap m = strip.map();
        long size = size();
        if (m != null && m.blocks() > 0 && size > 0) {
            int rows = (int) h;
            for (int y = 0; y < rows; y++) {
                int b0 = m.blockAt((long) ((double) y / rows * m.length()));
                int b1 = Math.max(b0 + 1, m.blockAt((long) ((double) (y + 1) / rows * m.length()) - 1) + 1);
                g.setFill(ByteMapColors.of(m, b0, Math.min(m.blocks(), b1), vm.byEntropy.get()));
                g.fillRect(1, y, w - 2, 1);
            }
        } else if (vm.waiting()) {
            // Not mapped (a large file, or stopped): a hatch, which the tooltip explains.
            g.setStroke(Color.web("#8c959f", 0.7));
            g.setLineWidth(1);
            for (double y = -w; y < h; y += 6) {
                g.strokeLine(0, y + w, w, y);
            }
        } else if (strip.scanning()) {
            // Scanning: how far, as a thin bar down the middle.
            g.setFill(Color.web("#0969da", 0.6));
            g.fillRect(w / 2 - 1, 0, 2, h * strip.progress());
        }
        if (size > 0 && windowLength > 0) {
            double y0 = Math.floor(yOf(windowStart));
            double y1 = Math.max(y0 + 4, Math.ceil(yOf(windowStart + windowLength)));
            y1 = Math.min(h, y1);
            y0 = Math.max(0, Math.min(y0, h - 4));
            // Dark outside, light inside: visible over zero fill and 0xFF fill alike.
            g.setLineWidth(1);
            g.setStroke(Color.web("#000000", 0.85));
            g.strokeRect(0.5, y0 + 0.5, w - 1, Math.max(1, y1 - y0 - 1));
            g.setStroke(Color.web("#ffffff", 0.95));
            g.strokeRect(1.5, y0 + 1.5, w - 3, Math.max(1, y1 - y0 - 3));
        }
    }

    /** What the blocks under height {@code y} hold, for the tooltip. */
    String describe(double y) {
        ByteMapViewModel.Strip strip = vm.strip.get();
        ByteMap m = strip.map();
        if (m == null || m.blocks() == 0) {
            return !strip.message().isEmpty() ? strip.message()
                    : strip.scanning() ? String.format(Locale.ROOT, "Mapping the file's bytes: %.0f%%"
                    + " (right-click to stop)", 100 * strip.progress()) : "";
        }
        int b = m.blockAt(offsetAt(y));
        return String.format(Locale.ROOT, "0x%X–0x%X: entropy %.2f bits/byte%nzero %s · text %s · other %s · 0xFF %s%n"
                        + "Click to go there; right-click for the byte map and histogram",
                m.blockOffset(b), m.blockOffset(b) + m.blockLength(b) - 1, m.entropy(b),
                pct(m, b, ByteClass.ZERO), pct(m, b, ByteClass.TEXT), pct(m, b, ByteClass.OTHER), pct(m, b, ByteClass.FF));
    }

    private static String pct(ByteMap m, int b, ByteClass c) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * m.fraction(b, c));
    }
}
