package dev.structscope.app.exporter;

import dev.structscope.app.common.Document;
import dev.structscope.app.common.TaskRunner;
import dev.structscope.model.InputException;
import dev.structscope.model.export.ExportResult;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;

import java.io.File;

/**
 * The export dialog: the list of targets on the left, a highlighted preview of the document in
 * the chosen target on the right, Copy and Save. Targets not yet in this build are listed, greyed,
 * with the reason. FX thread; saving writes atomically off the FX thread.
 */
public final class ExportDialog {
    private final Stage stage = new Stage();
    private final Document doc;
    private final ExportViewModel saving;
    private final CodeArea preview = new CodeArea();
    private final Label status = new Label();
    private final javafx.scene.control.CheckBox onlySelected = new javafx.scene.control.CheckBox();
    /** Wireshark only: the port the dissector registers on (empty: Decode As), over UDP or TCP. */
    private final javafx.scene.control.TextField port = new javafx.scene.control.TextField();
    private final javafx.scene.control.ComboBox<String> transport = new javafx.scene.control.ComboBox<>();
    private ExportResult result;
    private String text = "";
    private ExportChoice current;

    /** @param tasks runs the export's file writes */
    public ExportDialog(Window owner, Document doc, boolean dark, TaskRunner tasks) {
        this.doc = doc;
        this.saving = new ExportViewModel(tasks);
        saving.status.addListener((o, a, b) -> status.setText(b));
        stage.initOwner(owner);
        stage.initModality(Modality.NONE);
        stage.setTitle("Export — StructScope");
        ListView<ExportChoice> targets = new ListView<>();
        targets.setId("export-targets");
        targets.getItems().setAll(ExportChoice.all());
        targets.setPrefWidth(290);
        targets.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(ExportChoice t, boolean empty) {
                super.updateItem(t, empty);
                setText(empty || t == null ? null : t.label());
            }
        });
        preview.setId("export-preview");
        preview.setEditable(false);
        preview.setParagraphGraphicFactory(LineNumberFactory.get(preview));
        preview.getStyleClass().add("code");
        Button copy = new Button("Copy");
        copy.setId("export-copy");
        copy.setOnAction(e -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(text);
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(c);
            status.setText("Copied " + text.length() + " characters");
        });
        Button save = new Button("Save…");
        save.setId("export-save");
        save.getStyleClass().add("accent");
        save.setOnAction(e -> save());
        Button close = new Button("Close");
        close.setOnAction(e -> stage.close());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        status.getStyleClass().add("muted");
        port.setId("export-port");
        port.setPromptText("port");
        port.setPrefColumnCount(5);
        port.setTooltip(new javafx.scene.control.Tooltip("The port Wireshark decodes with this dissector (empty: Decode As… only)"));
        transport.setId("export-transport");
        transport.getItems().setAll("UDP", "TCP");
        transport.setValue("UDP");
        Label portLabel = new Label("Port");
        portLabel.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        port.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox wire = new HBox(6, portLabel, port, transport);
        wire.setAlignment(Pos.CENTER_LEFT);
        wire.visibleProperty().set(false);
        wire.managedProperty().bind(wire.visibleProperty());
        port.textProperty().addListener((o, a, b) -> render());
        transport.valueProperty().addListener((o, a, b) -> render());
        // A long message gives way (its tooltip keeps it whole); the buttons and options never do.
        for (javafx.scene.control.Control c : new javafx.scene.control.Control[] {copy, save, close, onlySelected, transport}) {
            c.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        status.setMinWidth(0);
        status.tooltipProperty().bind(status.textProperty().map(javafx.scene.control.Tooltip::new));
        HBox buttons = new HBox(8, onlySelected, wire, status, grow, copy, save, close);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        buttons.setPadding(new Insets(8));
        onlySelected.setId("export-only-selected");
        String sel = doc.state.get().selected();
        onlySelected.setText(sel == null ? "Only the designed type" : "Only " + sel + " and the types it uses");
        onlySelected.setDisable(sel == null);
        onlySelected.selectedProperty().addListener((o, a, b) -> render());
        targets.getSelectionModel().selectedItemProperty().addListener((o, a, t) -> {
            current = t;
            wire.setVisible(t != null && t.oneRecord());
            render();
        });
        BorderPane root = new BorderPane(new VirtualizedScrollPane<>(preview), null, null, buttons, targets);
        root.getStyleClass().addAll("export-dialog", dark ? "theme-dark" : "theme-light");
        Scene scene = new Scene(root, 980, 640);
        scene.getStylesheets().add(ExportDialog.class.getResource("/dev/structscope/app/structscope.css").toExternalForm());
        stage.setScene(scene);
        targets.getSelectionModel().selectFirst();
    }

    public void show() {
        stage.show();
    }

    /** The port typed for a dissector, or null when none. */
    private Integer port() {
        String t = port.getText().strip();
        if (t.isEmpty()) {
            return null;
        }
        int p;
        try {
            p = Integer.parseInt(t);
        } catch (NumberFormatException e) {
            p = -1;
        }
        if (p < 1 || p > 65535) {
            throw new InputException("port", "'" + t + "' is not a port (1 to 65535)");
        }
        return p;
    }

    private void render() {
        ExportChoice t = current;
        if (t == null) {
            return;
        }
        var s = doc.state.get();
        try {
            result = t.render(new ExportChoice.Request(s.library(), s.abi(), s.byteOrder(),
                    onlySelected.isSelected() || t.oneRecord() ? s.selected() : null, port(), "TCP".equals(transport.getValue())));
            text = result.text();
            preview.replaceText(text);
            preview.setStyleSpans(0, Highlighter.spans(text, t.language()));
            String files = result.files().size() == 1 ? "" : " in " + result.files().size() + " files";
            String warn = result.warnings().isEmpty() ? "" : " · ⚠ " + result.warnings().size() + " warning"
                    + (result.warnings().size() == 1 ? ": " : "s, first: ") + result.warnings().getFirst();
            status.setText(t.label() + " · " + text.lines().count() + " lines" + files + warn);
        } catch (InputException e) {
            result = null;
            text = "";
            preview.replaceText("");
            status.setText("⚠ " + e.oneLine());
        }
        preview.moveTo(0);
        preview.requestFollowCaret();
    }

    private void save() {
        ExportChoice t = current;
        ExportResult r = result;
        if (t == null || r == null) {
            return;
        }
        java.util.List<java.nio.file.Path> targets = new java.util.ArrayList<>();
        if (r.files().size() == 1) {
            FileChooser fc = new FileChooser();
            fc.setTitle("Save " + t.label());
            String base = doc.state.get().selected() == null ? "layout" : doc.state.get().selected();
            fc.setInitialFileName(t.id().equals("java") ? r.files().getFirst().name() : base + t.extension());
            File f = fc.showSaveDialog(stage);
            if (f == null) {
                return;
            }
            targets.add(f.toPath());
        } else {
            javafx.stage.DirectoryChooser dc = new javafx.stage.DirectoryChooser();
            dc.setTitle("Save " + r.files().size() + " " + t.label() + " files into");
            File d = dc.showDialog(stage);
            if (d == null) {
                return;
            }
            for (ExportResult.File f : r.files()) {
                targets.add(d.toPath().resolve(f.name()));
            }
        }
        saving.save(r, targets);
    }
}
