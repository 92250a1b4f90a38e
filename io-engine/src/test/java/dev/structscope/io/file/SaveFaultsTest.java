package dev.structscope.io.file;

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

    /** Mounts a tmpfs of {@code kib} KiB on {@code at}; false when this process may not mount. */
    private static boolean mountTmpfs(Path at, int kib) throws Exception {
        if (!"root".equals(System.getProperty("user.name")) || !Files.isExecutable(Path.of("/bin/mount"))) {
            return false;
        }
        return run(List.of("mount", "-t", "tmpfs", "-o", "size=" + kib + "k", "tmpfs", at.toString()), new StringBuilder()) == 0;
    }

    private static void unmount(Path at) throws Exception {
        StringBuilder out = new StringBuilder();
        assertEquals(0, run(List.of("umount", at.toString()), out), out.toString());
    }

    @Test
    void diskFullOnARealTmpfsKeepsTheOldFile() throws Exception {
        Path mnt = Files.createDirectory(dir.resolve("small"));
        assumeTrue(mountTmpfs(mnt, 64), "cannot mount a tmpfs here (needs root with CAP_SYS_ADMIN)");
        try {
            Path file = mnt.resolve("layout.json");
            SaveMain.save(file, SaveMain.doc("Old", 10));
            byte[] before = Files.readAllBytes(file);
            LayoutDocument big = SaveMain.doc("New", 2000);
            assertTrue(LayoutDocuments.toJson(big).length() > 128 * 1024, "the new document does not fit in 64 KiB");
            IOException e = assertThrows(IOException.class, () -> SaveMain.save(file, big));
            assertTrue(String.valueOf(e.getMessage()).contains("No space left on device"), e.toString());
            assertArrayEquals(before, Files.readAllBytes(file));
            assertEquals(SaveMain.doc("Old", 10), DocumentFiles.read(file));
            assertEquals(List.of(file), files(mnt), "no temporary file left");
            // The space of the failed temporary file came back: a save that fits succeeds.
            SaveMain.save(file, SaveMain.doc("Mid", 100));
            assertEquals(SaveMain.doc("Mid", 100), DocumentFiles.read(file));
        } finally {
            unmount(mnt);
        }
    }

    @Test
    void readOnlyMountKeepsTheOldFile() throws Exception {
        Path mnt = Files.createDirectory(dir.resolve("ro"));
        assumeTrue(mountTmpfs(mnt, 256), "cannot mount a tmpfs here (needs root with CAP_SYS_ADMIN)");
        try {
            Path file = mnt.resolve("layout.json");
            SaveMain.save(file, SaveMain.doc("Old", 3));
            byte[] before = Files.readAllBytes(file);
            StringBuilder out = new StringBuilder();
            assertEquals(0, run(List.of("mount", "-o", "remount,ro", mnt.toString()), out), out.toString());
            IOException e = assertThrows(IOException.class, () -> SaveMain.save(file, SaveMain.doc("New", 3)));
            assertTrue(String.valueOf(e.getMessage()).contains("Read-only file system"), e.toString());
            assertArrayEquals(before, Files.readAllBytes(file));
            assertEquals(List.of(file), files(mnt));
        } finally {
            unmount(mnt);
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
        SaveMain.save(file, SaveMain.doc("Old", 10));
        byte[] before = Files.readAllBytes(file);
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/prlimit", "--fsize=20000"));
        cmd.addAll(saveMain(file, "New", 2000));
        StringBuilder out = new StringBuilder();
        assertEquals(3, run(cmd, out), out.toString());
        assertTrue(out.toString().contains("failed:") && out.toString().contains("File too large"), out.toString());
        assertArrayEquals(before, Files.readAllBytes(file));
        assertEquals(List.of(file), files(dir), "no temporary file left");
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
        SaveMain.save(file, SaveMain.doc("Old", 3));
        byte[] before = Files.readAllBytes(file);
        Files.setPosixFilePermissions(sub, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            List<String> cmd = new ArrayList<>(List.of("/usr/bin/setpriv", "--bounding-set=-dac_override,-dac_read_search",
                    "--inh-caps=-all"));
            cmd.addAll(saveMain(file, "New", 3));
            StringBuilder out = new StringBuilder();
            assertEquals(3, run(cmd, out), out.toString());
            assertTrue(out.toString().contains("AccessDeniedException"), out.toString());
            assertArrayEquals(before, Files.readAllBytes(file));
            assertEquals(List.of(file), files(sub));
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
