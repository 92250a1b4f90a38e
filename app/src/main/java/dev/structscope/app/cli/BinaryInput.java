package dev.structscope.app.cli;

import dev.structscope.io.source.MappedFileSource;
import dev.structscope.model.Limits;
import dev.structscope.model.abi.Abi;
import dev.structscope.model.dwarf.DwarfImporter;
import dev.structscope.model.type.TypeLibrary;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The LAYOUT argument as a compiled binary: an ELF file (recognised by its magic bytes, whatever
 * its name) whose DWARF debug information the model's {@link DwarfImporter} reads. The file is
 * mapped by the engine and unmapped before this returns; the library keeps no view of it.
 */
final class BinaryInput {
    private BinaryInput() {
    }

    /** Whether the file starts with {@code \x7fELF}; false for anything unreadable (the caller reports that). */
    static boolean isElf(Path path) {
        if (!Files.isRegularFile(path)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(path)) {
            return Arrays.equals(in.readNBytes(4), new byte[] {0x7f, 'E', 'L', 'F'});
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    /** The ABI the binary was built for (its ELF machine and class). */
    static Abi defaultAbi(Path path, PrintWriter err) {
        try (MappedFileSource src = MappedFileSource.open(path)) {
            return DwarfImporter.defaultAbi(src.slice(0, src.size()), path.toString(),
                    w -> err.println("structscope: warning: " + w));
        }
    }

    static TypeLibrary load(Path path, PrintWriter err, Abi abi, Limits limits) {
        try (MappedFileSource src = MappedFileSource.open(path)) {
            return DwarfImporter.read(src.slice(0, src.size()), path.toString(),
                    new DwarfImporter.Options(abi, w -> err.println("structscope: warning: " + w), limits,
                            Math.max(limits.maxInputBytes(), 1L << 30)));
        }
    }
}
