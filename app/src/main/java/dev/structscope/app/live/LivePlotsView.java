package dev.structscope.app.live;

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
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

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
public final class LivePlotsView extends VBox {
    /** The windows offered, in seconds. */
    static final int[] WINDOWS = {10, 30, 60, 120};

    private final LivePlots plots;
    private final ComboBox<Integer> window = new ComboBox<>();
    private final ComboBox<Columns.Leaf> member = new ComboBox<>();
    private final NumberAxis msgX = timeAxis();
    private final NumberAxis bytesX = timeAxis();
    private final NumberAxis valueX = timeAxis();
    private final NumberAxis msgY = new NumberAxis();
    private final NumberAxis bytesY = new NumberAxis();
    private final NumberAxis valueY = new NumberAxis();
    private final LineChart<Number, Number> msgChart = new LineChart<>(msgX, msgY);
    private final LineChart<Number, Number> bytesChart = new LineChart<>(bytesX, bytesY);
    private final LineChart<Number, Number> valueChart = new LineChart<>(valueX, valueY);
    private final XYChart.Series<Number, Number> msgSeries = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> bytesSeries = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> minSeries = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> meanSeries = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> maxSeries = new XYChart.Series<>();
    private final Label summary = new Label();
    private boolean showing;
    private long redraws;

    public LivePlotsView(LiveViewModel vm) {
        this.plots = vm.plots();
        setId("live-plots");
        getStyleClass().add("live-plots");
        setSpacing(2);
        setPadding(new Insets(4, 6, 4, 6));
        window.setId("live-plots-window");
        window.getItems().setAll(10, 30, 60, 120);
        window.setValue(60);
        window.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer s) {
                return s == null ? "" : s >= 60 ? "last " + s / 60 + " min" : "last " + s + " s";
            }

            @Override
            public Integer fromString(String s) {
                return null;
            }
        });
        window.valueProperty().addListener((o, a, b) -> redraw());
        member.setId("live-plots-member");
        member.setPromptText("member to plot");
        member.setTooltip(new Tooltip("A number in the messages to plot over time: mean, with min and max per point"));
        member.setConverter(new StringConverter<>() {
            @Override
            public String toString(Columns.Leaf l) {
                return l == null ? "" : l.path();
            }

            @Override
            public Columns.Leaf fromString(String s) {
                return null;
            }
        });
        member.valueProperty().addListener((o, a, l) -> {
            plots.setMember(l);
            valueChart.setTitle(l == null ? "Choose a member to plot" : l.path());
        });
        Label show = new Label("Show");
        Label plot = new Label("Plot");
        summary.setId("live-plots-summary");
        summary.getStyleClass().add("muted");
        FlowPane tools = new FlowPane(6, 4, show, window, plot, member, summary);
        tools.setAlignment(Pos.CENTER_LEFT);
        msgSeries.setName("messages/s");
        bytesSeries.setName("bytes/s");
        minSeries.setName("min");
        meanSeries.setName("mean");
        maxSeries.setName("max");
        setUp(msgChart, "live-plot-messages", "messages/s", msgY);
        setUp(bytesChart, "live-plot-bytes", "bytes/s", bytesY);
        setUp(valueChart, "live-plot-member", null, valueY);
        bytesY.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number n) {
                return Fmt.binary(n.longValue());
            }

            @Override
            public Number fromString(String s) {
                return null;
            }
        });
        valueY.setForceZeroInRange(false);
        msgChart.getData().add(msgSeries);
        bytesChart.getData().add(bytesSeries);
        valueChart.getData().addAll(List.of(minSeries, meanSeries, maxSeries));
        valueChart.setLegendVisible(true);
        valueChart.setTitle("Choose a member to plot");
        getChildren().setAll(tools, msgChart, bytesChart, valueChart);
        plots.versionProperty().addListener((o, a, b) -> redraw());
        vm.decodingProperty().addListener((o, a, d) -> members(d));
        members(vm.decodingProperty().get());
    }

    private static NumberAxis timeAxis() {
        NumberAxis x = new NumberAxis();
        x.setAutoRanging(false);
        x.setUpperBound(0);
        x.setMinorTickVisible(false);
        x.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number n) {
                return n.doubleValue() == 0 ? "now" : String.format(Locale.ROOT, "%.0f s", n.doubleValue());
            }

            @Override
            public Number fromString(String s) {
                return null;
            }
        });
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
        member.setItems(FXCollections.observableArrayList(out));
        member.setValue(out.isEmpty() ? null : out.getFirst());
    }

    /** Whether the plots are on screen: they redraw only then. */
    public void setShowing(boolean on) {
        showing = on;
        redraw();
    }

    public ComboBox<Columns.Leaf> memberBox() {
        return member;
    }

    public ComboBox<Integer> windowBox() {
        return window;
    }

    public LineChart<Number, Number> messagesChart() {
        return msgChart;
    }

    public LineChart<Number, Number> memberChart() {
        return valueChart;
    }

    /** Redraws since creation (tests). */
    public long redraws() {
        return redraws;
    }

    private void redraw() {
        if (!showing) {
            return;
        }
        redraws++;
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
