package dev.structscope.app.live;

import dev.structscope.app.common.DocumentState;
import dev.structscope.app.common.TaskRunner;
import dev.structscope.app.live.compose.ComposeView;
import dev.structscope.io.net.live.ConnState;
import dev.structscope.io.net.live.LiveMessage;
import dev.structscope.io.net.live.LiveSession;
import dev.structscope.io.net.live.LiveSource;
import dev.structscope.io.source.DataSource;
import dev.structscope.io.source.InMemorySource;
import dev.structscope.model.InputException;
import dev.structscope.model.layout.LayoutEngine;
import dev.structscope.model.layout.RecordLayout;
import dev.structscope.model.type.TypeLibrary;
import javafx.scene.control.SplitPane;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Wires the live monitor into the main window: opens the connect dialog, shows the LIVE pane
 * under the designer when a session starts (the data column keeps its full height for the hex
 * view and decoded tree), hands a selected message to the data pane (a
 * copy in an {@link InMemorySource}, decoded with the session's type), runs the record toggle, puts
 * the compose form beside the list (sending on the live connection) and replays recordings.
 *
 * <p>Made by the main window, which passes what it knows as functions (this package does not
 * depend on the shell). FX thread.
 */
public final class LiveController {
    private final Stage stage;
    private final Supplier<DocumentState> document;
    private final BiConsumer<DataSource, String> showBytes;
    private final Consumer<String> status;
    private final SplitPane host;
    private final TaskRunner tasks;
    public final LiveViewModel model;
    public final MonitorView view;
    /** The compose form beside the message list. */
    public final ComposeView compose;
    private ConnectDialog dialog;
    private DataSource shown;

    /**
     * @param host      the designer column's vertical split; the LIVE pane is added to it as the second item
     * @param showBytes shows a message's bytes in the hex view, decoded as the named type
     * @param status    writes the status bar
     * @param tasks     the window's runner: recording files, sends
     */
    public LiveController(Stage stage, Supplier<DocumentState> document, SplitPane host,
                          BiConsumer<DataSource, String> showBytes, Consumer<String> status, TaskRunner tasks) {
        this.tasks = tasks;
        this.model = new LiveViewModel(tasks);
        this.view = new MonitorView(model);
        this.compose = new ComposeView(tasks);
        this.stage = stage;
        this.document = document;
        this.host = host;
        this.showBytes = showBytes;
        this.status = status;
        view.setOnSelect(this::select);
        view.closeButton.setOnAction(e -> hide());
        view.recordButton.setOnAction(e -> {
            if (view.recordButton.isSelected()) {
                chooseRecording();
            } else {
                model.stopRecording();
            }
        });
        model.session.addListener((o, a, s) -> show());
        installReplayControls();
        installCompose();
    }

    /** The dialog shown last (tests). */
    public ConnectDialog dialog() {
        return dialog;
    }

    /** The document's record types laid out for its ABI, as the overlay bar offers them. */
    static Map<String, RecordLayout> layouts(DocumentState st) {
        Map<String, RecordLayout> out = new LinkedHashMap<>();
        for (TypeLibrary.NamedRecord r : st.library().namedRecords()) {
            try {
                RecordLayout l = LayoutEngine.layout(r.name(), st.library(), st.abi());
                out.put(r.name(), l);
                for (String alias : r.aliases()) {
                    out.putIfAbsent(alias, l);
                }
            } catch (InputException e) {
                // an incomplete type cannot decode anything: not offered
            }
        }
        return out;
    }

    private ConnectForm.Input lastConnect;
    /** Where the dialog's last settings (never the authkey) are kept between runs; null: this run only. */
    private java.util.prefs.Preferences remembered;

    /** Keeps the connect dialog's settings (never the authkey) in {@code prefs} between runs. */
    public void rememberIn(java.util.prefs.Preferences prefs) {
        this.remembered = prefs;
    }

    /** Opens the connect dialog (Ctrl+L), not waiting for it. */
    public ConnectDialog showConnectDialog() {
        dev.structscope.io.net.live.WarmUp.start();
        DocumentState st = document.get();
        dialog = new ConnectDialog(stage, model, layouts(st), st.selected(), st.abi(), st.byteOrder());
        // The dialog comes back as it was last used (this run only: an authkey is not written to disk).
        dialog.fill(lastConnect != null || remembered == null ? lastConnect : ConnectForm.recall(remembered));
        dialog.setOnConnect(in -> {
            lastConnect = in;
            if (remembered != null) {
                ConnectForm.remember(in, remembered);
            }
        });
        ConnectDialog shown = dialog;
        tasks.submit(TaskRunner.Lane.WORK, "Listing serial ports", p -> dev.structscope.io.net.SerialLine.ports(),
                shown::setSerialPorts, e -> shown.setSerialPorts(java.util.List.of()));
        dialog.show();
        return dialog;
    }

    /** Reconnects, asking first while a connection is up (Live ▸ Reconnect). */
    public void reconnect() {
        view.confirmReconnect();
    }

    /** Shows the LIVE pane (under the designer). */
    public void show() {
        if (!host.getItems().contains(view)) {
            host.getItems().add(view);
            host.setDividerPositions(0.5);
        }
    }

    /** Disconnects and hides the LIVE pane. */
    public void hide() {
        model.disconnect();
        host.getItems().remove(view);
    }

    /** Starts recording to {@code file} (the record toggle's file chooser ends here). */
    public void recordTo(Path file) {
        view.recordButton.setSelected(true);
        status.accept("Recording to " + file);
        model.startRecording(file, why -> {
            view.recordButton.setSelected(false);
            status.accept("Cannot record to " + file + ": " + why);
        });
    }

    private void chooseRecording() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Record live messages to");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("pcapng recording", "*.pcapng"));
        fc.setInitialFileName("live.pcapng");
        File f = fc.showSaveDialog(stage);
        if (f == null) {
            view.recordButton.setSelected(false);
            return;
        }
        recordTo(f.toPath());
    }

    private void select(LiveMessage m) {
        LiveViewModel.Decoding d = model.decoding.get();
        DataSource old = shown;
        shown = new InMemorySource("message #" + m.seq() + " from " + m.peer(), m.bytes());
        showBytes.accept(shown, d == null ? null : d.typeName());
        if (old != null) {
            old.close();
        }
    }

    /** Live › Open Recording…: replays a pcapng recording as if live, decoded with the designer's record. */
    public void openRecording() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Open a recording");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("pcapng recording", "*.pcapng", "*.pcap"));
        File f = fc.showOpenDialog(stage);
        if (f != null) {
            replay(f.toPath(), 1.0);
        }
    }

    /** Replays {@code file} at {@code speed} (1 = as recorded), decoded with the designer's selected record. */
    public void replay(Path file, double speed) {
        DocumentState st = document.get();
        Map<String, RecordLayout> layouts = layouts(st);
        String type = st.selected() != null && layouts.containsKey(st.selected()) ? st.selected()
                : layouts.keySet().stream().findFirst().orElse(null);
        if (type == null) {
            status.accept("Cannot replay: the document has no record type to decode with");
            return;
        }
        RecordLayout layout = layouts.get(type);
        LiveViewModel.Decoding d = new LiveViewModel.Decoding(type, layout, st.abi(),
                dev.structscope.io.decode.DecoderPlan.compile(layout, st.abi(), st.byteOrder()));
        speedBox.setValue(speed);
        replayPause.setSelected(false);
        model.connect(new LiveSource.Recording(file, speed), d);
        status.accept("Replaying " + file.getFileName() + " decoded as " + type);
    }

    private final javafx.scene.control.ChoiceBox<Double> speedBox = new javafx.scene.control.ChoiceBox<>();
    private final javafx.scene.control.ToggleButton replayPause = new javafx.scene.control.ToggleButton("Pause replay");
    private final javafx.scene.control.Button replayStep = new javafx.scene.control.Button("Step");

    private void installReplayControls() {
        speedBox.setId("live-replay-speed");
        speedBox.getItems().setAll(1.0, 2.0, 10.0, Double.POSITIVE_INFINITY);
        speedBox.setValue(1.0);
        speedBox.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Double v) {
                return v == null ? "" : v.isInfinite() ? "full speed" : v == 1.0 ? "as recorded" : String.format(java.util.Locale.ROOT, "%.0f×", v);
            }

            @Override
            public Double fromString(String s) {
                return 1.0;
            }
        });
        speedBox.valueProperty().addListener((o, a, v) -> {
            LiveSession s = model.session.get();
            if (s != null && v != null) {
                s.replaySpeed(v);
            }
        });
        replayPause.setId("live-replay-pause");
        replayPause.setOnAction(e -> {
            LiveSession s = model.session.get();
            if (s != null) {
                s.pauseReplay(replayPause.isSelected());
            }
        });
        replayStep.setId("live-replay-step");
        replayStep.disableProperty().bind(replayPause.selectedProperty().not());
        replayStep.setOnAction(e -> {
            LiveSession s = model.session.get();
            if (s != null) {
                s.stepReplay();
            }
        });
        model.session.addListener((o, a, s) -> {
            boolean replay = s != null && s.source() instanceof LiveSource.Recording;
            view.extraTools.getChildren().setAll(replay
                    ? java.util.List.of(new javafx.scene.control.Label("Speed"), speedBox, replayPause, replayStep)
                    : java.util.List.of());
        });
    }

    /** Puts the compose form beside the message list: it encodes the session's type and sends on its connection. */
    private void installCompose() {
        compose.setId("live-compose");
        view.setCompose(compose);
        model.decoding.addListener((o, a, d) -> {
            if (d == null) {
                compose.setRecord(null, java.nio.ByteOrder.LITTLE_ENDIAN);
            } else {
                compose.setRecord(d.layout(), d.abi(), d.plan().order());
            }
        });
        model.state.addListener((o, a, s) -> {
            boolean canSend = s instanceof ConnState.Connected && !(model.session.get().source() instanceof LiveSource.Recording)
                    || s instanceof ConnState.Listening && model.session.get().source() instanceof LiveSource.Udp;
            compose.setSender(canSend ? model::send : null);
        });
        compose.setRecord(null, java.nio.ByteOrder.LITTLE_ENDIAN);
        compose.setSender(null);
    }

    /** Ends the session (window closing). */
    public void dispose() {
        model.dispose();
    }
}
