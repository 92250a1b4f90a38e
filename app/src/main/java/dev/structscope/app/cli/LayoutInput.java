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
        if (!Files.isRegularFile(path)) {
            return fromStream(path, cpp, err, abi, limits);
        }
        if (BinaryFiles.isElf(path)) {
            return BinaryFiles.read(path, abi, limits, w -> CliCommand.warn(err, w));
        }
        String name = path.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".json")) {
            return DocumentFiles.readLibrary(path, limits.maxInputBytes());
        }
        try {
            return header(path, cpp, err, abi, limits, options -> dev.structscope.io.headers.LocalHeaders.importFile(path, options));
        } catch (InputException e) {
            String writtenFor = e.getMessage() != null && e.getMessage().startsWith("static assertion failed")
                    ? dev.structscope.io.headers.LocalHeaders.writtenFor(path) : null;
            if (writtenFor == null || writtenFor.equals(abi.name())) {
                throw e;
            }
            // StructScope's own header for another ABI: its assertions hold there, not here.
            throw new InputException(e.where(), e.getMessage() + " (the header was written for " + writtenFor
                    + ": read it with --abi " + writtenFor + ")", e);
        }
    }


    /**
     * A LAYOUT that is not a regular file — a pipe such as {@code <(structscope export ...)}, or
     * {@code /dev/stdin} — read once, up to the size limit, and taken for what its first bytes
     * are: a layout document when it starts with '{', else a C header. An ELF binary is read in
     * place, so it must be a file.
     */
    private static TypeLibrary fromStream(Path path, boolean cpp, PrintWriter err, Abi abi, Limits limits) {
        String where = path.toString();
        long limit = Math.min(limits.maxInputBytes(), Integer.MAX_VALUE - 16);
        byte[] bytes;
        try (java.io.InputStream in = Files.newInputStream(path)) {
            bytes = in.readNBytes((int) limit + 1);
        } catch (java.io.IOException e) {
            throw new InputException(where, "cannot be read: " + e.getMessage(), e);
        }
        if (bytes.length > limit) {
            throw new InputException(where, "more than " + limit + " bytes (--max-header)");
        }
        if (bytes.length >= 4 && bytes[0] == 0x7F && bytes[1] == 'E' && bytes[2] == 'L' && bytes[3] == 'F') {
            throw new InputException(where, "an ELF binary is read in place, so it must be a file, not a pipe or device");
        }
        String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        if (text.stripLeading().startsWith("{")) {
            return dev.structscope.model.doc.LayoutDocuments.parse(bytes, where).library();
        }
        return header(path, cpp, err, abi, limits, options -> HeaderImporter.importText(text, where,
                dev.structscope.io.headers.LocalHeaders.options(options)));
    }

    /** A C header imported by {@code importer} with the CLI's options; warnings go to {@code err}. */
    private static TypeLibrary header(Path path, boolean cpp, PrintWriter err, Abi abi, Limits limits,
                                      java.util.function.Function<HeaderImporter.Options, TypeLibrary> importer) {
        List<String> skipped = new java.util.ArrayList<>();
        TypeLibrary lib = importer.apply(new HeaderImporter.Options(cpp, List.of(), w -> {
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
