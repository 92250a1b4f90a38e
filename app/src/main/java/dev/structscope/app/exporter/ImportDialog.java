package dev.structscope.app.exporter;

import dev.structscope.app.common.Document;
import dev.structscope.model.InputException;
import dev.structscope.model.type.TypeLibrary;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;

/**
 * The import dialog: paste a C header or load one from a file into the editor, then Import. A
 * failure is shown in place: a banner with line and column, the line marked and the caret on it.
 * Parsing and file reading run off the FX thread. FX thread.
 */
public final class ImportDialog {
    private final Stage stage = new Stage();
    private final ImportViewModel vm;
    private final CodeArea editor = new CodeArea();
    private final Label banner = new Label();
    private final ProgressIndicator busy = new ProgressIndicator();
    private String fileName = "pasted.h";

    public ImportDialog(Window owner, Document doc, boolean dark) {
        this.vm = new ImportViewModel(doc);
        stage.initOwner(owner);
        stage.initModality(Modality.NONE);
        stage.setTitle("Import C header — StructScope");
        editor.setId("import-editor");
        editor.getStyleClass().add("code");
        editor.setParagraphGraphicFactory(LineNumberFactory.get(editor));
        editor.textProperty().addListener((o, a, b) -> {
            editor.setStyleSpans(0, Highlighter.spans(b, "c"));
            markErrorLine();
        });
        Label hint = new Label("Paste a C header below, or load one from a file. Structs, unions, enums, typedefs, "
                + "#pragma pack and __attribute__((packed, aligned)) are understood.");
        hint.setWrapText(true);
        hint.getStyleClass().add("muted");
        banner.setId("import-error");
        banner.getStyleClass().add("error-banner");
        banner.setWrapText(true);
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.textProperty().bind(vm.errorProperty());
        banner.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        banner.managedProperty().bind(banner.visibleProperty());
        vm.errorLineProperty().addListener((o, a, b) -> markErrorLine());
        Button load = new Button("From File…");
        load.setId("import-load");
        load.setOnAction(e -> loadFile());
        Button doImport = new Button("Import");
        doImport.setId("import-run");
        doImport.getStyleClass().add("accent");
        doImport.setDefaultButton(false);
        doImport.setOnAction(e -> runImport());
        Button close = new Button("Close");
        close.setOnAction(e -> stage.close());
        busy.setPrefSize(16, 16);
        busy.setVisible(false);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox buttons = new HBox(8, load, busy, grow, doImport, close);
        buttons.setAlignment(Pos.CENTER_LEFT);
        buttons.setPadding(new Insets(8));
        VBox top = new VBox(6, hint, banner);
        top.setPadding(new Insets(8));
        BorderPane root = new BorderPane(new VirtualizedScrollPane<>(editor), top, null, buttons, null);
        root.getStyleClass().addAll("import-dialog", dark ? "theme-dark" : "theme-light");
        Scene scene = new Scene(root, 860, 600);
        scene.getStylesheets().add(ImportDialog.class.getResource("/dev/structscope/app/structscope.css").toExternalForm());
        stage.setScene(scene);
    }

    public void show() {
        stage.show();
    }

    public ImportViewModel viewModel() {
        return vm;
    }

    public CodeArea editor() {
        return editor;
    }

    private void markErrorLine() {
        int line = vm.errorLineProperty().get();
        for (int i = 0; i < editor.getParagraphs().size(); i++) {
            editor.setParagraphStyle(i, i == line - 1 ? java.util.List.of("error-line") : java.util.List.of());
        }
        if (line > 0 && line <= editor.getParagraphs().size()) {
            int col = Math.max(0, vm.errorColumnProperty().get() - 1);
            editor.moveTo(line - 1, Math.min(col, editor.getParagraph(line - 1).length()));
            editor.requestFollowCaret();
        }
    }

    private void loadFile() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Load a C header");
        fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("C headers (*.h)", "*.h"),
                new FileChooser.ExtensionFilter("All files", "*"));
        File f = fc.showOpenDialog(stage);
        if (f == null) {
            return;
        }
        busy.setVisible(true);
        Thread t = new Thread(() -> {
            String text;
            String err = null;
            try {
                if (Files.size(f.toPath()) > 16L << 20) {
                    throw new IOException("larger than 16 MiB; open it with File > Open instead");
                }
                text = Files.readString(f.toPath());
            } catch (IOException | RuntimeException e) {
                text = null;
                err = f + ": " + e.getMessage();
            }
            String tx = text;
            String er = err;
            Platform.runLater(() -> {
                busy.setVisible(false);
                if (tx != null) {
                    fileName = f.getName();
                    editor.replaceText(tx);
                } else {
                    vm.failed(new InputException("", er));
                }
            });
        }, "structscope-import-read");
        t.setDaemon(true);
        t.start();
    }

    /** Imports the editor's text in the background. */
    public void runImport() {
        String text = editor.getText();
        String name = fileName;
        busy.setVisible(true);
        Thread t = new Thread(() -> {
            TypeLibrary lib = null;
            InputException err = null;
            try {
                lib = ImportViewModel.parse(text, name);
            } catch (InputException e) {
                err = e;
            } catch (RuntimeException e) {
                err = new InputException(name, "the importer failed: " + e);
            }
            TypeLibrary l = lib;
            InputException x = err;
            Platform.runLater(() -> {
                busy.setVisible(false);
                if (x != null) {
                    vm.failed(x);
                } else {
                    vm.merge(l);
                    stage.close();
                }
            });
        }, "structscope-import");
        t.setDaemon(true);
        t.start();
    }
}
