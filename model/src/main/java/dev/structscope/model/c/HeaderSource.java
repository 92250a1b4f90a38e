package dev.structscope.model.c;

import dev.structscope.model.InputException;
import dev.structscope.model.abi.Abi;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What a header import may ask of the world beyond the text it is handed: the files an
 * {@code #include} names, and the system preprocessor for {@code --cpp}. The model only parses
 * text; the engine's {@code dev.structscope.io.headers.LocalHeaders} answers these questions from
 * the local file system and runs the preprocessor (ArchitectureTest checks that the model itself
 * touches no file and starts no process). {@link #NONE} has neither. Implementations are
 * stateless; they are called on the importing thread, which is never the FX thread.
 */
public interface HeaderSource {
    /** A regular file that is there: its real path (what {@code #pragma once} compares) and its size in bytes. */
    record Found(Path realPath, long size) {
    }

    /** The regular file at {@code path}, or empty when there is none (or it cannot be looked at). */
    Optional<Found> find(Path path);

    /** The text of the file at {@code path}, read as UTF-8. */
    String read(Path path) throws IOException;

    /**
     * The system preprocessor's output for a header, with its {@code #define}s ({@code -dD}) and
     * line markers naming {@code display}: of the file {@code file}, or of {@code text} when it is
     * not null (then {@code file} is the directory its quoted includes are relative to, or null).
     * {@link HeaderImporter#STRUCTSCOPE_MACRO} is defined as the importer's own preprocessor does.
     *
     * @throws InputException when none is installed for the ABI, it fails, or its output is larger
     *                        than the options' limit
     */
    String preprocess(Path file, String text, String display, HeaderImporter.Options options);

    /** The preprocessor {@link #preprocess} would run for {@code abi} (program and target flags), or empty. */
    Optional<List<String>> preprocessorCommand(Abi abi);

    /** No files and no preprocessor: a header imported from text alone, including only the standard headers. */
    HeaderSource NONE = new HeaderSource() {
        @Override
        public Optional<Found> find(Path path) {
            return Optional.empty();
        }

        @Override
        public String read(Path path) throws IOException {
            throw new IOException("this import reads no files");
        }

        @Override
        public String preprocess(Path file, String text, String display, HeaderImporter.Options options) {
            throw new InputException("--cpp", "this import runs no preprocessor");
        }

        @Override
        public Optional<List<String>> preprocessorCommand(Abi abi) {
            return Optional.empty();
        }
    };
}
