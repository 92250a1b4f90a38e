package dev.structscope.io.edit;

import dev.structscope.io.source.DataSource;
import dev.structscope.model.InputException;

import java.lang.foreign.MemorySegment;
import java.util.List;

/**
 * The edited content of an {@link EditOverlay} as it was at one moment: the pieces then, over the
 * base and the added bytes. Immutable, so a background reader (a search, a record walk) reads one
 * consistent version while the owner goes on editing; it costs the piece list, never the bytes
 * (the added bytes are append-only, so the array it shares is never changed where it reads).
 * Finding the piece of an offset is a binary search.
 *
 * <p>Made by {@link EditOverlay#content()}; any thread. It lives as long as the overlay's base:
 * closing it does nothing (its overlay's owner closes the base).
 */
public final class OverlayContent implements DataSource {
    private final DataSource base;
    private final EditOverlay.Piece[] pieces;
    /** Where each piece starts in the content. */
    private final long[] starts;
    private final byte[] added;
    private final long size;

    OverlayContent(DataSource base, List<EditOverlay.Piece> pieces, byte[] added, long size) {
        this.base = base;
        this.pieces = pieces.toArray(EditOverlay.Piece[]::new);
        this.starts = new long[this.pieces.length];
        long at = 0;
        for (int i = 0; i < this.pieces.length; i++) {
            starts[i] = at;
            at += this.pieces[i].length();
        }
        this.added = added;
        this.size = size;
    }

    @Override
    public String name() {
        return base.name();
    }

    @Override
    public long size() {
        return size;
    }

    /**
     * A read-only view of {@code length} bytes from {@code offset}. A range inside one piece is a
     * view of the base or of the added bytes, no copy; a range across pieces is copied into a new
     * heap segment of {@code length} bytes (keep such reads bounded, as windows of a screen, a
     * record or a search step are).
     */
    @Override
    public MemorySegment slice(long offset, long length) {
        if (offset < 0 || length < 0 || offset > size - length) {
            throw new InputException("byte offset " + offset, length + " bytes do not lie inside the content ("
                    + size + " bytes)");
        }
        if (length == 0) {
            return MemorySegment.ofArray(new byte[0]).asReadOnly();
        }
        int i = pieceAt(offset);
        if (offset + length <= starts[i] + pieces[i].length()) {
            return view(pieces[i], offset - starts[i], length);
        }
        if (length > Integer.MAX_VALUE - 16) {
            throw new InputException("byte offset " + offset, length
                    + " bytes across edited pieces are too many for one view; read in chunks");
        }
        MemorySegment dst = MemorySegment.ofArray(new byte[(int) length]);
        long done = 0;
        while (done < length) {
            long from = offset + done - starts[i];
            long n = Math.min(pieces[i].length() - from, length - done);
            dst.asSlice(done, n).copyFrom(view(pieces[i], from, n));
            done += n;
            i++;
        }
        return dst.asReadOnly();
    }

    /** Whether {@code length} bytes from {@code offset} lie in one piece (a slice of them is a view, not a copy). */
    public boolean onePiece(long offset, long length) {
        if (offset < 0 || length < 0 || offset > size - length) {
            return false;
        }
        if (length == 0) {
            return true;
        }
        int i = pieceAt(offset);
        return offset + length <= starts[i] + pieces[i].length();
    }

    /**
     * Where the piece holding {@code offset} ends (0 <= offset < size): the bytes from
     * {@code offset} up to there can be sliced as one view. What a chunked reader (the column
     * summary) steps by.
     */
    public long pieceEnd(long offset) {
        if (offset < 0 || offset >= size) {
            throw new InputException("byte offset " + offset, "outside the content (" + size + " bytes)");
        }
        int i = pieceAt(offset);
        return starts[i] + pieces[i].length();
    }

    /** The index of the piece holding {@code offset} (0 <= offset < size). */
    private int pieceAt(long offset) {
        int lo = 0;
        int hi = pieces.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (starts[mid] <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    private MemorySegment view(EditOverlay.Piece p, long from, long n) {
        return p.base() ? base.slice(p.start() + from, n)
                : MemorySegment.ofArray(added).asSlice(p.start() + from, n).asReadOnly();
    }

    @Override
    public void checkUnchanged() {
        base.checkUnchanged();
    }

    /** Does nothing: the content is a view over its overlay's base, which the overlay's owner closes. */
    @Override
    public void close() {
    }
}
