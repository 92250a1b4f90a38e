package dev.structscope.app.live.compose;

import dev.structscope.app.live.compose.ValueParser.Parsed;
import dev.structscope.io.decode.StringNode;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * A {@code char} array edited as text (one ISO-8859-1 character per byte, at most the array's
 * length; shorter text is NUL-padded). FX thread.
 */
public final class StringEntry implements FormEntry {
    private final String label;
    private final String path;
    private final int depth;
    private final StringNode node;
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private Parsed parsed;

    StringEntry(String label, String path, int depth, StringNode node) {
        this.label = label;
        this.path = path;
        this.depth = depth;
        this.node = node;
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

    public String hint() {
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
