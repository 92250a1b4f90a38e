package dev.structscope.app.common;

import dev.structscope.model.abi.Abis;
import dev.structscope.model.type.TypeLibrary;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The open layout document: its current {@link DocumentState}, the history of states for undo
 * and redo, the file it came from and the state last saved (for the dirty marker). Shared by the
 * shell, the library list and the designer view models. FX thread only (its properties are
 * observed by views), though it needs no running toolkit, so plain unit tests can use it.
 */
public final class Document {
    private static final int MAX_HISTORY = 500;

    private final ReadOnlyObjectWrapper<DocumentState> stateWrapper = new ReadOnlyObjectWrapper<>(this, "state");
    public final ReadOnlyObjectProperty<DocumentState> state = stateWrapper.getReadOnlyProperty();
    public final ObjectProperty<Path> file = new SimpleObjectProperty<>(this, "file");
    private final ObjectProperty<DocumentState> saved = new SimpleObjectProperty<>(this, "saved");
    private final ReadOnlyBooleanWrapper canUndoWrapper = new ReadOnlyBooleanWrapper(this, "canUndo");
    public final ReadOnlyBooleanProperty canUndo = canUndoWrapper.getReadOnlyProperty();
    private final ReadOnlyBooleanWrapper canRedoWrapper = new ReadOnlyBooleanWrapper(this, "canRedo");
    public final ReadOnlyBooleanProperty canRedo = canRedoWrapper.getReadOnlyProperty();
    private final Deque<DocumentState> past = new ArrayDeque<>();
    private final Deque<DocumentState> future = new ArrayDeque<>();
    public final BooleanBinding dirty;

    public Document(DocumentState initial) {
        stateWrapper.set(initial);
        saved.set(initial);
        dirty = Bindings.createBooleanBinding(() -> !sameContent(stateWrapper.get(), saved.get()), stateWrapper, saved);
    }

    /** An empty document for x86_64-linux. */
    public static Document empty() {
        return new Document(new DocumentState(TypeLibrary.EMPTY, null, Abis.X86_64_LINUX,
                Abis.X86_64_LINUX.byteOrder()));
    }

    /** Makes {@code next} the current state as one undoable step (no step when nothing changed). */
    public void apply(DocumentState next) {
        if (next.equals(stateWrapper.get())) {
            return;
        }
        past.push(stateWrapper.get());
        while (past.size() > MAX_HISTORY) {
            past.removeLast();
        }
        future.clear();
        stateWrapper.set(next);
        updateFlags();
    }

    /**
     * Changes only what the designer shows (the selected record), without an undo step: moving
     * around a document is not an edit.
     */
    public void select(String name) {
        stateWrapper.set(stateWrapper.get().withSelected(name));
    }

    public void undo() {
        if (!past.isEmpty()) {
            future.push(stateWrapper.get());
            stateWrapper.set(past.pop());
            updateFlags();
        }
    }

    public void redo() {
        if (!future.isEmpty()) {
            past.push(stateWrapper.get());
            stateWrapper.set(future.pop());
            updateFlags();
        }
    }

    /** Replaces everything (a newly opened document): no history, not dirty. */
    public void replace(DocumentState fresh, Path from) {
        past.clear();
        future.clear();
        stateWrapper.set(fresh);
        saved.set(fresh);
        file.set(from);
        updateFlags();
    }

    /** Records that the current state is on disk at {@code to}. */
    public void markSaved(Path to) {
        saved.set(stateWrapper.get());
        file.set(to);
    }


    private void updateFlags() {
        canUndoWrapper.set(!past.isEmpty());
        canRedoWrapper.set(!future.isEmpty());
    }

    // Selection is not content: changing it does not dirty the file. The byte order is: a layout
    // document saves it, so changing it unsaved would be lost on close.
    private static boolean sameContent(DocumentState a, DocumentState b) {
        return a.library().equals(b.library()) && a.abi().equals(b.abi())
                && a.byteOrder().equals(b.byteOrder());
    }
}
