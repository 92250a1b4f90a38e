package dev.structscope.app.live.compose;

import dev.structscope.app.common.Converters;
import dev.structscope.model.abi.Abi;
import dev.structscope.model.abi.Abis;
import dev.structscope.model.layout.ArrayLayout;
import dev.structscope.model.layout.FieldLayout;
import dev.structscope.model.layout.RecordLayout;
import dev.structscope.model.layout.ScalarLayout;
import dev.structscope.model.layout.TypeLayout;
import dev.structscope.model.type.Prim;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;


import java.nio.ByteOrder;

/**
 * The compose-and-send pane: a form generated from a record layout (one typed, validated editor
 * per member; structs and arrays as indented groups; a union edits the member chosen in its
 * header), "Send" once or "Send ×N", and the history of sent records (selecting one loads it back
 * into the form). Invalid values stay marked with the reason in a tooltip, and sending is
 * disabled with the reason shown ("Not connected", "2 values are invalid"). State lives in
 * {@link ComposeViewModel}; this view binds. Owned by the live monitor; FX thread.
 */
public final class ComposeView extends BorderPane {
    public final ComposeViewModel viewModel;
    private final StackPane center = new StackPane();
    private final ListView<SentRecord> historyList = new ListView<>();

    /** A view with its own view model, sending on a virtual thread. */
    /** A form whose sends run on {@code tasks}' work lane. */
    public ComposeView(dev.structscope.app.common.TaskRunner tasks) {
        this(new ComposeViewModel(tasks.executor(dev.structscope.app.common.TaskRunner.Lane.WORK), tasks.fx()::accept));
    }

    private boolean rebuilding;

