package dev.structscope.app.live.compose;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;

/**
 * Makes the nodes of a compose form: one row per member (name, editor, type) in aligned columns,
 * groups as indented blocks under a header, a union's header with a choice of the member to
 * edit. Editors are bound to their {@link FormEntry}; the entry holds the state. Every editor has
 * the style class {@code compose-editor} and its entry as user data (tests find them by path).
 * A dynamic record's form adds: a tagged union's choice of alternative, a growable array's add
 * and remove buttons (style class {@code compose-action}), derived rows shown read-only, and rows
 * other members follow, whose edit reshapes the form on Enter or when focus leaves. Every
 * focusable node has a {@link #KEY} property, so that focus comes back to the same place after the
 * form is rebuilt. FX thread.
 */
final class FormRows {
    static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");
    static final double INDENT = 18;
    static final double EDITOR_WIDTH = 210;

    /** The node property naming a control by its row's path and role, for focus after a rebuild. */
    static final String KEY = "compose-key";

    private final double nameWidth;
    private final double typeWidth;
    private final ComposeViewModel vm;

    private FormRows(double nameWidth, double typeWidth, ComposeViewModel vm) {
        this.nameWidth = nameWidth;
        this.typeWidth = typeWidth;
        this.vm = vm;
    }

    /** The rows of {@code root}'s members; shape changes of a dynamic record go to {@code vm}. */
    static VBox build(GroupEntry root, ComposeViewModel vm) {
        // Column widths from the longest name (with its indent) and type, so that editors and
        // the error text after the type line up in every row.
        double[] widest = {0, 0};
        FormJson.walk(root, e -> {
            widest[0] = Math.max(widest[0], e.label().length() * 7.5 + Math.max(0, e.depth()) * INDENT);
            widest[1] = Math.max(widest[1], e instanceof GroupEntry ? 0 : e.typeName().length() * 8.0);
        });
        FormRows rows = new FormRows(Math.clamp(widest[0] + 16, 110, 280), Math.clamp(widest[1] + 8, 60, 240), vm);
        VBox box = new VBox(2);
        box.getStyleClass().add("compose-form");
        box.getChildren().addAll(rows.children(root));
        if (!root.note().isEmpty()) {
            box.getChildren().add(note(root.note(), 0));
        }
        return box;
    }

    private List<Node> children(GroupEntry g) {
        List<Node> out = new ArrayList<>();
        for (int i = 0; i < g.children().size(); i++) {
            Node n = node(g.children().get(i));
            if (g.kind() == GroupEntry.Kind.UNION) {
                int index = i;
                var active = Bindings.createBooleanBinding(() -> g.active(index), g.selectedProperty());
                n.visibleProperty().bind(active);
                n.managedProperty().bind(active);
            }
            out.add(n);
        }
        return out;
    }

    private Node node(FormEntry e) {
        return switch (e) {
            case ScalarEntry s -> row(s, roles(s, editor(s)), s.error, s.hint());
            case TextEntry t -> row(t, text(t, t.text), t.error, t.hint());
            case GroupEntry g -> group(g);
        };
    }

