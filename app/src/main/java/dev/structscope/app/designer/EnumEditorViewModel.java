package dev.structscope.app.designer;

import dev.structscope.app.common.Document;
import dev.structscope.app.common.DocumentState;
import dev.structscope.model.InputException;
import dev.structscope.model.layout.LayoutEngine;
import dev.structscope.model.layout.TypeLayout;
import dev.structscope.model.type.EnumType;
import dev.structscope.model.type.Enumerator;
import dev.structscope.model.type.NamedType;
import dev.structscope.model.type.Prim;
import dev.structscope.model.type.TypeLibrary;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;

import java.util.ArrayList;
import java.util.List;

/**
 * State and commands of the enum editor, the designer's counterpart for enums: which enum is
 * shown, its enumerators, its size and alignment on the document's ABI, the cells holding
 * rejected input with their reasons, and every edit (add, delete, reorder, rename, values,
 * comments, fixed underlying type, packed) as one undoable step of the {@link Document}.
 * Owned by the shell's view model; FX thread.
 */
public final class EnumEditorViewModel {
    /** The editable columns. */
    public enum Column { NAME, VALUE, COMMENT }

    /** A cell's key in {@link #invalidCells}. */
    public record CellKey(int index, Column column) {
    }


    private final Document doc;
    /** The tag of the enum being edited; null when the editor shows nothing. */
    public final StringProperty tag = new SimpleStringProperty(this, "tag");
    public final ObjectProperty<EnumType> enumType = new SimpleObjectProperty<>(this, "enumType");
    /** "size 4 · align 4 · int" on the document's ABI. */
    public final StringProperty sizeText = new SimpleStringProperty(this, "sizeText", "");
    public final IntegerProperty selected = new SimpleIntegerProperty(this, "selected", -1);
    /** The last edit's description (for the status bar). */
    public final StringProperty message = new SimpleStringProperty(this, "message", "");
    /** Why the last edit was refused, or empty. */
    public final StringProperty error = new SimpleStringProperty(this, "error", "");
    /** Cells whose text was refused, with the reason. */
    public final ObservableMap<CellKey, Invalid> invalidCells = FXCollections.observableHashMap();

    public EnumEditorViewModel(Document doc) {
        this.doc = doc;
        doc.state.addListener((o, a, b) -> refresh());
        tag.addListener((o, a, b) -> {
            invalidCells.clear();
            error.set("");
            selected.set(-1);
            refresh();
        });
    }

    /** Applies text typed into a cell; false (and the cell marked) when it is refused. */
    public boolean edit(int index, Column column, String text) {
        EnumType e = enumType.get();
        if (e == null || index < 0 || index >= e.enumerators().size()) {
            return false;
        }
        Enumerator old = e.enumerators().get(index);
        Enumerator next;
        try {
            next = switch (column) {
                case NAME -> {
                    String n = text == null ? "" : text.strip();
                    if (!n.equals(old.name())) {
                        EnumEdits.checkEnumeratorName(doc.state.get().library(), e, index, n);
                    }
                    yield new Enumerator(n, old.value(), old.comment());
                }
                case VALUE -> {
                    long v = EnumEdits.parseValue(text);
                    EnumEdits.checkFits(v, e.underlying(), doc.state.get().abi());
                    yield new Enumerator(old.name(), v, old.comment());
                }
                case COMMENT -> new Enumerator(old.name(), old.value(),
                        text == null || text.isBlank() ? null : text.strip());
            };
        } catch (InputException ex) {
            invalidCells.put(new CellKey(index, column), new Invalid(text == null ? "" : text, ex.getMessage()));
            error.set(old.name() + ": " + ex.getMessage());
            return false;
        }
        invalidCells.remove(new CellKey(index, column));
        error.set("");
        if (!next.equals(old)) {
            commit(withList(e, EnumEdits.with(e.enumerators(), index, next)),
                    "Changed " + column.name().toLowerCase() + " of " + next.name());
        }
        return true;
    }

    /** Drops the refused text of one cell (Escape): it shows the enumerator's value again, and the error goes. */
    public void discardInvalid(int index, Column column) {
        if (invalidCells.remove(new CellKey(index, column)) != null) {
            error.set(invalidCells.isEmpty() ? "" : invalidCells.values().iterator().next().reason());
        }
    }

    /** Adds an enumerator after the selected one (or at the end), valued one more than the one before. */
    public void add() {
        EnumType e = enumType.get();
        if (e == null) {
            return;
        }
        int at = selected.get() < 0 ? e.enumerators().size() : selected.get() + 1;
        long value = at == 0 ? 0 : e.enumerators().get(at - 1).value() + 1;
        String name = EnumEdits.freshEnumerator(doc.state.get().library(), e);
        List<Enumerator> list = new ArrayList<>(e.enumerators());
        list.add(at, new Enumerator(name, value, null));
        if (commit(withList(e, list), "Added " + name)) {
            selected.set(at);
        }
    }

