package dev.structscope.app.live.compose;

import dev.structscope.app.live.compose.ValueParser.Parsed;
import dev.structscope.io.decode.StringNode;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * A {@code char} array edited as text (one ISO-8859-1 character per byte, at most the array's
 * length; shorter text is NUL-padded). A counted {@code char} array whose count the encoder
 * derives is {@link #growable()}: as long as its text, up to {@link #GROWABLE_MAX}. FX thread.
 */
public final class StringEntry implements FormEntry {
    private final String label;
    private final String path;
    private final int depth;
    /** The most characters a growable array takes in the form. */
    public static final int GROWABLE_MAX = 65_535;

    private final StringNode node;
    private final boolean growable;
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private Parsed parsed;

    StringEntry(String label, String path, int depth, StringNode node) {
        this(label, path, depth, node, false);
    }

    StringEntry(String label, String path, int depth, StringNode node, boolean growable) {
        this.label = label;
        this.path = path;
        this.depth = depth;
        this.growable = growable;
        // A growable array is checked against the form's bound, not the length it has now.
        this.node = growable ? new StringNode(node.name(), node.offset(), GROWABLE_MAX, node.typeName()) : node;
        text.addListener((o, a, b) -> reparse());
        reparse();
    }

    private void reparse() {
        parsed = ValueParser.string(node, text.get());
        error.set(parsed.valid() ? "" : parsed.error());
    }

    public StringNode node() {
        return node;
    }

    /** The most characters the array holds. */
    public int maxLength() {
        return (int) Math.min(Integer.MAX_VALUE, node.length());
    }

    public StringProperty textProperty() {
        return text;
    }

    public String text() {
        return text.get();
    }

    public void setText(String value) {
        text.set(value);
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public String error() {
        return error.get();
    }

    public Parsed parsed() {
        return parsed;
    }

    /** Whether the array is as long as its text (its count is derived). */
    public boolean growable() {
        return growable;
    }

    public String hint() {
        if (growable) {
            return node.typeName() + ": text of one-byte characters; its length sets the count";
        }
        return node.typeName() + ": text of up to " + node.length() + " one-byte characters, NUL-padded";
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public String typeName() {
        return node.typeName();
    }

    @Override
    public int depth() {
        return depth;
    }
}
