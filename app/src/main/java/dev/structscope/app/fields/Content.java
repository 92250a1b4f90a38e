package dev.structscope.app.fields;

import dev.structscope.io.decode.DecoderPlan;
import dev.structscope.io.decode.DynamicDecoder;
import dev.structscope.io.decode.RecordReader;
import dev.structscope.io.edit.OverlayContent;
import dev.structscope.io.source.DataSource;
import dev.structscope.model.InputException;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Locale;

/**
 * The bytes of an open file as the decoded tree, the record table and search read them: one
 * version of the content, read through {@link Window}s. Where the whole content is one segment
 * that costs nothing (an unedited mapped file, or one whose edits only overwrote bytes, seen
 * through its private copy-on-write mapping) every window is that segment, exactly as readers
 * had it before. After an insert or delete the content is the overlay's immutable piece list
 * ({@link OverlayContent}), and a window is a slice of just the bytes asked for: a view where
 * they lie in one piece, else a copy of at most {@link #MAX_COPY} bytes. So memory follows the
 * edits and the windows, never the file.
 *
 * <p>Immutable: made on the FX thread by {@link #of}, read on any thread (a search or a record
 * walk reads one version while edits go on). Lives as long as the source it was taken from.
 */
public final class Content {
    /** Most bytes one window copies when it spans edited pieces (a record, or a search step, is far smaller). */
    public static final long MAX_COPY = 64L << 20;

    /** The first window a dynamic record is read through; it doubles (or jumps to what the record says it needs). */
    static final long FIRST_WINDOW = 256;

    /** A source whose content changes with edits: {@link #of} takes its current version. */
    public interface Versioned {
        Content content();
    }

    private final DataSource source;
    /** The whole content when that is one segment at no cost; null after an insert or delete. */
    private final MemorySegment whole;
    /** The edited pieces when {@code whole} is null. */
    private final OverlayContent pieces;

    private Content(DataSource source, MemorySegment whole, OverlayContent pieces) {
        this.source = source;
        this.whole = whole;
        this.pieces = pieces;
    }

    /** The content of {@code source} as it is now (for an edited file, the version after its last edit). */
    public static Content of(DataSource source) {
        return source instanceof Versioned v ? v.content() : whole(source, source.segment());
    }

    /** Content that is one segment: {@code whole}, the bytes of {@code source}. */
    public static Content whole(DataSource source, MemorySegment whole) {
        return new Content(source, whole, null);
    }

    /** Content read through slices of an overlay's piece list; {@code source} is the source it is named by. */
    public static Content pieces(DataSource source, OverlayContent pieces) {
        return new Content(source, null, pieces);
    }

    /** The source, for messages and for {@link dev.structscope.io.source.Sources#guard}. */
    public DataSource source() {
        return source;
    }

    public long size() {
        return whole != null ? whole.byteSize() : pieces.size();
    }

    /**
     * A window holding at least {@code length} bytes from {@code offset}: the whole segment where
     * there is one, else a slice of exactly that range.
     *
     * @throws InputException when the range is outside the content, or spans edited pieces and is
     *                        larger than {@link #MAX_COPY}
     */
    public Window window(long offset, long length) {
        if (whole != null) {
            if (offset < 0 || length < 0 || offset > whole.byteSize() - length) {
                source.slice(offset, length); // the source's own message for a range outside it
            }
            return new Window(whole, 0);
        }
        if (length > MAX_COPY && !pieces.onePiece(offset, length)) {
            throw new InputException(source.name() + ": byte offset " + offset, String.format(Locale.ROOT,
                    "%,d bytes across inserted or deleted bytes are more than one read copies (%d MiB); "
                            + "save (or Save As) to read them in place", length, MAX_COPY >> 20));
        }
        return new Window(pieces.slice(offset, length), offset);
    }

    /** Whether a {@link #window} of {@code length} bytes from {@code offset} is a copy (it spans edited pieces), not a view. */
    public boolean copies(long offset, long length) {
        return whole == null && !pieces.onePiece(offset, length);
    }

    /** Copies {@code n} bytes from {@code offset} into the start of {@code dst} (a search step). */
    public void copy(long offset, byte[] dst, int n) {
        if (whole != null) {
            MemorySegment.copy(whole, ValueLayout.JAVA_BYTE, offset, dst, 0, n);
        } else {
            MemorySegment.copy(pieces.slice(offset, n), ValueLayout.JAVA_BYTE, 0, dst, 0, n);
        }
    }

    /**
     * This content as a {@link DataSource} for the engine's bulk readers (the column summary): it
     * reads this version whatever is edited meanwhile. After an insert or delete it is the piece
     * list itself, which the engine's statistics read a piece at a time (whole records in place,
     * records across a border through a small copy), so any size works; else each slice is a
     * {@link #window} of the one segment. Closing it does nothing (the source's owner closes the source).
     */
    public DataSource asSource() {
        if (pieces != null) {
            return pieces;
        }
        Content c = this;
        return new DataSource() {
            @Override
            public String name() {
                return source.name();
            }

            @Override
            public long size() {
                return c.size();
            }

            @Override
            public MemorySegment slice(long offset, long length) {
                Window w = window(offset, length);
                return w.segment().asSlice(w.at(offset), length);
            }

            @Override
            public void checkUnchanged() {
                source.checkUnchanged();
            }

            @Override
            public void close() {
            }
        };
    }

    /** A record read through a window: its value (over the window's segment) and that window. */
    public record Read(RecordReader.Decoded decoded, Window window) {
    }

    /**
     * Reads the record {@code reader} reads at {@code start}. A fixed record is read through a
     * window of its size; a dynamic one through a window that starts at the record and grows
     * while the record needs more of the data (what the decoder reports as
     * {@link DynamicDecoder.DataEndsException}), so the window holds everything the record read,
     * placed members included.
     *
     * @throws InputException as the reader reports bad data, or when the record needs more than
     *                        {@link #MAX_COPY} bytes across edited pieces
     */
    public Read read(RecordReader reader, long start) {
        long size = size();
        if (whole != null) {
            return new Read(reader.read(whole, start, size), new Window(whole, 0));
        }
        if (start < 0 || start > size) {
            throw new InputException("byte offset " + start, "outside the data (" + size + " bytes)");
        }
        long rest = size - start;
        if (reader instanceof DecoderPlan plan) {
            long n = plan.recordSize();
            if (rest < n) {
                throw new DynamicDecoder.DataEndsException("byte offset " + start, "a record of " + n
                        + " bytes at byte offset " + start + " runs past the end of the data (" + size + " bytes)", start + n);
            }
            Window w = window(start, n);
            return new Read(plan.read(w.segment(), w.at(start), w.segment().byteSize()), w);
        }
        DynamicDecoder.WindowRead r = ((DynamicDecoder) reader).readThrough((o, n) -> window(o, n).segment(),
                start, size, FIRST_WINDOW);
        return new Read(r.decoded(), new Window(r.window(), start));
    }
}