    public ComposeView(ComposeViewModel viewModel) {
        this.viewModel = viewModel;
        getStyleClass().add("compose-view");
        getStylesheets().add(ComposeView.class.getResource("compose.css").toExternalForm());
        setTop(header());
        setCenter(center);
        setBottom(bottom());
        viewModel.form.addListener((o, a, b) -> showForm());
        viewModel.problem.addListener((o, a, b) -> showForm());
        showForm();
        // Tab through a long form keeps the focused editor in view (a ScrollPane does not).
        sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                scene.focusOwnerProperty().addListener((x, was, now) -> keepInView(now));
            }
        });
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && e.isShortcutDown()) {
                viewModel.send(1);
                e.consume();
            }
        });
    }

    /**
     * Shows the form of {@code layout} for data in {@code order}; null: the empty state. The ABI
     * (for {@code long double} only) is inferred from its size: 8 bytes binary64, else x87;
     * use {@link #setRecord(RecordLayout, Abi, ByteOrder)} for AArch64's binary128.
     */
    public void setRecord(RecordLayout layout, ByteOrder order) {
        setRecord(layout, layout == null ? Abis.X86_64_LINUX : guessAbi(layout), order);
    }

    /** Shows the form of {@code layout} laid out for {@code abi}, for data in {@code order}. */
    public void setRecord(RecordLayout layout, Abi abi, ByteOrder order) {
        viewModel.setRecord(layout, abi, order);
    }

    /** The connection to send through; null disables sending with the reason "Not connected". */
    public void setSender(RecordSender sender) {
        viewModel.sender.set(sender);
    }

    private VBox header() {
        Label name = new Label("COMPOSE");
        name.getStyleClass().add("compose-title");
        Label what = new Label();
        what.getStyleClass().add("compose-subtitle");
        what.textProperty().bind(viewModel.title);
        HBox top = new HBox(10, name, what);
        top.setAlignment(Pos.BASELINE_LEFT);
        top.getStyleClass().add("compose-header");
        return new VBox(top);
    }

    /** Shows {@code text} (styled {@code styleClass}) where the form goes. */
    private void showInstead(String text, String styleClass) {
        Label label = new Label(text);
        label.getStyleClass().add(styleClass);
        label.setWrapText(true);
        StackPane box = new StackPane(label);
        box.getStyleClass().add("empty-box");
        center.getChildren().setAll(box);
    }

    private void showForm() {
        GroupEntry form = viewModel.form.get();
        if (form == null && !viewModel.problem.get().isEmpty()) {
            showInstead(viewModel.problem.get(), "error-banner");
            return;
        }
        if (form == null) {
            showInstead("Nothing to compose: connect with a record type (Ctrl+L) to get an editor per member.",
                    "empty-state");
            return;
        }
        // A dynamic record's form is rebuilt when its shape changes: focus goes back to the
        // control of the same row and role (the element just added, the field just committed).
        Object focusKey = null;
        if (getScene() != null && getScene().getFocusOwner() != null) {
            focusKey = getScene().getFocusOwner().getProperties().get(FormRows.KEY);
        }
        VBox rows = FormRows.build(form, viewModel);
        // While the old rows leave the scene, focus passes through other nodes: no scrolling to them.
        rebuilding = true;
        try {
            replaceForm(rows, focusKey);
        } finally {
            rebuilding = false;
        }
        if (getScene() != null) {
            keepInView(getScene().getFocusOwner());
        }
    }

    private void replaceForm(VBox rows, Object focusKey) {
        rows.setPadding(new Insets(8, 10, 8, 10));
        ScrollPane scroll = new ScrollPane(rows);
        scroll.getStyleClass().add("compose-scroll");
        // Rows fit the pane's width (error text shortens), scrolling sideways only below the
        // width of the name, editor and type columns.
        scroll.setFitToWidth(true);
        double v = center.getChildren().isEmpty() || !(center.getChildren().getFirst() instanceof ScrollPane old)
                ? 0 : old.getVvalue();
        center.getChildren().setAll(scroll);
        // The scroll pane's skin puts the rows into the scene: needed before focus can move there.
        scroll.applyCss();
        scroll.layout();
        scroll.setVvalue(v);
        if (focusKey != null) {
            Object key = focusKey;
            var candidates = new java.util.ArrayList<>(rows.lookupAll(".compose-editor"));
            candidates.addAll(rows.lookupAll(".compose-action"));
            for (Node n : candidates) {
                if (key.equals(n.getProperties().get(FormRows.KEY))) {
                    n.requestFocus();
                    if (n instanceof javafx.scene.control.TextField f) {
                        f.end();
                    }
                    break;
                }
            }
        }
    }

    private void keepInView(Node focused) {
        if (rebuilding || focused == null || center.getChildren().isEmpty() || !(center.getChildren().getFirst() instanceof ScrollPane sp)
                || sp.getContent() == null) {
            return;
        }
        Node content = sp.getContent();
        Node p = focused;
        while (p != null && p != content) {
            p = p.getParent();
        }
        if (p == null) {
            return;
        }
        var b = content.sceneToLocal(focused.localToScene(focused.getBoundsInLocal()));
        double view = sp.getViewportBounds().getHeight();
        if (view <= 0) {
            // A new scroll pane has no viewport until its first layout pass: try again then.
            sp.viewportBoundsProperty().addListener(new javafx.beans.InvalidationListener() {
                @Override
                public void invalidated(javafx.beans.Observable o) {
                    sp.viewportBoundsProperty().removeListener(this);
                    if (sp.getViewportBounds().getHeight() > 0) {
                        keepInView(focused);
                    }
                }
            });
            return;
        }
        double range = content.getBoundsInLocal().getHeight() - view;
        if (range <= 0 || b == null) {
            return;
        }
        double top = sp.getVvalue() * range;
        if (b.getMinY() < top) {
            top = b.getMinY() - 8;
        } else if (b.getMaxY() > top + view) {
            top = b.getMaxY() - view + 8;
        } else {
            return;
        }
        sp.setVvalue(Math.clamp(top / range, 0, 1));
    }

    private VBox bottom() {
        Button once = new Button("Send");
        once.setId("compose-send");
        once.setDefaultButton(false);
        once.setOnAction(e -> viewModel.send(1));
        once.setTooltip(new Tooltip("Send the record once (Ctrl+Enter)"));
        Spinner<Integer> times = new Spinner<>();
        times.setId("compose-times");
        times.setEditable(true);
        times.setPrefWidth(110);
        SpinnerValueFactory.IntegerSpinnerValueFactory f =
                new SpinnerValueFactory.IntegerSpinnerValueFactory(1, (int) ComposeViewModel.MAX_TIMES, 1);
        // Digits only, and a commit of nothing keeps the count (the stock converter throws on
        // text that is not a number and the factory fails on an empty one).
        f.setConverter(Converters.of(v -> v == null ? "" : v.toString(), text -> {
            String t = text == null ? "" : text.strip();
            return t.isEmpty() ? f.getValue() : (int) Math.clamp(Long.parseLong(t), 1, ComposeViewModel.MAX_TIMES);
        }));
        times.setValueFactory(f);
        times.getEditor().setTextFormatter(new TextFormatter<>(change ->
                change.getControlNewText().matches("[0-9]{0,7}") ? change : null));
        f.valueProperty().addListener((o, a, b) -> viewModel.times.set(b == null ? 1 : b));
        viewModel.times.addListener((o, a, b) -> f.setValue((int) Math.clamp(b.longValue(), 1, ComposeViewModel.MAX_TIMES)));
        times.setTooltip(new Tooltip("How many times \"Send ×N\" sends the record (1 to " + ComposeViewModel.MAX_TIMES + ")"));
        Button many = new Button();
        many.setId("compose-send-n");
        many.textProperty().bind(Bindings.createStringBinding(() -> "Send ×" + viewModel.times.get(), viewModel.times));
        many.setOnAction(e -> viewModel.send());
        Button copy = new Button("Copy as Hex");
        copy.setId("compose-copy");
        copy.setTooltip(new Tooltip("Copy the record's bytes as hex, to paste into a data file (Ctrl+V in its hex view)"));
        copy.setOnAction(e -> {
            String hex = viewModel.copyHex();
            if (hex != null) {
                javafx.scene.input.ClipboardContent c = new javafx.scene.input.ClipboardContent();
                c.putString(hex);
                javafx.scene.input.Clipboard.getSystemClipboard().setContent(c);
            }
        });
        Button cancel = new Button("Cancel");
        cancel.setId("compose-cancel");
        cancel.setOnAction(e -> viewModel.cancel());
        cancel.visibleProperty().bind(viewModel.sending);
        cancel.managedProperty().bind(cancel.visibleProperty());
        var blocked = Bindings.isNotEmpty(viewModel.blocked);
        once.disableProperty().bind(blocked);
        many.disableProperty().bind(blocked);
        Label status = new Label();
        status.setId("compose-status");
        status.getStyleClass().add("compose-status");
        status.textProperty().bind(Bindings.createStringBinding(this::statusText,
                viewModel.blocked, viewModel.outcome, viewModel.validity, viewModel.form, viewModel.sending));
        Tooltip statusTip = new Tooltip();
        statusTip.textProperty().bind(status.textProperty());
        status.setTooltip(statusTip);
        viewModel.outcome.addListener((o, a, b) -> updateStatusStyle(status));
        viewModel.blocked.addListener((o, a, b) -> updateStatusStyle(status));
        viewModel.validity.addListener((o, a, b) -> updateStatusStyle(status));
        updateStatusStyle(status);
        HBox.setHgrow(status, Priority.ALWAYS);
        status.setMaxWidth(Double.MAX_VALUE);
        status.setMinWidth(0);
        for (var c : java.util.List.of(once, times, many, copy, cancel)) {
            c.setMinWidth(Region.USE_PREF_SIZE); // the status text shortens, never the controls
        }
        HBox bar = new HBox(8, once, times, many, copy, cancel, status);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("compose-bar");

        Label title = new Label("HISTORY");
        title.getStyleClass().add("compose-title");
        historyList.setId("compose-history");
        historyList.setItems(viewModel.history);
        // The form comes first: in a short pane (the live monitor's tab) the history gives way,
        // down to two rows, instead of squeezing the editors to one line.
        historyList.prefHeightProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> Math.max(56, Math.min(130, getHeight() * 0.22)), heightProperty()));
        historyList.setMinHeight(56);
        historyList.setCellFactory(l -> new HistoryCell(viewModel::load));
        historyList.setPlaceholder(new Label("Records you send are listed here; select one to load it back."));
        historyList.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> viewModel.load(b));
        VBox box = new VBox(6, bar, title, historyList);
        box.getStyleClass().add("compose-bottom");
        return box;
    }

    private String statusText() {
        String blocked = viewModel.blocked.get();
        if (viewModel.form.get() == null) {
            return "";
        }
        if (blocked.equals("Not connected")) {
            return "Not connected: connect to a socket (Ctrl+L) to send";
        }
        if (viewModel.validity.get().invalid() > 0 && !viewModel.sending.get()) {
            return blocked + ": " + viewModel.validity.get().firstError();
        }
        return viewModel.outcome.get().text();
    }

    private void updateStatusStyle(Label status) {
        boolean bad = viewModel.outcome.get().error() || viewModel.validity.get().invalid() > 0;
        status.getStyleClass().removeAll("compose-status-error", "compose-status-muted");
        status.getStyleClass().add(bad ? "compose-status-error"
                : viewModel.sender.get() == null ? "compose-status-muted" : "compose-status");
    }

    /** The x86-64 Linux rules, or Windows' when a {@code long double} member has 8 bytes. */
    static Abi guessAbi(RecordLayout layout) {
        long[] ld = {0};
        scan(layout, ld);
        return ld[0] == 8 ? Abis.X86_64_WINDOWS : ld[0] == 12 ? Abis.I386_LINUX : Abis.X86_64_LINUX;
    }

    private static void scan(TypeLayout t, long[] ld) {
        switch (t) {
            case ScalarLayout s when s.prim() == Prim.LONG_DOUBLE -> ld[0] = s.size();
            case RecordLayout r -> {
                for (FieldLayout f : r.fields()) {
                    scan(f.layout(), ld);
                }
            }
            case ArrayLayout a -> scan(a.element(), ld);
            default -> { }
        }
    }
}
