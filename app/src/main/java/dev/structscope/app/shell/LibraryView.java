package dev.structscope.app.shell;

import dev.structscope.app.common.Icons;
import dev.structscope.icons.IconPaths;
import dev.structscope.model.type.Decl;
import dev.structscope.model.type.EnumType;
import dev.structscope.model.type.RecordKind;
import dev.structscope.model.type.RecordType;
import dev.structscope.model.type.Typedef;
import dev.structscope.app.designer.LibraryEdits;
import dev.structscope.model.InputException;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The layout library pane: the document's declarations (structs, unions, enums, typedefs), a
 * filter, buttons to add a struct, union or enum, and the whole-type edits (rename with every use,
 * duplicate, delete while unused, show uses) on a context menu and keys. Selecting one shows it in
 * the designer. Binds to the {@link ShellViewModel}. FX thread.
 */
public final class LibraryView extends BorderPane {
    private final ObservableList<Decl> all = FXCollections.observableArrayList();
    private final FilteredList<Decl> shown = new FilteredList<>(all);
    public final ListView<Decl> list = new ListView<>(shown);
    /** With a clear button (ControlsFX), as filter boxes have. */
    public final TextField filter = org.controlsfx.control.textfield.TextFields.createClearableTextField();
    /** Shows the types a system header declared, which come after the document's own (off: hidden). */
    public final javafx.scene.control.CheckBox systemTypes = new javafx.scene.control.CheckBox();
    /** How many of the library's declarations a system header made (the status bar counts them apart). */
    public final javafx.beans.property.ReadOnlyIntegerWrapper systemCount = new javafx.beans.property.ReadOnlyIntegerWrapper();
    private final ShellViewModel vm;
    private final javafx.css.PseudoClass systemClass = javafx.css.PseudoClass.getPseudoClass("system");
    /** The current library's declarations that a system header made, by identity. */
    private java.util.Set<Decl> system = java.util.Set.of();
    private dev.structscope.model.type.TypeLibrary library;
    private boolean syncing;

    public LibraryView(ShellViewModel vm) {
        this.vm = vm;
        getStyleClass().add("library");
        setId("library");
        Label title = new Label("TYPES");
        title.getStyleClass().add("section-label");
        Label count = new Label();
        count.getStyleClass().add("muted");
        systemTypes.setId("system-types");
        systemTypes.getStyleClass().add("system-types");
        systemTypes.setText("System types");
        systemTypes.managedProperty().bind(systemTypes.visibleProperty());
        systemTypes.setVisible(false);
        systemTypes.selectedProperty().addListener((o, a, b) -> refilter());
        HBox header = new HBox(8, title, count);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("pane-header");

        list.setId("types");
        Label none = new Label("No types yet: add one below or open a C header (Ctrl+O)");
        none.setWrapText(true);
        none.setPadding(new javafx.geometry.Insets(8));
        list.setPlaceholder(none);
        list.setCellFactory(l -> new ListCell<>() {
            {
                // As wide as the list, not as the name: a long name ends in "…" (the tooltip has it
                // whole) instead of giving the narrow list a horizontal scroll bar.
                setPrefWidth(0);
            }

            @Override
            protected void updateItem(Decl d, boolean empty) {
                super.updateItem(d, empty);
                if (empty || d == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                setText(label(d));
                setGraphic(Icons.of(switch (d) {
                    case RecordType r when r.kind() == RecordKind.UNION -> IconPaths.UNION;
                    case RecordType r -> IconPaths.STRUCT;
                    case EnumType e -> IconPaths.ENUM;
                    case Typedef t when t.target() instanceof RecordType r && r.kind() == RecordKind.UNION -> IconPaths.UNION;
                    case Typedef t when t.target() instanceof RecordType -> IconPaths.STRUCT;
                    case Typedef t -> IconPaths.TYPEDEF;
                }));
                boolean systems = system.contains(d);
                pseudoClassStateChanged(systemClass, systems);
                String from = systems ? library.systemHeader(d).map(h -> "\nfrom " + h + ", the system's: a C export"
                        + " includes it").orElse("") : "";
                setTooltip(new Tooltip(label(d) + from + (d.comment() == null ? "" : "\n" + d.comment())));
            }
        });
        vm.document.state.addListener((o, a, b) -> {
            if (a == null || a.library() != b.library()) {
                syncing = true;
                show(b.library(), count);
                syncing = false;
            }
            selectByName(b.selected());
        });
        show(vm.document.state.get().library(), count);
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (!syncing && b != null) {
                vm.selectDecl(b);
            }
        });

