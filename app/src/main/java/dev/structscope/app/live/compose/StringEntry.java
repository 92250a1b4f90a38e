package dev.structscope.app.live.compose;

import dev.structscope.app.live.compose.ValueParser.Parsed;
import dev.structscope.io.decode.StringNode;

/**
 * A {@code char} array edited as text (one ISO-8859-1 character per byte, at most the array's
 * length; shorter text is NUL-padded). A counted {@code char} array whose count the encoder
 * derives is {@link #growable()}: as long as its text, up to {@link #GROWABLE_MAX}. FX thread.
 */
public final class StringEntry extends TextEntry {
    /** The most characters a growable array takes in the form. */
    public static final int GROWABLE_MAX = 65_535;

    private final StringNode node;
    private final boolean growable;

    StringEntry(String label, String path, int depth, StringNode node) {
        this(label, path, depth, node, false);
    }

    StringEntry(String label, String path, int depth, StringNode node, boolean growable) {
        super(label, path, depth);
        this.growable = growable;
        // A growable array is checked against the form's bound, not the length it has now.
        this.node = growable ? new StringNode(node.name(), node.offset(), GROWABLE_MAX, node.typeName()) : node;
        start("");
    }

    @Override
    Parsed parse(String text) {
        return ValueParser.string(node, text);
    }

    public StringNode node() {
        return node;
    }

    /** Whether the array is as long as its text (its count is derived). */
    public boolean growable() {
        return growable;
    }

    @Override
    public String hint() {
        if (growable) {
            return node.typeName() + ": text of one-byte characters; its length sets the count";
        }
        return node.typeName() + ": text of up to " + node.length() + " one-byte characters, NUL-padded";
    }

    @Override
    public String typeName() {
        return node.typeName();
    }
}
