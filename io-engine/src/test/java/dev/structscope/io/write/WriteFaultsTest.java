package dev.structscope.io.write;

import dev.structscope.io.edit.EditOverlay;
import dev.structscope.io.edit.OverlaySaver;
import dev.structscope.io.source.DataSource;
import dev.structscope.io.source.Sources;
import dev.structscope.io.testing.Tmpfs;
import dev.structscope.model.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What a crash, a full disk or a read-only file system does to a save: a child JVM SIGKILLed in the
 * middle of an in-place write leaves a journal that rolls the file back exactly (or finishes the
 * write exactly); killed in the middle of a streamed save, the file is untouched; a full disk
 * (a small tmpfs) fails the streamed save and leaves the file as it was; a read-only file system
 * is refused before anything is written. The tmpfs tests need root (mount) and are skipped
 * without it.
 */
class WriteFaultsTest {
    @TempDir
    Path dir;

    /** The child: starts a save and stops forever at the hook, waiting for SIGKILL. */
    public static final class Child {
        public static void main(String[] args) throws Exception {
            Path target = Path.of(args[1]);
            Path marker = Path.of(args[2]);
            if (args[0].equals("fsize")) {
                // Run under prlimit --fsize: the streamed save's temporary file hits the limit.
                try (DataSource base = Sources.open(target)) {
                    EditOverlay o = new EditOverlay(base);
                    o.insert(5, new byte[] {1, 2, 3});
                    o.save(target, Expected.of(target), OverlaySaver.Progress.NONE, () -> false);
                    Files.writeString(marker, "saved");
                } catch (InputException e) {
                    Files.writeString(marker, e.getMessage());
                    System.exit(3);
                }
                return;
            }
            if (args[0].equals("in-place")) {
                InPlaceWriter.write(target, changes(), null, new InPlaceWriter.Hook() {
                    @Override
                    public void changeWritten(int index) {
                        if (index == 1) {
                            stop(marker);
                        }
                    }
                });
            } else {
                try (DataSource base = Sources.open(target)) {
                    EditOverlay o = new EditOverlay(base);
                    o.insert(5, new byte[] {1, 2, 3});
                    o.save(target, null, (done, total) -> {
                        if (done >= 2 << 20) {
                            stop(marker);
                        }
                    }, () -> false);
                }
            }
        }

