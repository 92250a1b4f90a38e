package dev.structscope.app.live.compose;

import dev.structscope.app.live.compose.ValueParser.Parsed;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * A row of the compose form edited as one text: the text as typed and, derived from it at every
 * change, the parsed value or the reason it is invalid ({@link #error} empty when valid). What
 * the text means is the subclass's {@link #parse}. Built by {@link FormBuilder}; owned by
 * {@link ComposeViewModel}; FX thread.
 */
public abstract sealed class TextEntry implements FormEntry permits ScalarEntry, StringEntry, BytesEntry {
    private final String label;
    private final String path;
    private final int depth;
    public final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ReadOnlyStringWrapper errorWrapper = new ReadOnlyStringWrapper(this, "error", "");
    /** Why the text is invalid, or empty. */
    public final ReadOnlyStringProperty error = errorWrapper.getReadOnlyProperty();
    private Parsed parsed;

    TextEntry(String label, String path, int depth) {
        this.label = label;
        this.path = path;
        this.depth = depth;
    }

    /**
     * Starts the row from {@code initial}; from then on every change of the text is parsed. Each
     * subclass's constructor calls it last, since parsing reads the subclass's own fields.
     */
    final void start(String initial) {
        text.set(initial);
        reparse();
        text.addListener((o, a, b) -> reparse());
    }

    /** The value {@code text} stands for, or why it is invalid. */
    abstract Parsed parse(String text);

    private void reparse() {
        parsed = parse(text.get());
        errorWrapper.set(parsed.valid() ? "" : parsed.error());
    }

    /** What the editor accepts, for a tooltip. */
    public abstract String hint();

    public final void setText(String value) {
        text.set(value);
    }

    /** The parsed value (its {@code value()} null when invalid). */
    public final Parsed parsed() {
        return parsed;
    }

    @Override
    public final String label() {
        return label;
    }

    @Override
    public final String path() {
        return path;
    }

    @Override
    public final int depth() {
        return depth;
    }
}
