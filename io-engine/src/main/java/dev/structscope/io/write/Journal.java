package dev.structscope.io.write;

import dev.structscope.model.InputException;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * The record of an in-place write in progress, kept in a file beside the target
 * ({@code .NAME.structscope-journal}): the target's path and size, and for every changed range its
 * offset, the bytes it held before and the bytes being written. {@link InPlaceWriter} writes and
 * syncs it before touching the target and deletes it once the target is synced; one found later
 * means a write was interrupted, and it can be rolled back (old bytes restored) or finished (new
 * bytes written). A journal whose checksum does not match was cut short while being written, before
 * the target was touched: it is {@linkplain #complete() incomplete} and rolling it back only
 * deletes it.
 *
 * <p>Immutable once read; its methods do file I/O and belong on a worker thread (or the CLI's).
 *
 * @param file       the journal file
 * @param target     the file being written in place
 * @param targetSize the target's size when it was journaled (an in-place write keeps it); -1 when incomplete
 * @param entries    the journaled ranges (empty when incomplete)
 * @param complete   whether the journal was written whole (otherwise the target was never touched)
 */
public record Journal(Path file, Path target, long targetSize, List<Entry> entries, boolean complete) {
    private static final byte[] MAGIC = "STRUCTSCOPE-JOURNAL-1\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    /** Most ranges or bytes a journal may claim: a damaged file must not make us allocate without bound. */
    private static final long MAX_BYTES = 1L << 30;

    /** One journaled range: what was there and what is being written. */
    public record Entry(long offset, byte[] before, byte[] after) {
    }

    public Journal {
        entries = List.copyOf(entries);
    }

    /** Where the journal of {@code target} lives. */
    public static Path pathFor(Path target) {
        Path abs = target.toAbsolutePath();
        return abs.resolveSibling("." + abs.getFileName() + ".structscope-journal");
    }

    /** The journal left beside {@code target} by an interrupted write, if any. */
    public static Optional<Journal> find(Path target) {
        Path file = pathFor(target);
        byte[] all;
        try {
            if (Files.size(file) > MAX_BYTES) {
                return Optional.of(new Journal(file, target, -1, List.of(), false));
            }
            all = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new InputException(file.toString(), "cannot read the journal: " + e.getMessage(), e);
        }
        return Optional.of(parse(file, target, all));
    }

    private static Journal parse(Path file, Path target, byte[] all) {
        Journal incomplete = new Journal(file, target, -1, List.of(), false);
        if (all.length < MAGIC.length + 8) {
            return incomplete;
        }
        CRC32 crc = new CRC32();
        crc.update(all, 0, all.length - 8);
        if (crc.getValue() != ByteBuffer.wrap(all, all.length - 8, 8).getLong()) {
            return incomplete;
        }
        try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(all, 0, all.length - 8))) {
            byte[] magic = in.readNBytes(MAGIC.length);
            if (!java.util.Arrays.equals(magic, MAGIC)) {
                return incomplete;
            }
            in.readUTF(); // the target's path when written: for people reading the file
            long size = in.readLong();
            int count = in.readInt();
            List<Entry> entries = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                long offset = in.readLong();
                int len = in.readInt();
                if (len < 0 || len > all.length) {
                    return incomplete;
                }
                entries.add(new Entry(offset, in.readNBytes(len), in.readNBytes(len)));
            }
            return new Journal(file, target, size, entries, true);
        } catch (IOException e) {
            return incomplete;
        }
    }

    /** Writes the journal of a write of {@code entries} into {@code target}, synced to disk with its directory. */
    static Journal create(Path target, long targetSize, List<Entry> entries) throws IOException {
        Path file = pathFor(target);
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(buf)) {
            out.write(MAGIC);
            out.writeUTF(target.toAbsolutePath().toString());
            out.writeLong(targetSize);
            out.writeInt(entries.size());
            for (Entry e : entries) {
                out.writeLong(e.offset());
                out.writeInt(e.before().length);
                out.write(e.before());
                out.write(e.after());
            }
        }
        CRC32 crc = new CRC32();
        byte[] body = buf.toByteArray();
        crc.update(body);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            try {
                writeFully(ch, ByteBuffer.wrap(body), 0);
                writeFully(ch, ByteBuffer.allocate(8).putLong(0, crc.getValue()), body.length);
                ch.force(true);
            } catch (IOException e) {
                // A full disk while journaling: the target is untouched, so no journal may stay behind.
                Files.deleteIfExists(file);
                throw e;
            }
        }
        syncDirectory(file.getParent());
        return new Journal(file, target, targetSize, entries, true);
    }

    /** Restores the bytes the interrupted write replaced, syncs, and deletes the journal. */
    public void rollBack() {
        replay(true);
    }

    /** Writes the rest of the interrupted write (all its new bytes), syncs, and deletes the journal. */
    public void finish() {
        replay(false);
    }

    private void replay(boolean back) {
        try {
            if (complete) {
                if (Files.size(target) != targetSize) {
                    throw new InputException(target.toString(), "the journal " + file + " is for a file of "
                            + targetSize + " bytes, but it now has " + Files.size(target) + "; left as it is");
                }
                try (FileChannel ch = FileChannel.open(target, StandardOpenOption.WRITE)) {
                    for (Entry e : entries) {
                        writeFully(ch, ByteBuffer.wrap(back ? e.before() : e.after()), e.offset());
                    }
                    ch.force(true);
                }
            }
            delete();
        } catch (IOException e) {
            throw new InputException(target.toString(), (back ? "rolling back" : "finishing")
                    + " the interrupted write failed: " + e.getMessage(), e);
        }
    }

    /** Deletes the journal (after the target is synced), with its directory entry synced. */
    void delete() throws IOException {
        Files.deleteIfExists(file);
        syncDirectory(file.getParent());
    }

    static void writeFully(FileChannel ch, ByteBuffer b, long at) throws IOException {
        long pos = at;
        while (b.hasRemaining()) {
            pos += ch.write(b, pos);
        }
    }

    /** Makes a created, renamed or deleted directory entry durable (Linux; elsewhere best effort). */
    static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Some systems cannot open a directory for syncing; the data itself was synced.
        }
    }
}
