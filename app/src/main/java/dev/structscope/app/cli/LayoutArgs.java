package dev.structscope.app.cli;

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
    @Parameters(index = "0", paramLabel = "LAYOUT", description = "A layout document (.json) or C header (.h).")
    Path path;

    @Option(names = "--abi", paramLabel = "ABI", defaultValue = "x86_64-linux",
            description = "x86_64-linux (default), i386-linux, x86_64-windows, aarch64-linux, arm-linux.")
    String abiName;

    @Option(names = "--cpp", description = "Run the system C preprocessor on the header first.")
    boolean cpp;

    Abi abi() {
        return Abi.byName(abiName);
    }

    /** Loads the layout for this ABI (which decides {@code sizeof} in header expressions). */
    TypeLibrary load(PrintWriter err) {
        return LayoutInput.load(path, cpp, err, abi());
    }
}
