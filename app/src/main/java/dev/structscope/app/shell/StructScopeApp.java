package dev.structscope.app.shell;

import dev.structscope.app.common.TaskRunner;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;


/**
 * The JavaFX application: builds the main window. With no arguments it shows the bundled sample;
 * with {@code open FILE [--layout L] [--type T]} it opens the layout L (selecting T) and selects
 * FILE as the data file (or opens FILE as the layout when it is one). FX thread; background work
 * goes through the one {@link TaskRunner} it creates.
 */
public final class StructScopeApp extends Application {
    /**
     * The system property that asks for the time the first window is drawn, on stderr (the start-up
     * benchmark's, benchmarks/peers/startup_bench.sh): {@code report}, or {@code exit} to end the
     * process right after.
     */
    static final String FIRST_WINDOW = "structscope.firstWindow";
    private static OpenArgs launchArgs = OpenArgs.NONE;
    private TaskRunner tasks;

    /** Starts the toolkit and opens the main window; returns when the window closes. */
    public static void launchWith(OpenArgs args) {
        launchArgs = args;
        Application.launch(StructScopeApp.class);
    }

    @Override
    public void start(Stage stage) {
        tasks = TaskRunner.forApp();
        ShellViewModel vm = new ShellViewModel(DocumentIo.STANDARD, tasks, new RecentFiles(WindowPrefs.node()));
        MainWindow window = new MainWindow(stage, vm, new WindowPrefs(WindowPrefs.node()));
        show(vm, launchArgs);
        String firstWindow = System.getProperty(FIRST_WINDOW);
        if (firstWindow != null) {
            reportFirstFrame(stage, firstWindow.equals("exit"));
        }
        stage.show();
        window.designer.table.requestFocus();
    }

    /**
     * Prints, once the stage has shown and a first frame has been drawn in it (the second pulse
     * after showing: a pulse lays out and renders after its animation timers), the wall-clock time
     * in milliseconds since the epoch, which the benchmark subtracts from the time it started the
     * process.
     */
    private static void reportFirstFrame(Stage stage, boolean exit) {
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN, shown -> new AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                if (++pulses == 2) {
                    stop();
                    System.err.println("structscope: first window drawn at " + System.currentTimeMillis() + " ms since the epoch");
                    if (exit) {
                        // At once, not Platform.exit: the sample may still be loading, and its
                        // results would reach a task runner that stop() has shut.
                        System.exit(0);
                    }
                }
            }
        }.start());
    }

    /** Opens what the arguments name, or the project's default sample when they name nothing. */
    static void show(ShellViewModel vm, OpenArgs args) {
        if (args.layout() != null) {
            vm.open(args.layout(), args.type(), null);
            if (args.file() != null) {
                vm.setDataFile(args.file());
            }
        } else if (args.file() != null && ShellViewModel.isLayout(args.file())) {
            vm.open(args.file(), args.type(), null);
        } else if (args.file() != null) {
            vm.newDocument();
            vm.setDataFile(args.file());
        } else {
            vm.openDefaultSample(ShellViewModel.sampleDir());
        }
    }

    @Override
    public void stop() {
        if (tasks != null) {
            tasks.shutdown();
        }
    }
}
