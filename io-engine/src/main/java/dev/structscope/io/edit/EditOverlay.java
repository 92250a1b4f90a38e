package dev.structscope.io.edit;

import dev.structscope.io.source.DataSource;
import dev.structscope.io.write.Change;
import dev.structscope.io.write.Expected;
import dev.structscope.model.InputException;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * Edits over a read-only {@link DataSource} as a piece table: the content is a list of pieces, each
 * a range of the base source or of an append-only buffer of the bytes typed, pasted or inserted.
 * The base (a mapped file) is never written while editing; memory grows with the bytes added and
 * the number of edits, never with the file. Every edit is one undo step ({@link #undo},
 * {@link #redo}); an edit after an undo drops the redo steps. Reads go through the overlay, which
 * is itself a {@link DataSource}; {@link #content()} is the content as of the last edit, immutable,
 * for readers on other threads (decoders, record walks, search), which read it through bounded
 * slices. {@link OverlaySaver} writes it back.
 *
 * <p>Owned by one document; edits and reads from one thread at a time (the owner's; the GUI hands
 * reads to workers only between edits). Closing the overlay does not close the base, which its
 * opener owns. An edit is linear in the number of pieces (a read is a binary search in the
 * content made once per edit): fine for the thousands of edits a person makes, not meant for millions.
 */
public final class EditOverlay implements DataSource {
    /** A range of the base ({@code base}) or of the added bytes. */
    record Piece(boolean base, long start, long length) {
        Piece cut(long from, long to) {
            return new Piece(base, start + from, to - from);
        }
    }

    /**
     * One edit as the pieces it took out and put in at {@code index}: undo swaps them back. The
     * edit itself: {@code length} bytes at {@code offset} gave way to {@code length + sizeDelta}.
     */
    private record Step(int index, List<Piece> removed, List<Piece> inserted, long offset, long length, long sizeDelta) {
    }

    /**
     * What the last edit, undo or redo changed: from content offset {@code offset},
     * {@code removed} bytes gave way to {@code inserted} bytes (equal for an overwrite, whose
     * bytes after it stay where they were). For readers that can keep what the change cannot
     * have touched (the record table's walk of dynamic records).
     */
    public record Edit(long offset, long removed, long inserted) {
        /** The content's size did not change: no byte moved. */
        public boolean inPlace() {
            return removed == inserted;
        }
    }

    private final DataSource base;
    private final List<Piece> pieces = new ArrayList<>();
    private final Deque<Step> undo = new ArrayDeque<>();
    private final Deque<Step> redo = new ArrayDeque<>();
    private byte[] added = new byte[256];
    private int addedLength;
    private long size;
    private boolean closed;
    /** The content as of the last change, made when first asked for (null: not made since). */
    private OverlayContent content;
    /** The last edit, undo or redo (null: none yet). */
    private Edit lastEdit;

    public EditOverlay(DataSource base) {
        this.base = base;
        this.size = base.size();
        if (size > 0) {
            pieces.add(new Piece(true, 0, size));
        }
    }

    /** The source under the edits. */
    public DataSource base() {
        return base;
    }

    @Override
    public String name() {
        return base.name();
    }

    @Override
    public long size() {
        ensureOpen();
        return size;
    }

    /** Whether anything differs from the base (after undoing everything, nothing does). */
    public boolean modified() {
        return !undo.isEmpty();
    }

    /** Replaces {@code bytes.length} bytes from {@code offset} (growing the content past its end). */
    public void overwrite(long offset, byte[] bytes) {
        checkOffset(offset);
        replace(offset, Math.min(bytes.length, size - offset), bytes);
    }

    public void insert(long offset, byte[] bytes) {
        checkOffset(offset);
        replace(offset, 0, bytes);
    }

    public void delete(long offset, long length) {
        checkOffset(offset);
        if (length < 0 || length > size - offset) {
            throw new InputException("byte offset " + offset, "cannot delete " + length + " bytes of " + (size - offset) + " left");
        }
        replace(offset, length, new byte[0]);
    }

    /** What the last edit, undo or redo changed, or null when there was none. */
    public Edit lastEdit() {
        return lastEdit;
    }

    public boolean canUndo() {
        return !undo.isEmpty();
    }

    public boolean canRedo() {
        return !redo.isEmpty();
    }

    /** Undoes the last edit; false when there is none. */
    public boolean undo() {
        Step s = undo.pollLast();
        if (s == null) {
            return false;
        }
        swap(s.index, s.inserted.size(), s.removed);
        size -= s.sizeDelta;
        lastEdit = new Edit(s.offset, s.length + s.sizeDelta, s.length);
        redo.addLast(s);
        return true;
    }

    /** Redoes the last undone edit; false when there is none. */
    public boolean redo() {
        Step s = redo.pollLast();
        if (s == null) {
            return false;
        }
        swap(s.index, s.removed.size(), s.inserted);
        size += s.sizeDelta;
        lastEdit = new Edit(s.offset, s.length, s.length + s.sizeDelta);
        undo.addLast(s);
        return true;
    }

    private void swap(int index, int count, List<Piece> with) {
        content = null;
        List<Piece> range = pieces.subList(index, index + count);
        range.clear();
        pieces.addAll(index, with);
    }

    private void checkOffset(long offset) {
        ensureOpen();
        if (offset < 0 || offset > size) {
            throw new InputException("byte offset " + offset, "outside the content (" + size + " bytes)");
        }
    }

    /**
     * The one edit: {@code length} bytes at {@code offset} give way to {@code bytes}. The pieces
     * touched (the ones holding the range and the bytes around it in the same pieces) are replaced
     * as a whole, so that undo puts back exactly what was there.
     */
    private void replace(long offset, long length, byte[] bytes) {
        if (length == 0 && bytes.length == 0) {
            return;
        }
        long end = offset + length;
        int first = 0;
        long at = 0; // where pieces[first] starts
        while (first < pieces.size() && at + pieces.get(first).length() <= offset) {
            at += pieces.get(first).length();
            first++;
        }
        List<Piece> removed = new ArrayList<>();
        List<Piece> inserted = new ArrayList<>();
        int last = first;
        long pos = at;
        // pieces[first] holds offset (or first is past the last piece: an append). Take it even for
        // an insert, which splits it, and every piece up to the end of the range.
        if (first < pieces.size()) {
            do {
                removed.add(pieces.get(last));
                pos += pieces.get(last).length();
                last++;
            } while (last < pieces.size() && pos < end);
        }
        if (!removed.isEmpty()) {
            Piece head = removed.getFirst();
            if (offset > at) {
                inserted.add(head.cut(0, offset - at));
            }
        }
        if (bytes.length > 0) {
            inserted.add(new Piece(false, append(bytes), bytes.length));
        }
        if (!removed.isEmpty()) {
            Piece tail = removed.getLast();
            long tailStart = pos - tail.length();
            if (end < pos) {
                inserted.add(tail.cut(end - tailStart, tail.length()));
            }
        }
        Step s = new Step(first, List.copyOf(removed), List.copyOf(inserted), offset, length, bytes.length - length);
        swap(s.index, s.removed.size(), s.inserted);
        size += s.sizeDelta;
        lastEdit = new Edit(offset, length, bytes.length);
        undo.addLast(s);
        redo.clear();
    }

    private long append(byte[] bytes) {
        if (addedLength + (long) bytes.length > Integer.MAX_VALUE - 16) {
            throw new InputException(name(), "more than 2 GiB of bytes typed or inserted; save and reopen first");
        }
        if (addedLength + bytes.length > added.length) {
            added = Arrays.copyOf(added, (int) Math.min(Integer.MAX_VALUE - 16, Math.max(addedLength + (long) bytes.length, added.length * 2L)));
        }
        System.arraycopy(bytes, 0, added, addedLength, bytes.length);
        long start = addedLength;
        addedLength += bytes.length;
        return start;
    }

    /**
     * A read-only view of {@code length} bytes from {@code offset} of the edited content: see
     * {@link OverlayContent#slice} (a view inside one piece, else a copy of {@code length} bytes).
     */
    @Override
    public MemorySegment slice(long offset, long length) {
        return content().slice(offset, length);
    }

    /**
     * The content as it is now, immutable: what a background reader reads while edits go on. Made
     * once per edit, undo or redo (it costs the piece list) and shared until the next.
     */
    public OverlayContent content() {
        ensureOpen();
        OverlayContent c = content;
        if (c == null) {
            c = new OverlayContent(base, pieces, added, size);
            content = c;
        }
        return c;
    }

    /** A range of the edited content: {@code length} bytes from {@code offset}. */
    public record Range(long offset, long length) {
    }

    /**
     * The ranges in {@code [from, to)} whose bytes were typed, pasted or inserted (not the base's):
     * what a view marks as changed until saved. Linear in the pieces, like every lookup here.
     */
    public List<Range> addedRanges(long from, long to) {
        ensureOpen();
        List<Range> out = new ArrayList<>();
        long pos = 0;
        for (Piece p : pieces) {
            long end = pos + p.length();
            if (pos >= to) {
                break;
            }
            if (!p.base() && end > from) {
                long lo = Math.max(pos, from);
                out.add(new Range(lo, Math.min(end, to) - lo));
            }
            pos = end;
        }
        return out;
    }

    /**
     * Whether every byte of the base is still at its own offset and the size is unchanged: the
     * edits only overwrote bytes (no insert or delete has shifted anything).
     */
    public boolean inPlace() {
        ensureOpen();
        if (size != base.size()) {
            return false;
        }
        long pos = 0;
        for (Piece p : pieces) {
            if (p.base() && p.start() != pos) {
                return false;
            }
            pos += p.length();
        }
        return true;
    }

    /** The pieces in order (for the savers: which ranges still come from the base where they were). */
    List<Piece> pieces() {
        return List.copyOf(pieces);
    }

    /**
     * The ranges that differ from the base when the size is unchanged: every piece that is not the
     * base's own bytes at the same offset, with its current bytes; null when the size changed or
     * the changed bytes exceed {@code maxBytes} (then the streamed save is the one to use).
     */
    List<Change> sameSizeChanges(long maxBytes) {
        if (size != base.size()) {
            return null;
        }
        List<Change> out = new ArrayList<>();
        long pos = 0;
        long total = 0;
        for (Piece p : pieces) {
            if (!(p.base() && p.start() == pos)) {
                total += p.length();
                if (total > maxBytes) {
                    return null;
                }
                out.add(new Change(pos, slice(pos, p.length()).toArray(ValueLayout.JAVA_BYTE)));
            }
            pos += p.length();
        }
        return out;
    }

    /** Writes the edited content back to the base's file in place or by rename: see {@link OverlaySaver}. */
    public void save(java.nio.file.Path target, Expected expected, OverlaySaver.Progress progress,
                     java.util.function.BooleanSupplier cancelled) {
        OverlaySaver.save(this, target, expected, progress, cancelled);
    }

    @Override
    public void checkUnchanged() {
        ensureOpen();
        base.checkUnchanged();
    }

    @Override
    public void close() {
        closed = true;
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("edit overlay of " + base.name() + " is closed");
        }
    }
}
