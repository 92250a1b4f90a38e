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