    private Node group(GroupEntry g) {
        HBox header = new HBox(8);
        header.getStyleClass().addAll("compose-row", "compose-group-header");
        header.setAlignment(Pos.CENTER_LEFT);
        String label = g.anonymous() ? "(anonymous " + (g.kind() == GroupEntry.Kind.UNION ? "union" : "struct") + ")"
                : g.label();
        header.getChildren().add(name(label, g.depth(), true));
        if (g.kind() == GroupEntry.Kind.UNION && !g.children().isEmpty()) {
            ChoiceBox<String> pick = new ChoiceBox<>();
            for (FormEntry c : g.children()) {
                pick.getItems().add(c instanceof GroupEntry cg && cg.anonymous() ? "(anonymous)" : c.label());
            }
            pick.getSelectionModel().select(g.selected());
            pick.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> g.select(b.intValue()));
            g.selectedProperty().addListener((o, a, b) -> pick.getSelectionModel().select(b.intValue()));
            pick.setPrefWidth(EDITOR_WIDTH);
            pick.setTooltip(new Tooltip("A union holds one member at a time: choose the one to send"));
            pick.getStyleClass().add("compose-editor");
            pick.setUserData(g);
            header.getChildren().add(pick);
        }
        if (g.kind() == GroupEntry.Kind.TAGGED) {
            header.getChildren().add(alternatives(g));
        }
        if (g.growable()) {
            header.getChildren().addAll(growButtons(g));
        }
        header.getChildren().add(type(g.typeName()));
        VBox box = new VBox(2, header);
        box.getChildren().addAll(children(g));
        if (!g.note().isEmpty()) {
            box.getChildren().add(note(g.note(), g.depth() + 1));
        }
        return box;
    }

    private Node alternatives(GroupEntry g) {
        ChoiceBox<String> pick = new ChoiceBox<>();
        pick.getItems().addAll(g.alternatives());
        if (g.selected() >= 0) {
            pick.getSelectionModel().select(g.selected());
        }
        // The form is rebuilt around the new alternative; its discriminator follows.
        pick.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> vm.choose(g, b.intValue()));
        pick.setPrefWidth(EDITOR_WIDTH);
        pick.setDisable(!g.choosable());
        pick.setTooltip(new Tooltip(g.choosable()
                ? "The alternative to send: its type member is set to match"
                : "The alternative follows a member outside this record: edit that member"));
        pick.getStyleClass().add("compose-editor");
        pick.setUserData(g);
        pick.getProperties().put(KEY, g.path() + "#choice");
        return pick;
    }

    private List<Node> growButtons(GroupEntry g) {
        javafx.scene.control.Button add = new javafx.scene.control.Button("+");
        add.setTooltip(new Tooltip(g.children().size() >= g.capacity()
                ? "The form holds at most " + g.capacity() + " elements here"
                : "Add an element at the end (the count follows)"));
        add.setDisable(g.children().size() >= g.capacity());
        add.setOnAction(e -> vm.addElement(g));
        javafx.scene.control.Button remove = new javafx.scene.control.Button("−");
        remove.setTooltip(new Tooltip("Remove the last element (the count follows)"));
        remove.setDisable(g.children().isEmpty());
        remove.setOnAction(e -> vm.removeElement(g, -1));
        add.getProperties().put(KEY, g.path() + "#add");
        remove.getProperties().put(KEY, g.path() + "#remove");
        add.setAccessibleText("Add an element to " + g.path());
        remove.setAccessibleText("Remove the last element of " + g.path());
        Label count = new Label(g.children().size() + (g.children().size() == 1 ? " element" : " elements"));
        count.getStyleClass().add("compose-type");
        for (var b : List.of(add, remove)) {
            b.getStyleClass().add("compose-action");
            b.setUserData(g);
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        return List.of(add, remove, count);
    }

    private Node row(FormEntry e, Control editor, ObservableStringValue error, String hint) {
        editor.getStyleClass().add("compose-editor");
        editor.getProperties().put(KEY, e.path() + "#edit");
        editor.setUserData(e);
        editor.setAccessibleText(e.path() + ", " + e.typeName());
        editor.setPrefWidth(EDITOR_WIDTH);
        editor.setMinWidth(EDITOR_WIDTH);
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(Bindings.createStringBinding(
                () -> error.get().isEmpty() ? hint : error.get(), error));
        editor.setTooltip(tip);
        editor.pseudoClassStateChanged(INVALID, !error.get().isEmpty());
        error.addListener((o, a, b) -> editor.pseudoClassStateChanged(INVALID, !b.isEmpty()));
        Label why = new Label();
        why.getStyleClass().add("compose-error");
        why.textProperty().bind(error);
        why.visibleProperty().bind(Bindings.isNotEmpty(error));
        why.managedProperty().bind(why.visibleProperty());
        why.setMinWidth(0); // ends in an ellipsis when the pane is narrow; the tooltip has it whole
        HBox.setHgrow(why, Priority.ALWAYS);
        Label type = type(e.typeName());
        type.setMinWidth(typeWidth);
        type.setPrefWidth(typeWidth);
        HBox row = new HBox(8, name(e.label(), e.depth(), false), editor, type, why);
        row.getStyleClass().add("compose-row");
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private Control editor(ScalarEntry s) {
        return switch (s.editor()) {
            case BOOL -> {
                CheckBox box = new CheckBox();
                box.setSelected("true".equals(s.text.get().strip()));
                box.selectedProperty().addListener((o, a, b) -> s.setText(b ? "true" : "false"));
                s.text.addListener((o, a, b) -> box.setSelected("true".equalsIgnoreCase(b.strip())
                        || "1".equals(b.strip())));
                yield box;
            }
            case ENUM -> {
                ComboBox<String> combo = new ComboBox<>();
                combo.setEditable(true);
                if (s.node().enumType() != null) {
                    s.node().enumType().enumerators().forEach(en -> combo.getItems().add(en.name()));
                }
                combo.getEditor().setText(s.text.get());
                combo.setValue(s.text.get());
                combo.getEditor().textProperty().addListener((o, a, b) -> s.setText(b));
                combo.valueProperty().addListener((o, a, b) -> {
                    if (b != null && !b.equals(s.text.get())) {
                        s.setText(b);
                    }
                });
                s.text.addListener((o, a, b) -> {
                    // Only changes from outside the editor (a history entry loaded): typing must
                    // not have its own text (and caret) set back.
                    if (!b.equals(combo.getEditor().getText())) {
                        combo.setValue(b);
                        combo.getEditor().setText(b);
                    }
                });
                yield combo;
            }
            case INTEGER, FLOAT -> text(s, s.text);
        };
    }

    /** A derived row is read, not typed; a row other members follow reshapes the form when committed. */
    private Control roles(ScalarEntry s, Control editor) {
        if (s.role() == ScalarEntry.Role.DERIVED) {
            if (editor instanceof TextField f) {
                f.setEditable(false);
            } else {
                editor.setDisable(true);
            }
            editor.getStyleClass().add("compose-derived");
        } else if (s.role() == ScalarEntry.Role.SHAPING && vm.dynamic()) {
            String[] atFocus = {s.text.get()};
            editor.focusedProperty().addListener((o, was, now) -> {
                if (now) {
                    atFocus[0] = s.text.get();
                } else if (!s.text.get().equals(atFocus[0]) && s.error.get().isEmpty()) {
                    vm.reshape();
                }
            });
            if (editor instanceof TextField f) {
                f.setOnAction(e -> {
                    atFocus[0] = s.text.get();
                    vm.reshape();
                });
            } else if (editor instanceof ComboBox<?> c) {
                c.setOnAction(e -> vm.reshape());
            }
        }
        return editor;
    }

    private static TextField text(FormEntry e, javafx.beans.property.StringProperty value) {
        TextField f = new TextField();
        f.textProperty().bindBidirectional(value);
        f.getStyleClass().add(e instanceof StringEntry ? "compose-text" : "compose-number");
        return f;
    }

    private Label name(String text, int depth, boolean group) {
        Label l = new Label(text);
        l.getStyleClass().add(group ? "compose-group-name" : "compose-name");
        l.setPadding(new Insets(0, 0, 0, Math.max(0, depth) * INDENT));
        l.setMinWidth(nameWidth);
        l.setPrefWidth(nameWidth);
        l.setMaxWidth(nameWidth);
        l.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
        return l;
    }

    private static Label type(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("compose-type");
        l.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(l, Priority.NEVER);
        return l;
    }

    private static Label note(String text, int depth) {
        Label l = new Label(text);
        l.getStyleClass().add("compose-note");
        l.setWrapText(true);
        l.setPadding(new Insets(2, 0, 2, Math.max(0, depth) * INDENT));
        return l;
    }
}
