package dev.structscope.app.hexview;

import dev.structscope.app.fields.Content;
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
 * mapped file. {@link #slice} (the hex view, on the FX thread) goes through the overlay.
 * {@link #content()} — what the decoded tree, the record table and search read, through bounded
 * {@link Window}s — is, by the edits made:
 * <ul>
 *   <li>none: the mapped file itself;</li>
 *   <li>overwrites only (the size and every other byte where they were): a private
 *       copy-on-write mapping of the same file with the changed ranges written into it — the
 *       file is never written, and memory grows with the pages touched, not with the file;</li>
 *   <li>inserts or deletes: the overlay's piece list as it is after the edit (immutable), read
 *       through windows that are views where they lie in one piece and small copies where they
 *       span one — at any file size, memory growing with the edits and the windows only.</li>
 * </ul>
 * A content handed out stays valid and unchanged for its reader (workers may hold one while the
 * FX thread edits: overwrites land in the private mapping, so a worker may see a byte typed
 * meanwhile, never a torn piece table). Owned by {@link DataEdits}; slices and edits on the FX
 * thread; {@link #content()} results may be read on any thread.
 */
public final class EditedSource extends DataSource.Forwarding implements Content.Versioned {
    private final EditOverlay overlay;
    private final Path path;
    private Arena arena;
    private MemorySegment privateMap;
    /** Ranges written into the private mapping since it was made (restored from the base when undone). */
    private final List<EditOverlay.Range> written = new ArrayList<>();
    private Content content;
    private InputException contentError;
    /** No edits at the last {@link #edited()}: the content is the base's. */
    private boolean pristine = true;

    /** Opened off the FX thread for the private mapping (null: none); closed with this source. */
    private final FileChannel channel;

    /**
     * {@code path}: the file behind {@code overlay}'s base; {@code channel}: that file opened for
     * reading and writing, which the private mapping is made from (null: no private mapping).
     */
    EditedSource(EditOverlay overlay, Path path, FileChannel channel) {
        super(overlay);
        this.overlay = overlay;
        this.path = path;
        this.channel = channel;
    }

    public EditOverlay overlay() {
        return overlay;
    }

    /**
     * Called on the FX thread after every edit, undo and redo: works out the content the readers
     * read next (so that workers calling {@link #content()} never walk the piece table).
     */
    synchronized void edited() {
        content = null;
        contentError = null;
        pristine = !overlay.modified() && written.isEmpty();
        if (pristine) {
            return; // the base's own segment, taken when first asked for: nothing is read before
        }
        try {
            content = compute();
        } catch (InputException e) {
            contentError = e;
        }
    }

    /**
     * The whole content as one segment: the mapping while only overwritten; after an insert or
     * delete a copy, refused past {@link Content#MAX_COPY} (readers use {@link #content()}'s windows).
     */
    @Override
    public MemorySegment segment() {
        return content().window(0, size()).segment();
    }

    @Override
    public synchronized Content content() {
        if (contentError != null) {
            throw contentError;
        }
        if (content == null) {
            // Unedited (or not yet told of an edit): the base itself, without walking the pieces.
            content = pristine ? Content.whole(this, overlay.base().segment()) : compute();
        }
        return content;
    }

    private Content compute() {
        if (!overlay.modified() && written.isEmpty()) {
            return Content.whole(this, overlay.base().segment());
        }
        if (overlay.inPlace() && channel != null) {
            return Content.whole(this, privateSegment());
        }
        if (!overlay.modified()) {
            return Content.whole(this, overlay.base().segment());
        }
        return Content.pieces(this, overlay.content());
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

    /** Closes the overlay and the private mapping; the base stays open (its opener closes it). */
    @Override
    public synchronized void close() {
        super.close(); // the overlay
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
        content = null;
        contentError = null;
    }
}
