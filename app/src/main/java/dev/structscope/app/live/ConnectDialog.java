package dev.structscope.app.live;

import dev.structscope.io.decode.DecoderPlan;
import dev.structscope.io.net.live.ConnState;
import dev.structscope.io.net.live.LiveSession;
import dev.structscope.io.net.live.LiveSource;
import dev.structscope.model.abi.Abi;
import dev.structscope.model.layout.RecordLayout;
import javafx.beans.value.ChangeListener;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.stage.Window;

import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.Map;

/**
 * The connect dialog (Ctrl+L): TCP client, TCP server or UDP; address; framing; authkey for
 * Python's multiprocessing.connection; the record type to decode with. Problems are shown under
 * their field as one types, and Connect stays disabled until there are none. Connect starts the
 * session and keeps the dialog open until it is up: a refused connection or a wrong authkey is
 * shown here, in red, and the person can correct it and try again.
 *
 * <p>Made and shown by the {@link LiveController}; FX thread.
 */
public final class ConnectDialog extends Dialog<LiveSession> {
    public static final ButtonType CONNECT = new ButtonType("Connect", ButtonBar.ButtonData.OK_DONE);

    private final ChoiceBox<ConnectForm.Mode> mode = new ChoiceBox<>();
    private final TextField host = new TextField("127.0.0.1");
    private final TextField port = new TextField("5000");
    private Label hostLabel;
    private Label portLabel;
    private final java.util.List<Node> portRowNodes = new java.util.ArrayList<>();
    private final ChoiceBox<dev.structscope.io.net.SerialLine.Parity> parity = new ChoiceBox<>();
    private final ChoiceBox<Integer> stopBits = new ChoiceBox<>();
    private final java.util.List<Node> lineRowNodes = new java.util.ArrayList<>();
    /** The machine's serial ports, each a link that fills the device field; shown in serial mode. */
    private final javafx.scene.layout.FlowPane ports = new javafx.scene.layout.FlowPane(6, 2);
    private final ComboBox<ConnectForm.FramingChoice> framing = new ComboBox<>();
    private final PasswordField authkey = new PasswordField();
    private final ComboBox<String> type = new ComboBox<>();
    private final Label warning = new Label();
    private final Label error = new Label();
    private final ProgressIndicator busy = new ProgressIndicator();
    private final Map<String, Label> problems = new HashMap<>();
    private final Map<String, Control> inputs = new HashMap<>();
    private final LiveViewModel live;
    private final Map<String, RecordLayout> layouts;
    private final Abi abi;
    private final ByteOrder order;
    private ChangeListener<ConnState> waiting;
    private java.util.function.Consumer<ConnectForm.Input> onConnect = in -> { };

