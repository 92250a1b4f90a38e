package dev.structscope.app.exporter;

import dev.structscope.app.common.Banners;
import dev.structscope.app.common.Document;
import dev.structscope.app.common.TaskRunner;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.stage.DirectoryChooser;
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

/**
 * The import dialog: paste a C header or load one from a file into the editor, then Import. A
 * loaded file's folder resolves its quoted includes; the system preprocessor (when one is
 * installed) reads system headers, with extra include folders. A failure is shown in place: a
 * banner with line and column, the line marked and the caret on it. A good import closes the
 * dialog, or, when something was skipped, stays open with the summary. Parsing, file reading and
 * the preprocessor lookup run off the FX thread. FX thread.
 */
public final class ImportDialog {
    private final Stage stage = new Stage();
    public final ImportViewModel viewModel;
    public final CodeArea editor = new CodeArea();
    private final ProgressIndicator busy = new ProgressIndicator();
    private final java.util.function.Consumer<String> status;

    /**
     * @param tasks  runs the file read, the preprocessor lookup and the parse
     * @param status receives one line for the main window's status bar after a good import
     */
    public ImportDialog(Window owner, Document doc, boolean dark, TaskRunner tasks,
                        java.util.function.Consumer<String> status) {
        this.viewModel = new ImportViewModel(doc, tasks);
        this.status = status;
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
        Label banner = Banners.error("import-error", viewModel.error);
        viewModel.errorPlace.addListener((o, a, b) -> markErrorLine());
        Label info = Banners.info("import-summary", viewModel.summary);
        Label from = new Label();
        from.setId("import-source");
        from.getStyleClass().add("muted");
        from.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> viewModel.source.get() == null
                ? "Pasted text: quoted includes are looked up in the include folders"
                : "From " + viewModel.source.get() + " (its folder resolves quoted includes)", viewModel.source));
        CheckBox cpp = new CheckBox("System preprocessor");
        cpp.setId("import-cpp");
        cpp.selectedProperty().bindBidirectional(viewModel.usePreprocessor);
        cpp.setDisable(true);
        cpp.setTooltip(new Tooltip("Looking for a C preprocessor…"));
        viewModel.preprocessor.addListener((o, a, b) -> {
            cpp.setDisable(b == null);
            cpp.setTooltip(new Tooltip(b == null ? "No C preprocessor found (install gcc or clang)"
                    : "Runs " + b + " -E first: system headers, macros and #if as the compiler sees them"));
        });
        TextField includes = new TextField();
        includes.setId("import-includes");
        includes.setPromptText("Include folders (-I), separated by " + File.pathSeparator);
        includes.textProperty().bindBidirectional(viewModel.includeDirs);
        HBox.setHgrow(includes, Priority.ALWAYS);
        Button addDir = new Button("Add Folder…");
        addDir.setId("import-add-include");
        addDir.setOnAction(e -> {
            DirectoryChooser dc = new DirectoryChooser();
            dc.setTitle("Add an include folder");
            File d = dc.showDialog(stage);
            if (d != null) {
                String now = viewModel.includeDirs.get().strip();
                viewModel.includeDirs.set(now.isEmpty() ? d.toString() : now + File.pathSeparator + d);
            }
        });
        HBox options = new HBox(8, cpp, includes, addDir);
        options.setAlignment(Pos.CENTER_LEFT);
        Button load = new Button("From File…");
        load.setId("import-load");
        load.setOnAction(e -> loadFile());
        Button doImport = new Button("Import");
        doImport.setId("import-run");
        doImport.getStyleClass().add("accent");
        doImport.setDefaultButton(false);
        doImport.setTooltip(new Tooltip("Import into the document (Ctrl+Enter)"));
        doImport.setOnAction(e -> runImport());
        Button close = new Button("Close");
        close.setCancelButton(true);
        close.setOnAction(e -> stage.close());
        busy.setPrefSize(16, 16);
        busy.visibleProperty().bind(viewModel.busy);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox buttons = new HBox(8, load, busy, grow, doImport, close);
        buttons.setAlignment(Pos.CENTER_LEFT);
        buttons.setPadding(new Insets(8));
        VBox top = new VBox(6, hint, options, from, banner, info);
        top.setPadding(new Insets(8));
        BorderPane root = new BorderPane(new VirtualizedScrollPane<>(editor), top, null, buttons, null);
        root.getStyleClass().addAll("import-dialog", dark ? "theme-dark" : "theme-light");
        root.getProperties().put(ImportDialog.class, this); // tests reach the dialog from its window
        Scene scene = new Scene(root, 860, 600);
        scene.getStylesheets().add(ImportDialog.class.getResource("/dev/structscope/app/structscope.css").toExternalForm());
        // A filter: the editor would take Enter for a new line before the scene saw it.
        scene.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                stage.close();
            } else if (e.getCode() == KeyCode.ENTER && e.isShortcutDown()) {
                runImport();
                e.consume();
            }
        });
        stage.setScene(scene);
        viewModel.findPreprocessor();
    }

    public void show() {
        stage.show();
    }

    private void markErrorLine() {
        ImportViewModel.ErrorPlace place = viewModel.errorPlace.get();
        int line = place == null ? -1 : place.line();
        for (int i = 0; i < editor.getParagraphs().size(); i++) {
            editor.setParagraphStyle(i, i == line - 1 ? java.util.List.of("error-line") : java.util.List.of());
        }
        if (line > 0 && line <= editor.getParagraphs().size()) {
            int col = Math.max(0, place.column() - 1);
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
        if (f != null) {
            load(f.toPath());
        }
    }

    /** Reads {@code file} into the editor in the background; its folder then resolves quoted includes. */
    public void load(java.nio.file.Path file) {
        viewModel.load(file, editor::replaceText);
    }

    /** Imports the editor's text in the background; closes when nothing was skipped. */
    public void runImport() {
        viewModel.runImport(editor.getText(), r -> {
            String sum = viewModel.summary.get();
            int end = sum.indexOf(". ");
            status.accept(end < 0 ? sum : sum.substring(0, end + 1));
            if (r.warnings().isEmpty()) {
                stage.close();
            }
        });
    }
}
