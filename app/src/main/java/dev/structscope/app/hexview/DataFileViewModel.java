package dev.structscope.app.hexview;

import dev.structscope.app.common.Fmt;
import dev.structscope.app.common.TaskRunner;
import dev.structscope.io.source.DataSource;
import dev.structscope.io.source.Sources;
import dev.structscope.model.InputException;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The data pane's file: which source the hex explorer shows, who owns it, and what the pane says
 * about it — the file label, the message in place of the bytes (empty state, "Opening…", why a
 * file cannot be shown), the reload banner when the file changes on disk, and the status line.
 * Opening maps the file and probes what editing may do on the task runner's files lane, after
 * offering to recover an interrupted save; Reload maps it afresh and puts the view back where
 * it was. {@link HexPane} binds its labels to it and refreshes the decoded views when told a
 * source is shown.
 *
 * <p>Owns the sources it opens and closes them when replaced or disposed; a source given to
 * {@link #setSource} stays its caller's. FX thread.
 */
public final class DataFileViewModel {
    static final String EMPTY_STATE = "Open a binary file (Ctrl+Shift+O) to see its bytes.";

    private final HexViewModel hex;
    private final DataEdits edits;
    private final DataSaving saving;
    private final BookmarksModel bookmarks;
    private final SearchViewModel search;
    private final TaskRunner runner;
    private final Consumer<String> editStatus;
    private final FileWatcher watcher;
    private final ReadOnlyStringWrapper fileLabelWrapper = new ReadOnlyStringWrapper(this, "fileLabel", "no file");
    /** The file's name and size, with a dot while edits are unsaved; "no file" when none shows. */
    public final ReadOnlyStringProperty fileLabel = fileLabelWrapper.getReadOnlyProperty();
    private final ReadOnlyStringWrapper messageWrapper = new ReadOnlyStringWrapper(this, "message", EMPTY_STATE);
    /** What shows in place of the bytes, or null when the bytes show. */
    public final ReadOnlyStringProperty message = messageWrapper.getReadOnlyProperty();
    private final ReadOnlyStringWrapper bannerWrapper = new ReadOnlyStringWrapper(this, "banner");
    /** The reload banner's text, or null when there is none. */
    public final ReadOnlyStringProperty banner = bannerWrapper.getReadOnlyProperty();
    private final ReadOnlyStringWrapper statusWrapper = new ReadOnlyStringWrapper(this, "status", "Ready");
    /** The status line: caret, selection, size, rows, unsaved edits. */
    public final ReadOnlyStringProperty status = statusWrapper.getReadOnlyProperty();
    private Runnable onShown = () -> { };
    private DataSource owned;
    private Path openedPath;
    /** Numbers the opens: only the latest one's file is shown (opening A, then B, shows B whichever maps first). */
    private long opening;

    /**
     * @param editStatus where "read-only: why" goes when a file opens (the line under the bytes)
     */
    public DataFileViewModel(HexViewModel hex, DataEdits edits, DataSaving saving, BookmarksModel bookmarks,
                             SearchViewModel search, TaskRunner runner, Consumer<String> editStatus) {
        this.hex = hex;
        this.edits = edits;
        this.saving = saving;
        this.bookmarks = bookmarks;
        this.search = search;
        this.runner = runner;
        this.editStatus = editStatus;
        this.watcher = new FileWatcher(this::fileChanged, runner);
        hex.selection.addListener((o, a, b) -> updateStatus());
        edits.modified.addListener((o, a, b) -> {
            updateStatus();
            updateLabel();
        });
        edits.version.addListener((o, a, b) -> updateLabel());
    }

    /** Called on the FX thread each time another source shows (or none): the views re-decode. */
    public void setOnShown(Runnable onShown) {
        this.onShown = onShown;
    }

    /** The file this pane opened (null for a source given by a caller, or none). */
    public Path openedPath() {
        return openedPath;
    }

    /** Maps {@code path} in the background, after asking about unsaved edits; problems show as the message. */
    public void open(Path path) {
        if (saving.confirmDiscard("opening " + path.getFileName(), () -> open(path))) {
            open(path, null);
        }
    }

    /**
     * Offers to recover an interrupted save, then maps {@code path} — both on the files lane — and
     * runs {@code then} (may be null) on the FX thread once it shows.
     */
    public void open(Path path, Runnable then) {
        long mine = ++opening;
        messageWrapper.set("Opening " + path + " …");
        saving.offerJournal(path, () -> {
            if (mine == opening) {
                map(path, then, mine);
            }
        });
    }

    /** Maps {@code path} unless a later open, or a source set meanwhile, has superseded open number {@code mine}. */
    private void map(Path path, Runnable then, long mine) {
        runner.submit(TaskRunner.Lane.FILES, "Opening " + path.getFileName(),
                p -> new Opened(nonEmpty(Sources.open(path), path), DataEdits.Access.probe(path)), opened -> {
                    if (mine != opening) {
                        opened.source().close(); // a file opened later is shown, or will be
                        return;
                    }
                    adopt(opened.source(), path, opened.access());
                    if (then != null) {
                        then.run();
                    }
                }, x -> {
                    if (mine == opening) {
                        cannotShow(path, x instanceof InputException ie ? ie.getMessage() : String.valueOf(x));
                    }
                });
    }

    /**
     * The source, unless it has no bytes: the CLI reads an empty file as data without records,
     * but a window of no bytes would show nothing at all, so the pane says why instead.
     */
    private static DataSource nonEmpty(DataSource source, Path path) {
        if (source.size() == 0) {
            source.close();
            throw new InputException(path.toString(), "is empty (0 bytes): there is nothing to show");
        }
        return source;
    }

    private void cannotShow(Path path, String why) {
        show(null, null, null);
        fileLabelWrapper.set(path.getFileName() == null ? path.toString() : path.getFileName().toString());
        messageWrapper.set("Cannot show " + path + ": " + why);
    }

    /** A mapped file and what editing it may do, both found on the files lane. */
    private record Opened(DataSource source, DataEdits.Access access) {
    }

    private void adopt(DataSource source, Path path, DataEdits.Access access) {
        // Bookmarks are per data file: the list shows those made on this one.
        bookmarks.setFile(path.getFileName() == null ? path.toString() : path.getFileName().toString());
        show(source, path, access);
        owned = source;
        openedPath = path;
        editStatus.accept(edits.readOnlyReason() == null ? "" : "Read-only: " + edits.readOnlyReason());
    }

    /** Shows {@code source}, which stays owned by the caller (null: show nothing). */
    public void setSource(DataSource source) {
        opening++;
        show(source, null, null);
        openedPath = null;
    }

    /** Shows {@code raw} through a fresh edit overlay (editable when it is the mapped file {@code path}). */
    private void show(DataSource raw, Path path, DataEdits.Access access) {
        search.cancel();
        bannerWrapper.set(null);
        DataSource old = owned;
        owned = null;
        DataSource source;
        if (raw != null) {
            // A live message (no path) goes through an overlay too, which refuses edits and says why.
            source = edits.attach(raw, path, access);
        } else {
            edits.detach();
            source = null;
        }
        hex.source.set(source);
        edits.closeRetired();
        if (old != null && old != raw) {
            old.close();
        }
        watcher.watch(source, 1000);
        messageWrapper.set(source == null ? EMPTY_STATE : null);
        updateLabel();
        updateStatus();
        onShown.run();
    }

    /** Maps the opened file afresh (after asking about unsaved edits) and comes back to the same place. */
    public void reload() {
        if (openedPath == null) {
            bannerWrapper.set(null);
            return;
        }
        if (!saving.confirmDiscard("reloading", this::reload)) {
            return;
        }
        long caret = hex.caret();
        long top = hex.topRow.get();
        open(openedPath, () -> {
            hex.moveTo(caret, false);
            hex.setTopRow(top);
        });
    }

    /** Hides the reload banner. */
    public void dismissBanner() {
        bannerWrapper.set(null);
    }

    /** Checks the shown file for outside changes now (the window got the focus back). */
    public void checkSoon() {
        watcher.checkSoon(hex.source.get());
    }

    private void fileChanged(String why) {
        bannerWrapper.set(why + (openedPath == null ? "" : edits.modified.get()
                ? " — your edits are not saved: Save Data As… keeps them; reload to see the new contents."
                : " — reload to see the new contents."));
    }

    private void updateLabel() {
        DataSource s = hex.source.get();
        if (s != null && s != edits.source()) {
            return; // between a detach and the next source: the overlay shown is going away
        }
        if (s != null) {
            fileLabelWrapper.set(shortName(s.name()) + "  " + Fmt.binary(s.size()) + (edits.modified.get() ? " •" : ""));
        } else if (messageWrapper.get() == null || messageWrapper.get().equals(EMPTY_STATE)) {
            fileLabelWrapper.set("no file");
        }
    }

    private void updateStatus() {
        DataSource s = hex.source.get();
        statusWrapper.set(s == null ? "Ready" : String.format(Locale.ROOT, "caret 0x%X (%d) · selection %s · %s · %,d rows%s",
                hex.caret(), hex.caret(), Fmt.bytes(hex.selectionLength()), Fmt.binary(s.size()), hex.rowCount(),
                edits.modified.get() ? " · edited (unsaved)" : ""));
    }

    private static String shortName(String name) {
        int slash = name.lastIndexOf('/');
        return slash >= 0 ? name.substring(slash + 1) : name;
    }

    /** Stops watching and closes a source this pane opened. */
    public void dispose() {
        watcher.close();
        search.cancel();
        // The views let go of the overlay before it closes: nothing reads a closed source.
        hex.source.set(null);
        edits.detach();
        edits.closeRetired();
        if (owned != null) {
            owned.close();
            owned = null;
        }
    }
}