        private static void stop(Path marker) {
            try {
                Files.writeString(marker, "stopped");
                Thread.sleep(Long.MAX_VALUE);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    static List<Change> changes() {
        return List.of(new Change(3, new byte[] {1, 2, 3, 4}), new Change(1000, new byte[] {5, 6}),
                new Change(70_000, new byte[300]), new Change(4_000_000, new byte[] {7}));
    }

    private static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    private void killMidway(String mode, Path target) throws Exception {
        Path marker = dir.resolve("marker-" + mode);
        Files.deleteIfExists(marker);
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                Child.class.getName(), mode, target.toString(), marker.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("child-" + mode + ".log").toFile()).start();
        try {
            for (int i = 0; i < 400 && !Files.exists(marker) && p.isAlive(); i++) {
                Thread.sleep(50);
            }
            assertTrue(Files.exists(marker), "the child did not reach the hook: " + Files.readString(dir.resolve("child-" + mode + ".log")));
        } finally {
            p.destroyForcibly(); // SIGKILL on Unix
            assertTrue(p.waitFor(20, TimeUnit.SECONDS));
        }
    }

    @Test
    void killedDuringAnInPlaceWriteTheJournalRollsBackOrFinishesExactly() throws Exception {
        byte[] old = random(5_000_000, 1);
        byte[] fresh = old.clone();
        for (Change c : changes()) {
            System.arraycopy(c.bytes(), 0, fresh, (int) c.offset(), c.length());
        }
        Path target = Files.write(dir.resolve("t.bin"), old);
        killMidway("in-place", target);
        Journal j = Journal.find(target).orElseThrow();
        assertTrue(j.complete());
        byte[] half = Files.readAllBytes(target);
        assertFalse(java.util.Arrays.equals(old, half), "the kill came after two ranges were written");
        assertThrows(InputException.class, () -> InPlaceWriter.write(target, changes(), null), "a second write with a journal present");
        j.rollBack();
        assertArrayEquals(old, Files.readAllBytes(target));
        assertFalse(Files.exists(Journal.pathFor(target)));

        killMidway("in-place", target);
        Journal.find(target).orElseThrow().finish();
        assertArrayEquals(fresh, Files.readAllBytes(target));
        assertFalse(Files.exists(Journal.pathFor(target)));
    }

    @Test
    void killedDuringAStreamedSaveTheFileIsUntouched() throws Exception {
        byte[] old = random(5_000_000, 2);
        Path target = Files.write(dir.resolve("s.bin"), old);
        killMidway("stream", target);
        assertArrayEquals(old, Files.readAllBytes(target));
    }

    @Test
    void aJournalCutShortIsIncompleteAndRollingItBackLeavesTheFile() throws Exception {
        byte[] old = random(5_000_000, 3);
        Path target = Files.write(dir.resolve("c.bin"), old);
        killMidway("in-place", target);
        Path jf = Journal.pathFor(target);
        byte[] journal = Files.readAllBytes(jf);
        // the journal as a crash while writing it would leave it: the target is not touched yet then
        Files.write(target, old);
        Files.write(jf, java.util.Arrays.copyOf(journal, journal.length / 2));
        Journal j = Journal.find(target).orElseThrow();
        assertFalse(j.complete());
        j.rollBack();
        assertArrayEquals(old, Files.readAllBytes(target));
        assertFalse(Files.exists(jf));
    }

    /**
     * Disk full without root: the child JVM runs under {@code prlimit --fsize} (1 MB), so writing
     * the temporary file of a streamed save fails with EFBIG (the JVM ignores SIGXFSZ) as a full
     * disk would fail it; the save reports it, removes the temporary file, and the file survives.
     */
    @Test
    void aFileSizeLimitFailsTheStreamedSaveAndTheFileSurvives() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/prlimit")), "prlimit (util-linux) is needed");
        byte[] old = random(3_000_000, 5);
        Path target = Files.write(dir.resolve("limited.bin"), old);
        Path marker = dir.resolve("marker-fsize");
        String javaBin = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder("prlimit", "--fsize=1000000", javaBin, "-cp", System.getProperty("java.class.path"),
                Child.class.getName(), "fsize", target.toString(), marker.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("child-fsize.log").toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(3, p.exitValue(), "the save must fail and say so: " + Files.readString(dir.resolve("child-fsize.log")));
        assertTrue(Files.readString(marker).contains("unchanged"), Files.readString(marker));
        assertArrayEquals(old, Files.readAllBytes(target));
        try (var files = Files.list(dir)) {
            assertEquals(java.util.Set.of("limited.bin", "marker-fsize", "child-fsize.log"),
                    files.map(f -> f.getFileName().toString()).collect(java.util.stream.Collectors.toSet()),
                    "no temporary file is left");
        }
    }

    @Test
    void aFullDiskFailsTheStreamedSaveAndTheFileSurvives() throws Exception {
        try (Tmpfs mnt = Tmpfs.mount(dir.resolve("mnt-1m"), "1m")) {
            byte[] old = random(700_000, 4);
            Path target = Files.write(mnt.path().resolve("f.bin"), old);
            try (DataSource base = Sources.open(target)) {
                EditOverlay o = new EditOverlay(base);
                o.insert(0, new byte[] {9});
                InputException e = assertThrows(InputException.class,
                        () -> o.save(target, Expected.of(target), OverlaySaver.Progress.NONE, () -> false));
                assertTrue(e.getMessage().contains("unchanged"), e.getMessage());
            }
            assertArrayEquals(old, Files.readAllBytes(target));
            try (var files = Files.list(mnt.path())) {
                assertEquals(List.of(target), files.toList(), "the temporary file was left behind");
            }
            // in place: the journal (old and new bytes of 200 kB) does not fit either
            InputException e = assertThrows(InputException.class, () -> InPlaceWriter.write(target,
                    List.of(new Change(1000, new byte[200_000])), Expected.of(target)));
            assertTrue(e.getMessage().contains("writing failed"), e.getMessage());
            assertArrayEquals(old, Files.readAllBytes(target));
            assertFalse(Files.exists(Journal.pathFor(target)), "a journal of a write that never began was left");
        }
    }

    /**
     * A file with no write permission for anyone is refused, also for root (whom the access check
     * lets write anything: the tests run as root in CI, where patch wrote such a file).
     */
    @Test
    void aFileMarkedReadOnlyIsRefusedForEveryone() throws Exception {
        byte[] old = random(1_000, 6);
        Path target = Files.write(dir.resolve("ro.bin"), old);
        Files.setPosixFilePermissions(target, java.nio.file.attribute.PosixFilePermissions.fromString("r--r--r--"));
        InputException e = assertThrows(InputException.class, () -> InPlaceWriter.write(target,
                List.of(new Change(0, new byte[] {1})), null));
        assertTrue(e.getMessage().contains("read-only") && e.getMessage().contains("nothing was written"), e.getMessage());
        assertArrayEquals(old, Files.readAllBytes(target));
        assertFalse(Files.exists(Journal.pathFor(target)));
        Files.setPosixFilePermissions(target, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        InPlaceWriter.checkWritable(target);
    }

    @Test
    void aReadOnlyFileSystemIsRefusedBeforeAnythingIsWritten() throws Exception {
        try (Tmpfs mnt = Tmpfs.mount(dir.resolve("mnt-2m"), "2m")) {
            byte[] old = random(10_000, 5);
            Path target = Files.write(mnt.path().resolve("r.bin"), old);
            mnt.remountReadOnly();
            InputException e = assertThrows(InputException.class, () -> InPlaceWriter.write(target,
                    List.of(new Change(0, new byte[] {1})), null));
            assertTrue(e.getMessage().contains("read-only file system"), e.getMessage());
            assertThrows(InputException.class, () -> InPlaceWriter.checkWritable(target));
            assertFalse(Files.exists(Journal.pathFor(target)));
            assertArrayEquals(old, Files.readAllBytes(target));
        }
    }
}
