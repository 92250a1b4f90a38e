package dev.structscope.app.fields;

import dev.structscope.app.common.TaskRunner;
import dev.structscope.io.decode.DecoderPlan;
import dev.structscope.io.decode.RecordReader;
import dev.structscope.io.source.DataSource;
import dev.structscope.model.InputException;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

import java.util.Locale;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * The state of the decoded-fields tree, no nodes: which record is decoded (a fixed plan's, or a
 * dynamic one as its bytes decide), its lazily built item tree ({@link FieldItem}, a tree model,
 * not a node), the message shown instead of a tree when there is nothing to decode or the record
 * cannot be, the byte range of the selected member, and where an integer member points when it is
 * read as an offset.
 *
 * <p>A fixed record whose bytes are at hand (one segment, a view inside one piece of an edited
 * file, or a small copy) is decoded at once, so moving through records stays immediate. A dynamic
 * record — its window may grow to a copy of up to {@link Content#MAX_COPY} bytes across edited
 * pieces — and a large fixed record that must be copied are decoded on the {@link TaskRunner};
 * only the latest request is shown (a newer {@link #show} or {@link #clear} drops an older result),
 * and the tree shown before stays, not editable, until it arrives ({@link #decoding}).
 *
 * <p>Owned by a {@link FieldsView}; FX thread (results arrive there through the runner).
 */
public final class FieldsViewModel {
    /** What the tree says before anything is chosen. */
    public static final String CHOOSE = "Choose a type for the overlay to decode the bytes.";

    /** The largest fixed record decoded at once when its bytes must be copied from edited pieces. */
    static final long AT_ONCE_COPY = 64 << 10;

    private final TaskRunner runner;
    private final ReadOnlyObjectWrapper<FieldItem> rootWrapper = new ReadOnlyObjectWrapper<>(this, "root");
    /** The root of the decoded tree, or null while a message is shown instead. */
    public final ReadOnlyObjectProperty<FieldItem> root = rootWrapper.getReadOnlyProperty();
    private final ReadOnlyStringWrapper messageWrapper = new ReadOnlyStringWrapper(this, "message", CHOOSE);
    /** Why there is no tree (empty while there is one). */
    public final ReadOnlyStringProperty message = messageWrapper.getReadOnlyProperty();
    private final ReadOnlyStringWrapper warningWrapper = new ReadOnlyStringWrapper(this, "warning", "");
    /**
     * What the decoder said of the record the tree shows (as {@code decode} warns on stderr: the
     * data ends inside the last element of an array that runs to the end); empty when nothing.
     */
    public final ReadOnlyStringProperty warning = warningWrapper.getReadOnlyProperty();
    private final ReadOnlyBooleanWrapper decodingWrapper = new ReadOnlyBooleanWrapper(this, "decoding");
    /** A record is being decoded in the background (the tree shown, if any, is the one before). */
    public final ReadOnlyBooleanProperty decoding = decodingWrapper.getReadOnlyProperty();
    /** The selected member's bytes (the hex view selects them). */
    public final ObjectProperty<FieldsView.Range> selectedRange = new SimpleObjectProperty<>(this, "selectedRange");
    private DataSource source;
    private RecordAt shown;
    /** Counts {@link #show}s and {@link #clear}s: a background decode is shown only while it is the latest. */
    private long generation;
    private TaskRunner.Task pending;

    public FieldsViewModel() {
        this(TaskRunner.forApp());
    }

    public FieldsViewModel(TaskRunner runner) {
        this.runner = runner;
    }

    /**
     * Decodes the record {@code reader} reads at file offset {@code base} of {@code source}; one
     * that cannot be decoded leaves the tree empty and says why.
     *
     * @return what was decoded (null when nothing was asked for, or while it is decoded in the background)
     */
    public RecordAt show(DataSource source, RecordReader reader, long base) {
        return show(source, reader, base, at -> { });
    }

    /**
     * As {@link #show(DataSource, RecordReader, long)}; {@code then} is told on the FX thread what
     * was decoded once the tree shows it (at once, or when the background decode arrives; never
     * when a later show or clear superseded it).
     */
    public RecordAt show(DataSource source, RecordReader reader, long base, Consumer<RecordAt> then) {
        long gen = ++generation;
        stopPending();
        this.source = source;
        if (source == null || reader == null) {
            clear(CHOOSE);
            return null;
        }
        Content content;
        try {
            content = Content.of(source);
        } catch (InputException e) {
            return shown(RecordAt.decode(source, reader, base), then);
        }
        if (reader instanceof DecoderPlan plan && (plan.recordSize() <= AT_ONCE_COPY
                || !content.copies(base, plan.recordSize()))) {
            return shown(RecordAt.decode(content, reader, base), then);
        }
        decodingWrapper.set(true);
        if (rootWrapper.get() == null) {
            messageWrapper.set(String.format(Locale.ROOT, "Decoding the record at 0x%X…", base));
        }
        TaskRunner.Task t = runner.submit(TaskRunner.Lane.WORK, String.format(Locale.ROOT, "Decoding the record at 0x%X", base),
                p -> RecordAt.decode(content, reader, base),
                at -> {
                    if (gen == generation) {
                        shown(at, then);
                    }
                },
                x -> {
                    if (gen == generation) {
                        shown(RecordAt.failed(base, "Cannot decode the record at " + RecordAt.hex(base) + ": "
                                + (x instanceof InputException ie ? ie.oneLine() : x.getMessage())), then);
                    }
                });
        // A direct runner (tests) has already delivered the result.
        pending = decodingWrapper.get() && gen == generation ? t : null;
        return decodingWrapper.get() ? null : shown;
    }

    /** Shows {@code at} (a tree, or its error instead) and tells {@code then}; returns it. */
    private RecordAt shown(RecordAt at, Consumer<RecordAt> then) {
        pending = null;
        decodingWrapper.set(false);
        warningWrapper.set(String.join("\n", at.warnings()));
        if (!at.ok()) {
            rootWrapper.set(null);
            shown = null;
            messageWrapper.set(at.error());
        } else {
            FieldItem item = FieldItem.root(at.root(), at.window(), at.base(), at.size());
            item.setExpanded(true);
            shown = at;
            messageWrapper.set("");
            rootWrapper.set(item);
        }
        then.accept(at);
        return at;
    }

    private void stopPending() {
        if (pending != null) {
            pending.cancel();
            pending = null;
        }
        decodingWrapper.set(false);
    }

    /** No tree: {@code why} instead. */
    public void clear(String why) {
        generation++;
        stopPending();
        rootWrapper.set(null);
        shown = null;
        messageWrapper.set(why);
        warningWrapper.set("");
    }

    /** The record shown, or null. */
    public RecordAt shown() {
        return shown;
    }

    /** Where integer member {@code row} points when its value is read as a file offset; empty when outside the data. */
    public OptionalLong followTarget(FieldRow row) {
        return source == null || shown == null ? OptionalLong.empty()
                : FollowTarget.offsetOf(row, shown.window(), source.size());
    }

}
