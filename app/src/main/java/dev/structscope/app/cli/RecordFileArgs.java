package dev.structscope.app.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;

/**
 * What the commands that read the records of a data file take (a picocli mixin): the record type
 * ({@link RecordArgs}: LAYOUT, {@code --type}, {@code --abi}, {@code --byte-order}), DATA (the second
 * positional) and {@code --offset} of the first record.
 */
final class RecordFileArgs {
    @Mixin
    RecordArgs record;

    @Parameters(index = "1", paramLabel = "DATA", description = "The file holding the records.")
    Path file;

    @Option(names = "--offset", paramLabel = "N", defaultValue = "0", description = "Byte offset of the first record (default 0).")
    long offset;
}