    /** Deletes the selected enumerator; the last one stays (C has no empty enums). */
    public void delete() {
        EnumType e = enumType.get();
        int i = selected.get();
        if (e == null || i < 0 || i >= e.enumerators().size()) {
            return;
        }
        if (e.enumerators().size() == 1) {
            error.set("An enum needs at least one enumerator (C has no empty enums)");
            return;
        }
        List<Enumerator> list = new ArrayList<>(e.enumerators());
        Enumerator gone = list.remove(i);
        if (commit(withList(e, list), "Deleted " + gone.name())) {
            selected.set(Math.min(i, list.size() - 1));
        }
    }

    /** Moves the selected enumerator up ({@code -1}) or down ({@code +1}); values stay as they are. */
    public void move(int delta) {
        EnumType e = enumType.get();
        int i = selected.get();
        int to = i + delta;
        if (e == null || i < 0 || to < 0 || to >= e.enumerators().size()) {
            return;
        }
        List<Enumerator> list = new ArrayList<>(e.enumerators());
        list.add(to, list.remove(i));
        if (commit(withList(e, list), "Moved " + list.get(to).name())) {
            selected.set(to);
        }
    }

    /** Renames the enum; members of that enum type follow. */
    public boolean rename(String text) {
        EnumType e = enumType.get();
        String n = text == null ? "" : text.strip();
        if (e == null || n.equals(e.tag())) {
            return e != null;
        }
        try {
            CellText.checkIdentifier(n, "enum name");
            if (doc.state.get().library().enumByTag(n).isPresent() || doc.state.get().library().findRecord(n).isPresent()) {
                throw new InputException("enum name", "'" + n + "' is already a type in this document");
            }
        } catch (InputException ex) {
            error.set(ex.getMessage());
            return false;
        }
        String old = e.tag();
        EnumType next = new EnumType(n, e.enumerators(), e.packed(), e.underlying(), e.comment());
        DocumentState s = doc.state.get();
        tagQuietly(n);
        doc.apply(s.withLibrary(EnumEdits.replace(s.library(), old, next)));
        message.set("Renamed enum " + old + " to " + n);
        error.set("");
        return true;
    }

    /** Sets the fixed underlying type ({@code null}: the compiler's choice from the values). */
    public boolean setUnderlying(Prim p) {
        EnumType e = enumType.get();
        if (e == null || java.util.Objects.equals(p, e.underlying())) {
            return false;
        }
        try {
            for (Enumerator en : e.enumerators()) {
                EnumEdits.checkFits(en.value(), p, doc.state.get().abi());
            }
        } catch (InputException ex) {
            error.set(ex.getMessage());
            return false;
        }
        return commit(new EnumType(e.tag(), e.enumerators(), e.packed(), p, e.comment()),
                p == null ? "Underlying type: the compiler's choice" : "Underlying type " + p.cName());
    }

    public boolean setPacked(boolean packed) {
        EnumType e = enumType.get();
        return e != null && e.packed() != packed
                && commit(new EnumType(e.tag(), e.enumerators(), packed, e.underlying(), e.comment()),
                packed ? "Packed enum" : "Not packed");
    }

    public boolean setComment(String text) {
        EnumType e = enumType.get();
        String c = text == null || text.isBlank() ? null : text.strip();
        return e != null && !java.util.Objects.equals(c, e.comment())
                && commit(new EnumType(e.tag(), e.enumerators(), e.packed(), e.underlying(), c), "Changed comment");
    }

    // ---- internals --------------------------------------------------------------------------

    private boolean tagChanging;

    private void tagQuietly(String n) {
        tagChanging = true;
        try {
            tag.set(n);
        } finally {
            tagChanging = false;
        }
    }

    private static EnumType withList(EnumType e, List<Enumerator> list) {
        return new EnumType(e.tag(), list, e.packed(), e.underlying(), e.comment());
    }

    private boolean commit(EnumType next, String what) {
        DocumentState s = doc.state.get();
        TypeLibrary lib = EnumEdits.replace(s.library(), next.tag(), next);
        doc.apply(s.withLibrary(lib));
        message.set(what);
        error.set("");
        return true;
    }

    private void refresh() {
        if (tagChanging) {
            return;
        }
        DocumentState s = doc.state.get();
        EnumType e = EnumEdits.find(s.library(), tag.get());
        enumType.set(e);
        if (e == null) {
            sizeText.set("");
            return;
        }
        try {
            TypeLayout l = LayoutEngine.layoutOf(NamedType.enumeration(e.tag()), s.library(), s.abi());
            sizeText.set("size " + l.size() + " · align " + l.align() + " on " + s.abi().name());
        } catch (InputException ex) {
            sizeText.set(ex.getMessage());
        }
        if (selected.get() >= e.enumerators().size()) {
            selected.set(e.enumerators().size() - 1);
        }
    }
}
