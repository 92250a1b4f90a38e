package dev.structscope.app.cli;

import dev.structscope.app.binary.BinaryFiles;
import dev.structscope.model.Limits;
import dev.structscope.model.abi.Abi;
import dev.structscope.model.type.TypeLibrary;

import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * What every command takes to get its types: the LAYOUT argument (first positional), {@code
 * --abi}, {@code --cpp} and the reading limits.
 */
final class LayoutArgs {
    /**
     * What a layout can be read from, as the help says it: here and for {@code open --layout}, which
     * takes the same files (docs/user/exports.md), so that a new kind of input is named in both.
     */
    static final String LAYOUT_FILES = "A layout document (.json), a C header (.h) or an ELF binary with DWARF debug information.";

    static final String ABIS = "x86_64-linux (default; for an ELF binary, its machine's), i386-linux, x86_64-windows, aarch64-linux, arm-linux.";

    Path path;
    String abiName;

    /** The ABI named, or the binary's own; decided once (reading the ELF header costs a mapping). */
    private Abi abi;
    /** Warnings of that choice, said by the next {@link #load} (abi() has no stderr of its own). */
    private final java.util.List<String> pending = new java.util.ArrayList<>();

    boolean cpp;
    // The defaults are the model's (the GUI's bounds).
    long maxHeader = Limits.DEFAULT.maxInputBytes();
    int maxDepth = Limits.DEFAULT.maxDepth();
    int maxMembers = Limits.DEFAULT.maxMembers();
    long maxElements = Limits.DEFAULT.maxElements();

    void declare(CliSpec s) {
        declare(s, "LAYOUT", LAYOUT_FILES, "ABI", ABIS);
    }

    /** With the LAYOUT argument and {@code --abi} named and described as {@code compare} needs. */
    void declare(CliSpec s, String layoutLabel, String layoutDescription, String abiLabel, String abiDescription) {
        s.positional(0, layoutLabel, Path.class, v -> path = v, layoutDescription);
        s.option("--abi", abiLabel, String.class, v -> abiName = v, abiDescription);
        s.flag("--cpp", v -> cpp = v, "Run the system C preprocessor on the header first.");
        s.option("--max-header", "BYTES", long.class, v -> maxHeader = v,
                "Largest C header file (each include too) or layout document read (default 64 MiB, also the most a document can be).");
        s.option("--max-depth", "N", int.class, v -> maxDepth = v,
                "Deepest nesting of types (records in records, arrays of arrays, typedef chains; default 256, at most 2048).");
        s.option("--max-members", "N", int.class, v -> maxMembers = v,
                "Most members one struct or union may have (default 100000).");
        s.option("--max-elements", "N", long.class, v -> maxElements = v,
                "Most values one record may print in decode and capture output, array elements counted (default 1048576).");
    }

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
