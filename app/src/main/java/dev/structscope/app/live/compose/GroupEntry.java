package dev.structscope.app.live.compose;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;

import java.util.List;

/**
 * A struct, union or array member of the form, with its rows. A union edits one member at a time
 * ({@link #selectedProperty()}, the index into {@link #children()}); the others are not sent.
 * An anonymous struct or union ({@link #anonymous()}) puts its members' values in its parent's
 * place, as C does. An array shows at most a capped number of element rows and says so in
 * {@link #note()}; elements without a row are sent as zero. FX thread.
 */
public final class GroupEntry implements FormEntry {
    /** What kind of group. */
    public enum Kind { STRUCT, UNION, ARRAY }

    private final Kind kind;
    private final String label;
    private final String path;
    private final String typeName;
    private final int depth;
    private final boolean anonymous;
    private final List<FormEntry> children;
    private final String note;
    private final IntegerProperty selected = new SimpleIntegerProperty(this, "selected", 0);

    GroupEntry(Kind kind, String label, String path, String typeName, int depth, boolean anonymous,
               List<FormEntry> children, String note) {
        this.kind = kind;
        this.label = label;
        this.path = path;
        this.typeName = typeName;
        this.depth = depth;
        this.anonymous = anonymous;
        this.children = List.copyOf(children);
        this.note = note;
    }

    public Kind kind() {
        return kind;
    }

    public boolean anonymous() {
        return anonymous;
    }

    public List<FormEntry> children() {
        return children;
    }

    /** A note for the person (elements not shown, a flexible array member), or empty. */
    public String note() {
        return note;
    }

    /** For a union: the index of the member being edited. */
    public IntegerProperty selectedProperty() {
        return selected;
    }

    public int selected() {
        return selected.get();
    }

    /** For a union: selects the member to edit; out-of-range indices are ignored. */
    public void select(int index) {
        if (index >= 0 && index < children.size()) {
            selected.set(index);
        }
    }

    /** Whether child {@code i} is edited and sent (always, except a union's unselected members). */
    public boolean active(int i) {
        return kind != Kind.UNION || i == selected.get();
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
        return typeName;
    }

    @Override
    public int depth() {
        return depth;
    }
}
