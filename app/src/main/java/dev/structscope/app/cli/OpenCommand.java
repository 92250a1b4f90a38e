package dev.structscope.app.cli;

import dev.structscope.app.shell.OpenArgs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;

/**
 * {@code structscope open FILE [--layout L] [--type T]}: opens the GUI on a file. {@link
 * dev.structscope.app.Main} starts the GUI itself with {@link #request()} of a well-formed
 * command ({@link StructScopeCli#openArgs}); usage errors are reported like any other command's.
 */
@Command(name = "open", description = "Open the GUI on a binary file, optionally with a layout.")
public final class OpenCommand implements Runnable {
    @Parameters(index = "0", paramLabel = "FILE", description = "The binary file to open.")
    Path file;

    @Option(names = "--layout", paramLabel = "L", description = LayoutArgs.LAYOUT_FILES)
    Path layout;

    @Option(names = "--type", paramLabel = "T", description = "The struct or union to overlay.")
    String type;

    /** What the parsed command asks the GUI for. */
    OpenArgs request() {
        return new OpenArgs(file, layout, type);
    }

    @Override
    public void run() {
        // Reached only when Main did not start the GUI (it always does for a valid 'open').
    }
}
