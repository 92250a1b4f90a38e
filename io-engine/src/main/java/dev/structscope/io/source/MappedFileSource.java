package dev.structscope.io.source;

import dev.structscope.model.InputException;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * A whole file mapped read-only into native memory, any size (far past 2 GiB: one segment, long
 * offsets). One shared arena owns the mapping and is closed with the source, which unmaps it;
 * views handed out before then become inaccessible (reads raise {@link IllegalStateException})
 * rather than touching unmapped memory.
 *
 * <p>Why shared: the GUI decodes on a background thread and bulk {@code stats} reads from a
 * fork-join pool, so views must be readable from any thread. Owned by whoever opened it.
 */
public final class MappedFileSource extends ArenaSource {
    private final Path path;
    private final FileChannel channel;

    private MappedFileSource(Path path, FileChannel channel, Arena arena, MemorySegment mapped) {
        super(path.toString(), arena, mapped);
        this.path = path;
        this.channel = channel;
    }

    /**
     * Maps a regular, readable file (an empty one too). Anything else (missing, a directory, a
     * FIFO or device such as {@code /dev/zero}, unreadable) raises an {@link InputException} that
     * names the path.
     */
    public static MappedFileSource open(Path path) {
        String where = path.toString();
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new InputException(where, "no such file");
        } catch (IOException e) {
            throw new InputException(where, "cannot read file attributes: " + e.getMessage());
        }
        if (attrs.isDirectory()) {
            throw new InputException(where, "is a directory, not a data file");
        }
        if (!attrs.isRegularFile()) {
            // FIFOs, sockets and devices have no fixed size to map (and /dev/zero never ends).
            throw new InputException(where, "is not a regular file (a device, FIFO or socket); "
                    + "copy the bytes into a file first");
        }
        FileChannel ch;
        try {
            ch = FileChannel.open(path, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
        } catch (AccessDeniedException e) {
            throw new InputException(where, "cannot be read (permission denied)");
        } catch (IOException e) {
            // NOFOLLOW_LINKS refuses symlinks on some systems; the attributes above followed them.
            try {
                ch = FileChannel.open(path.toRealPath(), StandardOpenOption.READ);
            } catch (AccessDeniedException e2) {
                throw new InputException(where, "cannot be read (permission denied)");
            } catch (IOException e2) {
                throw new InputException(where, "cannot be opened: " + e2.getMessage());
            }
        }
        Arena arena = Arena.ofShared();
        try {
            long size = ch.size();
            // An empty file is data with no records (a log that has none yet): every command
            // reads it as such, and the window shows it empty. Mapping 0 bytes maps nothing.
            MemorySegment seg = ch.map(FileChannel.MapMode.READ_ONLY, 0, size, arena);
            return new MappedFileSource(path, ch, arena, seg);
        } catch (IOException e) {
            arena.close();
            closeQuietly(ch);
            throw new InputException(where, "cannot be mapped: " + e.getMessage());
        } catch (RuntimeException e) {
            arena.close();
            closeQuietly(ch);
            throw e;
        }
    }

    public Path path() {
        return path;
    }

    @Override
    public void checkUnchanged() {
        long size = size();
        long now;
        try {
            now = channel.size();
        } catch (IOException e) {
            throw new InputException(name(), "cannot check the file's size: " + e.getMessage());
        }
        if (now != size) {
            throw new InputException(name(), "file changed size on disk: was " + size + ", now " + now);
        }
    }

    @Override
    void released() {
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel ch) {
        try {
            ch.close();
        } catch (IOException ignored) {
            // Nothing to do: the mapping is already released and the channel was read-only.
        }
    }
}
