package dev.structscope.app.live.compose;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;

import java.util.List;

/**
 * A struct, union or array member of the form, with its rows. A union edits one member at a time
 * ({@link #selectedProperty()}, the index into {@link #children()}); the others are not sent.
 * An anonymous struct or union ({@link #anonymous()}) puts its members' values in its parent's
 * place, as C does. An array shows at most a capped number of element rows and says so in
 * {@link #note()}; elements without a row are sent as zero.
 *
 * <p>In a dynamic record, a tagged union ({@link Kind#TAGGED}) holds only the alternative its
 * discriminator chooses, with the names of all of them in {@link #alternatives()}; a counted
 * array whose count the encoder derives is {@link #growable()}: elements are added and removed
 * (through the view model, which rebuilds the form), up to {@link #capacity()}. FX thread.
 */
public final class GroupEntry implements FormEntry {
    /** What kind of group. */
    public enum Kind { STRUCT, UNION, ARRAY, TAGGED }

    private final Kind kind;
    private final String label;
    private final String path;
    private final String typeName;
    private final int depth;
    private final boolean anonymous;
    private final List<FormEntry> children;
    private final String note;
    private final IntegerProperty selected = new SimpleIntegerProperty(this, "selected", 0);
    private List<String> alternatives = List.of();
    private List<com.fasterxml.jackson.databind.JsonNode> blanks = List.of();
    private boolean growable;
    private String discriminator;
    private int capacity;

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

    /** A tagged union of the chosen alternative's row (or none) among {@code alternatives}. */
    static GroupEntry tagged(String label, String path, String typeName, int depth, List<FormEntry> chosen,
                             List<String> alternatives, List<com.fasterxml.jackson.databind.JsonNode> blanks,
                             int selected, String discriminator, String note) {
        GroupEntry g = new GroupEntry(Kind.TAGGED, label, path, typeName, depth, false, chosen, note);
        g.alternatives = List.copyOf(alternatives);
        g.blanks = List.copyOf(blanks);
        g.discriminator = discriminator;
        g.selected.set(selected);
        return g;
    }

    /** A counted array whose length follows its rows, at most {@code capacity} of them. */
    static GroupEntry growable(String label, String path, String typeName, int depth, List<FormEntry> elements,
                               int capacity, com.fasterxml.jackson.databind.JsonNode blank, String note) {
        GroupEntry g = new GroupEntry(Kind.ARRAY, label, path, typeName, depth, false, elements, note);
        g.blanks = List.of(blank);
        g.growable = true;
        g.capacity = capacity;
        return g;
    }

    /** For a tagged union: the names of its alternatives ({@link #selected()} indexes them, -1 for none). */
    public List<String> alternatives() {
        return alternatives;
    }

    /**
     * For a tagged union: whether the person chooses the alternative (its discriminator is
     * derived); otherwise the alternative follows a member elsewhere, edited there.
     */
    public boolean choosable() {
        return discriminator != null;
    }

    /** For a choosable tagged union: the member of the enclosing record that selects the alternative. */
    public String discriminator() {
        return discriminator;
    }

    /** For a tagged union: the value each alternative starts from (never changed). */
    List<com.fasterxml.jackson.databind.JsonNode> blanks() {
        return blanks;
    }

    /** For a growable array: the value a new element starts from (never changed). */
    com.fasterxml.jackson.databind.JsonNode blank() {
        return blanks.getFirst();
    }

    /** For an array: whether elements are added and removed (its count is derived from them). */
    public boolean growable() {
        return growable;
    }

    /** For a growable array: the most elements the form holds. */
    public int capacity() {
        return capacity;
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

    /**
     * For a union: selects the member to edit; out-of-range indices are ignored. A tagged union's
     * alternative changes the form's shape: that goes through {@link ComposeViewModel#choose}.
     */
    public void select(int index) {
        if (kind != Kind.TAGGED && index >= 0 && index < children.size()) {
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
