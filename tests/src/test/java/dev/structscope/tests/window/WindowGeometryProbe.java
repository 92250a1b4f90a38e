package dev.structscope.tests.window;

import dev.structscope.app.common.TaskRunner;
import dev.structscope.app.shell.DocumentIo;
import dev.structscope.app.shell.MainWindow;
import dev.structscope.app.shell.RecentFiles;
import dev.structscope.app.shell.ShellViewModel;
import dev.structscope.app.shell.WindowPrefs;
import dev.structscope.app.shell.Workspace;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeTableView;
import javafx.scene.control.TreeView;
import javafx.scene.text.Text;
import javafx.stage.Screen;
import javafx.stage.Stage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The main window as a first-time user meets it, on whatever screen this JVM's Monocle pretends
 * to have ({@code -Dheadless.geometry=WxH-32}), run in a child process by {@link WindowGeometryTest}
 * (one toolkit, one screen per JVM). Opens the window exactly as the app does — fresh preferences,
 * the bundled sample loaded in the background — then, for each arrangement (both halves, data
 * only, designer only), prints what a person would call broken: {@code CLIP} for a button or
 * label whose text is cut ("…"), {@code OUT} for a control that lies partly outside the window,
 * and once {@code WINDOW}/{@code SCREEN}/{@code MENU} lines with the bounds. Tables, lists and
 * trees are left out of the text check (their cells are cut by column widths the user sets), and
 * whatever a scroll pane holds out of the bounds check (it scrolls).
 */
public final class WindowGeometryProbe extends Application {
    private ShellViewModel vm;
    private Stage stage;

    /** The child's main class: not the Application itself, which the java launcher refuses from a class path. */
    public static final class Launch {
        public static void main(String[] args) {
            Application.launch(WindowGeometryProbe.class, args);
        }
    }

    @Override
    public void start(Stage s) {
        stage = s;
        vm = new ShellViewModel(DocumentIo.STANDARD, TaskRunner.forApp(), new RecentFiles(WindowPrefs.node()));
        new MainWindow(s, vm, new WindowPrefs(WindowPrefs.node()));
        vm.openDefaultSample(ShellViewModel.sampleDir());
        s.show();
        Thread.ofPlatform().daemon().start(this::probe);
    }

    private void probe() {
        try {
            waitFor(() -> stage.getTitle() != null && stage.getTitle().contains("ticks.bin") && !vm.busy.get()
                    && vm.tasks.running.get() == 0);
            onFx(() -> {
                Rectangle2D screen = Screen.getPrimary().getVisualBounds();
                System.out.printf(Locale.ROOT, "SCREEN %.0f %.0f %.0f %.0f%n", screen.getMinX(), screen.getMinY(),
                        screen.getWidth(), screen.getHeight());
                System.out.printf(Locale.ROOT, "WINDOW %.0f %.0f %.0f %.0f%n", stage.getX(), stage.getY(),
                        stage.getWidth(), stage.getHeight());
                Node bar = stage.getScene().getRoot().lookup(".menu-bar");
                if (bar instanceof MenuBar m) {
                    Bounds b = m.localToScreen(m.getLayoutBounds());
                    System.out.printf(Locale.ROOT, "MENU %.0f %.0f %.0f %.0f%n", b.getMinX(), b.getMinY(), b.getWidth(),
                            b.getHeight());
                }
            });
            for (Workspace w : Workspace.values()) {
                onFx(() -> vm.workspace.set(w));
                settle();
                onFx(() -> {
                    List<String> found = new ArrayList<>();
                    Parent root = stage.getScene().getRoot();
                    root.applyCss();
                    root.layout();
                    walk(root, false, found);
                    found.forEach(f -> System.out.println(f + " [" + w + "]"));
                    System.out.println("CHECKED " + w);
                });
            }
        } catch (Throwable t) {
            t.printStackTrace(System.out);
            System.out.println("FAILED " + t);
        } finally {
            System.out.flush();
            Platform.exit();
            System.exit(0);
        }
    }

    private void walk(Node n, boolean scrolled, List<String> found) {
        if (!n.isVisible()) {
            return;
        }
        if (n instanceof TableView<?> || n instanceof TreeTableView<?> || n instanceof ListView<?>
                || n instanceof TreeView<?>) {
            return;
        }
        if (n instanceof Labeled l && l.getText() != null && !l.getText().isBlank()) {
            // A mnemonic's underscore is not shown ("_File" shows "File"): that is not a cut.
            String whole = l.isMnemonicParsing() ? l.getText().replaceFirst("_(?!_)", "") : l.getText();
            for (Node c : l.getChildrenUnmodifiable()) {
                if (c instanceof Text shown && c.isVisible() && !whole.equals(shown.getText())) {
                    found.add(String.format(Locale.ROOT, "CLIP %s '%s' shows '%s' at %s", l.getClass().getSimpleName(),
                            l.getText(), shown.getText(), where(l)));
                }
            }
        }
        if (!scrolled && n instanceof javafx.scene.control.Control c && c.getScene() != null) {
            Bounds b = c.localToScene(c.getLayoutBounds());
            double w = c.getScene().getWidth();
            double h = c.getScene().getHeight();
            if (b.getWidth() > 0 && (b.getMinX() < -0.5 || b.getMinY() < -0.5 || b.getMaxX() > w + 0.5
                    || b.getMaxY() > h + 0.5)) {
                found.add(String.format(Locale.ROOT, "OUT %s %s at %s", c.getClass().getSimpleName(),
                        c.getId() == null ? "" : "#" + c.getId(), where(c)));
            }
        }
        if (n instanceof Parent p) {
            boolean inside = scrolled || n instanceof ScrollPane;
            for (Node c : p.getChildrenUnmodifiable()) {
                walk(c, inside, found);
            }
        }
    }

    private static String where(Node n) {
        Bounds b = n.localToScene(n.getLayoutBounds());
        return String.format(Locale.ROOT, "%.0f,%.0f %.0fx%.0f", b.getMinX(), b.getMinY(), b.getWidth(), b.getHeight());
    }

    /** A few pulses, so that a new arrangement has been laid out and painted. */
    private static void settle() throws Exception {
        for (int i = 0; i < 5; i++) {
            onFx(() -> { });
            Thread.sleep(100);
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier ready) throws Exception {
        for (int i = 0; i < 600; i++) {
            boolean[] ok = new boolean[1];
            onFx(() -> ok[0] = ready.getAsBoolean());
            if (ok[0]) {
                return;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the sample did not load within 30 s");
    }

    private static void onFx(Runnable r) throws Exception {
        java.util.concurrent.CompletableFuture<Void> done = new java.util.concurrent.CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                r.run();
                done.complete(null);
            } catch (Throwable t) {
                done.completeExceptionally(t);
            }
        });
        done.get(30, java.util.concurrent.TimeUnit.SECONDS);
    }
}
