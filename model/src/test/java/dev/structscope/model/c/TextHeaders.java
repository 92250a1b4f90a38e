package dev.structscope.model.c;

import dev.structscope.model.abi.Abi;
import dev.structscope.model.type.TypeLibrary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The model's tests' header files, held as text by path: the model reads no files itself (the
 * engine's {@code LocalHeaders} does, and is tested there), so a test hands the importer the texts
 * that its {@code #include}s may name. A path is the same file however it is spelled
 * ({@code sub/../a.h}): keys are absolute and normalised, which is the real path
 * {@code #pragma once} compares. No preprocessor. Immutable.
 *
 * @param texts each file's text by absolute, normalised path
 */
public record TextHeaders(Map<Path, String> texts) implements HeaderSource {
    public TextHeaders {
        Map<Path, String> byKey = new HashMap<>();
        texts.forEach((path, text) -> byKey.put(key(path), text));
        texts = Map.copyOf(byKey);
    }

    /**
     * {@link HeaderImporter#importFile} of a header on disk that includes no other file but the
     * standard headers.
     */
    public static TypeLibrary importFile(Path header, HeaderImporter.Options options) {
        return HeaderImporter.importFile(header, options.withSource(of(List.of(header))));
    }

    /** The texts of these files, read now (by the test). */
    public static TextHeaders of(List<Path> files) {
        Map<Path, String> texts = new HashMap<>();
        try {
            for (Path f : files) {
                texts.put(f, Files.readString(f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TextHeaders(texts);
    }

    /** The texts of every regular file below {@code dir}, read now: a test's header files with their includes. */
    public static TextHeaders under(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return of(files.filter(Files::isRegularFile).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path key(Path path) {
        return path.toAbsolutePath().normalize();
    }

    @Override
    public Optional<Found> find(Path path) {
        String text = texts.get(key(path));
        return text == null ? Optional.empty()
                : Optional.of(new Found(key(path), text.getBytes(StandardCharsets.UTF_8).length));
    }

    @Override
    public String read(Path path) throws IOException {
        String text = texts.get(key(path));
        if (text == null) {
            throw new NoSuchFileException(path.toString());
        }
        return text;
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
