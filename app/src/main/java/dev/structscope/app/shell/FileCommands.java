package dev.structscope.app.shell;

import dev.structscope.app.exporter.ExportDialog;
import dev.structscope.app.exporter.ImportDialog;
import javafx.beans.property.BooleanProperty;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The main window's file and help commands: choosers for open, save and data files, the import
 * and export dialogs, quitting, and the prompt before unsaved changes are lost (the one modal
 * dialog, because data would be lost). The work itself is the {@link ShellViewModel}'s. FX thread.
 */
final class FileCommands {
    private final Stage stage;
    private final ShellViewModel vm;
    private final BooleanProperty dark;
    private final Runnable savePrefs;

    FileCommands(Stage stage, ShellViewModel vm, BooleanProperty dark, Runnable savePrefs) {
        this.stage = stage;
        this.vm = vm;
        this.dark = dark;
        this.savePrefs = savePrefs;
    }

    // ---- file commands ----------------------------------------------------------------------

    private FileChooser chooser(String title) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        Path f = vm.document.file.get();
        if (f != null && f.toAbsolutePath().getParent() != null) {
            fc.setInitialDirectory(f.toAbsolutePath().getParent().toFile());
        }
        return fc;
    }

    void newDocument() {
        if (confirmLoseChanges("starting a new document")) {
            vm.newDocument();
        }
    }

    void open() {
        FileChooser fc = chooser("Open a layout (.h, .json) or a data file");
        fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Layouts (*.h, *.json)", "*.h", "*.json"),
                new FileChooser.ExtensionFilter("All files", "*"));
        File f = fc.showOpenDialog(stage);
        if (f != null) {
            openPath(f.toPath());
        }
    }

    void openData() {
        File f = chooser("Open a data file").showOpenDialog(stage);
        if (f != null) {
            vm.setDataFile(f.toPath());
        }
    }

    void openPath(Path p) {
        if (!ShellViewModel.isLayout(p)) {
            vm.setDataFile(p);
        } else if (confirmLoseChanges("opening " + p.getFileName())) {
            vm.open(p, null, null);
        }
    }

    void save(Runnable then) {
        Path f = vm.document.file.get();
        if (f == null) {
            saveAs(then);
        } else {
            saveTo(f, then);
        }
    }

    /**
     * Saves to {@code f}, asking first when that writes over a hand-written C header: the layout
     * holds its types, not its comments, macros or the enum names its expressions use.
     */
    private void saveTo(Path f, Runnable then) {
        if (!vm.saveLosesText(f)) {
            vm.saveAs(f, then);
            return;
        }
        ButtonType overwrite = new ButtonType("Overwrite", ButtonBar.ButtonData.YES);
        ButtonType elsewhere = new ButtonType("Save As…", ButtonBar.ButtonData.OTHER);
        Alert a = new Alert(Alert.AlertType.WARNING, f.getFileName() + " was not written by StructScope. Saving"
                + " writes it anew from the layout: its comments, macros, #includes and the enum names its"
                + " expressions use are not kept. A .json layout document (Save As) keeps the layout and the"
                + " bookmarks, and leaves the header as it is.", overwrite, elsewhere, ButtonType.CANCEL);
        a.initOwner(stage);
        a.setHeaderText("Write over a hand-written header?");
        // Enter keeps the header: what would be lost is the user's own text.
        ((javafx.scene.control.Button) a.getDialogPane().lookupButton(overwrite)).setDefaultButton(false);
        ((javafx.scene.control.Button) a.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        Optional<ButtonType> r = a.showAndWait();
        if (r.isPresent() && r.get() == overwrite) {
            vm.saveAs(f, then);
        } else if (r.isPresent() && r.get() == elsewhere) {
            saveAs(then);
        }
    }

    /**
     * Says in a dialog that a layout could not be opened, with the reader's message (what and
     * where); the view model forgets the failure once the dialog closes.
     */
    void openFailed(ShellViewModel.OpenFailure f) {
        Alert a = new Alert(Alert.AlertType.ERROR, f.message());
        a.initOwner(stage);
        a.setTitle("StructScope");
        a.setHeaderText("Cannot open " + f.file().getFileName());
        a.getDialogPane().setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        a.setOnHidden(e -> vm.dismissOpenFailure());
        a.show();
    }

    void saveAs() {
        saveAs(null);
    }

    void saveAs(Runnable then) {
        FileChooser fc = chooser("Save layout as");
        fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("C header (*.h)", "*.h"),
                new FileChooser.ExtensionFilter("Layout document (*.json)", "*.json"));
        fc.setInitialFileName(vm.document.state.get().selected() == null ? "layout.h"
                : vm.document.state.get().selected().toLowerCase() + ".h");
        File f = fc.showSaveDialog(stage);
        if (f != null) {
            saveTo(f.toPath(), then);
        }
    }

    void importHeader() {
        new ImportDialog(stage, vm.document, dark.get(), vm.tasks, vm.status::set).show();
    }

    void importBinary() {
        new dev.structscope.app.binary.BinaryImportDialog(stage, vm.document, dark.get(), vm.tasks,
                vm.status::set).show();
    }

    void export() {
        new ExportDialog(stage, vm.document, dark.get(), vm.tasks).show();
    }

    void quit() {
        if (confirmLoseChanges("quitting")) {
            savePrefs.run();
            stage.close();
        }
    }

    /** Asks before unsaved changes would be lost; true when it is fine to go on. */
    boolean confirmLoseChanges(String doing) {
        if (!vm.unsaved()) {
            return true;
        }
        ButtonType saveB = new ButtonType("Save", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Discard changes", ButtonBar.ButtonData.NO);
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, "The layout has unsaved changes. Save them before "
                + doing + "?", saveB, discard, ButtonType.CANCEL);
        a.initOwner(stage);
        a.setHeaderText("Unsaved changes");
        Optional<ButtonType> r = a.showAndWait();
        if (r.isEmpty() || r.get() == ButtonType.CANCEL) {
            return false;
        }
        if (r.get() == saveB) {
            save(null);
            return false; // the save runs in the background; the user repeats the action once saved
        }
        return true;
    }

    /** The keyboard guide (F1): each key and what it does, by area, in two aligned columns. */
    static final List<String[]> SHORTCUTS = List.of(
            new String[] {"Files", null},
            new String[] {"Ctrl+N · Ctrl+O", "new layout · open"},
            new String[] {"Ctrl+S · Ctrl+Shift+S", "save · save as"},
            new String[] {"Ctrl+I · Ctrl+E", "import a C header · export"},
            new String[] {"Ctrl+Shift+O", "open a data file"},
            new String[] {"Designer", null},
            new String[] {"Ctrl+Z · Ctrl+Shift+Z / Ctrl+Y", "undo · redo"},
            new String[] {"Insert · Delete · Ctrl+D", "add · delete · duplicate a member"},
            new String[] {"Alt+Up · Alt+Down", "move the member"},
            new String[] {"Enter · Escape · Tab", "commit the cell · cancel · commit and edit the next cell"},
            new String[] {"Ctrl+Shift+P", "pack tightly"},
            new String[] {"Ctrl+Shift+K · Ctrl+Shift+J", "compare with another file · portability"},
            new String[] {"Data", null},
            new String[] {"Ctrl+G", "go to an offset (an expression)"},
            new String[] {"Ctrl+F · F3 · Shift+F3", "find · next · previous"},
            new String[] {"Ctrl+B", "bookmark the selection"},
            new String[] {"hex digits, letters", "type over the bytes (the hex or the ASCII pane)"},
            new String[] {"Insert", "insert or overwrite"},
            new String[] {"F2", "edit the selected value"},
            new String[] {"Ctrl+V", "paste"},
            new String[] {"Ctrl+Z · Ctrl+Shift+Z", "undo · redo data edits (focus in the data)"},
            new String[] {"Ctrl+Alt+S · Ctrl+Alt+Shift+S", "save data · save data as"},
            new String[] {"Live", null},
            new String[] {"Ctrl+L", "connect to a socket or serial port"},
            new String[] {"Ctrl+Enter", "send (compose)"},
            new String[] {"Window", null},
            new String[] {"Ctrl+1 · Ctrl+2 · Ctrl+3", "focus the library · the designer · the data"},
            new String[] {"Ctrl+Shift+1/2/3", "designer and data · designer only · data only"},
            new String[] {"Ctrl+Shift+T", "dark theme"},
            new String[] {"Alt+letter · F10", "open a menu"},
            new String[] {"Shift+F10 · the menu key", "context menu"},
            new String[] {"Escape", "back to the designer (from compare)"});

    void shortcuts() {
        javafx.scene.layout.GridPane grid = new javafx.scene.layout.GridPane();
        grid.setId("shortcuts");
        grid.setHgap(18);
        grid.setVgap(3);
        int row = 0;
        for (String[] s : SHORTCUTS) {
            javafx.scene.control.Label keys = new javafx.scene.control.Label(s[0]);
            if (s[1] == null) {
                keys.setStyle("-fx-font-weight: bold; -fx-padding: " + (row == 0 ? 0 : 8) + " 0 2 0;");
                grid.add(keys, 0, row++, 2, 1);
            } else {
                keys.setStyle("-fx-font-family: monospace;");
                keys.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // the keys whole; the words wrap
                javafx.scene.control.Label what = new javafx.scene.control.Label(s[1]);
                what.setWrapText(true);
                grid.addRow(row++, keys, what);
            }
        }
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(Math.min(560, stage.getHeight() * 0.7));
        scroll.setPrefViewportWidth(700);
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.initOwner(stage);
        a.setTitle("Keyboard Shortcuts");
        a.setHeaderText("Keyboard shortcuts");
        a.getDialogPane().setContent(scroll);
        a.setResizable(true);
        a.show();
    }

    void about() {
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.initOwner(stage);
        a.setHeaderText("StructScope");
        a.setContentText("Design C struct layouts and read bytes through them.\nJava "
                + System.getProperty("java.version") + " · JavaFX " + System.getProperty("javafx.runtime.version"));
        a.show();
    }
}