        Button addStruct = add("struct", vm, IconPaths.STRUCT);
        Button addUnion = add("union", vm, IconPaths.UNION);
        Button addEnum = add("enum", vm, IconPaths.ENUM);
        VBox buttons = new VBox(4, addStruct, addUnion, addEnum);
        buttons.getStyleClass().add("library-buttons");
        filter.setId("library-filter");
        filter.setPromptText("Filter types");
        filter.setTooltip(new Tooltip("Shows the types whose name contains this text (Esc clears)"));
        filter.textProperty().addListener((o, a, b) -> refilter());
        filter.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE && !filter.getText().isEmpty()) {
                filter.clear();
                e.consume();
            } else if (e.getCode() == KeyCode.DOWN) {
                list.requestFocus();
                if (list.getSelectionModel().isEmpty() && !shown.isEmpty()) {
                    list.getSelectionModel().select(0);
                }
                e.consume();
            }
        });
        installEdits();
        VBox top = new VBox(4, header, filter, systemTypes);
        top.getStyleClass().add("library-top");
        setTop(top);
        setCenter(list);
        setBottom(buttons);
        VBox.setVgrow(list, Priority.ALWAYS);
    }

    /**
     * Lists {@code lib}'s declarations: the document's own in their order, then those a system
     * header made (shown when {@link #systemTypes} is on), counted apart.
     */
    private void show(dev.structscope.model.type.TypeLibrary lib, Label count) {
        library = lib;
        java.util.Set<Decl> sys = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        java.util.List<Decl> own = new java.util.ArrayList<>();
        for (Decl d : lib.decls()) {
            if (lib.systemHeader(d).isPresent()) {
                sys.add(d);
            } else {
                own.add(d);
            }
        }
        system = sys;
        systemCount.set(sys.size());
        own.addAll(lib.decls().stream().filter(sys::contains).toList());
        all.setAll(own);
        count.setText(Integer.toString(lib.decls().size() - sys.size()));
        systemTypes.setTooltip(new Tooltip("Show the " + sys.size() + (sys.size() == 1 ? " type" : " types")
                + " the system's headers declared (pid_t, struct stat...), after the document's own:"
                + "\na C export includes those headers rather than declaring them again"));
        systemTypes.setVisible(!sys.isEmpty());
        refilter();
    }

    /** Shows what the filter text and the system toggle let through. */
    private void refilter() {
        String f = filter.getText() == null ? "" : filter.getText().strip().toLowerCase(java.util.Locale.ROOT);
        boolean withSystem = systemTypes.isSelected() || system.isEmpty();
        shown.setPredicate(f.isEmpty() && withSystem ? null : d -> (withSystem || !system.contains(d))
                && label(d).toLowerCase(java.util.Locale.ROOT).contains(f));
        selectByName(vm.document.state.get().selected());
    }

    /**
     * The width this pane needs to show every listed type's name whole: the widest label with its icon,
     * the cells' and the list's padding and a vertical scroll bar; 0 before the list has made a
     * cell whose font and padding it can measure with.
     */
    public double namesWidth() {
        ListCell<?> cell = null;
        for (javafx.scene.Node n : list.lookupAll(".list-cell")) {
            if (n instanceof ListCell<?> c && !c.isEmpty() && c.getGraphic() != null) {
                cell = c;
                break;
            }
        }
        if (cell == null) {
            return 0;
        }
        javafx.scene.text.Text measure = new javafx.scene.text.Text();
        measure.setFont(cell.getFont());
        double widest = 0;
        for (Decl d : shown) {
            measure.setText(label(d));
            widest = Math.max(widest, measure.getLayoutBounds().getWidth());
        }
        double scrollBar = 14;
        return Math.ceil(widest + cell.getGraphic().prefWidth(-1) + cell.getGraphicTextGap()
                + cell.snappedLeftInset() + cell.snappedRightInset() + list.snappedLeftInset() + list.snappedRightInset()
                + snappedLeftInset() + snappedRightInset() + scrollBar + 4);
    }

    /** Rename (F2), Duplicate (Ctrl+D), Delete (Delete) and Show Uses on the selected type. */
    private void installEdits() {
        // No accelerators on these items: a context menu's accelerators act on the whole scene, and
        // Delete or F2 in a designer cell must not delete or rename the selected type. The keys
        // work while the list has focus (below); the labels name them.
        MenuItem rename = new MenuItem("Rename…  (F2)");
        rename.setOnAction(e -> withSelected(this::rename));
        MenuItem duplicate = new MenuItem("Duplicate  (Ctrl+D)");
        duplicate.setOnAction(e -> withSelected(vm::duplicateDecl));
        MenuItem delete = new MenuItem("Delete  (Delete)");
        delete.setOnAction(e -> withSelected(this::delete));
        MenuItem uses = new MenuItem("Show Uses");
        uses.setOnAction(e -> withSelected(this::showUses));
        ContextMenu menu = new ContextMenu(rename, duplicate, new SeparatorMenuItem(), delete,
                new SeparatorMenuItem(), uses);
        menu.setOnShowing(e -> {
            boolean none = list.getSelectionModel().getSelectedItem() == null;
            rename.setDisable(none);
            duplicate.setDisable(none);
            delete.setDisable(none);
            uses.setDisable(none);
        });
        list.setContextMenu(menu);
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.F2) {
                withSelected(this::rename);
            } else if (e.getCode() == KeyCode.DELETE) {
                withSelected(this::delete);
            } else if (e.getCode() == KeyCode.D && e.isShortcutDown()) {
                withSelected(vm::duplicateDecl);
            } else {
                return;
            }
            e.consume();
        });
    }

    private void withSelected(java.util.function.Consumer<Decl> action) {
        Decl d = list.getSelectionModel().getSelectedItem();
        if (d != null) {
            action.accept(d);
        }
    }

    private void delete(Decl d) {
        try {
            vm.deleteDecl(d);
        } catch (InputException ex) {
            vm.status.set("Cannot delete " + label(d) + ": " + ex.getMessage());
        }
    }

    private void showUses(Decl d) {
        java.util.List<String> uses = LibraryEdits.uses(vm.document.state.get().library(), d);
        vm.status.set(uses.isEmpty() ? label(d) + " is not used by any other type"
                : label(d) + " is used by " + String.join(", ", uses));
    }

    /** Asks for the new name in a small dialog that refuses a bad or taken name in place. */
    private void rename(Decl d) {
        Dialog<String> dialog = new Dialog<>();
        dialog.setTitle("Rename");
        dialog.initOwner(getScene() == null ? null : getScene().getWindow());
        String old = LibraryEdits.reference(d).name();
        int uses = LibraryEdits.uses(vm.document.state.get().library(), d).size();
        dialog.setHeaderText("Rename " + label(d) + (uses == 0 ? "" : " and its " + uses
                + (uses == 1 ? " use" : " uses")));
        TextField name = new TextField(old);
        name.setId("rename-field");
        name.setPrefColumnCount(24);
        Label error = new Label();
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        error.setMaxWidth(360);
        // Room for two lines from the start: the dialog does not grow once shown.
        error.setMinHeight(40);
        error.setAlignment(Pos.TOP_LEFT);
        dialog.getDialogPane().setContent(new VBox(6, name, error));
        dialog.getDialogPane().setId("rename-dialog");
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        javafx.scene.Node ok = dialog.getDialogPane().lookupButton(ButtonType.OK);
        Runnable check = () -> {
            String n = name.getText();
            String problem = null;
            int i = vm.document.state.get().library().decls().indexOf(d);
            try {
                if (i >= 0) {
                    LibraryEdits.rename(vm.document.state.get().library(), i, n);
                }
            } catch (InputException ex) {
                problem = ex.getMessage();
            }
            error.setText(problem == null ? "" : problem);
            ok.setDisable(problem != null);
        };
        name.textProperty().addListener((o, a, b) -> check.run());
        check.run();
        dialog.setResultConverter(b -> b == ButtonType.OK ? name.getText() : null);
        javafx.application.Platform.runLater(() -> {
            name.requestFocus();
            name.selectAll();
        });
        dialog.showAndWait().ifPresent(n -> {
            try {
                vm.renameDecl(d, n);
            } catch (InputException ex) {
                vm.status.set("Cannot rename " + label(d) + ": " + ex.getMessage());
            }
        });
    }

    private void selectByName(String name) {
        syncing = true;
        try {
            if (name == null) {
                return;
            }
            for (Decl d : list.getItems()) {
                boolean match = d instanceof RecordType r ? name.equals(r.tag())
                        : d instanceof Typedef t && t.target() instanceof RecordType && name.equals(t.name());
                if (match) {
                    list.getSelectionModel().select(d);
                    return;
                }
            }
        } finally {
            syncing = false;
        }
    }

    private static Button add(String kind, ShellViewModel vm, String icon) {
        Button b = new Button("+ " + kind, Icons.of(icon));
        b.setId("add-" + kind);
        b.setMaxWidth(Double.MAX_VALUE);
        b.setAlignment(Pos.CENTER_LEFT);
        b.getStyleClass().add("flat");
        b.setOnAction(e -> vm.addDecl(kind));
        return b;
    }

    static String label(Decl d) {
        return switch (d) {
            case RecordType r -> r.spelling();
            case EnumType e -> e.spelling();
            case Typedef t when t.target() instanceof RecordType -> t.name(); // C's name for it; the icon says struct
            case Typedef t -> "typedef " + t.name();
        };
    }
}
