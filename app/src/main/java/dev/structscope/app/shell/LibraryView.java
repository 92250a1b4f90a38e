package dev.structscope.app.shell;

import dev.structscope.app.common.Icons;
import dev.structscope.icons.IconPaths;
import dev.structscope.model.type.Decl;
import dev.structscope.model.type.EnumType;
import dev.structscope.model.type.RecordKind;
import dev.structscope.model.type.RecordType;
import dev.structscope.model.type.Typedef;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The layout library pane: the document's declarations (structs, unions, enums, typedefs) with
 * buttons to add a struct, union or enum. Selecting one shows it in the designer. Binds to the
 * {@link ShellViewModel}. FX thread.
 */
public final class LibraryView extends BorderPane {
    private final ListView<Decl> list = new ListView<>();
    private boolean syncing;

    public LibraryView(ShellViewModel vm) {
        getStyleClass().add("library");
        setId("library");
        Label title = new Label("LAYOUT");
        title.getStyleClass().add("section-label");
        Label count = new Label();
        count.getStyleClass().add("muted");
        HBox header = new HBox(8, title, count);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("pane-header");

        list.setId("types");
        list.setPlaceholder(new Label("No types yet:\nadd one below or open a C header (Ctrl+O)"));
        list.setCellFactory(l -> new ListCell<>() {
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
                setTooltip(d.comment() == null ? null : new Tooltip(d.comment()));
            }
        });
        vm.document().stateProperty().addListener((o, a, b) -> {
            if (a == null || a.library() != b.library()) {
                syncing = true;
                list.getItems().setAll(b.library().decls());
                syncing = false;
            }
            selectByName(b.selected());
            count.setText(b.library().decls().size() + " types");
        });
        list.getItems().setAll(vm.document().state().library().decls());
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
        setTop(header);
        setCenter(list);
        setBottom(buttons);
        VBox.setVgrow(list, Priority.ALWAYS);
    }

    public ListView<Decl> list() {
        return list;
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
            case Typedef t when t.target() instanceof RecordType r -> r.kind().keyword() + " " + t.name();
            case Typedef t -> "typedef " + t.name();
        };
    }
}
