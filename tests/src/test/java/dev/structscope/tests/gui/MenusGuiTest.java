package dev.structscope.tests.gui;

import dev.structscope.app.shell.Workspace;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The menus as the keyboard reaches them: Alt and a letter opens a menu (they had no mnemonics),
 * F1 lists the shortcuts in two columns, and the designer's member commands are off while only the
 * data shows (they would change a layout out of sight).
 */
class MenusGuiTest extends GuiTest {
    private javafx.scene.control.Menu menu(String text) {
        return lookup("#menu-bar").queryAs(MenuBar.class).getMenus().stream()
                .filter(m -> m.getText().replace("_", "").equals(text)).findFirst().orElseThrow();
    }

    @Test
    void altAndALetterOpensItsMenu() {
        press(KeyCode.ALT).press(KeyCode.F).release(KeyCode.F).release(KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(menu("File").isShowing(), "Alt+F opened File");
        push(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(7, lookup("#menu-bar").queryAs(MenuBar.class).getMenus().stream()
                .map(m -> Character.toLowerCase(m.getText().charAt(m.getText().indexOf('_') + 1))).distinct().count(),
                "every menu has a letter of its own");
    }

    @Test
    void f1ListsTheShortcutsInColumns() {
        push(KeyCode.F1);
        await("the shortcuts", () -> lookup("#shortcuts").tryQuery().isPresent());
        javafx.scene.layout.GridPane grid = lookup("#shortcuts").queryAs(javafx.scene.layout.GridPane.class);
        assertTrue(grid.getChildren().size() > 40, "keys and what they do: " + grid.getChildren().size());
        for (javafx.scene.Node n : grid.getChildren()) {
            if (javafx.scene.layout.GridPane.getColumnIndex(n) == 0 && n instanceof javafx.scene.control.Label l) {
                assertTrue(l.getWidth() + 0.5 >= l.prefWidth(-1), "the keys are not cut: " + l.getText());
            }
        }
        push(KeyCode.ESCAPE);
    }

    /**
     * Names with underscores ("x86_64-linux" in Layout › ABI and Layout › Compare with) read as
     * they are spelt: a menu took the underscore for a mnemonic and showed "x8664-linux".
     */
    @Test
    void underscoresInsideNamesAreShownNotTakenForMnemonics() {
        java.util.List<String> eaten = new java.util.ArrayList<>();
        for (javafx.scene.control.Menu m : lookup("#menu-bar").queryAs(MenuBar.class).getMenus()) {
            underscoresEaten(m.getItems(), eaten);
        }
        assertTrue(eaten.isEmpty(), "shown without their underscore: " + eaten);
        assertTrue(abiItems().anyMatch(t -> t.contains("x86_64-linux")), "the ABI menu names x86_64-linux");
    }

    /** Adds the items whose mnemonic parsing would drop an underscore inside a word. */
    private static void underscoresEaten(java.util.List<MenuItem> items, java.util.List<String> eaten) {
        for (MenuItem i : items) {
            String t = i.getText();
            if (t != null && i.isMnemonicParsing() && t.matches("(?s).*[\\p{Alnum}]_.*")) {
                eaten.add(t);
            }
            if (i instanceof javafx.scene.control.Menu sub) {
                underscoresEaten(sub.getItems(), eaten);
            }
        }
    }

    private java.util.stream.Stream<String> abiItems() {
        return menu("Layout").getItems().stream().filter(i -> i instanceof javafx.scene.control.Menu m
                && "ABI".equals(m.getText().replace("_", "")))
                .flatMap(m -> ((javafx.scene.control.Menu) m).getItems().stream()).map(MenuItem::getText);
    }

    @Test
    void memberCommandsAreOffWhileOnlyTheDataShows() {
        MenuItem add = menu("Edit").getItems().stream().filter(i -> "Add Member".equals(i.getText())).findFirst().orElseThrow();
        assertFalse(add.isDisable());
        interact(() -> vm.workspace.set(Workspace.DATA));
        assertTrue(add.isDisable());
        interact(() -> vm.workspace.set(Workspace.BOTH));
        assertFalse(add.isDisable());
    }
}
