package dev.structscope.io.headers;

import dev.structscope.model.InputException;
import dev.structscope.model.abi.Abi;
import dev.structscope.model.c.HeaderImporter;
import dev.structscope.model.c.HeaderSource;
import dev.structscope.model.dwarf.DwarfImporter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The local file system and the installed C preprocessor as a {@link HeaderSource}: what a
 * header import on this machine may read and run. File-system and process work, so never on the
 * FX thread. Immutable; {@link #INSTANCE} looks for programs along {@code PATH}.
 */
public final class LocalHeaders implements HeaderSource {
    public static final LocalHeaders INSTANCE = new LocalHeaders(LocalHeaders::which);

    private final Function<String, Path> which;

    /** A source that finds the preprocessor's programs with {@code which} (a test hides clang with it). */
    public LocalHeaders(Function<String, Path> which) {
        this.which = which;
    }

    /** The executable {@code name} along {@code PATH}, or null. */
    public static Path which(String name) {
        return ExternalCpp.which(name);
    }

    /** Import options that read local files and may run the local preprocessor. */
    public static HeaderImporter.Options options(HeaderImporter.Options options) {
        return options.withSource(INSTANCE);
    }

    /** {@link HeaderImporter#importFile} of a local file. */
    public static dev.structscope.model.type.TypeLibrary importFile(Path header, HeaderImporter.Options options) {
        return HeaderImporter.importFile(header, options(options));
    }

    /** glibc's refusal to be included piecemeal, and the header it names instead. */
    private static final java.util.regex.Pattern INCLUDE_INSTEAD = java.util.regex.Pattern.compile(
            "#\\s*error\\s+\"?Never (?:include|use)[^\"\\n]*?(?:use|include|Use) (<[^>\\s]+>)");

    /**
     * The {@code #include} by which a C export takes a type from the system header at
     * {@code path} ({@link DwarfImporter#systemInclude}), or the public header that one asks to be
     * included through when this machine has it and it refuses to be included by itself
     * ({@code <bits/struct_stat.h>}: "Never include ... directly; use {@code <sys/stat.h>}").
     */
    public static Optional<String> systemInclude(String path) {
        Optional<String> include = DwarfImporter.systemInclude(path);
        if (include.isEmpty()) {
            return include;
        }
        Path file = Path.of(path);
        try (var in = Files.newInputStream(file)) {
            // The refusal stands at the top, after the guard; the first pages are enough.
            String head = new String(in.readNBytes(16 * 1024), StandardCharsets.UTF_8);
            var m = INCLUDE_INSTEAD.matcher(head);
            return m.find() ? Optional.of(m.group(1)) : include;
        } catch (IOException | RuntimeException e) {
            return include; // a binary built elsewhere: the name is all there is
        }
    }

    /**
     * The ABI StructScope wrote the local C header {@code header} for, as its first line names it
     * ({@link dev.structscope.model.export.CExporter#writtenFor}), or null: any other header, or
     * one that cannot be read (its import says why).
     */
    public static String writtenFor(Path header) {
        try (var in = Files.newBufferedReader(header, StandardCharsets.UTF_8)) {
            String first = in.readLine();
            return first == null ? null : dev.structscope.model.export.CExporter.writtenFor(first);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    @Override
    public Optional<Found> find(Path path) {
        try {
            if (!Files.isRegularFile(path)) {
                return Optional.empty();
            }
            return Optional.of(new Found(path.toRealPath(), Files.size(path)));
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    @Override
    public String read(Path path) throws IOException {
        return new String(Files.readAllBytes(path), StandardCharsets.UTF_8);
    }

    @Override
    public String preprocess(Path file, String text, String display, HeaderImporter.Options options) {
        return ExternalCpp.run(ExternalCpp.command(options.abi(), which), file, text, display, options);
    }

    @Override
    public Optional<List<String>> preprocessorCommand(Abi abi) {
        try {
            return Optional.of(ExternalCpp.command(abi, which));
        } catch (InputException e) {
            return Optional.empty();
        }
    }
}
