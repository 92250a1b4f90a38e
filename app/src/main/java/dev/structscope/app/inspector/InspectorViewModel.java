package dev.structscope.app.inspector;

import dev.structscope.io.source.DataSource;
import dev.structscope.model.InputException;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.ByteOrder;
import java.util.Locale;

/**
 * The data inspector's state: the {@link Inspector} rows for the bytes at one offset, the title
 * that says where, and the command that writes a typed value there. The hex pane tells it where
 * the selection starts; {@link InspectorView} binds to it and holds no state of its own.
 *
 * <p>FX thread. Reads at most {@link Inspector#WINDOW} bytes of the mapped source per update (a
 * page the hex view has just drawn, so no disk wait in practice).
 */
public final class InspectorViewModel {
    /** Writes a value typed into a row at the inspected offset (the hex pane implements it through the data's edits). */
    @FunctionalInterface
    public interface ValueEditor {
        /** Writes {@code bytes} at the inspected offset; null when done, else why it was refused. */
        String write(byte[] bytes);
    }

    static final String TITLE = "INSPECTOR";

    private final ObservableList<Inspector.Row> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper titleWrapper = new ReadOnlyStringWrapper(this, "title", TITLE);
    public final ReadOnlyStringProperty title = titleWrapper.getReadOnlyProperty();
    private ValueEditor editor;

    public ObservableList<Inspector.Row> rows() {
        return FXCollections.unmodifiableObservableList(rows);
    }

    /** Turns on typing values at the inspected offset (null: read-only). */
    public void setValueEditor(ValueEditor editor) {
        this.editor = editor;
    }

    /** Whether {@code row} can be typed now. */
    public boolean canEdit(Inspector.Row row) {
        return editor != null && Inspector.editable(row.name());
    }

    /**
     * Encodes {@code text} as {@code row}'s type in {@code order} and writes it at the inspected
     * offset: null when written, else the reason to show in place.
     */
    public String write(Inspector.Row row, String text, ByteOrder order) {
        if (editor == null) {
            return "this data cannot be edited";
        }
        try {
            return editor.write(Inspector.encode(row.name(), text, order));
        } catch (InputException x) {
            return x.getMessage();
        }
    }

    /** Inspects the bytes of {@code source} from {@code offset} (null or out of range: nothing). */
    public void show(DataSource source, long offset) {
        if (source == null || offset < 0 || offset >= source.size()) {
            rows.clear();
            titleWrapper.set(TITLE);
            return;
        }
        try {
            // Only the few bytes the rows read: a slice, not the whole mapping.
            long n = Math.min(Inspector.WINDOW, source.size() - offset);
            rows.setAll(Inspector.rows(source.slice(offset, n), 0));
            titleWrapper.set(String.format(Locale.ROOT, TITLE + " @ 0x%X", offset));
        } catch (InternalError | IllegalStateException e) {
            // A mapped file cut short under us reads as an InternalError; say so instead of showing stale rows.
            rows.clear();
            titleWrapper.set(TITLE + ": cannot read the bytes (" + e.getMessage() + ")");
        }
    }
}
