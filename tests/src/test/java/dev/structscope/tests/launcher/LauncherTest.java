package dev.structscope.tests.launcher;

import dev.structscope.app.cli.StructScopeCli;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The checkout launcher, {@code ./structscope}, run for real (sh, the JDK, the app's jars) from a
 * copy in a temporary folder, so that its remembered JDK, build stamp and AOT cache are the test's
 * own. The Maven build it starts is the folder's {@code mvnw}: here a stand-in that notes each call
 * in {@code builds.log} and lays out what {@code package} leaves (the app jar and
 * {@code app/target/classpath.txt}, taken from this checkout's build), so a rebuild is seen
 * without compiling anything. What a command prints is compared with the same command run
 * in-process ({@link StructScopeCli#run}).
 */
class LauncherTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path POINT_H = ROOT.resolve("sample-files/src/main/resources/dev/structscope/samples/point.h");

    @TempDir
    Path box;

    @BeforeEach
    void sandbox() throws IOException {
        Path appJar = ROOT.resolve("app/target/app-0.1.0-SNAPSHOT.jar");
        Path classpath = ROOT.resolve("app/target/classpath.txt");
        assertTrue(Files.isRegularFile(appJar) && Files.isRegularFile(classpath),
                "the app module's package output is missing (run the build's package phase first): " + appJar);
        Files.copy(ROOT.resolve("structscope"), box.resolve("structscope"));
        Files.createDirectories(box.resolve("app/src/build/java"));
        Files.copy(ROOT.resolve("app/src/build/java/LinkableJars.java"), box.resolve("app/src/build/java/LinkableJars.java"));
        Files.createDirectories(box.resolve("model/src/main/java"));
        Files.writeString(box.resolve("pom.xml"), "<project/>\n");
        Files.writeString(box.resolve("model/src/main/java/Source.java"), "class Source {}\n");
        Files.createDirectories(box.resolve("tmp"));
        Files.copy(appJar, box.resolve("app.jar"));
        Files.writeString(box.resolve("deps.txt"), originalClassPath(Files.readString(classpath).strip()));
        Files.writeString(box.resolve("mvnw"), """
                #!/bin/sh
                # Stands in for the Maven build: notes the call, fails when asked to, and leaves what
                # `package` leaves for the launcher.
                echo "$*" >>builds.log
                if [ -f build-fails ]; then echo "BUILD FAILURE (the test asked for it)"; exit 1; fi
                if [ -f build-slow ]; then sleep 2; fi
                mkdir -p app/target
                cp app.jar app/target/app-0.1.0-SNAPSHOT.jar
                cp deps.txt app/target/classpath.txt
                """);
        Files.setPosixFilePermissions(box.resolve("mvnw"), PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /**
     * Both CLI launchers (this one and the package's) lower HotSpot's thresholds for the record
     * loops stats generates, by the loops' class name: a rename on either side would silently
     * drop it (the JVM accepts a pattern that matches nothing).
     */
    @Test
    void theJitOptionNamesTheGeneratedLoops() throws IOException {
        String pattern = "loops='" + dev.structscope.io.stats.LoopGenerator.LOOP_CLASS + "*::run'";
        for (Path launcher : List.of(ROOT.resolve("structscope"), ROOT.resolve("dist/src/main/sh/package.sh"))) {
            String text = Files.readString(launcher);
            assertTrue(text.contains(pattern), launcher + " names the loops: " + pattern);
            assertTrue(text.contains("CompileCommand=CompileThresholdScaling,$loops,0.1")
                    && text.contains("CompileCommand=BackgroundCompilation,$loops,false"), launcher + " uses them");
        }
    }

    @Test
    void aSourceChangeRebuildsAndOnlyThen() throws Exception {
        Run first = launch(Map.of(), "layout", POINT_H.toString(), "--json");
        assertEquals(0, first.status, first.err);
        assertTrue(first.err.contains("building"), first.err);
        assertEquals(inProcess("layout", POINT_H.toString(), "--json"), first.out);
        assertEquals(1, builds());

        Run again = launch(Map.of(), "layout", POINT_H.toString(), "--json");
        assertEquals(0, again.status, again.err);
        assertEquals("", again.err, "no build, nothing said");
        assertEquals(first.out, again.out);
        assertEquals(1, builds());

        touchAfterStamp(box.resolve("model/src/main/java/Source.java"));
        Run changed = launch(Map.of(), "layout", POINT_H.toString());
        assertEquals(0, changed.status, changed.err);
        assertTrue(changed.err.contains("building"), changed.err);
        assertEquals(inProcess("layout", POINT_H.toString()), changed.out);
        assertEquals(2, builds());

        touchAfterStamp(box.resolve("pom.xml"));
        assertEquals(0, launch(Map.of(), "layout", POINT_H.toString()).status);
        assertEquals(3, builds());

        // A build that fails: its log on stderr, status 1, and the next start tries again.
        Files.writeString(box.resolve("build-fails"), "");
        touchAfterStamp(box.resolve("model/src/main/java/Source.java"));
        Run failed = launch(Map.of(), "layout", POINT_H.toString());
        assertEquals(1, failed.status);
        assertTrue(failed.err.contains("BUILD FAILURE (the test asked for it)") && failed.err.contains("the build failed"),
                failed.err);
        assertEquals("", failed.out);
        Files.delete(box.resolve("build-fails"));
        Run retried = launch(Map.of(), "layout", POINT_H.toString());
        assertEquals(0, retried.status, retried.err);
        assertEquals(5, builds());

        // The CLI's own statuses come through: 2 and one line for bad input.
        Run bad = launch(Map.of(), "layout", box.resolve("no-such.h").toString());
        assertEquals(2, bad.status);
        assertEquals(1, bad.err.lines().count(), bad.err);
        assertEquals(5, builds());
    }

    /**
     * Commands started together after a change (a script's, two terminals') build once: the
     * others wait for the first launcher's build and then use it. They each ran a build into the
     * same folders before, and one read another's half-written jar.
     */
    @Test
    void launchersStartedTogetherBuildOnce() throws Exception {
        Files.writeString(box.resolve("build-slow"), "");
        List<Process> started = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            started.add(start(Map.of(), "run" + i, "layout", POINT_H.toString(), "--json"));
        }
        String expected = inProcess("layout", POINT_H.toString(), "--json");
        for (int i = 0; i < started.size(); i++) {
            Run run = finish(started.get(i), "run" + i);
            assertEquals(0, run.status, run.err);
            assertEquals(expected, run.out);
        }
        assertEquals(1, builds(), "one build for three launchers started together");
    }

    /**
     * A command still running when a build rewrites the app's jar in place (as Maven's jar plugin
     * does: the same file) keeps running from the jars it started with. Before, the launcher ran
     * the build's jar itself, and a window open during a rebuild for another command failed to
     * load its next class from the rewritten file.
     */
    @Test
    void aRunningCommandKeepsItsJarsWhenABuildRewritesThemInPlace() throws Exception {
        assertEquals(0, launch(Map.of(), "layout", POINT_H.toString()).status); // built, and published
        Path fifo = box.resolve("header.fifo");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        Process running = start(Map.of(), "running", "layout", fifo.toString(), "--json");
        // The JVM (the launcher execs it) has opened the app's jar; it now waits for the header.
        Path built = box.resolve("app/target/app-0.1.0-SNAPSHOT.jar");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        List<String> open = openJars(running.pid());
        while (open.stream().noneMatch(j -> j.endsWith("app-0.1.0-SNAPSHOT.jar"))) {
            assertTrue(running.isAlive() && System.nanoTime() < deadline, "the command never opened the app's jar");
            Thread.sleep(20);
            open = openJars(running.pid());
        }
        // The build writes its jar into the same file: here, bytes that are no jar, as a half-written one.
        Object inode = Files.getAttribute(built, "unix:ino");
        Files.write(built, new byte[(int) Files.size(built)]);
        assertEquals(inode, Files.getAttribute(built, "unix:ino"), "the rewrite is in place");
        // Written beside: a command that failed before opening the pipe leaves no reader to unblock it.
        Thread writer = Thread.ofVirtual().start(() -> {
            try {
                Files.writeString(fifo, Files.readString(POINT_H));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        Run run = finish(running, "running");
        if (writer.isAlive()) {
            Files.newInputStream(fifo).close(); // a reader for the writer, so that it ends
        }
        writer.join();
        assertEquals(0, run.status, run.err);
        assertEquals("", run.err);
        assertEquals(inProcess("layout", POINT_H.toString(), "--json"), run.out);
        String copies = box.resolve("target/run").toString();
        assertTrue(open.stream().allMatch(j -> j.startsWith(copies) || !j.startsWith(box.toString())),
                "the JVM runs the launcher's copies of the sandbox's jars: " + open);
    }

    /** The jars process {@code pid} has open (its file descriptors' targets). */
    private static List<String> openJars(long pid) throws IOException {
        List<String> jars = new ArrayList<>();
        try (var fds = Files.list(Path.of("/proc/" + pid + "/fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.endsWith(".jar")) {
                        jars.add(target);
                    }
                } catch (IOException gone) {
                    // closed meanwhile
                }
            }
        }
        return jars;
    }

    @Test
    void aChangedOrRemovedJdkIsFoundAgain() throws Exception {
        Path jdk = fakeJdk(box.resolve("jdk-fake"));
        Path memo = box.resolve("target/launcher-jdk");
        Map<String, String> env = Map.of("JAVA_HOME", jdk.toString());

        Run first = launch(env, "--verbose", "layout", POINT_H.toString(), "--json");
        assertEquals(0, first.status, first.err);
        assertTrue(first.err.contains("structscope: JDK " + jdk + "\n"), first.err);
        List<String> remembered = Files.readAllLines(memo);
        assertEquals(List.of(jdk.toString(), jdk.toString(), runtimeVersionLine(jdk)), remembered);
        String expected = inProcess("layout", POINT_H.toString(), "--json");
        assertEquals(expected, first.out);

        // Remembered: the next start does not look again (the memo is not written).
        FileTime written = Files.getLastModifiedTime(memo);
        Files.setLastModifiedTime(memo, FileTime.from(written.toInstant().minusSeconds(60)));
        written = Files.getLastModifiedTime(memo);
        assertEquals(0, launch(env, "layout", POINT_H.toString(), "--json").status);
        assertEquals(written, Files.getLastModifiedTime(memo));

        // The same folder now holds another build of the JDK (its release file says so): looked at
        // again, and remembered with the new version.
        Path release = jdk.resolve("release");
        String updated = Files.readString(release).replaceFirst("JAVA_RUNTIME_VERSION=\"([^\"]*)\"", "JAVA_RUNTIME_VERSION=\"$1.1\"");
        Files.writeString(release, updated);
        Run afterUpdate = launch(env, "--verbose", "layout", POINT_H.toString(), "--json");
        assertEquals(0, afterUpdate.status, afterUpdate.err);
        assertEquals(expected, afterUpdate.out);
        List<String> now = Files.readAllLines(memo);
        assertEquals(runtimeVersionLine(jdk), now.get(2));
        assertNotEquals(remembered.get(2), now.get(2));

        // The JDK is gone (JAVA_HOME still names it): another JDK 25 is found and remembered.
        deleteTree(jdk);
        Run afterRemoval = launch(env, "--verbose", "layout", POINT_H.toString(), "--json");
        assertEquals(0, afterRemoval.status, afterRemoval.err);
        assertEquals(expected, afterRemoval.out);
        String chosen = afterRemoval.err.lines().filter(l -> l.startsWith("structscope: JDK ")).findFirst().orElseThrow()
                .substring("structscope: JDK ".length());
        assertNotEquals(jdk.toString(), chosen);
        assertTrue(Files.isExecutable(Path.of(chosen, "bin", "java")), chosen);
        assertEquals(chosen, Files.readAllLines(memo).get(1));
    }

    @Test
    void aStaleDamagedOrMissingAotCacheStillStarts() throws Exception {
        Map<String, String> aot = Map.of("STRUCTSCOPE_AOT", "on");
        String expected = inProcess("layout", POINT_H.toString(), "--json");
        Path cache = box.resolve("target/structscope-cli.aot");

        // The first start builds, raises picocli's Java 5 classes and makes the cache, which the
        // JVM then uses: picocli's classes come from it.
        Path classLog = box.resolve("classes.log");
        Run made = launch(Map.of("STRUCTSCOPE_AOT", "on", "JAVA_OPTS", "-Xlog:class+load:file=" + classLog),
                "--verbose", "layout", POINT_H.toString(), "--json");
        assertEquals(0, made.status, made.err);
        assertEquals(expected, made.out);
        assertTrue(made.err.contains("making the AOT cache"), made.err);
        assertTrue(made.err.contains("AOT cache: " + cache + " in use"), made.err);
        String raised = Files.readString(box.resolve("app/target/classpath.txt"));
        assertTrue(raised.contains(box.resolve("app/target/linkable-jars/picocli-").toString()), raised);
        assertTrue(Files.readString(classLog).contains("picocli.CommandLine source: shared objects file"),
                "picocli's classes are not taken from the AOT cache");

        Run plain = launch(aot, "layout", POINT_H.toString(), "--json");
        assertEquals(expected, plain.out);
        assertEquals("", plain.err);

        // Stale: made for other JVM options than this start's (JAVA_OPTS with a module option);
        // the same cache is in use again without them.
        assertStartsWithout(Map.of("STRUCTSCOPE_AOT", "on", "JAVA_OPTS", "--add-modules=java.sql"), "does not match", expected);
        assertTrue(launch(aot, "--verbose", "layout", POINT_H.toString(), "--json").err.contains(cache + " in use"));

        // Damaged: the cache's first bytes overwritten and its end cut off (the file stays newer
        // than the build, so the launcher keeps it).
        byte[] bytes = Files.readAllBytes(cache);
        Arrays.fill(bytes, 0, Math.min(bytes.length, 4096), (byte) 0x5a);
        Files.write(cache, Arrays.copyOf(bytes, bytes.length / 2));
        assertStartsWithout(aot, "does not match", expected);

        // Missing, after a training run that failed (remembered until the next build).
        Files.delete(cache);
        Files.writeString(box.resolve("target/structscope-cli.aot.failed"), "the test says it failed\n");
        assertStartsWithout(aot, "none", expected);
        assertFalse(Files.exists(cache));
    }

    /** A start with the cache unusable prints what a good start prints and nothing on stderr. */
    private void assertStartsWithout(Map<String, String> env, String why, String expected) throws Exception {
        Run quiet = launch(env, "layout", POINT_H.toString(), "--json");
        assertEquals(0, quiet.status, quiet.err);
        assertEquals(expected, quiet.out);
        assertEquals("", quiet.err);
        Run verbose = launch(env, "--verbose", "layout", POINT_H.toString(), "--json");
        assertEquals(expected, verbose.out);
        String line = verbose.err.lines().filter(l -> l.startsWith("structscope: AOT cache:")).findFirst().orElse("");
        assertTrue(line.contains(why) && !line.contains("in use"), verbose.err);
        assertFalse(verbose.err.contains("making the AOT cache"), verbose.err);
    }

    private record Run(int status, String out, String err) {
    }

    /** Runs the sandbox's launcher with {@code args}; {@code env} adds to an environment without JAVA_HOME or JAVA_OPTS. */
    private Run launch(Map<String, String> env, String... args) throws IOException, InterruptedException {
        return finish(start(env, "run", args), "run");
    }

    /** Starts the sandbox's launcher, its output going to {@code name}.out and .err in the sandbox. */
    private Process start(Map<String, String> env, String name, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("sh", box.resolve("structscope").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(box.toFile());
        Map<String, String> e = pb.environment();
        e.keySet().removeIf(k -> k.equals("JAVA_HOME") || k.equals("JAVA_OPTS") || k.startsWith("STRUCTSCOPE_"));
        e.put("TMPDIR", box.resolve("tmp").toString());
        e.put("STRUCTSCOPE_AOT", "off");
        e.putAll(env);
        pb.redirectOutput(box.resolve(name + ".out").toFile()).redirectError(box.resolve(name + ".err").toFile());
        Process p = pb.start();
        p.getOutputStream().close();
        return p;
    }

    private Run finish(Process p, String name) throws IOException, InterruptedException {
        // A hang guard, not a time limit on the launcher: the AOT training run takes seconds.
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("the launcher did not finish: " + p.info().commandLine().orElse(name));
        }
        return new Run(p.exitValue(), Files.readString(box.resolve(name + ".out")), Files.readString(box.resolve(name + ".err")));
    }

    private static String inProcess(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = StructScopeCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        assertEquals(0, status, err.toString());
        return out.toString();
    }

    private int builds() throws IOException {
        Path log = box.resolve("builds.log");
        return Files.exists(log) ? (int) Files.readAllLines(log).stream().filter(l -> !l.isBlank()).count() : 0;
    }

    /** Gives {@code file} a time after the build stamp's, as an edit after the build would. */
    private void touchAfterStamp(Path file) throws IOException {
        Instant stamp = Files.getLastModifiedTime(box.resolve("app/target/classpath.txt")).toInstant();
        Files.setLastModifiedTime(file, FileTime.from(stamp.plusMillis(1)));
    }

    /**
     * The class path the build wrote, with jars the launcher of this checkout already raised
     * (app/target/linkable-jars) put back to the originals this JVM has, so that the sandbox's
     * launcher raises them itself.
     */
    private static String originalClassPath(String classpath) {
        Map<String, String> originals = new HashMap<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            originals.putIfAbsent(Path.of(entry).getFileName().toString(), entry);
        }
        return Arrays.stream(classpath.split(java.io.File.pathSeparator))
                .map(e -> e.contains("/linkable-jars/") ? originals.getOrDefault(Path.of(e).getFileName().toString(), e) : e)
                .collect(Collectors.joining(java.io.File.pathSeparator));
    }

    /**
     * A JDK folder the launcher accepts — bin/java and bin/javac, and a copy of this JDK's release
     * file — whose programs are this JDK's (symbolic links: the java launcher finds its own home
     * from the real path).
     */
    private static Path fakeJdk(Path dir) throws IOException {
        Path home = Path.of(System.getProperty("java.home"));
        Files.createDirectories(dir.resolve("bin"));
        Files.createSymbolicLink(dir.resolve("bin/java"), home.resolve("bin/java"));
        Files.createSymbolicLink(dir.resolve("bin/javac"), home.resolve("bin/javac"));
        Files.copy(home.resolve("release"), dir.resolve("release"));
        return dir;
    }

    private static String runtimeVersionLine(Path jdk) throws IOException {
        return Files.readAllLines(jdk.resolve("release"), StandardCharsets.UTF_8).stream()
                .filter(l -> l.startsWith("JAVA_RUNTIME_VERSION=")).findFirst().orElse("");
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
