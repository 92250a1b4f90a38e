package dev.structscope.app.cli;

import dev.structscope.io.file.DocumentFiles;
import dev.structscope.app.binary.BinaryFiles;
import dev.structscope.model.Limits;
import dev.structscope.model.InputException;
import dev.structscope.model.abi.Abi;
import dev.structscope.model.abi.Abis;
import dev.structscope.model.c.HeaderImporter;

import dev.structscope.model.type.TypeLibrary;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Loads the LAYOUT argument every command takes: a compiled ELF binary with debug information
 * (by its magic bytes), a layout document ({@code .json}) or a C header (anything else, usually
 * {@code .h}). Warnings go to stderr, one line each.
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
        if (BinaryFiles.isElf(path)) {
            return BinaryFiles.read(path, abi, limits, w -> CliCommand.warn(err, w));
        }
        String name = path.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".json")) {
            return DocumentFiles.readLibrary(path, limits.maxInputBytes());
        }
        List<String> skipped = new java.util.ArrayList<>();
        TypeLibrary lib = dev.structscope.io.headers.LocalHeaders.importFile(path, new HeaderImporter.Options(cpp, List.of(), w -> {
            java.util.regex.Matcher m = SKIPPED.matcher(w);
            if (m.find()) {
                skipped.add(m.group(1));
            }
            CliCommand.warn(err, w);
        }, abi, limits));
        if (lib.namedRecords().isEmpty() && !skipped.isEmpty()) {
            // Typically a system header whose declarations sit under macros (__USE_MISC ...) that
            // the skipped <features.h> would have defined: an empty answer would look like a result.
            throw new InputException(path.toString(), "no struct or union defined: " + skipped.size()
                    + " system header" + (skipped.size() == 1 ? " was" : "s were") + " skipped (<"
                    + String.join(">, <", skipped.subList(0, Math.min(4, skipped.size()))) + ">"
                    + (skipped.size() > 4 ? ", ..." : "") + "), and what they define is missing; use --cpp");
        }
        return lib;
    }

    /** The importer's warning for an {@code #include <...>} it skipped (see the model's Includes). */
    private static final java.util.regex.Pattern SKIPPED = java.util.regex.Pattern.compile("skipping system header <([^>]+)>");
}
