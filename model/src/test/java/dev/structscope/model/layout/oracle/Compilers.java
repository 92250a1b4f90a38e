package dev.structscope.model.layout.oracle;

import dev.structscope.model.abi.Abi;
import dev.structscope.model.abi.Abis;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs the real compilers of the oracle tests: clang-16's record layout dump for every ABI, and
 * gcc (native and {@code -m32}) compiling and running a probe program. Test code; any thread.
 */
public final class Compilers {
    /** clang-16; {@code -Dstructscope.clang=PATH} points elsewhere (a missing path tests the skip). */
    public static final Path CLANG = Path.of(System.getProperty("structscope.clang", "/usr/bin/clang-16"));
    /** gcc; {@code -Dstructscope.gcc=NAME} picks another. */
    public static final String GCC = System.getProperty("structscope.gcc", "gcc");

    private Compilers() {
    }

    /** The output of a finished process. */
    public record Result(int exit, String out) {
    }

    public static boolean hasClang() {
        return Files.isExecutable(CLANG);
    }

    /** Skips the test (a JUnit assumption) when clang-16 is not installed. */
    public static void assumeClang() {
        assumeTrue(hasClang(), "clang-16 not installed at " + CLANG);
    }

    /** Skips the test when {@code gcc} (with {@code -m32} when asked) cannot compile here ({@link #gccCompiles}). */
    public static void assumeGcc(boolean m32) {
        assumeTrue(gccCompiles(m32), "gcc" + (m32 ? " -m32" : "") + " is not installed");
    }

    /** Whether {@code gcc} (with {@code -m32} when asked) can compile C to assembly here. */
    public static boolean gccCompiles(boolean m32) {
        try {
            Path dir = Files.createTempDirectory("structscope-gcc");
            try {
                Path src = dir.resolve("t.c");
                Files.writeString(src, "#include <stddef.h>\n#include <stdint.h>\nint x = sizeof(int64_t);\n");
                List<String> cmd = new ArrayList<>(List.of(GCC, "-S", "-o", "-", src.toString()));
                if (m32) {
                    cmd.add(1, "-m32");
                }
                return run(cmd, dir).exit() == 0;
            } finally {
                deleteTree(dir);
            }
        } catch (IOException | RuntimeException | AssertionError e) {
            return false;
        }
    }

    /** How a 32-bit program runs here, found once per JVM ({@link #runner}); null until asked. */
    private static volatile List<String> runner32;
    /** Where Debian's qemu-user puts its i386 emulator. */
    private static final Path QEMU_I386 = Path.of("/usr/bin/qemu-i386");

    /**
     * The words to put before a program gcc built (with {@code -m32} when asked) to run it here:
     * none for a 64-bit program, or where the kernel runs 32-bit programs; {@code qemu-i386} where
     * it does not (a kernel built without IA-32 emulation answers "Exec format error", seen on a
     * machine of 2026-12-07; Debian package qemu-user, which CI installs). Skips the test (a JUnit
     * assumption) when gcc cannot build for it or neither way runs the program.
     */
    public static List<String> runner(boolean m32) {
        assumeGcc(m32);
        if (!m32) {
            return List.of();
        }
        List<String> known = runner32;
        if (known == null) {
            runner32 = known = probeRunner32();
        }
        assumeTrue(known.isEmpty() || !known.getFirst().isEmpty(),
                "this kernel cannot run 32-bit programs, and qemu-i386 (Debian: qemu-user) is not installed");
        return known;
    }

    /** An empty list (runs natively), [qemu-i386], or [""] for neither. */
    private static List<String> probeRunner32() {
        try {
            Path dir = Files.createTempDirectory("structscope-gcc");
            try {
                Path src = Files.writeString(dir.resolve("t.c"), "int main(void) { return sizeof(void *) == 4 ? 0 : 1; }\n");
                Path exe = dir.resolve("t");
                if (run(List.of(GCC, "-m32", "-o", exe.toString(), src.toString()), dir).exit() != 0) {
                    return List.of("");
                }
                if (run(List.of(exe.toString()), dir).exit() == 0) {
                    return List.of();
                }
                if (Files.isExecutable(QEMU_I386) && run(List.of(QEMU_I386.toString(), exe.toString()), dir).exit() == 0) {
                    return List.of(QEMU_I386.toString());
                }
                return List.of("");
            } finally {
                deleteTree(dir);
            }
        } catch (IOException | RuntimeException | AssertionError e) {
            return List.of("");
        }
    }

