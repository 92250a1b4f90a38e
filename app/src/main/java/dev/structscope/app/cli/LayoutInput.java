package dev.structscope.app.cli;

import dev.structscope.model.Limits;
import dev.structscope.model.InputException;
import dev.structscope.model.abi.Abi;
import dev.structscope.model.abi.Abis;
import dev.structscope.model.c.HeaderImporter;
import dev.structscope.model.doc.LayoutDocuments;
import dev.structscope.model.type.TypeLibrary;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Loads the LAYOUT argument every command takes: a layout document ({@code .json}) or a C header
 * (anything else, usually {@code .h}). Warnings go to stderr, one line each.
 */
final class LayoutInput {
    private LayoutInput() {
    }

    static TypeLibrary load(Path path, boolean cpp, PrintWriter err) {
        return load(path, cpp, err, Abis.X86_64_LINUX);
    }

    /** As above; a C header's sizeof, _Alignof and predefined macros follow {@code abi}. */
    static TypeLibrary load(Path path, boolean cpp, PrintWriter err, Abi abi) {
        return load(path, cpp, err, abi, Limits.DEFAULT);
    }

    /** As above, within {@code limits} (file size, type nesting, members per record). */
    static TypeLibrary load(Path path, boolean cpp, PrintWriter err, Abi abi, Limits limits) {
        if (!Files.exists(path)) {
            throw new InputException(path.toString(), "no such file");
        }
        if (Files.isDirectory(path)) {
            throw new InputException(path.toString(), "is a directory, not a layout document or C header");
        }
        if (!Files.isReadable(path)) {
            throw new InputException(path.toString(), "cannot be read (permission denied)");
        }
        String name = path.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".json")) {
            return LayoutDocuments.readLibrary(path, limits.maxInputBytes());
        }
        return HeaderImporter.importFile(path, new HeaderImporter.Options(cpp, List.of(),
                w -> err.println("structscope: warning: " + w), abi, limits));
    }
}