    /**
     * @param layouts the document's record types, laid out for {@code abi}
     * @param chosen  the type to offer first (the designer's), or null
     */
    public ConnectDialog(Window owner, LiveViewModel live, Map<String, RecordLayout> layouts, String chosen, Abi abi,
                         ByteOrder order) {
        this.live = live;
        this.layouts = layouts;
        this.abi = abi;
        this.order = order;
        if (owner != null) {
            initOwner(owner);
        }
        setTitle("Connect to a live source");
        setHeaderText("Decode live messages — from a socket or a serial port — with a record type of this document");
        setResizable(true);
        parity.setId("live-parity");
        parity.getItems().setAll(dev.structscope.io.net.SerialLine.Parity.values());
        parity.setValue(dev.structscope.io.net.SerialLine.Parity.NONE);
        parity.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(dev.structscope.io.net.SerialLine.Parity p) {
                return p == null ? "" : p.name().toLowerCase(java.util.Locale.ROOT);
            }

            @Override
            public dev.structscope.io.net.SerialLine.Parity fromString(String s) {
                return dev.structscope.io.net.SerialLine.Parity.valueOf(s.toUpperCase(java.util.Locale.ROOT));
            }
        });
        stopBits.setId("live-stop-bits");
        stopBits.getItems().setAll(1, 2);
        stopBits.setValue(1);
        ports.setId("live-serial-ports");
        ports.getChildren().setAll(new Label("Looking for serial ports…"));
        ports.getStyleClass().add("muted");
        mode.setId("live-mode");
        mode.getItems().setAll(ConnectForm.Mode.values());
        mode.setValue(ConnectForm.Mode.TCP_CLIENT);
        host.setId("live-host");
        port.setId("live-port");
        port.setPrefColumnCount(6);
        framing.setId("live-framing");
        framing.setMaxWidth(Double.MAX_VALUE);
        framing.getItems().setAll(ConnectForm.FramingChoice.values());
        framing.setValue(ConnectForm.FramingChoice.MP);
        authkey.setId("live-authkey");
        authkey.setPromptText("the peer's authkey");
        type.setId("live-type");
        type.getItems().setAll(layouts.keySet());
        type.setValue(chosen != null && layouts.containsKey(chosen) ? chosen : layouts.keySet().stream().findFirst().orElse(null));
        type.setPrefWidth(260);
        warning.setId("live-warning");
        warning.setWrapText(true);
        warning.getStyleClass().add("live-warning");
        error.setId("live-error");
        error.setWrapText(true);
        error.getStyleClass().add("live-error");
        // A long reason wraps onto more lines (the dialog grows) instead of ending in "...".
        error.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        error.setPrefWidth(480);
        busy.setPrefSize(16, 16);
        busy.setVisible(false);

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(4);
        grid.setPadding(new Insets(12));
        int row = 0;
        row = addRow(grid, row, "Mode", mode, null);
        row = addRow(grid, row, "Host", host, ConnectForm.HOST);
        hostLabel = (Label) grid.getChildren().stream().filter(n -> n instanceof Label l && l.getLabelFor() == host)
                .findFirst().orElseThrow();
        grid.add(warning, 1, row++);
        grid.add(ports, 1, row++);
        int portRow = row;
        row = addRow(grid, row, "Port", port, ConnectForm.PORT);
        portLabel = (Label) grid.getChildren().stream().filter(n -> n instanceof Label l && l.getLabelFor() == port)
                .findFirst().orElseThrow();
        int lineRow = row;
        HBox lineBox = new HBox(8, parity, new Label("parity"), stopBits, new Label("stop bits · 8 data bits"));
        lineBox.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        Label lineLabel = new Label("Line");
        grid.add(lineLabel, 0, row);
        grid.add(lineBox, 1, row++);
        lineRowNodes.add(lineLabel);
        lineRowNodes.add(lineBox);
        // In the Unix modes the port row goes (a path is the whole address) and Host reads Path.
        for (Node n : grid.getChildren()) {
            Integer r = GridPane.getRowIndex(n);
            if (r != null && (r == portRow || r == portRow + 1)) {
                portRowNodes.add(n);
            }
        }
        row = addRow(grid, row, "Framing", framing, ConnectForm.FRAMING);
        row = addRow(grid, row, "Authkey", authkey, ConnectForm.AUTHKEY);
        row = addRow(grid, row, "Decode as", type, ConnectForm.TYPE);
        grid.add(new HBox(8, busy, error), 0, row, 2, 1);
        warning.setMaxWidth(420);
        warning.setMinHeight(40); // kept (invisible) when there is no warning, so the dialog keeps its size
        warning.setPrefHeight(40);
        error.setMaxWidth(480);
        getDialogPane().setContent(grid);
        getDialogPane().getButtonTypes().setAll(CONNECT, ButtonType.CANCEL);
        getDialogPane().getStylesheets().add(ConnectDialog.class.getResource("/dev/structscope/app/live.css").toExternalForm());
        Button ok = connectButton();
        ok.setId("live-connect");
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume(); // the dialog closes once the session is up, not on the click
            connect();
        });
        setResultConverter(b -> null);
        setOnCloseRequest(e -> {
            if (waiting != null && getResult() == null) {
                stopWaiting();
                live.disconnect();
            }
        });
        mode.valueProperty().addListener((o, a, m) -> {
            if (m != null && a != null && (m.unix() != a.unix() || m.serial() != a.serial())) {
                // Host, path and device share the field: switching family starts from that family's default.
                host.setText(m.unix() || m.serial() ? "" : "127.0.0.1");
                if (m.serial() || a.serial()) {
                    port.setText(m.serial() ? "115200" : "5000");
                }
            } else if (m != ConnectForm.Mode.TCP_CLIENT && a == ConnectForm.Mode.TCP_CLIENT && host.getText().isBlank()) {
                host.setText("127.0.0.1");
            }
            showAddressFields();
            validate();
        });
        showAddressFields();
        host.textProperty().addListener((o, a, b) -> validate());
        port.textProperty().addListener((o, a, b) -> validate());
        framing.valueProperty().addListener((o, a, b) -> validate());
        authkey.textProperty().addListener((o, a, b) -> validate());
        type.valueProperty().addListener((o, a, b) -> validate());
        validate();
    }

    /** Host and Port for TCP and UDP; Path alone for a Unix socket; Device, Baud and Line for a serial port. */
    private void showAddressFields() {
        boolean unix = mode.getValue() != null && mode.getValue().unix();
        boolean serial = mode.getValue() != null && mode.getValue().serial();
        hostLabel.setText(unix ? "Path" : serial ? "Device" : "Host");
        portLabel.setText(serial ? "Baud" : "Port");
        host.setPromptText(unix ? (mode.getValue() == ConnectForm.Mode.UNIX_CLIENT
                ? "the Listener's address, e.g. /tmp/pymp-…/listener-…" : "/run/user/…/points.sock")
                : serial ? "/dev/ttyUSB0" : null);
        for (Node n : portRowNodes) {
            n.setVisible(!unix);
            n.setManaged(!unix);
        }
        for (Node n : lineRowNodes) {
            n.setVisible(serial);
            n.setManaged(serial);
        }
        ports.setVisible(serial);
        ports.setManaged(serial);
        if (getDialogPane().getScene() != null && getDialogPane().getScene().getWindow() != null) {
            getDialogPane().getScene().getWindow().sizeToScene();
        }
    }

    private int addRow(GridPane grid, int row, String label, Control input, String field) {
        Label l = new Label(label);
        l.setLabelFor(input);
        // The labels keep their width: a long framing name must widen the dialog, not cut "Host" to "H...".
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        grid.add(l, 0, row);
        grid.add(input, 1, row);
        if (field == null) {
            return row + 1;
        }
        Label p = new Label();
        p.setId("live-problem-" + field);
        p.getStyleClass().add("live-problem");
        p.setMinHeight(16); // room kept for a problem, so the form does not jump while one types
        problems.put(field, p);
        inputs.put(field, input);
        grid.add(p, 1, row + 1);
        return row + 2;
    }

    public Button connectButton() {
        return (Button) getDialogPane().lookupButton(CONNECT);
    }

    public ChoiceBox<ConnectForm.Mode> modeBox() {
        return mode;
    }

    public TextField hostField() {
        return host;
    }

    public TextField portField() {
        return port;
    }

    /** Shows the machine's serial ports (listed off the FX thread by the caller) as links that fill the device. */
    public void setSerialPorts(java.util.List<java.nio.file.Path> found) {
        if (found.isEmpty()) {
            ports.getChildren().setAll(new Label("No serial ports found on this machine; type a device (a pty works too)."));
            return;
        }
        ports.getChildren().setAll(new Label("Ports here:"));
        for (java.nio.file.Path p : found) {
            javafx.scene.control.Hyperlink link = new javafx.scene.control.Hyperlink(p.toString());
            link.setOnAction(e -> host.setText(p.toString()));
            ports.getChildren().add(link);
        }
    }

    public ComboBox<ConnectForm.FramingChoice> framingBox() {
        return framing;
    }

    public PasswordField authkeyField() {
        return authkey;
    }

    public ComboBox<String> typeBox() {
        return type;
    }

    public Label warningLabel() {
        return warning;
    }

    /** The connection error shown in the dialog ("" when none). */
    public Label errorLabel() {
        return error;
    }

    /** What the form holds now. */
    public ConnectForm.Input input() {
        return new ConnectForm.Input(mode.getValue(), host.getText(), port.getText(), framing.getValue(),
                authkey.getText(), type.getValue(), parity.getValue(), stopBits.getValue());
    }

    /**
     * Fills the form with what was used last time (the record type only if this document still
     * has it), so that connecting again is one Enter.
     */
    public void fill(ConnectForm.Input last) {
        if (last == null) {
            return;
        }
        if (last.mode() != null) {
            mode.setValue(last.mode());
        }
        host.setText(last.host() == null ? "" : last.host());
        port.setText(last.port() == null ? "" : last.port());
        if (last.framing() != null) {
            framing.setValue(last.framing());
        }
        authkey.setText(last.authkey() == null ? "" : last.authkey());
        if (last.parity() != null) {
            parity.setValue(last.parity());
        }
        if (last.stopBits() != null) {
            stopBits.setValue(last.stopBits());
        }
        if (last.type() != null && layouts.containsKey(last.type())) {
            type.setValue(last.type());
        }
        validate();
    }

    /** Called with the form's values each time Connect is pressed with a valid form. */
    public void setOnConnect(java.util.function.Consumer<ConnectForm.Input> action) {
        onConnect = action;
    }

    /** Marks the fields with problems; enables Connect when there are none. */
    public boolean validate() {
        boolean udp = mode.getValue() == ConnectForm.Mode.UDP;
        framing.setDisable(udp);
        authkey.setDisable(udp || mode.getValue() == ConnectForm.Mode.SERIAL
                || framing.getValue() != ConnectForm.FramingChoice.MP);
        Map<String, String> found = ConnectForm.validate(input());
        problems.forEach((field, label) -> {
            String text = found.get(field);
            label.setText(text == null ? "" : text);
            Node in = inputs.get(field);
            in.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("invalid"), text != null);
            ((Control) in).setTooltip(text == null ? null : new Tooltip(text));
        });
        String warn = ConnectForm.bindWarning(mode.getValue(), host.getText());
        warning.setText(warn == null ? "" : "⚠ " + warn);
        warning.setVisible(warn != null);
        // Room for the warning only where one can appear (listening), so a client's form has no gap.
        boolean wasManaged = warning.isManaged();
        warning.setManaged(mode.getValue() != null && !mode.getValue().client() && !mode.getValue().unix()
                && !mode.getValue().serial());
        if (wasManaged != warning.isManaged() && getDialogPane().getScene() != null
                && getDialogPane().getScene().getWindow() != null) {
            // The form grew or shrank by the warning's row: the window follows, so the buttons stay in view.
            getDialogPane().getScene().getWindow().sizeToScene();
        }
        connectButton().setDisable(!found.isEmpty() || waiting != null);
        return found.isEmpty();
    }

    private void connect() {
        if (!validate()) {
            return;
        }
        onConnect.accept(input());
        RecordLayout layout = layouts.get(type.getValue());
        DecoderPlan plan;
        try {
            plan = DecoderPlan.compile(layout, abi, order);
        } catch (RuntimeException e) {
            error.setText("Cannot decode with " + type.getValue() + ": " + e.getMessage());
            return;
        }
        LiveViewModel.Decoding decoding = new LiveViewModel.Decoding(type.getValue(), layout, abi, plan);
        if (!layout.fixedInC() && framing.getValue() == ConnectForm.FramingChoice.FIXED
                && mode.getValue() != ConnectForm.Mode.UDP) {
            error.setText(type.getValue() + " is a dynamic record (its content gives its length): choose the"
                    + " self-delimiting record framing or a length prefix.");
            return;
        }
        LiveSource source = ConnectForm.source(input(), decoding.reader());
        error.setText("");
        busy.setVisible(true);
        waiting = (o, a, st) -> onState(st);
        live.state.addListener(waiting);
        connectButton().setDisable(true);
        live.connect(source, decoding);
    }

    private void onState(ConnState st) {
        switch (st) {
            case ConnState.Connected c -> succeed();
            case ConnState.Listening l -> succeed();
            case ConnState.HandshakeFailed h -> fail(h.text() + ". Check that the authkey is the one the peer uses.");
            case ConnState.Failed f -> fail(f.text());
            case ConnState.Reconnecting r -> fail("Could not connect: " + r.why());
            case ConnState.Closed c -> fail("The connection closed: " + c.why());
            case ConnState.Connecting c -> { }
            case ConnState.Idle i -> { }
        }
    }

    private void succeed() {
        stopWaiting();
        setResult(live.session.get());
        close();
    }

    private void fail(String why) {
        stopWaiting();
        live.disconnect();
        error.setText(why);
        validate();
    }

    private void stopWaiting() {
        if (waiting != null) {
            live.state.removeListener(waiting);
            waiting = null;
        }
        busy.setVisible(false);
    }
}
