package dev.structscope.app.live;

import dev.structscope.app.common.Converters;
import dev.structscope.app.common.Fmt;
import dev.structscope.app.fields.Columns;
import dev.structscope.io.decode.ScalarNode;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The monitor's plots over the last N seconds: messages per second, bytes per second, and a
 * chosen scalar member of the messages (its mean, with the min and max of each point), redrawn
 * from {@link LivePlots} after each of the monitor's updates while the tab shows.
 *
 * <p>JavaFX {@code LineChart}s: each series gets at most {@link LivePlots#MAX_POINTS} points
 * (the ring merges updates beyond that) and no symbols, so a redraw ten times a second is a few
 * hundred line segments, well within what the chart handles; never a point per message.
 * Binds to a {@link LiveViewModel}; FX thread.
 */
public final class LivePlotsView extends javafx.scene.layout.BorderPane {
    /** The windows offered, in seconds. */
    static final int[] WINDOWS = {10, 30, 60, 120};

    private final LivePlots plots;
    private final ComboBox<Integer> window = new ComboBox<>();
    public final ComboBox<Columns.Leaf> memberBox = new ComboBox<>();
    private final NumberAxis msgX = timeAxis();
    private final NumberAxis bytesX = timeAxis();
    private final NumberAxis valueX = timeAxis();
    private final NumberAxis msgY = new NumberAxis();
    private final NumberAxis bytesY = new NumberAxis();
    private final NumberAxis valueY = new NumberAxis();
    public final LineChart<Number, Number> messagesChart = new LineChart<>(msgX, msgY);
    private final LineChart<Number, Number> bytesChart = new LineChart<>(bytesX, bytesY);
    public final LineChart<Number, Number> memberChart = new LineChart<>(valueX, valueY);
    private final XYChart.Series<Number, Number> msgSeries = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> bytesSeries = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> minSeries = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> meanSeries = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> maxSeries = new XYChart.Series<>();
    private final Label summary = new Label();
    private final javafx.scene.control.Button popOut = new javafx.scene.control.Button("Open in Window");
    private javafx.stage.Stage own;
    private boolean showing;

    public LivePlotsView(LiveViewModel vm) {
        this.plots = vm.plots;
        setId("live-plots");
        getStyleClass().add("live-plots");
        // Its own sheet too: in a window of its own the monitor's sheet does not reach it.
        getStylesheets().add(LivePlotsView.class.getResource("/dev/structscope/app/live.css").toExternalForm());
        setPadding(new Insets(4, 6, 4, 6));
        window.setId("live-plots-window");
        window.getItems().setAll(10, 30, 60, 120);
        window.setValue(60);
        window.setConverter(Converters.showing(s -> s == null ? "" : s >= 60 ? "last " + s / 60 + " min" : "last " + s + " s"));
        window.valueProperty().addListener((o, a, b) -> redraw());
        memberBox.setId("live-plots-member");
        memberBox.setPromptText("member to plot");
        memberBox.setTooltip(new Tooltip("A number in the messages to plot over time: mean, with min and max per point"));
        memberBox.setConverter(Converters.showing(l -> l == null ? "" : l.path()));
        memberBox.valueProperty().addListener((o, a, l) -> {
            plots.setMember(l);
            memberChart.setTitle(l == null ? "Choose a member to plot" : l.path() + ": mean, min and max (dashed)");
        });
        Label show = new Label("Show");
        Label plot = new Label("Plot");
        summary.setId("live-plots-summary");
        summary.getStyleClass().add("muted");
        popOut.setId("live-plots-window-button");
        popOut.setTooltip(new Tooltip("Show the plots in a window of their own (the live pane is short on small screens)"));
        popOut.setOnAction(e -> popOut());
        FlowPane tools = new FlowPane(6, 4, show, window, plot, memberBox, popOut, summary);
        tools.setAlignment(Pos.CENTER_LEFT);
        msgSeries.setName("messages/s");
        bytesSeries.setName("bytes/s");
        minSeries.setName("min");
        meanSeries.setName("mean");
        maxSeries.setName("max");
        setUp(messagesChart, "live-plot-messages", "messages/s", msgY);
        setUp(bytesChart, "live-plot-bytes", "bytes/s", bytesY);
        setUp(memberChart, "live-plot-member", null, valueY);
        bytesY.setTickLabelFormatter(Converters.showing(n -> Fmt.binary(n.longValue())));
        valueY.setForceZeroInRange(false);
        messagesChart.getData().add(msgSeries);
        bytesChart.getData().add(bytesSeries);
        memberChart.getData().addAll(List.of(minSeries, meanSeries, maxSeries));
        memberChart.setTitle("Choose a member to plot");
        // The mean stands out; min and max frame it, thin and dashed (the legend would cost a row).
        style(msgSeries, "-fx-stroke: #0969da; -fx-stroke-width: 2px;");
        style(bytesSeries, "-fx-stroke: #8250df; -fx-stroke-width: 2px;");
        style(meanSeries, "-fx-stroke: #1a7f37; -fx-stroke-width: 2px;");
        style(minSeries, "-fx-stroke: #8c959f; -fx-stroke-width: 1px; -fx-stroke-dash-array: 4 3;");
        style(maxSeries, "-fx-stroke: #8c959f; -fx-stroke-width: 1px; -fx-stroke-dash-array: 4 3;");
        // Three charts need about 330 px; the live pane under the designer can be shorter, and
        // then they scroll rather than squash (or the person opens them in a window).
        VBox charts = new VBox(2, messagesChart, bytesChart, memberChart);
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(charts);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("edge-to-edge");
        setTop(tools);
        setCenter(scroll);
        BorderPane.setMargin(tools, new Insets(0, 0, 4, 0));
        plots.version.addListener((o, a, b) -> redraw());
        vm.decoding.addListener((o, a, d) -> members(d));
        members(vm.decoding.get());
    }

    private static void style(XYChart.Series<Number, Number> s, String css) {
        // The series' line node exists once the series is in a chart.
        if (s.getNode() != null) {
            s.getNode().setStyle(css);
        }
        s.nodeProperty().addListener((o, a, n) -> {
            if (n != null) {
                n.setStyle(css);
            }
        });
    }

    private static NumberAxis timeAxis() {
        NumberAxis x = new NumberAxis();
        x.setAutoRanging(false);
        x.setUpperBound(0);
        x.setMinorTickVisible(false);
        x.setTickLabelFormatter(Converters.showing(
                n -> n.doubleValue() == 0 ? "now" : String.format(Locale.ROOT, "%.0f s", n.doubleValue())));
        return x;
    }

    private static void setUp(LineChart<Number, Number> c, String id, String title, NumberAxis y) {
        c.setId(id);
        c.setAnimated(false);
        c.setCreateSymbols(false);
        c.setLegendVisible(false);
        c.setTitle(title);
        c.setMinHeight(110);
        c.setPrefHeight(160);
        c.getStyleClass().add("live-plot");
        y.setForceZeroInRange(true);
        y.setMinorTickVisible(false);
        VBox.setVgrow(c, Priority.ALWAYS);
    }

    /** The numeric scalar leaves of the decoding, offered for the member plot. */
    private void members(LiveViewModel.Decoding d) {
        List<Columns.Leaf> out = new ArrayList<>();
        if (d != null) {
            for (Columns.Leaf l : Columns.of(d.plan().root()).leaves()) {
                if (l.node() instanceof ScalarNode s && s.byteSize() <= 16) {
                    out.add(l);
                }
            }
        }
        memberBox.setItems(FXCollections.observableArrayList(out));
        memberBox.setValue(out.isEmpty() ? null : out.getFirst());
    }

    /** Whether the plots' tab is up: they redraw only then, or while they have a window of their own. */
    public void setShowing(boolean on) {
        showing = on;
        redraw();
    }

    private Runnable giveBack = () -> { };

    /**
     * Moves the plots into a window of their own; closing it puts them back where they were
     * ({@code giveBack}, set by the monitor, which leaves a note in their place meanwhile).
     */
    public void popOut() {
        if (own != null) {
            own.toFront();
            return;
        }
        javafx.scene.Parent home = getParent();
        javafx.stage.Window owner = getScene() == null ? null : getScene().getWindow();
        java.util.List<String> sheets = getScene() == null ? List.of() : List.copyOf(getScene().getStylesheets());
        if (home != null) {
            onPopOut.run();
        }
        own = new javafx.stage.Stage();
        own.setTitle("Live Plots");
        javafx.scene.Scene scene = new javafx.scene.Scene(this, 760, 620);
        scene.getStylesheets().setAll(sheets);
        own.setScene(scene);
        if (owner != null) {
            own.initOwner(owner);
        }
        popOut.setDisable(true);
        own.setOnHidden(e -> {
            own = null;
            popOut.setDisable(false);
            giveBack.run();
        });
        showing = true;
        own.show();
        redraw();
    }

    private Runnable onPopOut = () -> { };

    /** What the monitor does when the plots leave for a window ({@code out}) and come back ({@code back}). */
    public void setPopOutHandlers(Runnable out, Runnable back) {
        this.onPopOut = out;
        this.giveBack = back;
    }

    /** The plots' own window while they have one, else null. */
    public javafx.stage.Stage window() {
        return own;
    }

    private void redraw() {
        if (!showing) {
            return;
        }
        double secs = window.getValue() == null ? 60 : window.getValue();
        for (NumberAxis x : new NumberAxis[] {msgX, bytesX, valueX}) {
            x.setLowerBound(-secs);
            x.setTickUnit(secs / 6);
        }
        List<XYChart.Data<Number, Number>> m = new ArrayList<>();
        List<XYChart.Data<Number, Number>> b = new ArrayList<>();
        for (LivePlots.RatePoint p : plots.rates(secs)) {
            m.add(new XYChart.Data<>(p.t(), p.messagesPerSecond()));
            b.add(new XYChart.Data<>(p.t(), p.bytesPerSecond()));
        }
        msgSeries.getData().setAll(m);
        bytesSeries.getData().setAll(b);
        List<XYChart.Data<Number, Number>> lo = new ArrayList<>();
        List<XYChart.Data<Number, Number>> mean = new ArrayList<>();
        List<XYChart.Data<Number, Number>> hi = new ArrayList<>();
        for (LivePlots.ValuePoint p : plots.member(secs)) {
            lo.add(new XYChart.Data<>(p.t(), p.min()));
            mean.add(new XYChart.Data<>(p.t(), p.mean()));
            hi.add(new XYChart.Data<>(p.t(), p.max()));
        }
        minSeries.getData().setAll(lo);
        meanSeries.getData().setAll(mean);
        maxSeries.getData().setAll(hi);
        summary.setText(String.format(Locale.ROOT, "%,d messages, %s in the %s", plots.messages(secs),
                Fmt.binary(plots.bytes(secs)), window.getConverter().toString(window.getValue())));
    }
}
