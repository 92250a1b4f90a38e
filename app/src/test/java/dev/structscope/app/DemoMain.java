package dev.structscope.app;

import javafx.application.Application;

import java.util.Arrays;

/**
 * Starts one of the demo windows in app's test classes ({@code hexview.HexDemo},
 * {@code live.compose.ComposeDemo}): {@code DemoMain <its class name> [its arguments]}.
 */
public final class DemoMain {
    private DemoMain() {
    }

    // A class-path launch needs a main outside the Application subclass (JavaFX refuses one whose
    // main class is the Application itself), so the demos share this one.
    public static void main(String[] args) throws ClassNotFoundException {
        Class<? extends Application> demo = Class.forName(args[0]).asSubclass(Application.class);
        Application.launch(demo, Arrays.copyOfRange(args, 1, args.length));
    }
}
