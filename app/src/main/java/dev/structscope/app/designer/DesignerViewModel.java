package dev.structscope.app.designer;

import dev.structscope.app.common.Document;
import dev.structscope.app.common.DocumentState;
import dev.structscope.app.common.Fmt;
import dev.structscope.model.InputException;
import dev.structscope.model.abi.Abi;
import dev.structscope.model.layout.FieldLayout;
import dev.structscope.model.layout.LayoutEngine;
import dev.structscope.model.type.DynamicLayoutCheck;
import dev.structscope.model.type.MemberRules;
import dev.structscope.model.layout.Padding;
import dev.structscope.model.layout.RecordLayout;
import dev.structscope.model.layout.Reordering;
import dev.structscope.model.type.CType;
import dev.structscope.model.type.Member;
import dev.structscope.model.type.Prim;
import dev.structscope.model.type.PrimitiveType;
import dev.structscope.model.type.RecordKind;
import dev.structscope.model.type.RecordType;
import dev.structscope.model.type.TypeLibrary;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * State and commands of the struct designer: the rows of the selected record laid out, the
 * selected member, the cells holding invalid input with their reasons, and every edit (add,
 * delete, duplicate, move, cell edits, pack, aligned, ABI, pack tightly). Each edit builds a new
 * immutable record and library, lays it out again and, when valid, becomes one undoable step of
 * the {@link Document}; invalid input never throws: it is kept in {@link #invalidCells} with a
 * message. Holds no nodes. FX thread only.
 */
public final class DesignerViewModel {
    /** The editable cells of a member row. */
    public enum Column {
        TYPE, NAME, ARRAY, BITS, ATTRS, COMMENT,
        /** {@code [[structscope::at(...)]]}: where the member lies, from the record's start. */
        AT,
        /** {@code [[structscope::switch(...)]]} on a union member: which alternative to read. */
        SWITCH,
        /** {@code [[structscope::when(...)]]} on an alternative: the switch values that choose it. */
        WHEN,
        /** {@code [[structscope::size(...)]]}: the bytes the member occupies. */
        SIZE
    }


    /** The key of a cell: member index and column. */
    public record CellKey(int member, Column column) {
    }

    public final Document document;
    public final ObjectProperty<RecordLayout> layout = new SimpleObjectProperty<>(this, "layout");
    public final ObservableList<DesignerRow> rows = FXCollections.observableArrayList();
    public final IntegerProperty selectedMember = new SimpleIntegerProperty(this, "selectedMember", -1);
    public final BooleanProperty hexOffsets = new SimpleBooleanProperty(this, "hexOffsets", true);
    /** The last thing worth telling the user (status bar). */
    public final StringProperty message = new SimpleStringProperty(this, "message", "");
    /** The current validation error (empty when none), also shown in the status bar. */
    public final StringProperty error = new SimpleStringProperty(this, "error", "");
    public final StringProperty summary = new SimpleStringProperty(this, "summary", "");
    /**
     * Where the record's name, not the struct, sets its alignment (a typedef's aligned attribute,
     * as glibc's {@code __pthread_unwind_buf_t} has): what sets it and the struct's own; else empty.
     */
    public final StringProperty alignNote = new SimpleStringProperty(this, "alignNote", "");
    public final ObservableMap<CellKey, Invalid> invalidCells = FXCollections.observableHashMap();
    /** Bytes that {@link #packTightly()} would save right now. */
    public final ObjectProperty<Long> tightSaving = new SimpleObjectProperty<>(this, "tightSaving", 0L);
    /**
     * The read rule the document's library breaks now ({@link #readFault}), worked out once per
     * library (not per selection, and not again when an edit compares against it); shown while no
     * cell has an error of its own.
     */
    private Optional<String> libraryFault = Optional.empty();
    private String standingFault = "";
    /** Offset texts of the members of a dynamic record (see {@link #dynamicOffset}), null when static. */
    private List<String> offsetTexts;

    public DesignerViewModel(Document document) {
        this.document = document;
        document.state.addListener((o, a, b) -> refresh(a, b));
        refresh(null, document.state.get());
    }

    // ---- observable state -------------------------------------------------------------------

    /**
     * Drops the rejected text of one cell (Escape): the cell shows the member's value again and
     * the error goes with it (another invalid cell's reason stays shown).
     */
    public void discardInvalid(int member, Column column) {
        CellKey key = new CellKey(member, column);
        if (invalidCells.containsKey(key)) {
            accept(key);
        }
    }

    /** The selected record's definition, or {@code null}. */
    public RecordType record() {
        RecordLayout l = layout.get();
        return l == null ? null : l.definition();
    }

    /** Type names offered by the type cell's completion. */
    public List<String> typeSuggestions() {
        List<String> out = new ArrayList<>(CellText.primitiveNames());
        out.addAll(CellText.documentNames(document.state.get().library()));
        return out;
    }

    // ---- commands ---------------------------------------------------------------------------

    /** Inserts a new {@code int32_t} member after the selected one (or at the end). */
    public void addMember() {
        RecordType r = record();
        if (r == null) {
            return;
        }
        int at = selectedMember.get() < 0 ? r.members().size() : selectedMember.get() + 1;
        List<Member> ms = new ArrayList<>(r.members());
        ms.add(at, Member.of(freshName(r, "field"), PrimitiveType.of(Prim.INT32)));
        if (commit(r.withMembers(ms), "Added member " + ms.get(at).name())) {
            selectedMember.set(at);
        }
    }

    public void deleteMember() {
        RecordType r = record();
        int i = selectedIn(r);
        if (i < 0) {
            return;
        }
        List<Member> ms = new ArrayList<>(r.members());
        Member gone = ms.remove(i);
        if (commit(r.withMembers(ms), "Deleted member " + display(gone))) {
            selectedMember.set(Math.min(i, ms.size() - 1));
        }
    }

    public void duplicateMember() {
        RecordType r = record();
        int i = selectedIn(r);
        if (i < 0) {
            return;
        }
        List<Member> ms = new ArrayList<>(r.members());
        Member m = ms.get(i);
        Member copy = m.name() == null ? m : m.withName(freshName(r, m.name() + "_copy"));
        ms.add(i + 1, copy);
        if (commit(r.withMembers(ms), "Duplicated " + display(m))) {
            selectedMember.set(i + 1);
        }
    }

    /** The selected member's index in {@code r}, or -1 when there is no record or no member of it selected. */
    private int selectedIn(RecordType r) {
        int i = selectedMember.get();
        return r == null || i < 0 || i >= r.members().size() ? -1 : i;
    }

    /** Moves the selected member up ({@code -1}) or down ({@code +1}). */
    public void moveSelected(int delta) {
        int i = selectedMember.get();
        moveMember(i, i + delta);
    }

    public void moveMember(int from, int to) {
        RecordType r = record();
        if (r == null || from < 0 || from >= r.members().size() || to < 0 || to >= r.members().size() || from == to) {
            return;
        }
        List<Member> ms = new ArrayList<>(r.members());
        Member m = ms.remove(from);
        ms.add(to, m);
        if (commit(r.withMembers(ms), "Moved " + display(m))) {
            selectedMember.set(to);
        }
    }

    /**
     * Applies text typed into a cell. Returns whether it was accepted; when not, the text stays in
     * {@link #invalidCells} with the reason and the document is unchanged.
     */
    public boolean edit(int index, Column column, String text) {
        RecordType r = record();
        if (r == null || index < 0 || index >= r.members().size()) {
            return false;
        }
        CellKey key = new CellKey(index, column);
        Member m = r.members().get(index);
        TypeLibrary lib = document.state.get().library();
        // Expressions may name the document's enum constants (when(MSG_HELLO)), as a header's may.
        Map<String, Long> enums = lib.enumerators();
        Member changed;
        try {
            changed = switch (column) {
                case TYPE -> {
                    CType typed = CellText.parseType(text, lib);
                    // The member keeps its dimensions, counts included, unless the type text has its own.
                    yield m.withType(typed instanceof dev.structscope.model.type.ArrayType ? typed
                            : withInnermost(m.type(), typed));
                }
                case NAME -> {
                    String name = text == null ? "" : text.strip();
                    if (name.isEmpty() && m.isBitField()) {
                        yield m.withName(null);
                    }
                    CellText.checkIdentifier(name, "name");
                    for (int j = 0; j < r.members().size(); j++) {
                        if (j != index && name.equals(r.members().get(j).name())) {
                            throw new InputException("name", "another member is already named '" + name + "'");
                        }
                    }
                    yield m.withName(name);
                }
                case ARRAY -> m.withType(DynamicText.withDims(CellText.elementOf(m.type()), text, layout.get(), index, enums));
                case AT -> m.withDynamic(m.dynamic().withAt(blank(text) ? null
                        : DynamicText.expression(text, "at", layout.get(), index, false, enums)));
                case SWITCH -> m.withDynamic(m.dynamic().withSwitchOn(blank(text) ? null
                        : DynamicText.expression(text, "switch", layout.get(), index, true, enums)));
                case WHEN -> m.withDynamic(m.dynamic().withWhen(blank(text) ? List.of() : DynamicText.whenValues(text, enums)));
                case SIZE -> m.withDynamic(m.dynamic().withSize(blank(text) ? null
                        : DynamicText.expression(text, "size", layout.get(), index, false, enums)));
                case BITS -> {
                    String s = text == null ? "" : text.strip();
                    if (s.isEmpty()) {
                        yield m.withBitWidth(null);
                    }
                    if (!s.matches("\\d{1,4}")) {
                        throw new InputException("bits", "'" + s + "' is not a bit width (0 or more)");
                    }
                    yield m.withBitWidth(Integer.parseInt(s));
                }
                case ATTRS -> CellText.withAttrs(m, text);
                case COMMENT -> m.withComment(text == null || text.isBlank() ? null : text.strip());
            };
        } catch (InputException e) {
            reject(key, text, e.getMessage());
            return false;
        }
        if (changed.equals(m)) {
            accept(key);
            return true;
        }
        // A rename that leaves an expression naming the old name is refused; the attribute cells
        // may pass through states the read rules refuse (a switch before its alternatives have
        // their when values), which the designer then names until they are mended.
        String failure = tryCommit(r.withMember(index, changed), "Changed " + column.name().toLowerCase() + " of "
                + display(changed), column == Column.NAME);
        if (failure != null) {
            reject(key, text, failure);
            return false;
        }
        accept(key);
        return true;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    /** {@code t} with its innermost element type replaced by {@code inner}, dimensions and counts kept. */
    private static CType withInnermost(CType t, CType inner) {
        if (t instanceof dev.structscope.model.type.ArrayType a) {
            return a.withElement(withInnermost(a.element(), inner));
        }
        return inner;
    }

    /**
     * The member paths an expression of member {@code index} may name (completion): earlier
     * members and members of earlier structs.
     */
    public List<String> expressionSuggestions(int index) {
        return DynamicText.paths(layout.get(), index);
    }

    /**
     * The offset of member {@code index} as an expression when data decides it
     * ({@code 4 + name_len}, {@code at(ehdr.e_shoff)}), or null when the offset is a number.
     */
    public String dynamicOffset(int index) {
        List<String> texts = offsetTexts;
        if (texts == null || index < 0 || index >= texts.size()) {
            return null;
        }
        String t = texts.get(index);
        return t == null || t.matches("\\d+") ? null : t;
    }

    /** Sets {@code #pragma pack(n)} for the record (0 = none). */
    public boolean setPack(int pack) {
        RecordType r = record();
        return r != null && r.pack() != pack && commit(r.withPack(pack), pack == 0 ? "No pack" : "Pack " + pack);
    }

    /** Sets {@code __attribute__((aligned(n)))} on the record (0 = none). */
    public boolean setAligned(long aligned) {
        RecordType r = record();
        return r != null && r.alignedAttr() != aligned && commit(r.withAlignedAttr(aligned),
                aligned == 0 ? "No aligned override" : "Aligned " + aligned);
    }

    public void setAbi(Abi abi) {
        if (!abi.equals(document.state.get().abi())) {
            DocumentState s = document.state.get();
            document.apply(s.withAbi(abi).withByteOrder(abi.byteOrder()));
            message.set("ABI " + abi.name());
        }
    }

    public void setByteOrder(ByteOrder order) {
        if (!order.equals(document.state.get().byteOrder())) {
            document.apply(document.state.get().withByteOrder(order));
        }
    }

    /** Reorders the members to minimise padding (one undoable step); returns the bytes saved. */
    public long packTightly() {
        RecordType r = record();
        if (r == null) {
            return 0;
        }
        if (layout.get() != null && layout.get().dynamic()) {
            message.set("Not packed: a dynamic record keeps its order (its expressions name the members before them)");
            return 0;
        }
        Reordering re = LayoutEngine.minimisePadding(r, document.state.get().library(), document.state.get().abi());
        if (re.saved() <= 0) {
            message.set("Already tight: no member order saves a byte");
            return 0;
        }
        commit(re.reordered(), "Packed tightly: saved " + Fmt.bytes(re.saved()) + " (" + re.sizeBefore() + " → "
                + re.sizeAfter() + ")");
        return re.saved();
    }

    /** Undoes the last layout edit and says so (the status still named the edit undone). */
    public void undo() {
        if (document.canUndo.get()) {
            document.undo();
            say("Undone · Ctrl+Shift+Z redoes");
        }
    }

    /** Redoes the last undone layout edit and says so. */
    public void redo() {
        if (document.canRedo.get()) {
            document.redo();
            say("Redone · Ctrl+Z undoes");
        }
    }

    /** Sets the message afresh, so that its listeners hear it even when it was the message before. */
    private void say(String text) {
        message.set("");
        message.set(text);
    }

    // ---- internals --------------------------------------------------------------------------

    /** Applies a structural edit (add, delete, move, pack): refused when it leaves the layout unreadable. */
    private boolean commit(RecordType next, String what) {
        String failure = tryCommit(next, what, true);
        if (failure != null) {
            error.set(failure);
            return false;
        }
        return true;
    }

    /**
     * Lays out {@code next}; on success applies it and returns null, else returns the reason. With
     * {@code refuseNewFault}, an edit is also refused when it breaks a rule a header or document
     * is read by that the library kept before (an expression naming a member that is gone or comes
     * later, a when value twice, a when outside a switched union).
     */
    private String tryCommit(RecordType next, String what, boolean refuseNewFault) {
        DocumentState s = document.state.get();
        TypeLibrary lib = RecordEdits.replace(s.library(), s.selected(), next);
        try {
            LayoutEngine.layout(next, lib, s.abi());
        } catch (InputException e) {
            return e.getMessage();
        }
        Set<String> names = new HashSet<>();
        for (Member m : next.members()) {
            if (m.name() != null && !names.add(m.name())) {
                return "two members are named '" + m.name() + "'";
            }
        }
        if (refuseNewFault) {
            Optional<String> fault = readFault(lib);
            if (fault.isPresent() && !fault.equals(libraryFault)) {
                return fault.get();
            }
        }
        document.apply(s.withLibrary(lib));
        message.set(what);
        return null;
    }

    /** The first rule of reading a header or document that {@code lib} breaks, as its message. */
    private static Optional<String> readFault(TypeLibrary lib) {
        return DynamicLayoutCheck.first(lib).map(MemberRules.DynamicFault::message);
    }

    private void reject(CellKey key, String text, String reason) {
        invalidCells.put(key, new Invalid(text, reason));
        error.set(reason);
    }

    private void accept(CellKey key) {
        invalidCells.remove(key);
        error.set(invalidCells.isEmpty() ? standingFault : invalidCells.values().iterator().next().reason());
    }

    private void refresh(DocumentState before, DocumentState now) {
        boolean sameRecord = before != null && java.util.Objects.equals(before.selected(), now.selected());
        RecordLayout l = null;
        String failure = null;
        if (now.selected() != null) {
            try {
                l = LayoutEngine.layout(now.selected(), now.library(), now.abi());
            } catch (InputException e) {
                failure = e.oneLine();
            }
        }
        if (!sameRecord || l == null || before.library() != now.library()) {
            // A structural change or undo makes pending invalid text meaningless.
            invalidCells.clear();
        }
        List<String> texts;
        try {
            texts = DynamicText.offsetTexts(l);
        } catch (RuntimeException e) {
            texts = null;
        }
        offsetTexts = texts;
        layout.set(l);
        rows.setAll(l == null ? List.of() : DesignerRows.of(l));
        // What a saved header or document would be refused for, named until it is mended.
        if (before == null || before.library() != now.library()) {
            libraryFault = readFault(now.library());
        }
        standingFault = l == null ? "" : libraryFault.map(f -> "Not readable as it stands: " + f).orElse("");
        error.set(failure == null ? standingFault : failure);
        if (!sameRecord) {
            selectedMember.set(-1);
        } else if (l != null && selectedMember.get() >= l.fields().size()) {
            selectedMember.set(l.fields().size() - 1);
        }
        summary.set(l == null ? "" : DesignerRows.summary(l));
        alignNote.set(l == null ? "" : now.library().findRecord(now.selected()).filter(nr -> nr.align() != 0)
                .map(nr -> "align " + nr.align() + ": the typedef " + nr.name() + " sets it (its aligned attribute);"
                        + " the " + nr.record().kind().keyword() + " alone is aligned to "
                        + LayoutEngine.layout(nr.record(), now.library(), now.abi()).align())
                .orElse(""));
        long saving = 0;
        // A dynamic record keeps its order: its expressions name the members before them.
        if (l != null && !l.dynamic()) {
            try {
                saving = LayoutEngine.minimisePadding(l.definition(), now.library(), now.abi()).saved();
            } catch (InputException e) {
                saving = 0;
            }
        }
        tightSaving.set(saving);
    }

    private static String freshName(RecordType r, String base) {
        Set<String> used = new HashSet<>();
        r.members().forEach(m -> used.add(m.name()));
        if (!used.contains(base)) {
            return base;
        }
        for (int n = 1; ; n++) {
            if (!used.contains(base + n)) {
                return base + n;
            }
        }
    }

    private static String display(Member m) {
        return m.name() == null ? "(unnamed)" : m.name();
    }
}
