package dev.structscope.app.live;

import dev.structscope.app.fields.Columns;
import dev.structscope.io.net.live.ConnState;
import dev.structscope.io.net.live.LiveMessage;
import dev.structscope.io.net.live.LiveSource;
import javafx.application.Platform;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextAlignment;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The LIVE pane under the designer: state, counters and commands on top, the virtualized
 * message list (and the compose form in a second tab), auto-scroll that lets go when the person
 * scrolls up and takes over again at the bottom. Selecting a message hands it to
 * {@link #setOnSelect} (the shell shows it in the hex view and decoded tree).
 *
 * <p>Binds to a {@link LiveViewModel}; made by the {@link LiveController}; FX thread.
 */
public final class MonitorView extends BorderPane {
    static final String EMPTY = "Not connected. Ctrl+L to connect, or Live › Open Recording…";

    private final LiveViewModel vm;
    public final TableView<LiveMessage> table = new TableView<>();
    private final Label state = new Label();
    private final Tooltip stateTip = new Tooltip();
    /** Why the connection is down or retrying, wrapped beside the badge: the badge has no room for it. */
    private final Label reason = new Label();
    private final Label source = new Label();
    private final Tooltip sourceTip = new Tooltip();
    private final Label counters = new Label();
    private final Label recordingLabel = new Label();
    private final Label placeholder = new Label(EMPTY);
    private final ToggleButton pause = new ToggleButton("Pause");
    private final ToggleButton follow = new ToggleButton("Follow");
    public final ToggleButton recordButton = new ToggleButton("● Record…");
    private final Button reconnect = new Button("Reconnect");
    private final Button disconnect = new Button("Disconnect");
    public final Button closeButton = new Button("✕");
    private final MenuButton columns = new MenuButton("Columns");
    private final TabPane body = new TabPane();
    private final Tab messagesTab = new Tab("Messages");
    private final Tab composeTab = new Tab("Compose");
    private final Tab plotsTab = new Tab("Plots");
    /** The rate and member plots. */
    public final LivePlotsView plots;
    /** Room in the toolbar for the replay controls. */
    public final HBox extraTools = new HBox(6);
    private final List<Columns.Leaf> chosen = new ArrayList<>();
    private List<Columns.Leaf> allLeaves = List.of();
    private Consumer<LiveMessage> onSelect = m -> { };

    public MonitorView(LiveViewModel vm) {
        this.vm = vm;
        getStyleClass().add("live-monitor");
        setId("live-monitor");
        getStylesheets().add(MonitorView.class.getResource("/dev/structscope/app/live.css").toExternalForm());
        Label title = new Label("LIVE");
        title.getStyleClass().add("section-label");
        state.setId("live-state");
        state.getStyleClass().add("live-state");
        // The badge is a few words (StateText) and never gives way; the whole state is its tooltip
        // and the reason wraps beside it, so nothing the person needs is behind an ellipsis.
        state.setMinWidth(Region.USE_PREF_SIZE);
        state.setTooltip(stateTip);
        title.setMinWidth(Region.USE_PREF_SIZE);
        reason.setId("live-state-reason");
        reason.getStyleClass().add("live-state-reason");
        reason.setWrapText(true);
        reason.setMaxWidth(Double.MAX_VALUE);
        reason.setMinWidth(0);
        reason.visibleProperty().bind(reason.textProperty().isNotEmpty());
        reason.managedProperty().bind(reason.visibleProperty());
        source.getStyleClass().add("muted");
        source.setMinWidth(0);
        source.setTooltip(sourceTip);
        sourceTip.textProperty().bind(source.textProperty());
        pause.setId("live-pause");
        pause.setTooltip(new Tooltip("Stop the list moving; messages keep arriving and are counted"));
        pause.selectedProperty().bindBidirectional(vm.paused);
        pause.textProperty().bind(vm.paused.map(p -> p ? "Resume" : "Pause"));
        follow.setId("live-follow");
        follow.setTooltip(new Tooltip("Scroll to the newest message; scrolling up lets go, the bottom takes over again"));
        follow.selectedProperty().bindBidirectional(vm.follow);
        recordButton.setId("live-record");
        recordingLabel.setId("live-recording");
        recordingLabel.getStyleClass().add("live-recording");
        recordingLabel.textProperty().bind(vm.recording);
        // The toggle follows the recorder: a recording also ends with the session or a write error.
        vm.recording.addListener((o, a, b) -> recordButton.setSelected(b.startsWith("●")));
        reconnect.setId("live-reconnect");
        reconnect.setOnAction(e -> confirmReconnect());
        reconnect.setTooltip(new Tooltip("Drop the connection and connect again (asks first while connected)"));
        reconnect.setMinWidth(Region.USE_PREF_SIZE);
        disconnect.setId("live-disconnect");
        disconnect.setMinWidth(Region.USE_PREF_SIZE);
        disconnect.setOnAction(e -> vm.disconnect());
        closeButton.setId("live-close");
        closeButton.getStyleClass().add("flat");
        closeButton.setTooltip(new Tooltip("Hide the live pane (disconnects)"));
        columns.setId("live-columns");
        columns.setTooltip(new Tooltip("Members shown as columns"));
        counters.setId("live-counters");
        counters.getStyleClass().add("live-counters");
        counters.textProperty().bind(vm.counters);
        counters.setMinWidth(0);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        // The connection's buttons beside what it connects to, apart from the view's tools
        // (Record beside Reconnect invited slips); the source text gives way first.
        HBox top = new HBox(8, title, source, grow, reconnect, disconnect, closeButton);
        top.getStyleClass().add("live-toolbar");
        top.setAlignment(Pos.CENTER_LEFT);
        // A flow, not a row: the middle column can be narrow, and then the tools wrap.
        FlowPane tools = new FlowPane(6, 4, pause, follow, columns, recordButton, extraTools);
        tools.getStyleClass().add("live-toolbar");
        extraTools.setAlignment(Pos.CENTER_LEFT);
        // The badge and the reason beside it have a row of their own under the buttons: in the
        // buttons' row (whose buttons never shrink) the whole badge would add to the pane's least
        // width, and the pane would claim that much more of a narrow window.
        HBox.setHgrow(reason, Priority.ALWAYS);
        HBox stateRow = new HBox(8, state, reason);
        stateRow.getStyleClass().add("live-state-row");
        HBox second = new HBox(12, counters, recordingLabel);
        second.getStyleClass().add("live-toolbar");
        counters.setWrapText(true);
        setTop(new VBox(top, stateRow, tools, second));

        table.setId("live-table");
        table.getStyleClass().add("live-table");
        table.setItems(vm.items);
        placeholder.getStyleClass().add("empty-state");
        placeholder.setWrapText(true);
        placeholder.setTextAlignment(TextAlignment.CENTER);
        // A table lays its placeholder out at its one-line width: narrower than that, it would be cut.
        placeholder.maxWidthProperty().bind(table.widthProperty().subtract(32));
        table.setPlaceholder(placeholder);
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.setFixedCellSize(24); // uniform rows: cheaper to lay out while the list moves
        table.getSelectionModel().selectedItemProperty().addListener((o, a, m) -> {
            if (m != null) {
                onSelect.accept(m);
            }
        });
        // Tabs, not side by side: the middle column is narrow, and both the list and the form need its width.
        messagesTab.setContent(table);
        messagesTab.setClosable(false);
        messagesTab.setId("live-tab-messages");
        composeTab.setClosable(false);
        composeTab.setId("live-tab-compose");
        // Rates and a member over time: a tab of its own, drawn only while it shows.
        plots = new LivePlotsView(vm);
        plotsTab.setContent(plots);
        plotsTab.setClosable(false);
        plotsTab.setId("live-tab-plots");
        plotsTab.selectedProperty().addListener((o, a, on) -> plots.setShowing(on || plots.window() != null));
        Label away = new Label("The plots are in their own window; closing it brings them back here.");
        away.getStyleClass().add("empty-state");
        away.setWrapText(true);
        plots.setPopOutHandlers(() -> plotsTab.setContent(away), () -> {
            plotsTab.setContent(plots);
            plots.setShowing(plotsTab.isSelected());
        });
        body.getTabs().addAll(messagesTab, plotsTab);
        setCenter(body);
        installFollow();

        vm.onBatch.set(this::afterBatch);
        vm.state.addListener((o, a, s) -> showState(a, s));
        vm.decoding.addListener((o, a, d) -> decodingChanged(d));
        vm.session.addListener((o, a, s) -> source.setText(s == null ? "" : s.source().describe()));
        showState(null, vm.state.get());
        decodingChanged(vm.decoding.get());
    }

    /** Whether Reconnect can do nothing now (Live ▸ Reconnect follows the button). */
    public ObservableBooleanValue reconnectDisabled() {
        return reconnect.disableProperty();
    }

    /** Whether Disconnect can do nothing now (Live ▸ Disconnect follows the button). */
    public ObservableBooleanValue disconnectDisabled() {
        return disconnect.disableProperty();
    }

    /** Puts {@code form} (the compose form) in a tab beside the message list. */
    public void setCompose(Node form) {
        composeTab.setContent(form);
        if (!body.getTabs().contains(composeTab)) {
            body.getTabs().add(composeTab);
        }
    }

    /** Brings the plots to the front. */
    public void showPlots() {
        body.getSelectionModel().select(plotsTab);
    }

    /** Brings the compose tab (true) or the message list (false) to the front. */
    public void showCompose(boolean compose) {
        body.getSelectionModel().select(compose ? composeTab : messagesTab);
    }

    public void setOnSelect(Consumer<LiveMessage> handler) {
        this.onSelect = handler;
    }

    /** Shows exactly these leaves as summary columns (unknown paths are ignored). */
    public void chooseColumns(List<String> paths) {
        chosen.clear();
        for (String p : paths) {
            allLeaves.stream().filter(l -> l.path().equals(p)).findFirst().ifPresent(chosen::add);
        }
        rebuildColumns();
    }

    private void decodingChanged(LiveViewModel.Decoding d) {
        allLeaves = d == null ? List.of() : staticLeaves(d);
        chosen.clear();
        chosen.addAll(allLeaves.subList(0, Math.min(MessageColumns.DEFAULT_SUMMARY, allLeaves.size())));
        rebuildColumns();
    }

    /**
     * The leaves a summary column can show: every leaf of a fixed record; of a dynamic one, the
     * members before the first one data moves (a protocol's header), read at their static offsets.
     */
    private static List<Columns.Leaf> staticLeaves(LiveViewModel.Decoding d) {
        List<Columns.Leaf> all = Columns.of(d.plan().root()).leaves();
        if (!d.dynamic()) {
            return all;
        }
        java.util.Set<String> fixed = new java.util.HashSet<>();
        for (dev.structscope.model.layout.FieldLayout f : d.layout().visibleFields()) {
            if (!f.dynamic() && !f.member().isDynamic()
                    && !(f.layout() instanceof dev.structscope.model.layout.RecordLayout r && r.dynamic())) {
                fixed.add(f.name());
            }
        }
        return all.stream().filter(l -> fixed.contains(l.path().split("[.\\[]", 2)[0])).toList();
    }

    private void rebuildColumns() {
        LiveViewModel.Decoding d = vm.decoding.get();
        table.getColumns().setAll(MessageColumns.of(table, d == null ? null : d.plan(), chosen, allLeaves));
        if (d != null && d.dynamic()) {
            // Which body each message has: the alternatives its tagged unions chose, after "#" and "Time".
            table.getColumns().add(2, MessageColumns.type(d.reader()));
        }
        columns.getItems().clear();
        for (Columns.Leaf leaf : allLeaves) {
            CheckMenuItem item = new CheckMenuItem(leaf.path());
            item.setSelected(chosen.contains(leaf));
            item.setOnAction(e -> {
                List<String> want = new ArrayList<>();
                for (Columns.Leaf l : allLeaves) {
                    if (l == leaf ? item.isSelected() : chosen.contains(l)) {
                        want.add(l.path());
                    }
                }
                chooseColumns(want);
            });
            columns.getItems().add(item);
        }
        columns.setDisable(allLeaves.isEmpty());
    }

    private void showState(ConnState was, ConnState s) {
        state.setText(StateText.badge(s));
        stateTip.setText(s.text());
        // A retry keeps the reason it retries after: the line would otherwise blink out and back,
        // moving the list, at every attempt.
        if (!(s instanceof ConnState.Connecting && was instanceof ConnState.Reconnecting)) {
            reason.setText(StateText.reason(s));
        }
        String tone = switch (s) {
            case ConnState.Connected c -> "up";
            case ConnState.Listening l -> "up";
            case ConnState.Connecting c -> "trying";
            case ConnState.Reconnecting r -> "trying";
            case ConnState.HandshakeFailed h -> "bad";
            case ConnState.Failed f -> "bad";
            case ConnState.Closed c -> "idle";
            case ConnState.Idle i -> "idle";
        };
        for (Label l : List.of(state, reason)) {
            l.getStyleClass().removeAll("up", "trying", "bad", "idle");
            l.getStyleClass().add(tone);
        }
        boolean client = vm.session.get() != null && (vm.session.get().source() instanceof LiveSource.TcpClient
                || vm.session.get().source() instanceof LiveSource.UnixClient);
        boolean ended = s instanceof ConnState.Closed || s instanceof ConnState.Failed || s instanceof ConnState.Idle;
        reconnect.setDisable(!client || ended);
        disconnect.setDisable(ended);
        recordButton.setDisable(ended && !recordButton.isSelected());
        placeholder.setText(vm.session.get() == null ? EMPTY : ended ? s.text() + "\n\n" + EMPTY : "Waiting for messages…");
    }

    // ---- follow (auto-scroll) -----------------------------------------------------------------

    private void afterBatch() {
        if (vm.follow.get() && !table.getItems().isEmpty()) {
            int last = table.getItems().size() - 1;
            // TableView.scrollTo puts the row at the top and, at the end of the list, leaves it under
            // a horizontal scroll bar; the flow's own scrollTo makes the row wholly visible.
            if (table.lookup(".virtual-flow") instanceof javafx.scene.control.skin.VirtualFlow<?> flow) {
                flow.scrollTo(last);
            } else {
                table.scrollTo(last);
            }
        }
    }

    private void installFollow() {
        table.addEventFilter(ScrollEvent.SCROLL, e -> {
            if (e.getDeltaY() > 0) {
                vm.follow.set(false);
            } else {
                Platform.runLater(this::followIfAtBottom);
            }
        });
        table.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            if (inScrollBar(e.getPickResult().getIntersectedNode())) {
                vm.follow.set(false);
            }
        });
        table.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> {
            if (inScrollBar(e.getPickResult().getIntersectedNode())) {
                Platform.runLater(this::followIfAtBottom);
            }
        });
        table.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            KeyCode k = e.getCode();
            if (k == KeyCode.UP || k == KeyCode.PAGE_UP || k == KeyCode.HOME) {
                vm.follow.set(false);
            } else if (k == KeyCode.END) {
                vm.follow.set(true);
            }
        });
    }

    private static boolean inScrollBar(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (p instanceof ScrollBar) {
                return true;
            }
            if (p instanceof TableView<?>) {
                return false;
            }
        }
        return false;
    }

    /** Follows again when the newest message is in view (the person scrolled back to the bottom). */
    public void followIfAtBottom() {
        if (table.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
            IndexedCell<?> last = flow.getLastVisibleCell();
            if (last != null && last.getIndex() >= table.getItems().size() - 1) {
                vm.follow.set(true);
            }
        }
    }

    /**
     * Reconnects; while a connection is up, only after the person agrees (it drops a healthy
     * connection). The question does not block: the answer comes back as an event.
     */
    public void confirmReconnect() {
        if (!(vm.state.get() instanceof ConnState.Connected c)) {
            vm.reconnect();
            return;
        }
        javafx.scene.control.Alert ask = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.CONFIRMATION,
                "The connection to " + c.peer() + " is up. Reconnecting drops it; messages the peer sends meanwhile"
                        + " are lost.", javafx.scene.control.ButtonType.OK, javafx.scene.control.ButtonType.CANCEL);
        ask.setHeaderText("Drop the connection and connect again?");
        ask.setTitle("Reconnect");
        ask.getDialogPane().setId("reconnect-confirm");
        if (getScene() != null) {
            ask.initOwner(getScene().getWindow());
        }
        ((javafx.scene.control.Button) ask.getDialogPane().lookupButton(javafx.scene.control.ButtonType.OK)).setText("Reconnect");
        ask.resultProperty().addListener((o, a, b) -> {
            if (b == javafx.scene.control.ButtonType.OK) {
                vm.reconnect();
            }
        });
        ask.show();
    }
}
