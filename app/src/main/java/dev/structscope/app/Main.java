package dev.structscope.app;

import dev.structscope.app.cli.StructScopeCli;
import dev.structscope.app.shell.StructScopeApp;

/**
 * The entry point of the launcher: with no arguments, or with {@code open FILE ...}, it starts the
 * GUI; with any other command it runs the CLI and exits with its status. It is deliberately not
 * a JavaFX {@code Application} so that it runs from a plain class path without JavaFX's
 * module-path checks, and so that CLI runs never touch the toolkit.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || "open".equals(args[0]) && StructScopeCli.isValidOpen(args)) {
            StructScopeApp.launchWith(args);
            return;
        }
        System.exit(StructScopeCli.run(args));
    }
}
