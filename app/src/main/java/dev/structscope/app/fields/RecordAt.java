package dev.structscope.app.fields;

import dev.structscope.io.decode.DecoderPlan;
import dev.structscope.io.decode.RecordNode;
import dev.structscope.io.decode.RecordReader;
import dev.structscope.io.source.DataSource;
import dev.structscope.model.InputException;

import java.util.Locale;

/**
 * One record of a file as a view shows it: for a fixed layout its plan's root at the base, for a
 * dynamic one the instance plan the dynamic decoder built for the bytes there (counts, placements
 * and the chosen alternatives of this record), or why it cannot be decoded. What the decoded tree,
 * the hex overlay and the selection all read, so they agree on the record's actual size. Pure;
 * any thread.
 *
 * @param root  the record's plan (instance plan when dynamic), or null when {@code error} is set
 * @param base  file offset of the record
 * @param size  bytes the record occupies (placed members may lie outside)
 * @param error  why the record could not be decoded, or null
 * @param window the bytes the record was read from (its own and any placed members'; null with
 *               {@code error}): what its tree and cells read, at {@link Window#at} of file offsets
 * @param warnings what the decoder said of a record it could read (the data ends inside the last
 *                 element of an array that runs to the end: what {@code decode} warns of)
 */
public record RecordAt(RecordNode root, long base, long size, String error, Window window, java.util.List<String> warnings) {
    public RecordAt {
        warnings = java.util.List.copyOf(warnings);
    }

    public RecordAt(RecordNode root, long base, long size, String error, Window window) {
        this(root, base, size, error, window, java.util.List.of());
    }

    /** Decodes the record {@code reader} reads at {@code base} of {@code source} (its current content). */
    public static RecordAt decode(DataSource source, RecordReader reader, long base) {
        try {
            return decode(Content.of(source), reader, base);
        } catch (InputException e) {
            return failed(base, "Cannot decode the record at " + hex(base) + ": " + e.oneLine());
        }
    }

    /** Decodes the record {@code reader} reads at {@code base} of {@code content}. */
    public static RecordAt decode(Content content, RecordReader reader, long base) {
        long fileSize = content.size();
        try {
            if (reader instanceof DecoderPlan plan) {
                if (base < 0 || base > fileSize || fileSize - base < plan.recordSize()) {
                    return failed(base, plan.root().typeName() + " (" + plan.recordSize() + " bytes) at offset "
                            + hex(base) + " runs past the end of the file (" + fileSize + " bytes).");
                }
                return new RecordAt(plan.root(), base, plan.recordSize(), null, content.window(base, plan.recordSize()));
            }
            Content.Read r = content.read(reader, base);
            return new RecordAt(r.decoded().value().node(), base, r.decoded().size(), null, r.window(), r.decoded().warnings());
        } catch (InputException e) {
            // The engine's message names the byte offset and the member path: show it as it is.
            return failed(base, "Cannot decode the record at " + hex(base) + ": " + e.oneLine());
        } catch (IndexOutOfBoundsException | IllegalStateException e) {
            return failed(base, "Cannot decode the record at " + hex(base) + ": " + e.getMessage());
        }
    }

    static RecordAt failed(long base, String why) {
        return new RecordAt(null, base, 0, why, null);
    }

    public boolean ok() {
        return error == null;
    }

    static String hex(long v) {
        return String.format(Locale.ROOT, "0x%X", v);
    }
}
