package dev.structscope.app.shell;

import dev.structscope.app.common.TaskRunner;
import javafx.application.Application;
import javafx.stage.Stage;


/**
 * The JavaFX application: builds the main window. With no arguments it shows the bundled sample;
 * with {@code open FILE [--layout L] [--type T]} it opens the layout L (selecting T) and selects
 * FILE as the data file (or opens FILE as the layout when it is one). FX thread; background work
 * goes through the one {@link TaskRunner} it creates.
 */
public final class StructScopeApp extends Application {
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
        stage.show();
        window.designer().table().requestFocus();
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
