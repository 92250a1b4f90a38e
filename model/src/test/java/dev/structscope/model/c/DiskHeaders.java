package dev.structscope.model.c;

import dev.structscope.model.abi.Abi;
import dev.structscope.model.type.TypeLibrary;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The model's tests' window on header files: the model reads none itself, so tests that import
 * a header from disk (or with includes) hand it this. No preprocessor: tests of {@code --cpp}
 * live beside the engine's {@code LocalHeaders}, which runs it.
 */
public final class DiskHeaders implements HeaderSource {
    public static final DiskHeaders INSTANCE = new DiskHeaders();

    private DiskHeaders() {
    }

    /** {@link HeaderImporter#importFile} with this source. */
    public static TypeLibrary importFile(Path header, HeaderImporter.Options options) {
        return HeaderImporter.importFile(header, options.withSource(INSTANCE));
    }

    @Override
    public Optional<Found> find(Path path) {
        try {
            return Files.isRegularFile(path) ? Optional.of(new Found(path.toRealPath(), Files.size(path))) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public String read(Path path) throws IOException {
        return new String(Files.readAllBytes(path), StandardCharsets.UTF_8);
    }

    @Override
    public String preprocess(Path file, String text, String display, HeaderImporter.Options options) {
        throw new UnsupportedOperationException("the model's tests run no preprocessor");
    }

    @Override
    public Optional<List<String>> preprocessorCommand(Abi abi) {
        return Optional.empty();
    }
}
