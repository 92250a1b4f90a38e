package dev.structscope.app.designer;

import javafx.geometry.Side;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;

import java.util.List;
import java.util.function.Consumer;
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

    /**
     * Shows {@code choices} in {@code menu} below {@code field}, each running {@code picked} with its
     * text, or hides the menu when there are none. Shared with the designer's type completion.
     */
    static void offer(ContextMenu menu, TextField field, List<String> choices, Consumer<String> picked) {
        if (choices.isEmpty()) {
            menu.hide();
            return;
        }
        menu.getItems().clear();
        for (String s : choices) {
            CustomMenuItem item = new CustomMenuItem(new Label(s), true);
            item.setOnAction(e -> picked.accept(s));
            menu.getItems().add(item);
        }
        if (!menu.isShowing() && field.getScene() != null) {
            menu.show(field, Side.BOTTOM, 0, 0);
        }
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
        offer(menu, field, paths.get().stream().filter(s -> s.startsWith(token) && !s.equals(token)).limit(12)
                .toList(), s -> {
                    field.setText(head + s);
                    field.positionCaret(field.getText().length());
                });
    }
}
