package dev.structscope.io.file;

import dev.structscope.model.InputException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The one way the product replaces a whole file it writes (layout documents, C headers and other
 * exports, plot images): the bytes go to a temporary file in the same directory, are forced to
 * disk, and the temporary file is renamed over the target in one step. On any failure the old
 * file is untouched and the temporary file is removed. Stateless; blocking I/O on the calling
 * thread (never the FX thread).
 *
 * <p>A name given as a symbolic link keeps its link: the file the link leads to is replaced
 * ({@link #destination}). A name that is neither a regular file nor a directory — a FIFO, a
 * terminal, {@code /dev/null}, {@code /dev/stdout} — is written through, in order, as any program
 * writing to it would ({@link #isSpecial}): renaming a file over it would take its place.
 */
public final class AtomicFile {
    private AtomicFile() {
    }

    /**
     * Refuses, before any work is done, a file that could not be written: its directory missing
     * or not writable, or the name taken by a directory. Commands check their output options
     * with it as they start, so that a long run does not end in a failure to write, and the
     * message names the option ({@code where}, e.g. {@code "-o out.parquet"}) rather than a
     * temporary file. What it cannot foresee (a full disk) still fails the write itself.
     */
    public static void checkTarget(Path file, String where) {
        if (isSpecial(file)) {
            if (!Files.isWritable(file)) {
                throw new InputException(where, "cannot be written");
            }
            return;
        }
        Path target;
        try {
            target = destination(file);
        } catch (IOException e) {
            throw new InputException(where, "cannot follow its link: " + e.getMessage(), e);
        }
        Path dir = target.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new InputException(where, "the directory " + dir + " does not exist");
        }
        if (Files.isDirectory(target)) {
            throw new InputException(where, "is a directory");
        }
        if (!Files.isWritable(dir)) {
            throw new InputException(where, "cannot write in " + dir);
        }
    }

    /** Replaces {@code file}'s contents with {@code text} in UTF-8. */
    public static void writeText(Path file, String text) throws IOException {
        write(file, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Replaces {@code file}'s contents with {@code bytes}. */
    public static void write(Path file, byte[] bytes) throws IOException {
        write(file, bytes, Hook.NONE);
    }

    /** A test seam: runs after the temporary file is written, before the rename. */
    interface Hook {
        Hook NONE = tmp -> {
        };

        void beforeMove(Path tmp) throws IOException;
    }

    static void write(Path file, byte[] bytes, Hook hook) throws IOException {
        if (isSpecial(file)) {
            try (var out = Files.newOutputStream(file, StandardOpenOption.WRITE)) {
                out.write(bytes);
            }
            return;
        }
        Path target = destination(file);
        Path dir = target.getParent();
        Path tmp = sibling(target, ".tmp");
        boolean moved = false;
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            hook.beforeMove(tmp);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            moved = true;
            syncDirectory(dir);
        } finally {
            if (!moved) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    /**
     * Whether {@code file} exists (its links followed) and is neither a regular file nor a
     * directory: a FIFO, a device or a terminal ({@code /dev/stdout} leads to one of those, or to
     * the regular file the shell redirected it to). Such a file is written through, not replaced.
     */
    public static boolean isSpecial(Path file) {
        return Files.exists(file) && !Files.isRegularFile(file) && !Files.isDirectory(file);
    }

    /**
     * The file a write to {@code file} replaces, as an absolute path: {@code file} itself, or,
     * when it is a symbolic link, the file its links lead to (which need not exist yet: a link
     * to a file still to be made).
     */
    public static Path destination(Path file) throws IOException {
        Path p = file.toAbsolutePath();
        for (int hops = 0; Files.isSymbolicLink(p); hops++) {
            if (hops == 40) { // as the kernel's own limit (ELOOP)
                throw new IOException(file + ": too many levels of symbolic links");
            }
            p = p.resolveSibling(Files.readSymbolicLink(p)).normalize();
        }
        if (!p.equals(file.toAbsolutePath()) && Files.exists(p)) {
            p = p.toRealPath(); // the directories on the way may be links too
        }
        return p;
    }

    /**
     * Puts what {@code part} holds at {@code file} and removes {@code part}: renamed over
     * {@link #destination} (atomically where the file system can), or, for a {@link #isSpecial}
     * file, copied into it. For writers that stream a large output into a file of their own first.
     */
    public static void install(Path part, Path file) throws IOException {
        if (isSpecial(file)) {
            try (var out = Files.newOutputStream(file, StandardOpenOption.WRITE)) {
                Files.copy(part, out);
            }
            Files.delete(part);
            return;
        }
        Path target = destination(file);
        try {
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (java.nio.file.AtomicMoveNotSupportedException e) {
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
        }
        syncDirectory(target.getParent());
    }

    /**
     * A new empty file beside {@code target} (hidden, a random name ending in {@code suffix}) to
     * write its next contents into before the rename: with the permissions {@code target} has,
     * or, for a new target, those any new file gets (the umask's). A temporary file's own 0600
     * used to replace a 0644 header or data file with one only its owner could read.
     */
    public static Path sibling(Path target, String suffix) throws IOException {
        Path abs = target.toAbsolutePath();
        for (int attempt = 0; ; attempt++) {
            Path tmp = abs.resolveSibling("." + abs.getFileName() + "."
                    + Long.toUnsignedString(java.util.concurrent.ThreadLocalRandom.current().nextLong(), 36) + suffix);
            try {
                Files.createFile(tmp);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                if (attempt < 16) {
                    continue;
                }
                throw e;
            }
            try {
                if (Files.exists(abs) && abs.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                    Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(abs));
                }
            } catch (IOException | UnsupportedOperationException e) {
                // The contents are what matter; the file keeps a new file's permissions.
            }
            return tmp;
        }
    }

    /** Makes the rename itself durable; not every platform can open a directory, hence best effort. */
    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // The data is safely in the file; only the directory entry's durability is unknown.
        }
    }
}
