package dev.structscope.app.bytemap;

import dev.structscope.app.common.TaskRunner;
import dev.structscope.io.bytemap.ByteClass;
import dev.structscope.io.bytemap.ByteMap;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.function.LongConsumer;

/**
 * The larger byte map, on demand: entropy per block over a range of the file (the whole file at
 * first) as bars coloured like the strip, and under them the byte classes' shares per block
 * stacked (zero, text, other, 0xFF). The range is mapped afresh at about two blocks per pixel
 * column, so dragging across a part of it zooms in with real detail, not a stretched picture;
 * a click goes to that offset in the hex view. Scans run through the {@link ByteMapViewModel}.
 *
 * <p>A canvas, not a chart: a few thousand columns repainted on every zoom. FX thread.
 */
public final class ByteMapView extends CanvasPlotView {
    private static final double LEFT = 52;
    private static final double RIGHT = 12;
    private static final double TOP = 10;
    private static final double BAND = 46;
    private static final double AXIS = 20;

    private final ByteMapViewModel vm;
    private final Label title = new Label();
    private final ProgressBar bar = new ProgressBar();
    private final Button whole = new Button("Whole File");
    private final Button back = new Button("Zoom Out");
    private final ToggleButton entropyColours = new ToggleButton("Colour by Entropy");
    private final Deque<long[]> zooms = new ArrayDeque<>();
    private LongConsumer onGo = at -> { };
    private ByteMap map;
    private TaskRunner.Task task;
    private long from;
    private long length;
    private double pressX = Double.NaN;
    private double dragX = Double.NaN;

