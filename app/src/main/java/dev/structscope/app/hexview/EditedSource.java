package dev.structscope.app.hexview;

import dev.structscope.io.edit.EditOverlay;
import dev.structscope.io.source.DataSource;
import dev.structscope.model.InputException;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The data file as the views read it while it is being edited: an {@link EditOverlay} over the
 * mapped file. {@link #slice} goes through the overlay (a view where a range lies in one piece).
 * {@link #segment()} — what the decoders, the record table and search read with file offsets —
 * is, by the edits made:
 * <ul>
 *   <li>none: the mapped file itself;</li>
 *   <li>overwrites only (the size and every other byte where they were): a private
 *       copy-on-write mapping of the same file with the changed ranges written into it — the
 *       file is never written, and memory grows with the pages touched, not with the file;</li>
 *   <li>inserts or deletes: a heap copy of the content when it is at most {@link #COPY_MAX}
 *       bytes, else an {@link InputException} saying to save first (the hex view, which reads
 *       slices, keeps working at any size).</li>
 * </ul>
 * A segment handed out stays valid and unchanged for its reader (workers may hold one while the
 * FX thread edits: overwrites land in the private mapping, so a worker may see a byte typed
 * meanwhile, never a torn piece table). Owned by {@link DataEdits}; slices and edits on the FX
 * thread; {@link #segment()} results may be read on any thread.
 */
public final class EditedSource implements DataSource {
    /** Most bytes copied to give decoders one segment after an insert or delete. */
    public static final long COPY_MAX = 64L << 20;

    private final EditOverlay overlay;
    private final Path path;
    private Arena arena;
    private MemorySegment privateMap;
    /** Ranges written into the private mapping since it was made (restored from the base when undone). */
    private final List<EditOverlay.Range> written = new ArrayList<>();
    private MemorySegment segment;
    private InputException segmentError;
    /** No edits at the last {@link #edited()}: the segment is the base's. */
    private boolean pristine = true;

    /** Opened off the FX thread for the private mapping (null: none); closed with this source. */
    private final FileChannel channel;

    /**
     * {@code path}: the file behind {@code overlay}'s base; {@code channel}: that file opened for
     * reading and writing, which the private mapping is made from (null: no private mapping).
     */
    EditedSource(EditOverlay overlay, Path path, FileChannel channel) {
        this.overlay = overlay;
        this.path = path;
        this.channel = channel;
    }

    public EditOverlay overlay() {
        return overlay;
    }

    /**
     * Called on the FX thread after every edit, undo and redo: works out the segment the
     * decoders read next (so that workers calling {@link #segment()} never walk the piece table).
     */
    synchronized void edited() {
        segment = null;
        segmentError = null;
        pristine = !overlay.modified() && written.isEmpty();
        if (pristine) {
            return; // the base's own segment, taken when first asked for: nothing is read before
        }
        try {
            segment = compute();
        } catch (InputException e) {
            segmentError = e;
        }
    }

    @Override
    public String name() {
        return overlay.name();
    }

    @Override
    public long size() {
        return overlay.size();
    }

    @Override
    public MemorySegment slice(long offset, long length) {
        return overlay.slice(offset, length);
    }

    @Override
    public synchronized MemorySegment segment() {
        if (segmentError != null) {
            throw segmentError;
        }
        if (segment == null) {
            // Unedited (or not yet told of an edit): the base itself, without walking the pieces.
            segment = pristine ? overlay.base().segment() : compute();
        }
        return segment;
    }

    private MemorySegment compute() {
        if (!overlay.modified() && written.isEmpty()) {
            return overlay.base().segment();
        }
        if (overlay.inPlace() && channel != null) {
            return privateSegment();
        }
        if (!overlay.modified()) {
            return overlay.base().segment();
        }
        if (overlay.size() > COPY_MAX) {
            throw new InputException(overlay.name(), "bytes were inserted or deleted in a file over "
                    + (COPY_MAX >> 20) + " MiB: save (or Save As) to decode it again; the hex view shows the edits");
        }
        byte[] copy = new byte[(int) overlay.size()];
        MemorySegment dst = MemorySegment.ofArray(copy);
        long chunk = 1 << 20;
        for (long at = 0; at < copy.length; at += chunk) {
            long n = Math.min(chunk, copy.length - at);
            dst.asSlice(at, n).copyFrom(overlay.slice(at, n));
        }
        return dst.asReadOnly();
    }

    /** The private mapping, brought up to date: old edits restored from the base, current ones written. */
    private MemorySegment privateSegment() {
        if (privateMap == null) {
            arena = Arena.ofShared();
            try {
                privateMap = channel.map(FileChannel.MapMode.PRIVATE, 0, overlay.base().size(), arena);
            } catch (IOException e) {
                arena.close();
                arena = null;
                throw new InputException(path.toString(), "cannot map it to show the edits: " + e.getMessage(), e);
            }
        }
        for (EditOverlay.Range r : written) {
            privateMap.asSlice(r.offset(), r.length()).copyFrom(overlay.base().slice(r.offset(), r.length()));
        }
        written.clear();
        for (EditOverlay.Range r : overlay.addedRanges(0, overlay.size())) {
            privateMap.asSlice(r.offset(), r.length()).copyFrom(overlay.slice(r.offset(), r.length()));
            written.add(r);
        }
        return privateMap.asReadOnly();
    }

    @Override
    public void checkUnchanged() {
        overlay.checkUnchanged();
    }

    /** Closes the overlay and the private mapping; the base stays open (its opener closes it). */
    @Override
    public synchronized void close() {
        overlay.close();
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // the mapping, if any, stays valid until its arena closes below
            }
        }
        if (arena != null) {
            arena.close();
            arena = null;
            privateMap = null;
        }
        segment = null;
        segmentError = null;
    }
}
