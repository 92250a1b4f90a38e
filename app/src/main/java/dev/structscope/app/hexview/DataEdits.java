package dev.structscope.app.hexview;

import dev.structscope.app.common.Fmt;
import dev.structscope.io.edit.EditOverlay;
import dev.structscope.io.edit.OverlaySaver;
import dev.structscope.io.source.DataSource;
import dev.structscope.io.write.Expected;
import dev.structscope.io.write.InPlaceWriter;
import dev.structscope.model.InputException;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.concurrent.Task;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The edits to the open data file, as a view model: an {@link EditOverlay} over the mapped file
 * (the file is never written while editing), typing over bytes in the hex and ASCII panes
 * (overwrite, or insert mode), writing a member's encoded bytes, undo and redo, which bytes to
 * mark as changed, and the save as a background {@link Task} (the engine's {@link OverlaySaver}:
 * in place with a journal when the size is kept, else streamed to a file beside and renamed).
 *
 * <p>Edits are refused, with the reason in {@link #message}, while nothing editable is
 * open (a live message, a read-only file or file system) and while a save runs. Owned by the hex
 * pane, one per opened file ({@link #attach}); FX thread only (the save's work runs on the task's
 * thread, which reads the overlay while edits are refused).
 */
public final class DataEdits {
    private final HexViewModel hex;
    private EditedSource edited;
    private final java.util.List<EditedSource> retired = new java.util.ArrayList<>();
    private Path path;
    private Expected expected;
    private String readOnly;
    /**
     * The byte whose high nibble was just typed (its low nibble is next), or -1. Set only right
     * after that edit, and cleared by any other edit, undo, redo or caret move.
     */
    private long nibbleAt = -1;
    public final BooleanProperty insertMode = new SimpleBooleanProperty(this, "insertMode");
    private final ReadOnlyBooleanWrapper modifiedWrapper = new ReadOnlyBooleanWrapper(this, "modified");
    public final ReadOnlyBooleanProperty modified = modifiedWrapper.getReadOnlyProperty();
    private final ReadOnlyBooleanWrapper canUndoWrapper = new ReadOnlyBooleanWrapper(this, "canUndo");
    public final ReadOnlyBooleanProperty canUndo = canUndoWrapper.getReadOnlyProperty();
    private final ReadOnlyBooleanWrapper canRedoWrapper = new ReadOnlyBooleanWrapper(this, "canRedo");
    public final ReadOnlyBooleanProperty canRedo = canRedoWrapper.getReadOnlyProperty();
    private final ReadOnlyBooleanWrapper savingWrapper = new ReadOnlyBooleanWrapper(this, "saving");
    public final ReadOnlyBooleanProperty saving = savingWrapper.getReadOnlyProperty();
    private final ReadOnlyLongWrapper versionWrapper = new ReadOnlyLongWrapper(this, "version");
    /** Counts edits, undos and redos: views re-read their bytes when it changes. */
    public final ReadOnlyLongProperty version = versionWrapper.getReadOnlyProperty();
    private final ReadOnlyStringWrapper messageWrapper = new ReadOnlyStringWrapper(this, "message", "");
    /** Why the last edit was refused, or what the last save did; empty when nothing to say. */
    public final ReadOnlyStringProperty message = messageWrapper.getReadOnlyProperty();

    public DataEdits(HexViewModel hex) {
        this.hex = hex;
        hex.selection.addListener((o, a, b) -> {
            if (b.caret() != a.caret() && b.caret() != nibbleAt) {
                nibbleAt = -1;
            }
        });
        insertMode.addListener((o, a, b) -> nibbleAt = -1);
    }

    /**
     * Whether a file can be written and what it is now (size and time, to notice a change on disk
     * before a save), or why it cannot be edited. File-system work: made on the files lane when
     * the file is opened, then handed to {@link #attach}.
     */
    public record Access(Expected expected, String readOnly, java.nio.channels.FileChannel channel) {
        /**
         * Looks at {@code path}; when it is writable, also opens the channel the edits' private
         * (copy-on-write) mapping is later made from, so that the first edit, on the FX thread,
         * opens no file.
         */
        public static Access probe(Path path) {
            if (path == null) {
                return new Access(null, "these bytes are not a file and cannot be edited", null);
            }
            try {
                InPlaceWriter.checkWritable(path);
                Expected e = Expected.of(path);
                java.nio.channels.FileChannel ch;
                try {
                    ch = java.nio.channels.FileChannel.open(path, java.nio.file.StandardOpenOption.READ,
                            java.nio.file.StandardOpenOption.WRITE);
                } catch (java.io.IOException x) {
                    return new Access(null, "cannot be opened for writing: " + x.getMessage(), null);
                }
                return new Access(e, null, ch);
            } catch (InputException e) {
                return new Access(null, e.getMessage(), null);
            }
        }
    }

    /**
     * Starts editing {@code base}, the mapped file {@code path} (null: bytes that are not a file,
     * shown read-only) with what {@link Access#probe} found. Returns the source the views read:
     * the base through a fresh overlay.
     */
    public DataSource attach(DataSource base, Path path, Access access) {
        detach();
        if (base == null) {
            return null;
        }
        this.path = path;
        Access a = path == null || access == null ? Access.probe(null) : access;
        this.edited = new EditedSource(new EditOverlay(base), path, a.channel());
        readOnly = a.readOnly();
        expected = a.expected();
        changed();
        return edited;
    }

    /**
     * Forgets the edits of the previous file (the caller has asked whether to save them). Its
     * source is closed by {@link #closeRetired()}, once the views have let go of it.
     */
    public void detach() {
        if (edited != null) {
            retired.add(edited);
        }
        edited = null;
        path = null;
        nibbleAt = -1;
        changed();
    }

    /** Closes the sources of files no longer edited (call after the views show the new one). */
    public void closeRetired() {
        for (EditedSource s : retired) {
            s.close();
        }
        retired.clear();
    }

    /** What the views read: the file through the edits, or null when none is attached. */
    public DataSource source() {
        return edited;
    }

    /** The file being edited, or null. */
    public Path path() {
        return path;
    }

    /** The file as it was when opened (size, time), or null when it cannot be written. */
    public Expected expected() {
        return expected;
    }

    /** Why this file cannot be edited, or null when it can. */
    public String readOnlyReason() {
        return readOnly;
    }

    /** The ranges in {@code [from, to)} changed since the file was opened (or saved): marked in the views. */
    public List<EditOverlay.Range> changedRanges(long from, long to) {
        return edited == null || !modifiedWrapper.get() ? List.of() : edited.overlay().addedRanges(from, to);
    }

    // ---- edits --------------------------------------------------------------------------------

    /** Whether an edit may be made now; when not, says why in {@link #message}. */
    public boolean editable() {
        String why = edited == null ? "no file is open" : readOnly != null ? readOnly
                : savingWrapper.get() ? "a save is running; edit again when it is done" : null;
        if (why != null) {
            messageWrapper.set("Cannot edit: " + why);
            return false;
        }
        return true;
    }

    /**
     * A hex digit typed in the hex pane at the caret: the first sets the byte's high nibble (in
     * insert mode, inserts a byte), the second its low nibble and moves on. False when {@code c}
     * is not a hex digit or the edit is refused.
     */
    public boolean typeHex(char c) {
        int d = Character.digit(c, 16);
        if (d < 0 || hex.size() == 0 && !insertMode.get() || !editable()) {
            return false;
        }
        long at = hex.caret();
        if (nibbleAt == at) {
            // The byte's second digit replaces the edit of its first: one undo step per byte typed.
            int old = Byte.toUnsignedInt(edited.slice(at, 1).get(java.lang.foreign.ValueLayout.JAVA_BYTE, 0));
            byte[] b = {(byte) ((old & 0xF0) | d)};
            apply(() -> {
                edited.overlay().undo();
                if (insertMode.get()) {
                    edited.overlay().insert(at, b);
                } else {
                    edited.overlay().overwrite(at, b);
                }
            });
            nibbleAt = -1;
            advance(at);
            return true;
        }
        if (insertMode.get()) {
            apply(() -> edited.overlay().insert(at, new byte[] {(byte) (d << 4)}));
        } else {
            int old = Byte.toUnsignedInt(edited.slice(at, 1).get(java.lang.foreign.ValueLayout.JAVA_BYTE, 0));
            apply(() -> edited.overlay().overwrite(at, new byte[] {(byte) ((d << 4) | (old & 0x0F))}));
        }
        nibbleAt = at;
        return true;
    }

    /** A character typed in the ASCII pane at the caret (Latin-1): overwrites or inserts a byte. */
    public boolean typeChar(char c) {
        if (c > 0xFF || Character.isISOControl(c)) {
            if (c > 0xFF) {
                messageWrapper.set(String.format(Locale.ROOT, "'%c' is not one byte (Latin-1); type it in the hex pane", c));
            }
            return false;
        }
        if (hex.size() == 0 && !insertMode.get() || !editable()) {
            return false;
        }
        long at = hex.caret();
        nibbleAt = -1;
        byte[] b = String.valueOf(c).getBytes(StandardCharsets.ISO_8859_1);
        apply(() -> {
            if (insertMode.get()) {
                edited.overlay().insert(at, b);
            } else {
                edited.overlay().overwrite(at, b);
            }
        });
        advance(at);
        return true;
    }

    /** What the last edit, undo or redo changed (null: none, or no file attached). */
    public EditOverlay.Edit lastEdit() {
        return edited == null ? null : edited.overlay().lastEdit();
    }

    /** Writes {@code bytes} over the content from {@code offset}: one undo step (a member's new value). */
    public boolean write(long offset, byte[] bytes) {
        return applyBytes(bytes, () -> edited.overlay().overwrite(offset, bytes));
    }

    /** Inserts {@code bytes} at {@code offset}: one undo step. */
    public boolean insert(long offset, byte[] bytes) {
        return applyBytes(bytes, () -> edited.overlay().insert(offset, bytes));
    }

    /** Most bytes one fill writes (they are held as added bytes until saved). */
    public static final long FILL_MAX = 16L << 20;

    /** Fills {@code length} bytes from {@code start} with {@code pattern} repeated: one undo step. */
    public boolean fill(long start, long length, byte[] pattern) {
        if (pattern.length == 0 || length <= 0 || !editable()) {
            return false;
        }
        if (length > FILL_MAX) {
            messageWrapper.set("Cannot fill " + length + " bytes at once (at most " + (FILL_MAX >> 20) + " MiB)");
            return false;
        }
        byte[] b = new byte[(int) length];
        for (int i = 0; i < b.length; i++) {
            b[i] = pattern[i % pattern.length];
        }
        return applyBytes(b, () -> edited.overlay().overwrite(start, b));
    }

    /** Pastes {@code bytes} at {@code at}: over the bytes there, or inserted in insert mode; one undo step. */
    public boolean paste(long at, byte[] bytes) {
        boolean made = applyBytes(bytes, () -> {
            if (insertMode.get()) {
                edited.overlay().insert(at, bytes);
            } else {
                edited.overlay().overwrite(at, bytes);
            }
        });
        if (made) {
            hex.select(at, bytes.length);
        }
        return made;
    }

    public boolean undo() {
        return edited != null && !savingWrapper.get() && step(edited.overlay()::undo, "Undone");
    }

    public boolean redo() {
        return edited != null && !savingWrapper.get() && step(edited.overlay()::redo, "Redone");
    }

    private boolean step(java.util.function.BooleanSupplier s, String what) {
        nibbleAt = -1;
        boolean done = s.getAsBoolean();
        if (done) {
            changed();
            say(what);
            hex.moveTo(hex.caret(), false);
        }
        return done;
    }

    /**
     * Says what the last edit, undo or redo ({@code what}: "Changed", "Undone", "Redone") did to
     * which bytes, and whether unsaved edits remain: the message under the bytes would otherwise
     * still name an edit that was undone, or a save that later edits made old. A view's more
     * particular message (a member's new value) follows it.
     */
    private void say(String what) {
        EditOverlay.Edit e = lastEdit();
        if (e == null) {
            return;
        }
        String bytes = e.inPlace() ? Fmt.bytes(e.inserted()) + " at " + hexOffset(e.offset())
                : e.inserted() > e.removed() ? Fmt.bytes(e.inserted() - e.removed()) + " inserted at " + hexOffset(e.offset())
                : Fmt.bytes(e.removed() - e.inserted()) + " removed at " + hexOffset(e.offset());
        // Set through "" so that the same words said again still reach the listeners.
        messageWrapper.set("");
        messageWrapper.set(what + ": " + bytes + (modifiedWrapper.get() ? " · not saved" : " · as saved"));
    }

    private static String hexOffset(long v) {
        return String.format(Locale.ROOT, "0x%X", v);
    }

    /**
     * Runs {@code edit}, which writes or inserts {@code bytes}, as one undo step; nothing when there
     * are no bytes or the data cannot be edited. Whether it was made.
     */
    private boolean applyBytes(byte[] bytes, Runnable edit) {
        if (bytes.length == 0 || !editable()) {
            return false;
        }
        nibbleAt = -1;
        return apply(edit);
    }

    /** Runs {@code edit}; whether it was made (a refused one is said in the message instead). */
    private boolean apply(Runnable edit) {
        boolean made = false;
        try {
            edit.run();
            made = true;
        } catch (InputException e) {
            messageWrapper.set("Cannot edit: " + e.getMessage());
        }
        changed();
        if (made) {
            say("Changed");
        }
        return made;
    }

    private void advance(long at) {
        if (at + 1 < hex.size()) {
            hex.moveTo(at + 1, false);
        } else {
            hex.moveTo(at, false);
        }
    }

    private void changed() {
        if (edited != null) {
            edited.edited();
        }
        EditOverlay o = edited == null ? null : edited.overlay();
        modifiedWrapper.set(o != null && o.modified());
        canUndoWrapper.set(o != null && o.canUndo());
        canRedoWrapper.set(o != null && o.canRedo());
        versionWrapper.set(versionWrapper.get() + 1);
    }

    // ---- saving -----------------------------------------------------------------------------

    /**
     * A task that saves the edited content to {@code target}: the opened file itself (same size:
     * in place with a journal; otherwise streamed and renamed) or another file (Save As, always
     * streamed). {@code check}: the file as the caller expects it on disk (null for a new target);
     * a file that differs is refused by the saver. The caller runs the task and, when it succeeds,
     * reopens the target. Edits are refused until the task ends.
     */
    public Task<Path> saveTask(Path target, Expected check) {
        if (edited == null) {
            throw new IllegalStateException("no file is open");
        }
        EditOverlay overlay = edited.overlay();
        savingWrapper.set(true);
        java.util.concurrent.atomic.AtomicBoolean started = new java.util.concurrent.atomic.AtomicBoolean();
        Task<Path> t = new Task<>() {
            @Override
            protected Path call() {
                started.set(true);
                try {
                    if (isCancelled()) {
                        return null;
                    }
                    updateProgress(0, 1);
                    overlay.save(target, check, (done, total) -> updateProgress(done, Math.max(1, total)), this::isCancelled);
                    return target;
                } finally {
                    // Edits are accepted again only once the saver has stopped reading the overlay,
                    // which a cancel does not wait for.
                    javafx.application.Platform.runLater(() -> savingWrapper.set(false));
                }
            }
        };
        // Cancelled before it ever ran: no saver thread will say it is done.
        t.addEventHandler(javafx.concurrent.WorkerStateEvent.WORKER_STATE_CANCELLED, e -> {
            if (!started.get()) {
                savingWrapper.set(false);
            }
        });
        return t;
    }
}
