package dev.structscope.app.binary;

import dev.structscope.io.headers.LocalHeaders;
import dev.structscope.io.source.MappedFileSource;
import dev.structscope.model.Limits;
import dev.structscope.model.abi.Abi;
import dev.structscope.model.dwarf.DwarfImporter;
import dev.structscope.model.type.TypeLibrary;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * A compiled binary as a source of layouts, for the command line, the shell and the import
 * dialog alike: an ELF file (recognised by its first bytes, whatever its name) whose DWARF the
 * model's {@link DwarfImporter} reads. The file is mapped by the engine and unmapped before each
 * call returns; the library keeps no view of it. File work: never on the FX thread. Stateless.
 */
public final class BinaryFiles {
    private BinaryFiles() {
    }

    /** Whether the file starts with {@code \x7fELF}; false for anything unreadable (the caller reports that). */
    public static boolean isElf(Path path) {
        if (!Files.isRegularFile(path)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(path)) {
            return Arrays.equals(in.readNBytes(4), new byte[] {0x7f, 'E', 'L', 'F'});
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    /** The ABI the binary was built for (its ELF machine and class); a machine without one is said in a warning. */
    public static Abi abiOf(Path path, Consumer<String> warnings) {
        try (MappedFileSource src = MappedFileSource.open(path)) {
            return DwarfImporter.defaultAbi(src.slice(0, src.size()), path.toString(), warnings);
        }
    }

    /**
     * Every type of the binary's debug information, laid out for {@code abi}; the types a system
     * header declared are marked with the include a C export takes them from (read from this
     * machine's headers where they ask for another).
     */
    public static TypeLibrary read(Path path, Abi abi, Limits limits, Consumer<String> warnings) {
        try (MappedFileSource src = MappedFileSource.open(path)) {
            return DwarfImporter.read(src.slice(0, src.size()), path.toString(),
                    new DwarfImporter.Options(abi, warnings, limits, Math.max(limits.maxInputBytes(), 1L << 30),
                            LocalHeaders::systemInclude));
        }
    }
}
