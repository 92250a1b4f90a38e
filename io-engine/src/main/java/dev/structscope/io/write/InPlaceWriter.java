package dev.structscope.io.write;

import dev.structscope.model.InputException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Overwrites ranges of a file in place, keeping its size, so that a crash or kill at any moment
 * leaves the old content or a {@link Journal} that restores it: the bytes about to be overwritten
 * (and the new ones) go to the journal beside the target, which is synced first; then the changes
 * are written in order and synced; then the journal is deleted. Everything that can be checked is
 * checked before anything is written: the file is writable and not on a read-only file system, no
 * journal of an earlier interrupted write is present, the file is as the caller last saw it
 * ({@link Expected}), every range lies inside it.
 *
 * <p>Used by the CLI's {@code patch} and by {@link dev.structscope.io.edit.EditOverlay#save} for a same-size save. Stateless;
 * call it off the FX thread.
 */
public final class InPlaceWriter {
    /** Called between steps; tests stop or kill the process there to check recovery. */
    public interface Hook {
        Hook NONE = new Hook() {
        };

        default void journalWritten(Journal journal) {
        }

        default void changeWritten(int index) {
        }
    }

    private InPlaceWriter() {
    }

    /** Writes {@code changes} into {@code target}; {@code expected} may be null (no check). */
    public static void write(Path target, List<Change> changes, Expected expected) {
        write(target, changes, expected, Hook.NONE);
    }

    public static void write(Path target, List<Change> changes, Expected expected, Hook hook) {
        checkWritable(target);
        Path journalFile = Journal.pathFor(target);
        if (Files.exists(journalFile)) {
            throw new InputException(target.toString(), "a journal of an interrupted write is present ("
                    + journalFile + "); roll it back or finish it first");
        }
        if (expected != null) {
            expected.check(target);
        }
        if (changes.isEmpty()) {
            return;
        }
        try (FileChannel ch = FileChannel.open(target, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = ch.size();
            List<Journal.Entry> entries = new ArrayList<>();
            for (Change c : changes) {
                if (c.offset() + c.length() > size) {
                    throw new InputException(target + ": byte offset " + c.offset(), c.length()
                            + " bytes do not fit in the file (" + size + " bytes); the size is kept");
                }
                ByteBuffer old = ByteBuffer.allocate(c.length());
                while (old.hasRemaining()) {
                    if (ch.read(old, c.offset() + old.position()) < 0) {
                        throw new InputException(target.toString(), "file ended while reading it (changed on disk?)");
                    }
                }
                entries.add(new Journal.Entry(c.offset(), old.array(), c.bytes()));
            }
            Journal journal = Journal.create(target, size, entries);
            hook.journalWritten(journal);
            for (int i = 0; i < entries.size(); i++) {
                Journal.Entry e = entries.get(i);
                Journal.writeFully(ch, ByteBuffer.wrap(e.after()), e.offset());
                hook.changeWritten(i);
            }
            ch.force(true);
            journal.delete();
        } catch (AccessDeniedException e) {
            throw new InputException(target.toString(), "cannot be written (permission denied)", e);
        } catch (IOException e) {
            throw new InputException(target.toString(), "writing failed: " + e.getMessage()
                    + (Files.exists(journalFile) ? "; the journal " + journalFile + " can restore the old bytes" : ""), e);
        }
    }

    /**
     * Raises an {@link InputException} unless {@code target} is a regular file this process may
     * write on a file system mounted read-write: said before any edit is accepted or byte written.
     */
    public static void checkWritable(Path target) {
        if (!Files.exists(target)) {
            throw new InputException(target.toString(), "no such file");
        }
        if (!Files.isRegularFile(target)) {
            throw new InputException(target.toString(), "not a regular file; only files can be written");
        }
        try {
            if (Files.getFileStore(target).isReadOnly()) {
                throw new InputException(target.toString(), "is on a read-only file system; nothing was written");
            }
        } catch (IOException e) {
            throw new InputException(target.toString(), "cannot inspect its file system: " + e.getMessage(), e);
        }
        if (!Files.isWritable(target)) {
            throw new InputException(target.toString(), "is read-only (no write permission); nothing was written");
        }
        // Root may write anything, so the access check above passes for a file marked read-only
        // (chmod a-w): its mode says what its owner meant, and it is respected for everyone.
        try {
            if (Files.getFileAttributeView(target, java.nio.file.attribute.PosixFileAttributeView.class) != null
                    && java.util.Collections.disjoint(Files.getPosixFilePermissions(target), java.util.EnumSet.of(
                    java.nio.file.attribute.PosixFilePermission.OWNER_WRITE, java.nio.file.attribute.PosixFilePermission.GROUP_WRITE,
                    java.nio.file.attribute.PosixFilePermission.OTHERS_WRITE))) {
                throw new InputException(target.toString(), "is marked read-only (no write permission for anyone; "
                        + "chmod u+w to allow it); nothing was written");
            }
        } catch (IOException e) {
            throw new InputException(target.toString(), "cannot read its permissions: " + e.getMessage(), e);
        }
    }
}