    public ByteMapView(ByteMapViewModel vm) {
        super("byte-map-view", 200, 160, 200);
        this.vm = vm;
        title.setId("byte-map-title");
        title.setMinWidth(0);
        title.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(title, Priority.ALWAYS);
        whole.setOnAction(e -> {
            zooms.clear();
            show(0, size());
        });
        back.setOnAction(e -> {
            if (!zooms.isEmpty()) {
                long[] r = zooms.pop();
                show(r[0], r[1]);
            }
        });
        entropyColours.setId("byte-map-by-entropy");
        entropyColours.selectedProperty().bindBidirectional(vm.byEntropy);
        entropyColours.setTooltip(new Tooltip("Colour the bars by entropy instead of by byte class (as the strip)"));
        vm.byEntropy.addListener((o, a, b) -> paint());
        bar.setPrefWidth(120);
        bar.visibleProperty().bind(bar.progressProperty().greaterThanOrEqualTo(0));
        bar.setProgress(-1);
        HBox top = new HBox(8, title, bar, entropyColours, back, whole);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(6, 8, 6, 8));
        setTop(top);
        Label hint = new Label("Drag across the bars to zoom into that range; click to go to an offset in the hex view.");
        hint.getStyleClass().add("muted");
        hint.setPadding(new Insets(2, 8, 6, 8));
        setBottom(hint);
        plot.addEventHandler(MouseEvent.MOUSE_MOVED, e -> tip.setText(describe(e.getX())));
        plot.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            pressX = e.getX();
            dragX = Double.NaN;
        });
        plot.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            dragX = e.getX();
            paint();
        });
        plot.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> release(e.getX()));
        vm.strip.addListener((o, a, strip) -> {
            // The file changed (another file, an edit): start again from the whole of it.
            ByteMap b = strip.map();
            if (b != null && (b.length() != size() || from + length > size())) {
                zooms.clear();
                show(0, size());
            }
        });
    }

    /** Called with the offset a click points at. */
    public void setOnGo(LongConsumer handler) {
        this.onGo = handler;
    }

    /** The map shown (null while scanning). */
    public ByteMap map() {
        return map;
    }

    /** Maps and shows {@code [offset, offset + len)}. */
    public void show(long offset, long len) {
        if (task != null) {
            task.cancel();
        }
        from = Math.max(0, offset);
        length = Math.max(0, Math.min(len, size() - from));
        back.setDisable(zooms.isEmpty());
        if (length == 0) {
            map = null;
            title.setText("No file");
            paint();
            return;
        }
        int blocks = (int) Math.clamp(2 * (long) plotWidth(), 64, 8192);
        title.setText(String.format(Locale.ROOT, "0x%X–0x%X (%,d bytes): mapping…", from, from + length - 1, length));
        bar.setProgress(0);
        task = vm.mapRange(from, length, blocks, m -> {
            bar.setProgress(-1);
            map = m;
            title.setText(String.format(Locale.ROOT, "0x%X–0x%X (%,d bytes) in %,d blocks of %,d bytes", m.offset(),
                    m.offset() + m.length() - 1, m.length(), m.blocks(), m.blockSize()));
            paint();
        }, err -> {
            bar.setProgress(-1);
            title.setText("No byte map: " + err);
        }, t -> bar.setProgress(Math.max(0, t.fraction())));
        paint();
    }

    private boolean rescanPending;

    /** Paints the stretched picture at once, and maps again at the new width soon after. */
    @Override
    protected void widthChanged() {
        paint();
        if (!rescanPending && length > 0) {
            rescanPending = true;
            javafx.application.Platform.runLater(() -> {
                rescanPending = false;
                // Only when the width asks for noticeably more (or fewer) blocks than it has.
                if (map != null && Math.abs(map.blocks() - 2 * plotWidth()) > plotWidth() / 2 && map.blockSize() > 1) {
                    show(from, length);
                }
            });
        }
    }

    private long size() {
        return vm.source() == null ? 0 : vm.source().size();
    }

    private double plotWidth() {
        return Math.max(1, canvas.getWidth() - LEFT - RIGHT);
    }

    /** The source offset at x, clamped into the shown range. */
    long offsetAt(double x) {
        double f = Math.clamp((x - LEFT) / plotWidth(), 0, 1);
        return Math.min(from + length - 1, from + (long) (f * length));
    }

    private void release(double x) {
        if (Double.isNaN(pressX) || length == 0) {
            return;
        }
        double a = Math.min(pressX, x);
        double b = Math.max(pressX, x);
        pressX = Double.NaN;
        dragX = Double.NaN;
        if (b - a >= 4) {
            long lo = offsetAt(a);
            long hi = offsetAt(b);
            if (hi > lo) {
                zooms.push(new long[] {from, length});
                show(lo, hi - lo + 1);
                return;
            }
        } else if (x >= LEFT) {
            onGo.accept(offsetAt(x));
        }
        paint();
    }

    String describe(double x) {
        if (map == null || map.blocks() == 0 || x < LEFT) {
            return "";
        }
        int b = map.blockAt(offsetAt(x));
        return String.format(Locale.ROOT, "0x%X–0x%X: entropy %.2f bits/byte%nzero %.0f%% · text %.0f%% · other %.0f%% · 0xFF %.0f%%",
                map.blockOffset(b), map.blockOffset(b) + map.blockLength(b) - 1, map.entropy(b),
                100 * map.fraction(b, ByteClass.ZERO), 100 * map.fraction(b, ByteClass.TEXT),
                100 * map.fraction(b, ByteClass.OTHER), 100 * map.fraction(b, ByteClass.FF));
    }

    @Override
    protected void paint() {
        GraphicsContext g = cleared();
        double h = canvas.getHeight();
        Color text = textColor();
        Color grid = gridColor();
        double pw = plotWidth();
        double ph = h - TOP - BAND - AXIS - 8;
        if (ph < 30) {
            return;
        }
        double bandY = TOP + ph + 6;
        g.setFont(Font.font(11));
        g.setLineWidth(1);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (int bits = 0; bits <= 8; bits += 2) {
            double y = Math.round(TOP + ph - bits / 8.0 * ph) + 0.5;
            g.setStroke(grid);
            g.strokeLine(LEFT, y, LEFT + pw, y);
            g.setFill(text);
            g.fillText(Integer.toString(bits), LEFT - 6, y);
        }
        g.save();
        g.translate(12, TOP + ph / 2);
        g.rotate(-90);
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText("bits/byte", 0, 0);
        g.restore();
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText("classes", LEFT - 6, bandY + BAND / 2);
        if (map != null && map.blocks() > 0) {
            boolean byEntropy = vm.byEntropy.get();
            int cols = (int) Math.floor(pw);
            for (int c = 0; c < cols; c++) {
                long o0 = from + (long) ((double) c / cols * length);
                long o1 = from + (long) ((double) (c + 1) / cols * length) - 1;
                int b0 = map.blockAt(o0);
                int b1 = Math.max(b0 + 1, map.blockAt(Math.max(o0, o1)) + 1);
                double e = 0;
                long n = 0;
                long[] share = new long[ByteClass.values().length];
                for (int b = b0; b < b1; b++) {
                    e += map.entropy(b) * map.blockLength(b);
                    n += map.blockLength(b);
                    for (ByteClass k : ByteClass.values()) {
                        share[k.ordinal()] += map.count(b, k);
                    }
                }
                double bits = n == 0 ? 0 : e / n;
                double bh = Math.max(1, bits / 8 * ph);
                g.setFill(ByteMapColors.of(map, b0, b1, byEntropy));
                g.fillRect(LEFT + c, TOP + ph - bh, 1, bh);
                double y = bandY;
                for (ByteClass k : ByteClass.values()) {
                    double sh = n == 0 ? 0 : (double) share[k.ordinal()] / n * BAND;
                    g.setFill(ByteMapColors.of(k));
                    g.fillRect(LEFT + c, y, 1, sh);
                    y += sh;
                }
            }
        }
        g.setStroke(grid);
        g.strokeRect(LEFT - 0.5, bandY - 0.5, pw + 1, BAND + 1);
        // Offsets along the bottom: both ends and three between.
        g.setFill(text);
        g.setTextBaseline(VPos.TOP);
        for (int i = 0; i <= 4; i++) {
            double x = LEFT + i / 4.0 * pw;
            long at = from + (long) (i / 4.0 * Math.max(0, length - 1));
            g.setTextAlign(i == 0 ? TextAlignment.LEFT : i == 4 ? TextAlignment.RIGHT : TextAlignment.CENTER);
            g.fillText(length == 0 ? "" : String.format(Locale.ROOT, "0x%X", at), x, bandY + BAND + 4);
        }
        if (!Double.isNaN(pressX) && !Double.isNaN(dragX)) {
            double a = Math.max(LEFT, Math.min(pressX, dragX));
            double b = Math.min(LEFT + pw, Math.max(pressX, dragX));
            g.setFill(Color.web("#0969da", 0.22));
            g.fillRect(a, TOP, b - a, ph + BAND + 6);
            g.setStroke(Color.web("#0969da"));
            g.strokeRect(a + 0.5, TOP + 0.5, b - a - 1, ph + BAND + 5);
        }
    }

    /** The larger view in a window of its own, owned by {@code owner}'s window. */
    public static javafx.stage.Stage window(ByteMapView view, javafx.scene.Node owner, String title) {
        javafx.stage.Stage st = new javafx.stage.Stage();
        st.setTitle(title);
        javafx.scene.Scene scene = new javafx.scene.Scene(view, 980, 440);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
            st.initOwner(owner.getScene().getWindow());
        }
        st.setScene(scene);
        st.setMinWidth(420);
        st.setMinHeight(260);
        return st;
    }
}
