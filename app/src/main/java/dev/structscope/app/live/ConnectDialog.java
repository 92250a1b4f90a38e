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

    public final ChoiceBox<ConnectForm.Mode> modeBox = new ChoiceBox<>();
    public final TextField hostField = new TextField("127.0.0.1");
    public final TextField portField = new TextField("5000");
    private Label hostLabel;
    private Label portLabel;
    private final java.util.List<Node> portRowNodes = new java.util.ArrayList<>();
    private final ChoiceBox<dev.structscope.io.net.SerialLine.Parity> parity = new ChoiceBox<>();
    private final ChoiceBox<Integer> stopBits = new ChoiceBox<>();
    private final java.util.List<Node> lineRowNodes = new java.util.ArrayList<>();
    /** The machine's serial ports, each a link that fills the device field; shown in serial mode. */
    private final javafx.scene.layout.FlowPane ports = new javafx.scene.layout.FlowPane(6, 2);
    public final ComboBox<ConnectForm.FramingChoice> framingBox = new ComboBox<>();
    public final PasswordField authkeyField = new PasswordField();
    public final ComboBox<String> typeBox = new ComboBox<>();
    public final Label warningLabel = new Label();
    /** The connection error shown in the dialog ("" when none). */
    public final Label errorLabel = new Label();
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
        modeBox.setId("live-mode");
        modeBox.getItems().setAll(ConnectForm.Mode.values());
        modeBox.setValue(ConnectForm.Mode.TCP_CLIENT);
        hostField.setId("live-host");
        portField.setId("live-port");
        portField.setPrefColumnCount(6);
        framingBox.setId("live-framing");
        framingBox.setMaxWidth(Double.MAX_VALUE);
        framingBox.getItems().setAll(ConnectForm.FramingChoice.values());
        framingBox.setValue(ConnectForm.FramingChoice.MP);
        authkeyField.setId("live-authkey");
        authkeyField.setPromptText("the peer's authkey");
        typeBox.setId("live-type");
        typeBox.getItems().setAll(layouts.keySet());
        typeBox.setValue(chosen != null && layouts.containsKey(chosen) ? chosen : layouts.keySet().stream().findFirst().orElse(null));
        typeBox.setPrefWidth(260);
        warningLabel.setId("live-warning");
        warningLabel.setWrapText(true);
        warningLabel.getStyleClass().add("live-warning");
        errorLabel.setId("live-error");
        errorLabel.setWrapText(true);
        errorLabel.getStyleClass().add("live-error");
        // A long reason wraps onto more lines (the dialog grows) instead of ending in "...".
        errorLabel.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        errorLabel.setPrefWidth(480);
        busy.setPrefSize(16, 16);
        busy.setVisible(false);

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(4);
        grid.setPadding(new Insets(12));
        int row = 0;
        row = addRow(grid, row, "Mode", modeBox, null);
        row = addRow(grid, row, "Host", hostField, ConnectForm.HOST);
        hostLabel = (Label) grid.getChildren().stream().filter(n -> n instanceof Label l && l.getLabelFor() == hostField)
                .findFirst().orElseThrow();
        grid.add(warningLabel, 1, row++);
        grid.add(ports, 1, row++);
        int portRow = row;
        row = addRow(grid, row, "Port", portField, ConnectForm.PORT);
        portLabel = (Label) grid.getChildren().stream().filter(n -> n instanceof Label l && l.getLabelFor() == portField)
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
        row = addRow(grid, row, "Framing", framingBox, ConnectForm.FRAMING);
        row = addRow(grid, row, "Authkey", authkeyField, ConnectForm.AUTHKEY);
        row = addRow(grid, row, "Decode as", typeBox, ConnectForm.TYPE);
        grid.add(new HBox(8, busy, errorLabel), 0, row, 2, 1);
        warningLabel.setMaxWidth(420);
        warningLabel.setMinHeight(40); // kept (invisible) when there is no warning, so the dialog keeps its size
        warningLabel.setPrefHeight(40);
        errorLabel.setMaxWidth(480);
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
        modeBox.valueProperty().addListener((o, a, m) -> {
            if (m != null && a != null && (m.unix() != a.unix() || m.serial() != a.serial())) {
                // Host, path and device share the field: switching family starts from that family's default.
                hostField.setText(m.unix() || m.serial() ? "" : "127.0.0.1");
                if (m.serial() || a.serial()) {
                    portField.setText(m.serial() ? "115200" : "5000");
                }
            } else if (m != ConnectForm.Mode.TCP_CLIENT && a == ConnectForm.Mode.TCP_CLIENT && hostField.getText().isBlank()) {
                hostField.setText("127.0.0.1");
            }
            showAddressFields();
            validate();
        });
        showAddressFields();
        hostField.textProperty().addListener((o, a, b) -> validate());
        portField.textProperty().addListener((o, a, b) -> validate());
        framingBox.valueProperty().addListener((o, a, b) -> validate());
        authkeyField.textProperty().addListener((o, a, b) -> validate());
        typeBox.valueProperty().addListener((o, a, b) -> validate());
        validate();
    }

    /** Host and Port for TCP and UDP; Path alone for a Unix socket; Device, Baud and Line for a serial port. */
    private void showAddressFields() {
        boolean unix = modeBox.getValue() != null && modeBox.getValue().unix();
        boolean serial = modeBox.getValue() != null && modeBox.getValue().serial();
        hostLabel.setText(unix ? "Path" : serial ? "Device" : "Host");
        portLabel.setText(serial ? "Baud" : "Port");
        hostField.setPromptText(unix ? (modeBox.getValue() == ConnectForm.Mode.UNIX_CLIENT
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

    /** Shows the machine's serial ports (listed off the FX thread by the caller) as links that fill the device. */
    public void setSerialPorts(java.util.List<java.nio.file.Path> found) {
        if (found.isEmpty()) {
            ports.getChildren().setAll(new Label("No serial ports found on this machine; type a device (a pty works too)."));
            return;
        }
        ports.getChildren().setAll(new Label("Ports here:"));
        for (java.nio.file.Path p : found) {
            javafx.scene.control.Hyperlink link = new javafx.scene.control.Hyperlink(p.toString());
            link.setOnAction(e -> hostField.setText(p.toString()));
            ports.getChildren().add(link);
        }
    }

    /** What the form holds now. */
    public ConnectForm.Input input() {
        return new ConnectForm.Input(modeBox.getValue(), hostField.getText(), portField.getText(), framingBox.getValue(),
                authkeyField.getText(), typeBox.getValue(), parity.getValue(), stopBits.getValue());
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
            modeBox.setValue(last.mode());
        }
        hostField.setText(last.host() == null ? "" : last.host());
        portField.setText(last.port() == null ? "" : last.port());
        if (last.framing() != null) {
            framingBox.setValue(last.framing());
        }
        authkeyField.setText(last.authkey() == null ? "" : last.authkey());
        if (last.parity() != null) {
            parity.setValue(last.parity());
        }
        if (last.stopBits() != null) {
            stopBits.setValue(last.stopBits());
        }
        if (last.type() != null && layouts.containsKey(last.type())) {
            typeBox.setValue(last.type());
        }
        validate();
    }

    /** Called with the form's values each time Connect is pressed with a valid form. */
    public void setOnConnect(java.util.function.Consumer<ConnectForm.Input> action) {
        onConnect = action;
    }

    /** Marks the fields with problems; enables Connect when there are none. */
    public boolean validate() {
        boolean udp = modeBox.getValue() == ConnectForm.Mode.UDP;
        framingBox.setDisable(udp);
        authkeyField.setDisable(udp || modeBox.getValue() == ConnectForm.Mode.SERIAL
                || framingBox.getValue() != ConnectForm.FramingChoice.MP);
        Map<String, String> found = ConnectForm.validate(input());
        problems.forEach((field, label) -> {
            String text = found.get(field);
            label.setText(text == null ? "" : text);
            Node in = inputs.get(field);
            in.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("invalid"), text != null);
            ((Control) in).setTooltip(text == null ? null : new Tooltip(text));
        });
        String warn = ConnectForm.bindWarning(modeBox.getValue(), hostField.getText());
        warningLabel.setText(warn == null ? "" : "⚠ " + warn);
        warningLabel.setVisible(warn != null);
        // Room for the warning only where one can appear (listening), so a client's form has no gap.
        boolean wasManaged = warningLabel.isManaged();
        warningLabel.setManaged(modeBox.getValue() != null && !modeBox.getValue().client() && !modeBox.getValue().unix()
                && !modeBox.getValue().serial());
        if (wasManaged != warningLabel.isManaged() && getDialogPane().getScene() != null
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
        RecordLayout layout = layouts.get(typeBox.getValue());
        DecoderPlan plan;
        try {
            plan = DecoderPlan.compile(layout, abi, order);
        } catch (RuntimeException e) {
            errorLabel.setText("Cannot decode with " + typeBox.getValue() + ": " + e.getMessage());
            return;
        }
        LiveViewModel.Decoding decoding = new LiveViewModel.Decoding(typeBox.getValue(), layout, abi, plan);
        if (!layout.fixedInC() && framingBox.getValue() == ConnectForm.FramingChoice.FIXED
                && modeBox.getValue() != ConnectForm.Mode.UDP) {
            errorLabel.setText(typeBox.getValue() + " is a dynamic record (its content gives its length): choose the"
                    + " self-delimiting record framing or a length prefix.");
            return;
        }
        LiveSource source = ConnectForm.source(input(), decoding.reader());
        errorLabel.setText("");
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
        errorLabel.setText(why);
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
