package dev.structscope.app.fields;

import dev.structscope.io.decode.RecordReader;
import dev.structscope.io.source.DataSource;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

import java.util.OptionalLong;

/**
 * The state of the decoded-fields tree, no nodes: which record is decoded (a fixed plan's, or a
 * dynamic one as its bytes decide), its lazily built item tree ({@link FieldItem}, a tree model,
 * not a node), the message shown instead of a tree when there is nothing to decode or the record
 * cannot be, the byte range of the selected member, and where an integer member points when it is
 * read as an offset. Owned by a {@link FieldsView}; FX thread.
 */
public final class FieldsViewModel {
    /** What the tree says before anything is chosen. */
    public static final String CHOOSE = "Choose a type for the overlay to decode the bytes.";

    private final ReadOnlyObjectWrapper<FieldItem> root = new ReadOnlyObjectWrapper<>(this, "root");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", CHOOSE);
    private final ObjectProperty<FieldsView.Range> selectedRange = new SimpleObjectProperty<>(this, "selectedRange");
    private DataSource source;
    private RecordAt shown;

    /**
     * Decodes the record {@code reader} reads at file offset {@code base} of {@code source}; one
     * that cannot be decoded leaves the tree empty and says why.
     *
     * @return what was decoded (null when nothing was asked for)
     */
    public RecordAt show(DataSource source, RecordReader reader, long base) {
        this.source = source;
        if (source == null || reader == null) {
            clear(CHOOSE);
            return null;
        }
        RecordAt at = RecordAt.decode(source, reader, base);
        if (!at.ok()) {
            clear(at.error());
            return at;
        }
        FieldItem item = FieldItem.root(at.root(), at.window(), base, at.size());
        item.setExpanded(true);
        shown = at;
        message.set("");
        root.set(item);
        return at;
    }

    /** No tree: {@code why} instead. */
    public void clear(String why) {
        root.set(null);
        shown = null;
        message.set(why);
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

    /** The root of the decoded tree, or null while a message is shown instead. */
    public ReadOnlyObjectProperty<FieldItem> rootProperty() {
        return root.getReadOnlyProperty();
    }

    /** Why there is no tree (empty while there is one). */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The selected member's bytes (the hex view selects them). */
    public ObjectProperty<FieldsView.Range> selectedRangeProperty() {
        return selectedRange;
    }
}
