package dev.structscope.app.shell;

import java.nio.file.Path;

/**
 * What the GUI is started on: {@code structscope open FILE [--layout L] [--type T]} as picocli
 * parsed it ({@code cli.OpenCommand}), a file handed over by the desktop, or nothing (the bundled
 * sample). Immutable; any thread.
 *
 * @param file   the data file (or a layout, when it is one), or null
 * @param layout the layout document, header or ELF binary to open, or null
 * @param type   the struct or union to select, or null
 */
public record OpenArgs(Path file, Path layout, String type) {
    /** No arguments: the window opens the bundled sample. */
    public static final OpenArgs NONE = new OpenArgs(null, null, null);
}
