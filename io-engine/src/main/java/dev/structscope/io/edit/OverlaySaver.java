package dev.structscope.io.edit;

import dev.structscope.io.write.Change;
import dev.structscope.io.write.Expected;
import dev.structscope.io.write.InPlaceWriter;
import dev.structscope.model.InputException;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Writes an {@link EditOverlay}'s content to a file so that nothing can be lost on the way:
 * <ul>
 *   <li>Same file, same size, at most {@link #IN_PLACE_MAX} changed bytes: only the changed
 *       ranges, through the journaled {@link InPlaceWriter} (journal synced first, then the ranges
 *       in order, sync, journal deleted).</li>
 *   <li>Otherwise (size changed, many bytes moved, or another target: Save As): the content is
 *       streamed piece by piece, in chunks, to a temporary file beside the target, synced, and
 *       renamed over the target atomically; a failure (a full disk) or a cancel deletes the
 *       temporary file and leaves the target as it was. The file is never read into the heap.</li>
 * </ul>
 * After a save the overlay still describes the old base: the owner reopens the file (a mapped
 * base of a renamed-over file keeps showing the old inode). Stateless; run it off the FX thread.
 */
public final class OverlaySaver {
    /** Most bytes an in-place save journals and holds in memory; more goes the streamed way. */
    public static final long IN_PLACE_MAX = 64L << 20;
    private static final long CHUNK = 1 << 20;

    /** Told how far a streamed save is: bytes written of the total. Called on the saving thread. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (done, total) -> { };

        void update(long done, long total);
    }

    private OverlaySaver() {
    }

    /**
     * Saves {@code overlay} to {@code target}. {@code expected}: the target as it was when opened
     * (null to skip the check, as for a new Save As target); a target changed since is refused.
     */
    public static void save(EditOverlay overlay, Path target, Expected expected, Progress progress, BooleanSupplier cancelled) {
        boolean sameFile = isBase(overlay, target);
        if (Files.exists(target)) {
            InPlaceWriter.checkWritable(target);
            if (expected != null) {
                expected.check(target); // before reading the base: a truncated mapped file would fault
            }
        }
        if (sameFile) {
            List<Change> changes = overlay.sameSizeChanges(IN_PLACE_MAX);
            if (changes != null) {
                InPlaceWriter.write(target, changes, expected);
                progress.update(overlay.size(), overlay.size());
                return;
            }
        }
        stream(overlay, target, expected, progress, cancelled);
    }

    private static boolean isBase(EditOverlay overlay, Path target) {
        try {
            return Files.exists(target) && Files.isSameFile(Path.of(overlay.base().name()), target);
        } catch (IOException | java.nio.file.InvalidPathException e) {
            return false;
        }
    }

    private static void stream(EditOverlay overlay, Path target, Expected expected, Progress progress, BooleanSupplier cancelled) {
        Path abs;
        try {
            abs = dev.structscope.io.file.AtomicFile.destination(target); // a link keeps its place: its file is replaced
        } catch (IOException e) {
            throw new InputException(target.toString(), "cannot follow its link: " + e.getMessage() + "; nothing was saved", e);
        }
        Path dir = abs.getParent();
        if (!Files.isWritable(dir)) {
            throw new InputException(dir.toString(), "the folder cannot be written; nothing was saved");
        }
        Path tmp;
        try {
            tmp = dev.structscope.io.file.AtomicFile.sibling(abs, ".structscope-save");
        } catch (IOException e) {
            throw new InputException(dir.toString(), "cannot create a file to save into: " + e.getMessage(), e);
        }
        boolean done = false;
        try {
            long total = overlay.size();
            try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                long pos = 0;
                while (pos < total) {
                    if (cancelled.getAsBoolean()) {
                        throw new CancellationException("save cancelled; " + target + " is unchanged");
                    }
                    long n = Math.min(CHUNK, total - pos);
                    // A chunk is a view where it lies in one piece, else a copy of at most CHUNK bytes.
                    java.nio.ByteBuffer b = overlay.slice(pos, n).asByteBuffer();
                    while (b.hasRemaining()) {
                        out.write(b, pos + b.position());
                    }
                    pos += n;
                    progress.update(pos, total);
                }
                out.force(true);
            }
            if (Files.exists(target)) {
                copyPermissions(target, tmp);
                if (expected != null) {
                    expected.check(target); // again: someone may have written while we streamed
                }
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new InputException(target.toString(), "cannot be replaced atomically on this file system; nothing was saved", e);
            }
            done = true;
            syncDirectory(dir);
        } catch (IOException e) {
            throw new InputException(target.toString(), "saving failed: " + e.getMessage() + "; the file is unchanged", e);
        } catch (InternalError e) {
            // A page of the mapped base faulted (SIGBUS): the file was cut short under us.
            overlay.checkUnchanged();
            throw new InputException(target.toString(), "reading the opened file failed (" + e.getMessage()
                    + "); was it changed on disk? Nothing was saved", e);
        } finally {
            if (!done) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the temporary file is named as ours; the target is intact either way
                }
            }
        }
    }

    private static void copyPermissions(Path from, Path to) {
        try {
            Files.setPosixFilePermissions(to, Files.getPosixFilePermissions(from));
        } catch (IOException | UnsupportedOperationException e) {
            // not POSIX, or not ours to set: the new file keeps the default mode
        }
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // best effort, as in the journal
        }
    }
}
