package dev.structscope.io.headers;

import dev.structscope.model.InputException;
import dev.structscope.model.abi.Abi;
import dev.structscope.model.abi.Abis;
import dev.structscope.model.c.HeaderImporter;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the system C preprocessor for {@code --cpp}: {@code gcc -E} (or {@code cpp}) for the
 * native x86_64-linux ABI, {@code clang-16 -E --target=...} for the others, with {@code -dD} so
 * that the {@code #define}s survive for the constants and {@code -dI} so that the includes do.
 * Line markers in the output keep error positions in the user's files. The engine's half of
 * {@link LocalHeaders}; stateless.
 */
final class ExternalCpp {
    private ExternalCpp() {
    }

    static final long TIMEOUT_SECONDS = 120;

    /**
     * @param command the preprocessor's program and target flags
     * @param file    the header, or the directory of {@code text} (may be null) when text is given
     * @param text    the header's text, or null to read {@code file}
     * @param display the name used in positions
     */
    static String run(List<String> command, Path file, String text, String display, HeaderImporter.Options options) {
        List<String> cmd = new ArrayList<>(command);
        cmd.add("-E");
        cmd.add("-dD");
        // Echo each #include before its file: the model learns which of the user's includes
        // brought each system declaration, and a C export includes those headers again.
        cmd.add("-dI");
        // As the built-in preprocessor: a header may keep its StructScope-only parts under #ifdef.
        cmd.add("-D" + HeaderImporter.STRUCTSCOPE_MACRO + "=1");
        cmd.add("-x");
        cmd.add("c");
        for (Path d : options.includeDirs()) {
            cmd.add("-I" + d);
        }
        Path tmpIn = null;
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("structscope-cpp", ".i");
            err = Files.createTempFile("structscope-cpp", ".err");
            if (text != null) {
                if (file != null) {
                    cmd.add("-I" + file);
                }
                tmpIn = Files.createTempFile("structscope-cpp", ".h");
                Files.writeString(tmpIn, text, StandardCharsets.UTF_8);
                cmd.add(tmpIn.toString());
            } else {
                cmd.add(file.toString());
            }
            Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new InputException(display, "the preprocessor did not finish within " + TIMEOUT_SECONDS + " s");
            }
            String errors = Files.readString(err, StandardCharsets.UTF_8);
            if (tmpIn != null) {
                errors = errors.replace(tmpIn.toString(), display);
            }
            if (p.exitValue() != 0) {
                throw failure(errors, display, cmd.get(0));
            }
            if (Files.size(out) > options.limits().maxInputBytes()) {
                throw new InputException(display, "preprocessed header is too large (limit "
                        + options.limits().maxInputBytes() + " bytes, --max-header)");
            }
            String result = Files.readString(out, StandardCharsets.UTF_8);
            if (tmpIn != null) {
                result = result.replace("\"" + tmpIn + "\"", "\"" + display.replace("\\", "\\\\") + "\"");
            }
            return result;
        } catch (IOException e) {
            throw new InputException(display, "cannot run the preprocessor '" + String.join(" ", cmd.subList(0, 1))
                    + "': " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InputException(display, "interrupted while running the preprocessor");
        } finally {
            delete(tmpIn);
            delete(out);
            delete(err);
        }
    }

    private static void delete(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                // a temporary file left behind is harmless
            }
        }
    }

    private static InputException failure(String errors, String display, String tool) {
        for (String line : errors.split("\n")) {
            int e = line.indexOf(": error: ");
            if (e < 0) {
                e = line.indexOf(": fatal error: ");
            }
            if (e > 0) {
                String where = line.substring(0, e);
                String msg = line.substring(line.indexOf("error: ", e) + 7);
                return new InputException(where, msg + " (" + tool + ")");
            }
        }
        String first = errors.isBlank() ? "failed" : errors.strip().split("\n")[0];
        return new InputException(display, tool + ": " + first);
    }

    /** The preprocessor for {@code abi}, finding programs with {@code which}. */
    static List<String> command(Abi abi, java.util.function.Function<String, Path> which) {
        List<String> cmd = new ArrayList<>();
        boolean nativeAbi = abi == Abis.X86_64_LINUX && "amd64".equals(System.getProperty("os.arch"))
                && System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux");
        if (nativeAbi) {
            for (String c : new String[] {"gcc", "cc", "clang", "clang-16"}) {
                Path p = which.apply(c);
                if (p != null) {
                    cmd.add(p.toString());
                    return cmd;
                }
            }
        } else {
            for (String c : new String[] {"clang-16", "clang"}) {
                Path p = which.apply(c);
                if (p != null) {
                    cmd.add(p.toString());
                    cmd.add("--target=" + abi.clangTarget());
                    return cmd;
                }
            }
            // Without clang, gcc -m32 is the i386 compiler of an x86-64 Linux machine (gcc-multilib).
            Path gcc = which.apply("gcc");
            if (abi == Abis.I386_LINUX && gcc != null && "amd64".equals(System.getProperty("os.arch"))) {
                cmd.add(gcc.toString());
                cmd.add("-m32");
                return cmd;
            }
        }
        throw new InputException("--cpp", "no C preprocessor found for " + abi.name()
                + (nativeAbi ? " (looked for gcc, cc, clang)" : abi == Abis.I386_LINUX
                ? " (looked for clang-16, clang, gcc -m32)" : " (looked for clang-16, clang)"));
    }

    static Path which(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }
}
