package dev.structscope.app.plot;

import dev.structscope.io.series.SeriesResult;
import javafx.application.Application;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.layout.Region;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Rectangle;

import java.util.List;

/**
 * A plot of members over the records: the picture ({@link PlotRenderer} painted on a
 * {@link Canvas} by {@link FxPlotPainter}) and a tool row (add a member, whole range, progress,
 * cancel, close). Drag across the plot to zoom into those records, scroll to zoom in or out
 * around the pointer, click to select the record under the pointer. Binds to a
 * {@link PlotViewModel}; draws only buckets, never records, so a file of any size draws at once.
 *
 * <p>FX thread only.
 */
public final class PlotView extends BorderPane {
    private static final String RECORD_INDEX = "record index";

    /** Drags shorter than this many pixels are clicks. */
    private static final double DRAG = 5;

    public final PlotViewModel model;
    public final Canvas canvas = new Canvas();
    private final Pane surface = new Pane(canvas);
    private final Rectangle rubber = new Rectangle();
    private final ComboBox<String> add = new ComboBox<>();
    private PlotViewport viewport;
    private double pressX = Double.NaN;

    /**
     * @param choices the members offered by "Add member" (the record table's columns)
     * @param onClose removes the plot from its owner
     */
    public PlotView(PlotViewModel model, List<String> choices, Runnable onClose) {
        this.model = model;
        getStyleClass().add("plot-view");
        setId("plot-view");
        canvas.setId("plot-canvas");
        Label title = new Label();
        title.setStyle("-fx-font-weight: bold;");
        title.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> "Plot: " + String.join(", ", model.members()), model.members()));
        add.setPromptText("Add member");
        add.setId("plot-add-member");
        add.setEditable(true);
        add.getItems().setAll(choices);
        add.setPrefWidth(150);
        add.setTooltip(new Tooltip("Plot another member on the same axes (a path: inner.x, pts[2].x)"));
        add.setOnAction(e -> {
            String v = add.getValue();
            if (v != null && !v.isBlank()) {
                model.addMember(v.strip());
                javafx.application.Platform.runLater(() -> add.setValue(null));
            }
        });
        ComboBox<String> xAxis = new ComboBox<>();
        xAxis.setId("plot-x-axis");
        xAxis.getItems().add(RECORD_INDEX);
        xAxis.getItems().addAll(choices);
        xAxis.setValue(RECORD_INDEX);
        xAxis.setPrefWidth(165); // "record index" whole, with the arrow, in the dense theme too
        xAxis.setMinWidth(Region.USE_PREF_SIZE);
        xAxis.setTooltip(new Tooltip("X axis: record index, or the time a member holds (Unix time, UTC)"));
        ComboBox<String> unit = new ComboBox<>();
        unit.setId("plot-time-unit");
        unit.getItems().setAll("auto", "s", "ms", "µs", "ns");
        unit.setValue("auto");
        unit.setTooltip(new Tooltip("What the time member counts since 1970: seconds, ms, µs or ns (auto: guessed from its size)"));
        unit.visibleProperty().bind(xAxis.valueProperty().isNotEqualTo(RECORD_INDEX));
        unit.managedProperty().bind(unit.visibleProperty());
        Runnable axis = () -> model.setTimeMember(RECORD_INDEX.equals(xAxis.getValue()) ? null : xAxis.getValue(),
                "auto".equals(unit.getValue()) ? null : TimeAxis.Unit.of(unit.getValue()));
        xAxis.setOnAction(e -> axis.run());
        unit.setOnAction(e -> axis.run());
        model.time.addListener((o, was, t) -> {
            if (t == null && !RECORD_INDEX.equals(xAxis.getValue())) {
                xAxis.setValue(RECORD_INDEX);
            }
        });
        Button whole = new Button("All records");
        whole.setId("plot-reset-zoom");
        whole.setTooltip(new Tooltip("Zoom out to every record (drag across the plot to zoom in, scroll to zoom)"));
        whole.setOnAction(e -> model.resetZoom());
        ProgressBar bar = new ProgressBar();
        bar.setPrefWidth(110);
        bar.progressProperty().bind(model.status.progress);
        bar.visibleProperty().bind(model.status.running);
        bar.managedProperty().bind(bar.visibleProperty());
        Button cancel = new Button("Cancel");
        cancel.visibleProperty().bind(model.status.running);
        cancel.managedProperty().bind(cancel.visibleProperty());
        cancel.setOnAction(e -> model.cancel());
        Label message = new Label();
        message.setId("plot-message");
        message.textProperty().bind(model.status.message);
        message.setMinWidth(0);
        Button close = new Button("✕");
        close.setId("plot-close");
        close.setTooltip(new Tooltip("Close the plot"));
        close.setOnAction(e -> {
            model.cancel();
            onClose.run();
        });
        FlowPane tools = new FlowPane(8, 4, title, add, new Label("X:"), xAxis, unit, whole, bar, cancel, message);
        tools.setAlignment(Pos.CENTER_LEFT);
        tools.setMinWidth(0);
        // Close stays at the right end whatever the tools wrap to.
        BorderPane top = new BorderPane(tools);
        top.setRight(close);
        BorderPane.setAlignment(close, Pos.TOP_RIGHT);
        top.setPadding(new Insets(4, 6, 4, 6));
        setTop(top);

        rubber.setManaged(false);
        rubber.setVisible(false);
        rubber.setMouseTransparent(true);
        rubber.setStyle("-fx-fill: rgba(9,105,218,0.15); -fx-stroke: rgba(9,105,218,0.8);");
        surface.getChildren().add(rubber);
        // Never shorter than its labels need (a plot 20 pixels high printed them over each other).
        surface.setMinSize(0, PlotRenderer.MIN_HEIGHT);
        surface.setPrefHeight(260);
        canvas.widthProperty().bind(surface.widthProperty());
        canvas.heightProperty().bind(surface.heightProperty());
        canvas.widthProperty().addListener(o -> redraw());
        canvas.heightProperty().addListener(o -> redraw());
        model.series.addListener(o -> redraw());
        model.selected.addListener(o -> redraw());
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
        canvas.addEventHandler(ScrollEvent.SCROLL, this::scrolled);
        setCenter(surface);
    }

    /** Where the data was last drawn (null before), for tests and hit testing. */
    public PlotViewport viewport() {
        return viewport;
    }

    private void redraw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        if (w < 1 || h < 1) {
            return;
        }
        List<SeriesResult> s = model.series.get();
        PlotRenderer.Style style = dark() ? PlotRenderer.Style.DARK : PlotRenderer.Style.LIGHT;
        viewport = PlotRenderer.viewport(s, w, h);
        FxPlotPainter.paint(canvas.getGraphicsContext2D(), PlotRenderer.render(s, model.time.get(), w, h, style,
                model.selected.get()));
    }

    private static boolean dark() {
        String ua = Application.getUserAgentStylesheet();
        return ua != null && ua.toLowerCase(java.util.Locale.ROOT).contains("dark");
    }

    private void pressed(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY || viewport == null) {
            return;
        }
        pressX = Math.clamp(e.getX(), viewport.left(), viewport.right());
    }

    private void dragged(MouseEvent e) {
        if (Double.isNaN(pressX)) {
            return;
        }
        double x = Math.clamp(e.getX(), viewport.left(), viewport.right());
        rubber.setX(Math.min(pressX, x));
        rubber.setWidth(Math.abs(x - pressX));
        rubber.setY(viewport.top());
        rubber.setHeight(viewport.bottom() - viewport.top());
        rubber.setVisible(Math.abs(x - pressX) >= DRAG);
    }

    private void released(MouseEvent e) {
        if (Double.isNaN(pressX)) {
            return;
        }
        double x = Math.clamp(e.getX(), viewport.left(), viewport.right());
        double start = pressX;
        pressX = Double.NaN;
        rubber.setVisible(false);
        if (Math.abs(x - start) >= DRAG) {
            long a = viewport.recordAt(Math.min(start, x));
            long b = viewport.recordAt(Math.max(start, x)) + 1;
            model.zoom(a, b);
        } else if (viewport.inside(e.getX(), e.getY())) {
            model.select(viewport.recordAt(e.getX()));
        }
    }

    private void scrolled(ScrollEvent e) {
        if (viewport == null || e.getDeltaY() == 0 || !viewport.inside(e.getX(), e.getY())) {
            return;
        }
        model.zoomBy(e.getDeltaY() > 0 ? 0.8 : 1.25, viewport.recordAt(e.getX()));
        e.consume();
    }
}