    /** {@code program} and its arguments as a command that runs it here ({@link #runner}). */
    public static List<String> command(boolean m32, String... program) {
        List<String> cmd = new ArrayList<>(runner(m32));
        cmd.addAll(List.of(program));
        return cmd;
    }

    /** The clang triple for an ABI. */
    public static String clangTarget(Abi abi) {
        return abi == Abis.X86_64_WINDOWS ? "x86_64-pc-windows-msvc" : abi.clangTarget();
    }

    /**
     * Runs clang's record layout dump on a header and returns the text of every named top-level
     * record (see {@link LayoutText}), keyed by C spelling ({@code struct Foo}).
     */
    public static Map<String, String> clangLayouts(Path header, Abi abi) {
        Result r = clangDump(header, abi);
        if (r.exit() != 0) {
            throw new AssertionError("clang rejected " + header + " for " + abi.name() + ":\n" + r.out());
        }
        return parseDump(r.out(), abi);
    }

    /**
     * The first error of a {@link #clangDump} as {@code "line:col: message"}, its
     * {@code (aka '...')} notes left out, or null when clang took the header.
     */
    public static String refusal(Result r) {
        if (r.exit() == 0) {
            return null;
        }
        Matcher m = Pattern.compile(":(\\d+):(\\d+): error: (.*)").matcher(r.out());
        if (!m.find()) {
            throw new AssertionError("clang failed without an error line:\n" + r.out());
        }
        return m.group(1) + ":" + m.group(2) + ": " + m.group(3).replaceAll(" \\(aka '[^']*'\\)", "");
    }

    /** clang's record layouts of {@code header} on {@code abi} ({@link #parseDump}), or its errors. */
    public static Result clangDump(Path header, Abi abi) {
        return run(List.of(CLANG.toString(), "-fsyntax-only", "-ffreestanding", "-w", "-Xclang",
                "-fdump-record-layouts", "-target", clangTarget(abi), header.toString()), header.getParent());
    }

    private static final Pattern SIZE = Pattern.compile("\\[sizeof=(\\d+), (?:dsize=\\d+, )?align=(\\d+)");

    /** Parses clang's {@code -fdump-record-layouts} output. */
    public static Map<String, String> parseDump(String dump, Abi abi) {
        Map<String, String> out = new LinkedHashMap<>();
        String[] lines = dump.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].startsWith("*** Dumping AST Record Layout")) {
                continue;
            }
            String head = afterBar(lines[++i]).strip();
            boolean keep = !head.contains("(anonymous") && !head.contains("(unnamed");
            StringBuilder body = new StringBuilder();
            String size = null;
            for (i++; i < lines.length; i++) {
                String l = lines[i];
                int bar = l.indexOf('|');
                if (bar < 0) {
                    break;
                }
                String rest = l.substring(bar + 1);
                Matcher m = SIZE.matcher(rest);
                if (m.find()) {
                    size = m.group(1) + " align=" + m.group(2);
                    break;
                }
                int spaces = 0;
                while (spaces < rest.length() && rest.charAt(spaces) == ' ') {
                    spaces++;
                }
                int depth = (spaces - 1) / 2;
                String name = rest.endsWith(" ") ? "" : rest.substring(rest.lastIndexOf(' ') + 1);
                body.append(LayoutText.line(depth, l.substring(0, bar).strip(), name)).append('\n');
            }
            if (keep && size != null) {
                out.put(head, head + " [" + abi.name() + "] size=" + size + "\n" + body);
            }
        }
        return out;
    }

    private static String afterBar(String l) {
        int bar = l.indexOf('|');
        return bar < 0 ? l : l.substring(bar + 1);
    }

    /** Runs a command with a time limit, stdout and stderr together. */
    public static Result run(List<String> cmd, Path dir) {
        try {
            Path log = Files.createTempFile("structscope-run", ".txt");
            try {
                Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                        .redirectOutput(log.toFile()).start();
                if (!p.waitFor(120, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new AssertionError("timed out: " + cmd);
                }
                return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            throw new AssertionError("cannot run " + cmd + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
