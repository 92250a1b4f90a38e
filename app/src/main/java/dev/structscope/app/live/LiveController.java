package dev.structscope.app.live;

import dev.structscope.app.common.DocumentState;
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
 * copy in an {@link InMemorySource}, decoded with the session's type), and runs the record toggle.
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
    private final LiveViewModel vm = new LiveViewModel();
    private final MonitorView view = new MonitorView(vm);
    private ConnectDialog dialog;
    private DataSource shown;

    /**
     * @param host      the designer column's vertical split; the LIVE pane is added to it as the second item
     * @param showBytes shows a message's bytes in the hex view, decoded as the named type
     * @param status    writes the status bar
     */
    public LiveController(Stage stage, Supplier<DocumentState> document, SplitPane host,
                          BiConsumer<DataSource, String> showBytes, Consumer<String> status) {
        this.stage = stage;
        this.document = document;
        this.host = host;
        this.showBytes = showBytes;
        this.status = status;
        view.setOnSelect(this::select);
        view.closeButton().setOnAction(e -> hide());
        view.recordButton().setOnAction(e -> {
            if (view.recordButton().isSelected()) {
                chooseRecording();
            } else {
                vm.stopRecording();
            }
        });
        vm.sessionProperty().addListener((o, a, s) -> show());
    }

    public LiveViewModel model() {
        return vm;
    }

    public MonitorView view() {
        return view;
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

    /** Opens the connect dialog (Ctrl+L), not waiting for it. */
    public ConnectDialog showConnectDialog() {
        WarmUp.start();
        DocumentState st = document.get();
        dialog = new ConnectDialog(stage, vm, layouts(st), st.selected(), st.abi(), st.byteOrder());
        dialog.show();
        return dialog;
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
        vm.disconnect();
        host.getItems().remove(view);
    }

    /** Starts recording to {@code file} (the record toggle's file chooser ends here). */
    public void recordTo(Path file) {
        try {
            vm.startRecording(file);
            view.recordButton().setSelected(true);
            status.accept("Recording to " + file);
        } catch (IOException | InputException e) {
            view.recordButton().setSelected(false);
            status.accept("Cannot record: " + (e instanceof InputException ie ? ie.oneLine() : e.getMessage()));
        }
    }

    private void chooseRecording() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Record live messages to");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("pcapng recording", "*.pcapng"));
        fc.setInitialFileName("live.pcapng");
        File f = fc.showSaveDialog(stage);
        if (f == null) {
            view.recordButton().setSelected(false);
            return;
        }
        recordTo(f.toPath());
    }

    private void select(LiveMessage m) {
        LiveViewModel.Decoding d = vm.decodingProperty().get();
        DataSource old = shown;
        shown = new InMemorySource("message #" + m.seq() + " from " + m.peer(), m.bytes());
        showBytes.accept(shown, d == null ? null : d.typeName());
        if (old != null) {
            old.close();
        }
    }

    /** Ends the session (window closing). */
    public void dispose() {
        vm.dispose();
    }
}
