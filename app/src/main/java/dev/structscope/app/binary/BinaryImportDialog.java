package dev.structscope.app.binary;

import dev.structscope.app.common.Banners;
import dev.structscope.app.common.Document;
import dev.structscope.app.common.TaskRunner;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

/**
 * File ▸ Import from Binary…: choose an ELF file built with {@code -g} (object, library,
 * executable, {@code .debug} file), narrow its structs and unions with the filter, pick one or
 * more and import them with the types they use. Reading runs through the task runner; the dialog
 * only shows. FX thread.
 */
public final class BinaryImportDialog {
    private final Stage stage = new Stage();
    public final BinaryImportViewModel viewModel;
    public final ListView<BinaryImportViewModel.Entry> list = new ListView<>();

    public BinaryImportDialog(Window owner, Document doc, boolean dark, TaskRunner tasks,
                              java.util.function.Consumer<String> status) {
        this.viewModel = new BinaryImportViewModel(doc, tasks);
        stage.initOwner(owner);
        stage.initModality(Modality.NONE);
        stage.setTitle("Import from binary — StructScope");
        Label hint = new Label("Structs, unions, enums and typedefs as the compiler laid them out, from the DWARF debug "
                + "information of an ELF file built with -g.");
        hint.setWrapText(true);
        hint.getStyleClass().add("muted");
        Button choose = new Button("Choose Binary…");
        choose.setId("binary-choose");
        choose.setOnAction(e -> chooseFile());
        Label file = new Label("No binary chosen");
        file.setId("binary-file");
        file.textProperty().bind(Bindings.createStringBinding(() -> viewModel.loaded.get() == null ? "No binary chosen"
                : viewModel.loaded.get().file().toString(), viewModel.loaded));
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(16, 16);
        busy.visibleProperty().bind(viewModel.busy);
        HBox source = new HBox(8, choose, file, busy);
        source.setAlignment(Pos.CENTER_LEFT);
        TextField filter = new TextField();
        filter.setId("binary-filter");
        filter.setPromptText("Filter by name");
        filter.textProperty().bindBidirectional(viewModel.filter);
        Label count = new Label();
        count.setId("binary-count");
        count.textProperty().bind(Bindings.createStringBinding(() -> viewModel.loaded.get() == null ? ""
                : viewModel.matching.size() + " of " + viewModel.loaded.get().entries().size(), viewModel.matching,
                viewModel.loaded));
        HBox.setHgrow(filter, Priority.ALWAYS);
        HBox filterRow = new HBox(8, filter, count);
        filterRow.setAlignment(Pos.CENTER_LEFT);
        Label banner = Banners.error("binary-error", viewModel.error);
        Label info = Banners.info("binary-summary", viewModel.summary);
        list.setId("binary-types");
        list.setItems(viewModel.matching);
        Label empty = new Label("Choose a binary built with -g: its structs and unions are listed here.");
        empty.getStyleClass().add("empty-state");
        list.setPlaceholder(empty);
        list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(BinaryImportViewModel.Entry item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.label());
            }
        });
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                importSelected(status);
            }
        });
        Button doImport = new Button("Import");
        doImport.setId("binary-import");
        doImport.getStyleClass().add("accent");
        doImport.disableProperty().bind(Bindings.isEmpty(list.getSelectionModel().getSelectedItems()));
        doImport.setOnAction(e -> importSelected(status));
        Button close = new Button("Close");
        close.setCancelButton(true);
        close.setOnAction(e -> stage.close());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox buttons = new HBox(8, grow, doImport, close);
        buttons.setPadding(new Insets(8));
        VBox top = new VBox(6, hint, source, filterRow, banner, info);
        top.setPadding(new Insets(8));
        BorderPane root = new BorderPane(list, top, null, buttons, null);
        BorderPane.setMargin(list, new Insets(0, 8, 0, 8));
        root.getStyleClass().addAll("binary-import-dialog", dark ? "theme-dark" : "theme-light");
        root.getProperties().put(BinaryImportDialog.class, this); // tests reach the dialog from its window
        Scene scene = new Scene(root, 640, 560);
        scene.getStylesheets().add(BinaryImportDialog.class.getResource("/dev/structscope/app/structscope.css").toExternalForm());
        scene.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                stage.close();
            }
        });
        stage.setScene(scene);
    }

    public void show() {
        stage.show();
    }

    private void chooseFile() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Choose a binary with debug information");
        fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("All files", "*"),
                new FileChooser.ExtensionFilter("Objects and libraries (*.o, *.so, *.elf, *.debug)",
                        "*.o", "*.so", "*.elf", "*.debug", "*.ko"));
        File f = fc.showOpenDialog(stage);
        if (f != null) {
            load(f.toPath());
        }
    }

    /** Reads {@code file} in the background; its records then fill the list. */
    public void load(Path file) {
        viewModel.load(file);
    }

    private void importSelected(java.util.function.Consumer<String> status) {
        List<BinaryImportViewModel.Entry> chosen = List.copyOf(list.getSelectionModel().getSelectedItems());
        if (viewModel.importChosen(chosen) > 0) {
            status.accept(viewModel.summary.get());
        }
    }
}
