package dev.structscope.app.cli;

import dev.structscope.app.binary.BinaryFiles;
import dev.structscope.model.Limits;
import dev.structscope.model.abi.Abi;
import dev.structscope.model.type.TypeLibrary;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * What every command takes to get its types (a picocli mixin): the LAYOUT argument (first
 * positional), {@code --abi} and {@code --cpp}.
 */
final class LayoutArgs {
    /**
     * What a layout can be read from, as the help says it: here and for {@code open --layout}, which
     * takes the same files (docs/user/exports.md), so that a new kind of input is named in both.
     */
    static final String LAYOUT_FILES = "A layout document (.json), a C header (.h) or an ELF binary with DWARF debug information.";

    @Parameters(index = "0", paramLabel = "LAYOUT", description = LAYOUT_FILES)
    Path path;

    @Option(names = "--abi", paramLabel = "ABI",
            description = "x86_64-linux (default; for an ELF binary, its machine's), i386-linux, x86_64-windows, aarch64-linux, arm-linux.")
    String abiName;

    /** The ABI named, or the binary's own; decided once (reading the ELF header costs a mapping). */
    private Abi abi;
    /** Warnings of that choice, said by the next {@link #load} (abi() has no stderr of its own). */
    private final java.util.List<String> pending = new java.util.ArrayList<>();

    @Option(names = "--cpp", description = "Run the system C preprocessor on the header first.")
    boolean cpp;

    // The defaults are the model's (the GUI's bounds); picocli takes a field's first value as its default.
    @Option(names = "--max-header", paramLabel = "BYTES",
            description = "Largest C header file (each include too) or layout document read (default 64 MiB, also the most a document can be).")
    long maxHeader = Limits.DEFAULT.maxInputBytes();

    @Option(names = "--max-depth", paramLabel = "N",
            description = "Deepest nesting of types (records in records, arrays of arrays, typedef chains; default 256, at most 2048).")
    int maxDepth = Limits.DEFAULT.maxDepth();

    @Option(names = "--max-members", paramLabel = "N",
            description = "Most members one struct or union may have (default 100000).")
    int maxMembers = Limits.DEFAULT.maxMembers();

    @Option(names = "--max-elements", paramLabel = "N",
            description = "Most values one record may print in decode and capture output, array elements counted (default 1048576).")
    long maxElements = Limits.DEFAULT.maxElements();

    Limits limits() {
        return new Limits(maxHeader, maxDepth, maxMembers, maxElements);
    }

    Abi abi() {
        if (abi == null) {
            abi = abiName != null ? Abi.byName(abiName)
                    : path != null && BinaryFiles.isElf(path) ? BinaryFiles.abiOf(path, pending::add)
                    : Abi.byName("x86_64-linux");
        }
        return abi;
    }

    /** Loads the layout for this ABI (which decides {@code sizeof} in header expressions). */
    TypeLibrary load(PrintWriter err) {
        Abi chosen = abi();
        flushWarnings(err);
        return LayoutInput.load(path, cpp, err, chosen, limits());
    }

    /** Says on {@code err} what choosing the ABI found (a binary of a machine without one of its own). */
    void flushWarnings(PrintWriter err) {
        for (String w : pending) {
            CliCommand.warn(err, w);
        }
        pending.clear();
    }
}
