package dev.structscope.io.testing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A tmpfs mounted for one test, so that the kernel itself makes a save fail (ENOSPC when full,
 * EROFS once remounted read-only); {@link #close} unmounts it. Where this process may not mount
 * (not root, no CAP_SYS_ADMIN, no mount program) the test is skipped with a message. The test's
 * thread owns it.
 *
 * @param path the folder it is mounted on
 */
public record Tmpfs(Path path) implements AutoCloseable {
    /** Mounts a tmpfs of {@code size} (as {@code mount -o size=} takes it: {@code 64k}, {@code 1m}) on the new folder {@code at}. */
    public static Tmpfs mount(Path at, String size) throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")) && Files.isExecutable(Path.of("/bin/mount")),
                "cannot mount a tmpfs here (needs root with CAP_SYS_ADMIN)");
        Files.createDirectory(at);
        Run r = run("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", at.toString());
        assumeTrue(r.exit() == 0, "cannot mount a tmpfs here (needs root with CAP_SYS_ADMIN): " + r.output());
        return new Tmpfs(at);
    }

    /** Remounts it read-only: from then on every write into it fails with EROFS. */
    public void remountReadOnly() throws Exception {
        run("mount", "-o", "remount,ro", path.toString()).require();
    }

    @Override
    public void close() throws Exception {
        run("umount", path.toString()).require();
    }

    private record Run(List<String> cmd, int exit, String output) {
        void require() {
            assertTrue(exit == 0, String.join(" ", cmd) + ": " + output);
        }
    }

    private static Run run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(20, TimeUnit.SECONDS), "timed out: " + String.join(" ", cmd));
        return new Run(List.of(cmd), p.exitValue(), out);
    }
}
