package dev.structscope.app.shell;

import javafx.application.Application;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * The JavaFX application: builds the main window. Lives on the FX thread.
 */
public final class StructScopeApp extends Application {
    private static String[] launchArgs = new String[0];

    /** Starts the toolkit and opens the main window; returns when the window closes. */
    public static void launchWith(String[] args) {
        launchArgs = args.clone();
        Application.launch(StructScopeApp.class);
    }

    @Override
    public void start(Stage stage) {
        Label title = new Label("StructScope");
        title.setStyle("-fx-font-size: 28px; -fx-font-weight: bold;");
        Label what = new Label("The visual struct designer and hex explorer are on their way.\n"
                + "Meanwhile every engine command works from the command line: ./structscope --help");
        VBox root = new VBox(16, title, what);
        root.setAlignment(Pos.CENTER);
        root.setPadding(new Insets(32));
        stage.setTitle("StructScope");
        stage.setScene(new Scene(root, 900, 560));
        stage.show();
    }
}
