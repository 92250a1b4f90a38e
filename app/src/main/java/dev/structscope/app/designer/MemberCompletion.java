package dev.structscope.app.designer;

import javafx.geometry.Side;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;

import java.util.List;
import java.util.function.Supplier;

/**
 * Completion of member names in an expression field: while the user types a name at the end of
 * the text, the member paths that start with it are offered ({@code ehdr.e_sh} → {@code
 * ehdr.e_shnum}, {@code ehdr.e_shoff}); picking one replaces the name and typing goes on. Used
 * by the designer's expression cells and its dynamic-member details. FX thread.
 */
final class MemberCompletion {
    private final TextField field;
    private final Supplier<List<String>> paths;
    private final ContextMenu menu = new ContextMenu();

    private MemberCompletion(TextField field, Supplier<List<String>> paths) {
        this.field = field;
        this.paths = paths;
        menu.getStyleClass().add("completions");
        field.textProperty().addListener((o, a, b) -> {
            if (field.isFocused()) {
                suggest(b);
            }
        });
        field.focusedProperty().addListener((o, a, f) -> {
            if (!f) {
                menu.hide();
            }
        });
    }

    /** Completes member names typed into {@code field} from {@code paths} (asked each time). */
    static MemberCompletion attach(TextField field, Supplier<List<String>> paths) {
        return new MemberCompletion(field, paths);
    }

    void hide() {
        menu.hide();
    }

    private void suggest(String typed) {
        String text = typed == null ? "" : typed;
        String token = DynamicText.tokenAtEnd(text);
        if (token.isEmpty() || Character.isDigit(token.charAt(0))) {
            menu.hide();
            return;
        }
        String head = text.substring(0, text.length() - token.length());
        List<String> matches = paths.get().stream().filter(s -> s.startsWith(token) && !s.equals(token)).limit(12)
                .toList();
        if (matches.isEmpty()) {
            menu.hide();
            return;
        }
        menu.getItems().clear();
        for (String s : matches) {
            CustomMenuItem item = new CustomMenuItem(new Label(s), true);
            item.setOnAction(e -> {
                field.setText(head + s);
                field.positionCaret(field.getText().length());
            });
            menu.getItems().add(item);
        }
        if (!menu.isShowing() && field.getScene() != null) {
            menu.show(field, Side.BOTTOM, 0, 0);
        }
    }
}
