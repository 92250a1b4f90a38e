package dev.structscope.tests.gui;

import dev.structscope.app.designer.DesignerRow;
import dev.structscope.app.designer.DesignerViewModel;
import dev.structscope.app.shell.DocumentIo;
import dev.structscope.app.shell.MainWindow;
import dev.structscope.app.shell.RecentFiles;
import dev.structscope.app.shell.ShellViewModel;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;

/**
 * Base of the GUI tests: a fresh main window showing the bundled sample before every test (the
 * outer class's {@code @BeforeEach} also runs for its {@code @Nested} situations). File work runs
 * on a real background thread, as in the app; tests wait for it with {@link #settle()}.
 * Runs headless under Monocle (see the tests module's surefire flags).
 */
abstract class GuiTest extends FxRobot {
    protected Stage stage;
    protected ShellViewModel vm;
    protected MainWindow window;
    private ExecutorService io;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void openWindow() throws Exception {
        io = Executors.newSingleThreadExecutor();
        FxToolkit.setupStage(s -> {
            stage = s;
            vm = new ShellViewModel(DocumentIo.STANDARD, io, Platform::runLater,
                    RecentFiles.inMemory());
            window = new MainWindow(s, vm, null);
            s.setWidth(1260);
            s.setHeight(780);
            s.setX(0);
            s.setY(0);
            vm.openSample();
            s.show();
            s.toFront();
        });
        settle();
    }

    @AfterEach
    void closeWindow() throws Exception {
        FxToolkit.cleanupStages();
        io.shutdownNow();
    }

    /**
     * Waits until background file work and FX events are done; fails the test when they are not
     * done within {@link #SETTLE_SECONDS} (a hang is a failure, not a test that goes on regardless).
     */
    protected void settle() {
        WaitForAsyncUtils.waitForFxEvents();
        await("background work to finish", () -> !vm.busy.get() && vm.tasks.running.get() == 0);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** How long {@link #settle()} and {@link #await} wait before they fail the test. */
    protected static final int SETTLE_SECONDS = 30;

    /** Waits (FX events flushed) until {@code condition} holds; fails the test naming {@code what} if it never does. */
    protected static void await(String what, java.util.concurrent.Callable<Boolean> condition) {
        await(what, SETTLE_SECONDS, condition);
    }

    /** As {@link #await(String, java.util.concurrent.Callable)}, for work that may take up to {@code seconds}. */
    protected static void await(String what, int seconds, java.util.concurrent.Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, java.util.concurrent.TimeUnit.SECONDS, () -> {
                WaitForAsyncUtils.waitForFxEvents();
                return condition.call();
            });
            WaitForAsyncUtils.waitForFxEvents();
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("waited " + seconds + " s for " + what + " in vain");
        }
    }

    /** The document as Save As .h and Export → C write it (one writer), for clang to lay out. */
    protected String cHeader() {
        var s = vm.document.state.get();
        return dev.structscope.model.export.Exporter.of(dev.structscope.model.export.ExportTarget.C)
                .export(s.library(), dev.structscope.model.export.ExportOptions.of(s.abi())).text();
    }

    protected DesignerViewModel designer() {
        return vm.designer;
    }

    protected TableView<DesignerRow> table() {
        return window.designer.table;
    }

    /**
     * The table cell of row {@code row} in the column titled {@code column}, scrolled into view
     * first as a person would (the columns can be wider than the pane): the one the table shows,
     * not a spare cell of the same index it keeps outside its area for reuse.
     */
    @SuppressWarnings("unchecked")
    protected TableCell<DesignerRow, String> cell(int row, String column) {
        if (!Platform.isFxApplicationThread()) {
            interact(() -> {
                table().scrollTo(row);
                table().getVisibleLeafColumns().stream().filter(c -> column.equals(c.getText())).findFirst()
                        .ifPresent(c -> table().scrollToColumn(c));
            });
            WaitForAsyncUtils.waitForFxEvents();
        }
        Bounds area = table().localToScreen(table().getBoundsInLocal());
        for (Node n : lookup(".table-cell").queryAll()) {
            if (n instanceof TableCell<?, ?> c && c.getTableView() == table() && c.getIndex() == row
                    && c.getTableColumn() != null && column.equals(c.getTableColumn().getText())
                    && c.isVisible() && c.getTableRow() != null && c.getTableRow().isVisible()) {
                Bounds b = c.localToScreen(c.getBoundsInLocal());
                if (b != null && area != null && area.contains(b.getCenterX(), b.getCenterY())) {
                    return (TableCell<DesignerRow, String>) c;
                }
            }
        }
        throw new AssertionError("no cell shown at row " + row + ", column " + column);
    }

    /** The table row that shows member {@code index}. */
    protected int rowOfMember(int index) {
        var rows = designer().rows;
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i) instanceof DesignerRow.MemberRow m && m.index() == index) {
                return i;
            }
        }
        throw new AssertionError("no row for member " + index);
    }

    /** Double-clicks a member's cell and types {@code text} + Enter, as a person would. */
    protected void typeInto(int member, String column, String text) {
        int row = rowOfMember(member);
        TableCell<DesignerRow, String> c = cell(row, column);
        clickOn(c);
        doubleClickOn(c);
        WaitForAsyncUtils.waitForFxEvents();
        if (table().getEditingCell() == null) {
            interact(() -> table().edit(row, c.getTableColumn()));
        }
        push(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.A);
        write(text);
        push(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Selects a declaration of the layout library by its label, by clicking it. */
    protected void selectInLibrary(String label) {
        for (Node n : lookup("#types .list-cell").queryAll()) {
            if (n instanceof javafx.scene.control.ListCell<?> lc && label.equals(lc.getText())) {
                clickOn(n);
                WaitForAsyncUtils.waitForFxEvents();
                return;
            }
        }
        throw new AssertionError("no library entry " + label);
    }
}
