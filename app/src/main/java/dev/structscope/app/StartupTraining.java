package dev.structscope.app;

import dev.structscope.app.cli.StructScopeCli;
import dev.structscope.app.shell.StructScopeApp;
import dev.structscope.samples.Sample;
import dev.structscope.samples.Samples;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The training run of the JDK's AOT cache (JEPs 483/514/515): run once, at build or package time,
 * under {@code -XX:AOTCacheOutput=FILE}, it does what a start does — with {@code cli} the everyday
 * CLI commands over the bundled samples, with {@code gui} the GUI's first window, closed as soon
 * as it shows — so that the classes they load, link and profile go into the cache that later
 * starts read. The two are two caches: a JVM started from a cache loads every class in it at
 * once, and a CLI command that loaded the GUI's 7,000 classes would start slower than with no
 * cache at all. Owned by the launcher ({@code structscope}) and the dist module; runs on the main thread
 * (the GUI part on the JavaFX thread it starts); it starts no thread of its own. Its output goes
 * nowhere: only the loading counts.
 * The GUI part writes the window preferences of {@code user.home}: the callers give it a
 * temporary one.
 */
public final class StartupTraining {
    private StartupTraining() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1 || !List.of("cli", "gui").contains(args[0])) {
            System.err.println("usage: StartupTraining cli|gui");
            System.exit(2);
        }
        if (args[0].equals("gui")) {
            trainGui();
        } else {
            Path dir = Files.createTempDirectory("structscope-training");
            try {
                int failures = trainCli(dir);
                if (failures > 0) {
                    System.err.println("structscope training: " + failures + " command(s) did not succeed");
                    System.exit(1);
                }
            } finally {
                deleteTree(dir);
            }
        }
        // Application.launch may leave non-daemon threads behind.
        System.exit(0);
    }

    /** Runs the CLI commands a start most often is, and returns how many did not exit 0. */
    private static int trainCli(Path dir) {
        Path ticks = Samples.extract(Samples.TICKS, dir);
        Path ticksH = dir.resolve(Samples.TICKS.header());
        Sample pointSample = Samples.byData("point.bin");
        Path point = Samples.extract(pointSample, dir);
        Path pointH = dir.resolve(pointSample.header());
        Path elf = Samples.extract(Samples.ELF, dir);
        Path elfH = dir.resolve(Samples.ELF.header());
        List<String[]> runs = new ArrayList<>();
        runs.add(new String[] {"layout", pointH.toString(), "--json"});
        runs.add(new String[] {"layout", ticksH.toString()});
        runs.add(new String[] {"layout", ticksH.toString(), "--abi", "i386-linux", "--json"});
        runs.add(new String[] {"stats", "--type", "Tick", ticksH.toString(), ticks.toString()});
        // A file past the size where stats generates its record loops (a few MiB of the ticks
        // sample repeated), so that the classes of that path (java.lang.classfile's, the
        // fork-join pool's) are in the cache too. Measured 2026-12-06: no gain beyond the noise
        // in when a 4 GiB stats reaches its loop; kept, as it is cheap in a run made once per build.
        runs.add(new String[] {"stats", "--type", "Tick", ticksH.toString(), repeated(ticks, dir, 4 << 20).toString()});
        runs.add(new String[] {"decode", "--type", "POINT", pointH.toString(), point.toString(), "--all"});
        runs.add(new String[] {"decode", "--type", "Tick", ticksH.toString(), ticks.toString(), "--count", "5",
                "--format", "text"});
        runs.add(new String[] {"decode", "--type", "ElfFile", elfH.toString(), elf.toString()});
        runs.add(new String[] {"compare", pointH.toString(), ticksH.toString()});
        runs.add(new String[] {"export", "--to", "c", ticksH.toString()});
        runs.add(new String[] {"--help"});
        int failures = 0;
        for (String[] run : runs) {
            PrintWriter none = new PrintWriter(Writer.nullWriter());
            int status = StructScopeCli.run(none, none, run);
            // compare exits 3 when the layouts differ (they do here).
            if (status != 0 && !(run[0].equals("compare") && status == 3)) {
                System.err.println("structscope training: " + String.join(" ", run) + " exited " + status);
                failures++;
            }
        }
        return failures;
    }

    /** A file of {@code file}'s bytes repeated to at least {@code bytes} bytes, in {@code dir}. */
    private static Path repeated(Path file, Path dir, long bytes) {
        Path out = dir.resolve("repeated-" + file.getFileName());
        try {
            byte[] data = Files.readAllBytes(file);
            try (var os = new java.io.BufferedOutputStream(Files.newOutputStream(out))) {
                for (long n = 0; n < bytes; n += data.length) {
                    os.write(data);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /**
     * Opens the GUI on the default sample and exits once its first window is showing. The
     * listener is added before the toolkit starts (the window list is a plain observable list)
     * and runs on the JavaFX thread; the callers bound the whole run with {@code timeout}.
     */
    private static void trainGui() {
        javafx.stage.Window.getWindows().addListener((javafx.collections.ListChangeListener<javafx.stage.Window>) change -> {
            while (change.next()) {
                // A window joins the list as it shows.
                if (change.wasAdded()) {
                    // One more pulse so that the first layout and paint are part of the run.
                    javafx.application.Platform.runLater(javafx.application.Platform::exit);
                }
            }
        });
        StructScopeApp.launchWith(dev.structscope.app.shell.OpenArgs.NONE);
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
