package dev.structscope.app;

import dev.structscope.app.shell.OpenArgs;
import dev.structscope.app.shell.StructScopeApp;

/**
 * The entry point of the desktop entry's launcher (the installed package's {@code structscope-gui},
 * started by a file manager or the applications menu): always the GUI, on the file it is given
 * ({@code Exec=structscope-gui %f}: one path, a layout document or a data file) or on the bundled
 * sample when it is given none. The terminal command {@code structscope} stays {@link Main}.
 */
public final class DesktopMain {
    private DesktopMain() {
    }

    public static void main(String[] args) {
        StructScopeApp.launchWith(args.length == 0 ? OpenArgs.NONE : new OpenArgs(java.nio.file.Path.of(args[0]), null, null));
    }
}
