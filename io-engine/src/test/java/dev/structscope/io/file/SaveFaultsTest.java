package dev.structscope.io.file;

import dev.structscope.io.testing.Tmpfs;
import dev.structscope.model.doc.LayoutDocument;
import dev.structscope.model.doc.LayoutDocuments;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Saving a layout document onto a file system that really fails, with the old file required to
 * survive byte for byte and no temporary file left behind. The tests run as root, which ignores
 * permission bits, so the failures are made by the kernel in two independent ways:
 * <ul>
 *   <li>a real tmpfs mounted for the test: 64 KiB for "disk full" (ENOSPC), remounted read-only
 *       for "read-only directory" (EROFS) — when this process may mount (CAP_SYS_ADMIN; skipped
 *       with a message otherwise, e.g. in an unprivileged container);</li>
 *   <li>a separate JVM ({@link SaveMain}) under {@code prlimit --fsize} (the kernel refuses writes
 *       past the limit with EFBIG: the disk-full path as the JVM sees it) and under
 *       {@code setpriv} without CAP_DAC_OVERRIDE (root then obeys a mode-555 directory) — these
 *       need no privileges to grant and run wherever util-linux is installed.</li>
 * </ul>
 */
class SaveFaultsTest {
    @TempDir
    Path dir;

    private List<Path> files(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.sorted().toList();
        }
    }

    private static int run(List<String> cmd, StringBuilder output) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "ended: " + cmd);
        output.append(new String(p.getInputStream().readAllBytes()));
        return p.exitValue();
    }

    /** Saves the document "Old" of {@code members} members as {@code file}; returns its bytes, which every fault must leave as they are. */
    private static byte[] saveOld(Path file, int members) throws IOException {
        SaveMain.save(file, SaveMain.doc("Old", members));
        return Files.readAllBytes(file);
    }

    /** The old file is there byte for byte, and nothing beside it in its folder: no temporary file was left. */
    private void assertKept(Path file, byte[] before) throws IOException {
        assertArrayEquals(before, Files.readAllBytes(file));
        assertEquals(List.of(file), files(file.getParent()), "no temporary file left");
    }

    @Test
    void diskFullOnARealTmpfsKeepsTheOldFile() throws Exception {
        try (Tmpfs mnt = Tmpfs.mount(dir.resolve("small"), "64k")) {
            Path file = mnt.path().resolve("layout.json");
            byte[] before = saveOld(file, 10);
            LayoutDocument big = SaveMain.doc("New", 2000);
            assertTrue(LayoutDocuments.toJson(big).length() > 128 * 1024, "the new document does not fit in 64 KiB");
            IOException e = assertThrows(IOException.class, () -> SaveMain.save(file, big));
            assertTrue(String.valueOf(e.getMessage()).contains("No space left on device"), e.toString());
            assertKept(file, before);
            assertEquals(SaveMain.doc("Old", 10), DocumentFiles.read(file));
            // The space of the failed temporary file came back: a save that fits succeeds.
            SaveMain.save(file, SaveMain.doc("Mid", 100));
            assertEquals(SaveMain.doc("Mid", 100), DocumentFiles.read(file));
        }
    }

    @Test
    void readOnlyMountKeepsTheOldFile() throws Exception {
        try (Tmpfs mnt = Tmpfs.mount(dir.resolve("ro"), "256k")) {
            Path file = mnt.path().resolve("layout.json");
            byte[] before = saveOld(file, 3);
            mnt.remountReadOnly();
            IOException e = assertThrows(IOException.class, () -> SaveMain.save(file, SaveMain.doc("New", 3)));
            assertTrue(String.valueOf(e.getMessage()).contains("Read-only file system"), e.toString());
            assertKept(file, before);
        }
    }

    private static List<String> saveMain(Path file, String prefix, int records) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of("-Xshare:auto", "-cp", System.getProperty("java.class.path"), SaveMain.class.getName(),
                file.toString(), prefix, Integer.toString(records)));
        return cmd;
    }

    @Test
    void fileSizeLimitInAnotherJvmKeepsTheOldFile() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/prlimit")), "prlimit (util-linux) is not installed");
        Path file = dir.resolve("layout.json");
        byte[] before = saveOld(file, 10);
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/prlimit", "--fsize=20000"));
        cmd.addAll(saveMain(file, "New", 2000));
        StringBuilder out = new StringBuilder();
        assertEquals(3, run(cmd, out), out.toString());
        assertTrue(out.toString().contains("failed:") && out.toString().contains("File too large"), out.toString());
        assertKept(file, before);
        // The same JVM and document without the limit: saved (the limit was the only fault).
        StringBuilder ok = new StringBuilder();
        assertEquals(0, run(saveMain(file, "New", 2000), ok), ok.toString());
        assertEquals(SaveMain.doc("New", 2000), DocumentFiles.read(file));
    }

    @Test
    void readOnlyDirectoryForRootWithoutDacOverrideKeepsTheOldFile() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "only root needs the capability dropped");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")), "setpriv (util-linux) is not installed");
        Path sub = Files.createDirectory(dir.resolve("locked"));
        Path file = sub.resolve("layout.json");
        byte[] before = saveOld(file, 3);
        Files.setPosixFilePermissions(sub, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            List<String> cmd = new ArrayList<>(List.of("/usr/bin/setpriv", "--bounding-set=-dac_override,-dac_read_search",
                    "--inh-caps=-all"));
            cmd.addAll(saveMain(file, "New", 3));
            StringBuilder out = new StringBuilder();
            assertEquals(3, run(cmd, out), out.toString());
            assertTrue(out.toString().contains("AccessDeniedException"), out.toString());
            assertKept(file, before);
        } finally {
            Files.setPosixFilePermissions(sub, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        // With the capability (plain root), the same save succeeds: the mode bits were the fault.
        StringBuilder ok = new StringBuilder();
        Files.setPosixFilePermissions(sub, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assertEquals(0, run(saveMain(file, "New", 3), ok), ok.toString());
        } finally {
            Files.setPosixFilePermissions(sub, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        assertEquals(SaveMain.doc("New", 3), DocumentFiles.read(file));
    }
}
