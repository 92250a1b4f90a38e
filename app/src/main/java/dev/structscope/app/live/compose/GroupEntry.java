package dev.structscope.app.live.compose;

import com.fasterxml.jackson.databind.JsonNode;
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
 * (through the view model, which rebuilds the form), up to {@link #capacity()}.
 *
 * <p>Everything but the union's selected member is fixed when {@link FormBuilder} builds the
 * group (a change of shape builds a new form); that one choice is the property the union's
 * chooser binds to. FX thread.
 *
 * @param kind              what kind of group
 * @param anonymous         an anonymous struct or union, its members in its parent's place
 * @param note              a note for the person (elements not shown, a flexible array member), or empty
 * @param alternatives      for a tagged union: the names of its alternatives ({@link #selected()} indexes them, -1 for none)
 * @param blanks            for a tagged union: the value each alternative starts from; for a growable
 *                          array: the one a new element starts from (never changed)
 * @param discriminator     for a tagged union whose discriminator is derived: the member of the
 *                          enclosing record that selects the alternative; otherwise null
 * @param growable          for an array: whether elements are added and removed (its count is derived from them)
 * @param capacity          for a growable array: the most elements the form holds
 * @param selectedProperty  for a union: the index of the member being edited
 */
public record GroupEntry(Kind kind, String label, String path, String typeName, int depth, boolean anonymous,
                         List<FormEntry> children, String note, List<String> alternatives, List<JsonNode> blanks,
                         String discriminator, boolean growable, int capacity, IntegerProperty selectedProperty)
        implements FormEntry {
    /** What kind of group. */
    public enum Kind { STRUCT, UNION, ARRAY, TAGGED }

    public GroupEntry {
        children = List.copyOf(children);
        alternatives = List.copyOf(alternatives);
        blanks = List.copyOf(blanks);
    }

    /** A struct, union or array of fixed shape, its first member selected. */
    GroupEntry(Kind kind, String label, String path, String typeName, int depth, boolean anonymous,
               List<FormEntry> children, String note) {
        this(kind, label, path, typeName, depth, anonymous, children, note, List.of(), List.of(), null, false, 0,
                new SimpleIntegerProperty(0));
    }

    /** A tagged union of the chosen alternative's row (or none) among {@code alternatives}. */
    static GroupEntry tagged(String label, String path, String typeName, int depth, List<FormEntry> chosen,
                             List<String> alternatives, List<JsonNode> blanks,
                             int selected, String discriminator, String note) {
        return new GroupEntry(Kind.TAGGED, label, path, typeName, depth, false, chosen, note, alternatives, blanks,
                discriminator, false, 0, new SimpleIntegerProperty(selected));
    }

    /** A counted array whose length follows its rows, at most {@code capacity} of them. */
    static GroupEntry growable(String label, String path, String typeName, int depth, List<FormEntry> elements,
                               int capacity, JsonNode blank, String note) {
        return new GroupEntry(Kind.ARRAY, label, path, typeName, depth, false, elements, note, List.of(),
                List.of(blank), null, true, capacity, new SimpleIntegerProperty(0));
    }

    /**
     * For a tagged union: whether the person chooses the alternative (its discriminator is
     * derived); otherwise the alternative follows a member elsewhere, edited there.
     */
    public boolean choosable() {
        return discriminator != null;
    }

    /** For a growable array: the value a new element starts from (never changed). */
    JsonNode blank() {
        return blanks.getFirst();
    }

    public int selected() {
        return selectedProperty.get();
    }

    /**
     * For a union: selects the member to edit; out-of-range indices are ignored. A tagged union's
     * alternative changes the form's shape: that goes through {@link ComposeViewModel#choose}.
     */
    public void select(int index) {
        if (kind != Kind.TAGGED && index >= 0 && index < children.size()) {
            selectedProperty.set(index);
        }
    }

    /** Whether child {@code i} is edited and sent (always, except a union's unselected members). */
    public boolean active(int i) {
        return kind != Kind.UNION || i == selectedProperty.get();
    }
}
