package dev.structscope.model.c;

import dev.structscope.model.InputException;
import dev.structscope.model.type.TypeLibrary;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Imports C headers into a {@link TypeLibrary}. (Being implemented: see issue 2.)
 */
public final class HeaderImporter {
    private HeaderImporter() {
    }

    /**
     * @param runPreprocessor run the system preprocessor ({@code cpp}) first
     * @param includeDirs     extra directories for {@code #include "..."}
     * @param warnings        receives one line per warning (skipped system headers, ...)
     */
    public record Options(boolean runPreprocessor, List<Path> includeDirs, Consumer<String> warnings) {
        public static Options defaults() {
            return new Options(false, List.of(), w -> { });
        }
    }

    public static TypeLibrary importFile(Path header, Options options) {
        throw new InputException(header.toString(), "C header import is not implemented yet");
    }

    public static TypeLibrary importText(String text, String fileName, Options options) {
        throw new InputException(fileName, "C header import is not implemented yet");
    }
}
