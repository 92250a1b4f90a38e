package dev.structscope.app.cli;

import dev.structscope.app.shell.OpenArgs;

import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * {@code structscope open FILE [--layout L] [--type T]}: opens the GUI on a file. {@link
 * dev.structscope.app.Main} starts the GUI itself with {@link #request()} of a well-formed
 * command ({@link StructScopeCli#openArgs}); usage errors are reported like any other command's.
 */
public final class OpenCommand extends CliCommand {
    Path file;
    Path layout;
    String type;

    public OpenCommand() {
        super("Open the GUI on a binary file, optionally with a layout.");
    }

    @Override
    void declare(CliSpec s) {
        s.positional(0, "FILE", Path.class, v -> file = v, "The binary file to open.");
        s.option("--layout", "L", Path.class, v -> layout = v, LayoutArgs.LAYOUT_FILES);
        s.option("--type", "T", String.class, v -> type = v, "The struct or union to overlay.");
    }

    /** What the parsed command asks the GUI for. */
    OpenArgs request() {
        return new OpenArgs(file, layout, type);
    }

    @Override
    int run(PrintWriter out, PrintWriter err) {
        // Reached only when Main did not start the GUI (it always does for a valid 'open').
        return 0;
    }
}
