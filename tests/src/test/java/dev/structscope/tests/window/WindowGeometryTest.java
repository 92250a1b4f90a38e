package dev.structscope.tests.window;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The first window on a laptop screen and on a big one, each in its own JVM whose Monocle screen
 * has that size ({@link WindowGeometryProbe}): it fits the screen's visual bounds with its menu bar
 * on the screen, takes the whole of a small screen and most of a big one, and in every
 * arrangement (both halves, data only, designer only) no button or label is cut and no control
 * hangs outside the window.
 */
class WindowGeometryTest {
    @TempDir
    Path home;

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"1366, 768", "2560, 1440"})
    void theFirstWindowFitsTheScreenAndNothingIsCut(int width, int height) throws Exception {
        List<String> lines = probe(width, height);
        String all = String.join("\n", lines);
        double[] screen = numbers(lines, "SCREEN ");
        double[] window = numbers(lines, "WINDOW ");
        double[] menu = numbers(lines, "MENU ");
        assertEquals(width, screen[2], all);
        assertTrue(window[0] >= screen[0] && window[1] >= screen[1], "the window starts on the screen\n" + all);
        assertTrue(window[0] + window[2] <= screen[0] + screen[2] + 0.5
                && window[1] + window[3] <= screen[1] + screen[3] + 0.5, "the window ends on the screen\n" + all);
        assertTrue(menu[1] >= screen[1] && menu[1] + menu[3] <= screen[1] + screen[3], "the menu bar is on the screen\n" + all);
        if (width < 1600) {
            assertEquals(screen[2] * screen[3], window[2] * window[3], 1.0, "a laptop screen goes to the panes whole\n" + all);
        } else {
            assertTrue(window[2] * window[3] >= 0.75 * screen[2] * screen[3], "a big screen is used\n" + all);
        }
        for (String w : new String[]{"BOTH", "DATA", "DESIGNER"}) {
            assertTrue(lines.contains("CHECKED " + w), "arrangement " + w + " was looked at\n" + all);
        }
        List<String> broken = lines.stream().filter(l -> l.startsWith("CLIP ") || l.startsWith("OUT ")).toList();
        assertEquals(List.of(), broken, "cut or outside the window at " + width + "x" + height);
    }

    /**
     * The probe's output. A child that died in JavaFX's native text code (glibc's heap check
     * aborting in Pango/FreeType, about 1 start in 10 at 2560x1440 under Monocle's software
     * pipeline, at 949fffc as now; 6 December 2026) is started once more, and says so: what this
     * test checks is the window's geometry, not that crash, which is noted for the planners.
     */
    private List<String> probe(int width, int height) throws IOException, InterruptedException {
        List<String> lines = probeOnce(width, height);
        if (diedNatively(lines)) {
            System.err.println("WindowGeometryTest: the probe at " + width + "x" + height
                    + " died in native code; starting it once more:\n" + String.join("\n", lines));
            lines = probeOnce(width, height);
        }
        return lines;
    }

    private static boolean diedNatively(List<String> lines) {
        return lines.stream().anyMatch(l -> l.contains("A fatal error has been detected by the Java Runtime Environment")
                || l.startsWith("malloc") || l.startsWith("munmap_chunk") || l.startsWith("free()")
                || l.contains("corrupted") && l.contains("size"));
    }

    private List<String> probeOnce(int width, int height) throws IOException, InterruptedException {
        // A first-time user each time: a home of its own, with no saved window bounds and no sample extracted yet.
        Path user = java.nio.file.Files.createTempDirectory(home, "user");
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                "--enable-native-access=ALL-UNNAMED",
                // The crash report of the native text crash below goes to the probe's own home, not
                // into the module's folder (an hs_err file was left beside the sources).
                "-XX:ErrorFile=" + user.resolve("hs_err_pid%p.log"),
                "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw", "-Dprism.text=t2k",
                "-Dheadless.geometry=" + width + "x" + height + "-32",
                "-Duser.home=" + user, "-Djava.util.prefs.userRoot=" + user.resolve("prefs"),
                WindowGeometryProbe.Launch.class.getName()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out;
        try (var in = p.getInputStream()) {
            out = in.readAllBytes();
        }
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        String text = new String(out, StandardCharsets.UTF_8);
        assertTrue(!text.contains("FAILED "), text);
        return text.lines().toList();
    }

    private static double[] numbers(List<String> lines, String prefix) {
        String line = lines.stream().filter(l -> l.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + prefix.strip() + " line in\n" + String.join("\n", lines)));
        String[] f = line.substring(prefix.length()).trim().split(" ");
        double[] v = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            v[i] = Double.parseDouble(f[i]);
        }
        return v;
    }
}
