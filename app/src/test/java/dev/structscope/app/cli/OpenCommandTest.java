package dev.structscope.app.cli;

import dev.structscope.app.shell.OpenArgs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code open} checks what it names before a window starts, as every command checks its input:
 * one line and exit 2 for a missing file, a header that does not read, an unknown {@code --type},
 * and no display to show the window on.
 */
class OpenCommandTest {
    private static final Map<String, String> DISPLAY = Map.of("DISPLAY", ":0");

    @TempDir
    Path dir;

    private record Checked(int status, String err) {
    }

    private Checked check(Map<String, String> env, String... args) {
        StringWriter err = new StringWriter();
        OpenArgs open = StructScopeCli.openArgs(args);
        int status = StructScopeCli.checkOpen(open, new PrintWriter(err, true), env, null);
        return new Checked(status, err.toString());
    }

    @Test
    void aWellFormedOpenPasses() throws Exception {
        Path h = Files.writeString(dir.resolve("w.h"), "struct A { int a; };\n");
        Path data = Files.write(dir.resolve("w.bin"), new byte[8]);
        assertEquals(new Checked(0, ""), check(DISPLAY, "open", data.toString(), "--layout", h.toString(), "--type", "A"));
        assertEquals(new Checked(0, ""), check(DISPLAY, "open", h.toString(), "--type", "A"));
        assertEquals(new Checked(0, ""), check(Map.of("WAYLAND_DISPLAY", "wayland-0"), "open", data.toString()));
    }

    @Test
    void aHeaderThatDoesNotReadIsOneLineAndStatusTwo() throws Exception {
        Path h = Files.writeString(dir.resolve("bad.h"), "struct Bad {\n int a;\n char b\n double c;\n};\n");
        Path data = Files.write(dir.resolve("short.bin"), new byte[8]);
        Checked c = check(DISPLAY, "open", data.toString(), "--layout", h.toString(), "--type", "Bad");
        assertEquals(new Checked(2, "structscope: " + h + ":4:2: expected ';' after member declaration (found 'double')\n"), c);
    }

    @Test
    void aMissingFileAndAnUnknownTypeAreSaid() throws Exception {
        Path h = Files.writeString(dir.resolve("w.h"), "struct A { int a; };\n");
        Path none = dir.resolve("none.bin");
        assertEquals(new Checked(2, "structscope: " + none + ": no such file\n"), check(DISPLAY, "open", none.toString()));
        assertEquals(new Checked(2, "structscope: " + dir + ": is not a regular file\n"), check(DISPLAY, "open", dir.toString()));
        assertEquals(new Checked(2, "structscope: --type: no struct or union named 'Nope' in " + h + "\n"),
                check(DISPLAY, "open", h.toString(), "--type", "Nope"));
    }

    @Test
    void noDisplayIsSaidInsteadOfAToolkitStackTrace() throws Exception {
        Path data = Files.write(dir.resolve("w.bin"), new byte[8]);
        Checked c = check(Map.of("DISPLAY", ""), "open", data.toString());
        assertEquals(2, c.status());
        assertEquals("structscope: the window needs a display, and neither DISPLAY nor WAYLAND_DISPLAY is set"
                + " (every other command runs without one)\n", c.err());
        // The tests' headless toolkit needs none.
        StringWriter err = new StringWriter();
        assertEquals(0, StructScopeCli.checkOpen(StructScopeCli.openArgs(new String[] {"open", data.toString()}),
                new PrintWriter(err, true), Map.of(), "Monocle"));
    }
}
