package dev.structscope.app.hexview;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.shape.Rectangle;

import java.util.Locale;

/**
 * The bookmark list: name, colour and range of each bookmark; "Add" bookmarks the hex view's
 * selection under the typed name; double-click or Enter jumps to one; Delete removes it.
 * FX thread only.
 */
public final class BookmarksView extends BorderPane {
    public final ListView<Bookmark> list = new ListView<>();
    private final TextField name = new TextField();

    public BookmarksView(BookmarksModel model, HexViewModel hex) {
        list.setItems(model.items);
        list.setPlaceholder(new Label("No bookmarks: select bytes and press Ctrl+B."));
        list.setCellFactory(v -> new ListCell<>() {
            private final Rectangle swatch = new Rectangle(10, 10);

            @Override
            protected void updateItem(Bookmark b, boolean empty) {
                super.updateItem(b, empty);
                if (empty || b == null) {
                    setText(null);
                    setGraphic(null);
                } else {
                    swatch.setFill(b.color());
                    setGraphic(swatch);
                    setText(String.format(Locale.ROOT, "%s  0x%X +%d", b.name(), b.offset(), b.length()));
                }
            }
        });
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                jump(hex);
            }
        });
        list.setOnKeyPressed(e -> {
            Bookmark b = list.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER) {
                jump(hex);
            } else if (e.getCode() == KeyCode.DELETE && b != null) {
                model.remove(b);
            }
        });
        name.setPromptText("bookmark name");
        Button add = new Button("Add");
        add.setOnAction(e -> addFromSelection(model, hex));
        name.setOnAction(e -> addFromSelection(model, hex));
        HBox.setHgrow(name, Priority.ALWAYS);
        HBox bar = new HBox(6, new Label("BOOKMARKS"), name, add);
        bar.setPadding(new Insets(3, 6, 3, 6));
        bar.setStyle("-fx-alignment: center-left;");
        setTop(bar);
        setCenter(list);
    }

    /** Bookmarks the current selection with the typed name (or a default one). */
    public void addFromSelection(BookmarksModel model, HexViewModel hex) {
        if (hex.source.get() == null) {
            return;
        }
        model.add(name.getText(), hex.selectionStart(), hex.selectionLength());
        name.clear();
    }

    private void jump(HexViewModel hex) {
        Bookmark b = list.getSelectionModel().getSelectedItem();
        if (b != null) {
            hex.select(b.offset(), b.length());
        }
    }
}
