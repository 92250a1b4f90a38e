package dev.structscope.app.shell;

import com.fasterxml.jackson.databind.JsonNode;
import dev.structscope.app.hexview.BookmarkJson;
import dev.structscope.app.hexview.BookmarksModel;

import dev.structscope.app.common.Document;
import dev.structscope.app.common.DocumentState;
import dev.structscope.app.common.TaskRunner;
import dev.structscope.app.designer.DesignerViewModel;
import dev.structscope.app.designer.EnumEditorViewModel;
import dev.structscope.app.designer.LibraryEdits;
import dev.structscope.app.designer.RecordEdits;
import dev.structscope.model.InputException;
import dev.structscope.model.abi.Abi;
import dev.structscope.model.abi.Abis;
import dev.structscope.model.doc.LayoutDocument;
import java.nio.ByteOrder;
import dev.structscope.model.type.Decl;
import dev.structscope.model.type.EnumType;
import dev.structscope.model.type.Enumerator;
import dev.structscope.model.type.RecordKind;
import dev.structscope.model.type.RecordType;
import dev.structscope.model.type.TypeLibrary;
import dev.structscope.model.type.Typedef;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * State and commands of the main window: the open {@link Document}, the designer's view model,
 * the title with its dirty marker, the status line, the busy flag while files load or save, the
 * recent files, and the data file for the data pane. File work goes through the window's
 * {@link TaskRunner} (its files lane, in order) and its result comes back on the FX thread (the
 * calling thread in tests). Holds no nodes. FX thread only.
 */
public final class ShellViewModel {
    public final Document document;
    public final DesignerViewModel designer;
    /** The enum editor's state: which enum is shown in the designer's place, if any. */
    public final EnumEditorViewModel enums;
    /** "Compare with…": this document against another layout file or another ABI. */
    public final dev.structscope.app.compare.CompareViewModel compare;
    /** The Portability view: one record on the five ABIs. */
    public final dev.structscope.app.compare.PortabilityViewModel portability;
    private final DocumentIo io;
    /** The one runner for the window's background work. */
    public final TaskRunner tasks;
    public final RecentFiles recent;
    public final StringProperty status = new SimpleStringProperty(this, "status", "Ready");
    public final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    /** What the running background work is doing, for the status line when it is cancelled; "" when idle. */
    private String busyWhat = "";
    public final ObjectProperty<Path> dataFile = new SimpleObjectProperty<>(this, "dataFile");

    /** A layout that could not be opened, and why: {@code message} says what and where. */
    public record OpenFailure(Path file, String message) {
    }

    private final javafx.beans.property.ReadOnlyObjectWrapper<OpenFailure> openFailureWrapper =
            new javafx.beans.property.ReadOnlyObjectWrapper<>(this, "openFailure");
    /**
     * The last layout that could not be opened, until the user has seen it
     * ({@link #dismissOpenFailure}): the window shows it in a dialog, since the status line is
     * soon taken by what comes next (the data file a command line names with it, for one).
     */
    public final javafx.beans.property.ReadOnlyObjectProperty<OpenFailure> openFailure =
            openFailureWrapper.getReadOnlyProperty();
    /** Which halves of the window show; a data file chosen while only the designer shows brings the data back. */
    public final ObjectProperty<Workspace> workspace = new SimpleObjectProperty<>(this, "workspace", Workspace.BOTH);
    /** What the open layout document holds besides its types, written back unchanged on save. */
    private LayoutDocument loaded = LayoutDocument.of(TypeLibrary.EMPTY);
    /** The C header the document was read from when a save over it would drop text the user wrote; else null. */
    private Path losesText;
    /** The hex explorer's bookmarks, saved with the document; null until a view attaches them. */
    private BookmarksModel bookmarks;
    /** Whether the bookmarks changed since the document was opened or saved (bound once they are attached). */
    private final javafx.beans.property.BooleanProperty bookmarksChanged = new javafx.beans.property.SimpleBooleanProperty(this, "bookmarksChanged");
    public final StringBinding title;
    private String sourceLabel = "untitled";
    /**
     * Counts what the user opened or made (layouts, data files, new documents): a sample still being
     * prepared in the background gives way to anything chosen after it was asked for. FX thread.
     */
    private long choices;
    /** The file work under way (one at a time: a newer one supersedes it), or null. */
    private TaskRunner.Task current;

    /** A view model whose file work runs on {@code background}, results delivered by {@code fx} (tests). */
    public ShellViewModel(DocumentIo io, Executor background, Consumer<Runnable> fx, RecentFiles recent) {
        this(io, new TaskRunner(background, background, fx), recent);
    }

    public ShellViewModel(DocumentIo io, TaskRunner tasks, RecentFiles recent) {
        this.document = Document.empty();
        this.designer = new DesignerViewModel(document);
        this.enums = new EnumEditorViewModel(document);
        this.io = io;
        this.tasks = tasks;
        this.recent = recent;
        // Compare reads the other file through the same reader as Open, off the FX thread.
        this.compare = new dev.structscope.app.compare.CompareViewModel(document, f -> io.read(f).library(),
                tasks.executor(TaskRunner.Lane.WORK), tasks.fx());
        this.portability = new dev.structscope.app.compare.PortabilityViewModel(document);
        title = Bindings.createStringBinding(() -> {
            StringBuilder sb = new StringBuilder("StructScope — ");
            if (dataFile.get() != null) {
                sb.append(dataFile.get().getFileName()).append(" · ");
            }
            sb.append(document.file.get() == null ? sourceLabel : document.file.get().getFileName().toString());
            if (unsaved()) {
                sb.append(" •");
            }
            return sb.toString();
        }, document.file, document.dirty, dataFile, bookmarksChanged);
        designer.message.addListener((o, a, b) -> status.set(b));
        designer.error.addListener((o, a, b) -> showError(a, b));
        enums.message.addListener((o, a, b) -> status.set(b));
        enums.error.addListener((o, a, b) -> showError(a, b));
        // Selecting a record (from the library, an undo, a newly opened file) leaves the enum editor.
        document.state.addListener((o, a, b) -> {
            if (b.selected() != null) {
                enums.tag.set(null);
            }
        });
    }

    /**
     * Opens the project's default sample ({@code dev.structscope.samples.Samples.DEFAULT}: the
     * tick log and its header), extracted to {@code dir} in the background because the engine maps
     * files and a resource is not one. Falls back to {@link #openSample()} if extraction fails.
     */
    public void openDefaultSample(Path dir) {
        openSample(dev.structscope.samples.Samples.DEFAULT, dir);
    }

    /**
     * Opens one of the bundled samples ({@code dev.structscope.samples.Samples}) with its header
     * and type, extracted to {@code dir} in the background. Falls back to {@link #openSample()} if
     * extraction fails.
     */
    public void openSample(dev.structscope.samples.Sample sample, Path dir) {
        busy.set(true);
        busyWhat = "Preparing the sample…";
        long asked = choices;
        Consumer<Path> opened = d -> {
            busy.set(false);
            busyWhat = "";
            if (choices != asked) {
                return; // the user opened or made something meanwhile: the sample must not replace it
            }
            if (d == null) {
                openSample();
                return;
            }
            long header = choices + 1; // open() counts as a choice itself
            open(dir.resolve(sample.header()), sample.type(), () -> {
                if (choices == header) {
                    setDataFile(d, () -> status.set("Ready · sample " + sample.data() + " with " + sample.header()
                            + ": " + sample.description()));
                }
            });
        };
        tasks.submit(TaskRunner.Lane.FILES, "Preparing the sample", p -> dev.structscope.samples.Samples.extract(sample, dir),
                opened, e -> opened.accept(null));
    }

    /** Where the default sample is extracted: {@code ~/.cache/structscope/samples}. */
    public static Path sampleDir() {
        return Path.of(System.getProperty("user.home"), ".cache", "structscope", "samples");
    }

    /** Shows StructScope's own small sample header (not dirty, no file: saving asks where). */
    public void openSample() {
        TypeLibrary lib = Samples.ticks();
        show(lib, null, "ticks.h (sample)", "Tick");
        status.set("Ready · sample ticks.h: edit a member, watch offsets move, or open your own header (Ctrl+O)");
    }

    public void newDocument() {
        choices++;
        RecordType r = RecordEdits.newRecord(RecordKind.STRUCT, "Untitled");
        show(TypeLibrary.of(r), null, "untitled", "Untitled");
        status.set("New document: add members with Insert");
    }

    /** Replaces the document with {@code lib}, selecting {@code type} (or the first record). */
    public void show(TypeLibrary lib, Path file, String label, String type) {
        show(LayoutDocument.of(lib), file, label, type);
    }

    /** As above, taking the ABI and byte order a layout document was saved with. */
    public void show(LayoutDocument d, Path file, String label, String type) {
        sourceLabel = label;
        losesText = null;
        loaded = d;
        if (bookmarks != null) {
            bookmarks.restore(BookmarkJson.fromJson(d.extensions().get(BookmarkJson.KEY)));
        }
        TypeLibrary lib = d.library();
        String sel = type != null && lib.findRecord(type).isPresent() ? lib.findRecord(type).get().name()
                : lib.namedRecords().isEmpty() ? null : lib.namedRecords().getFirst().name();
        DocumentState s = document.state.get();
        Abi abi = s.abi();
        if (d.abi() != null) {
            try {
                abi = Abi.byName(d.abi());
            } catch (InputException e) {
                status.set("⚠ unknown ABI '" + d.abi() + "' in the document; using " + abi.name());
            }
        }
        ByteOrder order = d.byteOrder() == null ? abi.byteOrder() : d.byteOrder();
        document.replace(new DocumentState(lib, sel, abi, order), file);
        if (type != null && (sel == null || !lib.findRecord(type).isPresent())) {
            status.set("⚠ --type " + type + ": no such struct or union in " + label);
        }
        title.invalidate();
    }

    /**
     * Attaches the hex explorer's bookmarks: they are restored from every document opened from
     * now on and saved with it. FX thread.
     */
    public void attachBookmarks(BookmarksModel model) {
        this.bookmarks = model;
        model.restore(BookmarkJson.fromJson(loaded.extensions().get(BookmarkJson.KEY)));
        bookmarksChanged.bind(model.changed);
    }

    /** Whether anything saved with the document changed since it was opened or saved: the layout or the bookmarks. */
    public boolean unsaved() {
        return document.dirty.get() || bookmarksChanged.get();
    }

    /**
     * Whether saving to {@code file} would write over the hand-written C header the document was
     * read from, dropping its comments, macros and the enum names its expressions use (the window
     * asks first).
     */
    public boolean saveLosesText(Path file) {
        return losesText != null && losesText.equals(file);
    }

    /** Opens a layout document or C header in the background; {@code then} runs on success. */
    public void open(Path file, String type, Runnable then) {
        choices++;
        record Read(LayoutDocument doc, boolean losesText) {
        }
        openFailureWrapper.set(null);
        runBackground("Opening " + file.getFileName(), () -> {
            LayoutDocument read = io.read(file);
            return new Read(read, DocumentIo.losesText(file, read));
        }, e -> openFailureWrapper.set(new OpenFailure(file, failure("Opening " + file.getFileName(), e))), r -> {
            LayoutDocument d = r.doc();
            recent.add(file);
            status.set("Opened " + file + " · " + d.library().namedRecords().size() + " structs/unions");
            show(d, file, file.getFileName().toString(), type);
            losesText = r.losesText() ? file : null;
            if (then != null) {
                then.run();
            }
        });
    }

    /** Classifies a dropped or opened path: layouts ({@code .h}, {@code .json}) vs data files. */
    public static boolean isLayout(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".h") || n.endsWith(".hpp") || n.endsWith(".json");
    }

    /** Opens each dropped file as what it is: a layout, or data for the data pane. */
    public void openDropped(List<Path> files) {
        for (Path p : files) {
            if (isLayout(p)) {
                open(p, null, null);
            } else {
                setDataFile(p);
            }
        }
    }

    /** Shows {@code p} in the data pane once the files lane has seen that it is a regular file. */
    public void setDataFile(Path p) {
        choices++;
        setDataFile(p, null);
    }

    /** As {@link #setDataFile(Path)}; {@code then} (may be null) runs once the file is shown. */
    private void setDataFile(Path p, Runnable then) {
        tasks.submit(TaskRunner.Lane.FILES, "Checking " + p.getFileName(), t -> Files.isRegularFile(p), isFile -> {
            if (!isFile) {
                status.set("⚠ " + p + ": no such file");
                return;
            }
            dataFile.set(p);
            recent.add(p);
            status.set("Data file " + p.getFileName());
            if (then != null) {
                then.run();
            }
        }, e -> status.set("⚠ " + p + ": " + e.getMessage()));
    }

    /** Saves to {@code file} in the background; {@code then} runs on success. */
    public void saveAs(Path file, Runnable then) {
        DocumentState snapshot = document.state.get();
        // Name, comment and properties of newer versions survive the save; bookmarks are current.
        Map<String, JsonNode> extensions = new LinkedHashMap<>(loaded.extensions());
        extensions.remove(BookmarkJson.KEY);
        List<dev.structscope.app.hexview.Bookmark> marks = bookmarks == null ? List.of() : bookmarks.snapshot();
        if (!marks.isEmpty()) {
            extensions.put(BookmarkJson.KEY, BookmarkJson.toJson(marks));
        }
        LayoutDocument d = new LayoutDocument(loaded.name(), loaded.comment(), snapshot.abi().name(),
                snapshot.byteOrder(), snapshot.library(), extensions);
        runBackground("Saving " + file.getFileName(), () -> {
            io.write(d, file);
            return d;
        }, l -> {
            if (document.state.get().library().equals(snapshot.library())) {
                document.markSaved(file);
            } else {
                document.file.set(file);
            }
            recent.add(file);
            if (file.equals(losesText)) {
                losesText = null; // now as this writer wrote it
            }
            if (bookmarks != null) {
                bookmarks.markSaved(marks);
            }
            // A C header has no place for bookmarks: only a layout document (.json) keeps them.
            status.set("Saved " + file + (marks.isEmpty() || file.getFileName().toString().toLowerCase(Locale.ROOT)
                    .endsWith(".json") ? "" : " (bookmarks are kept only in a .json layout document)"));
            if (then != null) {
                then.run();
            }
        });
    }

    /** Adds a new struct, union or enum with a fresh name and selects it (undoable). */
    public void addDecl(String kind) {
        DocumentState s = document.state.get();
        TypeLibrary lib = s.library();
        switch (kind) {
            case "union" -> {
                String n = RecordEdits.freshName(lib, "NewUnion");
                document.apply(s.withLibrary(lib.with(RecordEdits.newRecord(RecordKind.UNION, n))).withSelected(n));
            }
            case "enum" -> {
                String n = RecordEdits.freshName(lib, "NewEnum");
                document.apply(s.withLibrary(lib.with(EnumType.of(n, List.of(Enumerator.of(n.toUpperCase(Locale.ROOT)
                        + "_NONE", 0))))).withSelected(null));
                enums.tag.set(n);
                status.set("Added enum " + n + ": name its enumerators and values; use it as a member type");
            }
            default -> {
                String n = RecordEdits.freshName(lib, "NewStruct");
                document.apply(s.withLibrary(lib.with(RecordEdits.newRecord(RecordKind.STRUCT, n))).withSelected(n));
            }
        }
    }

    /**
     * Renames {@code d}; every member and typedef that refers to it follows (undoable).
     *
     * @throws InputException when the name is not a C identifier or is taken; nothing changes
     */
    public void renameDecl(Decl d, String name) {
        DocumentState s = document.state.get();
        int i = s.library().decls().indexOf(d);
        if (i < 0) {
            return;
        }
        TypeLibrary next = LibraryEdits.rename(s.library(), i, name);
        if (next == s.library()) {
            return;
        }
        String from = LibraryEdits.reference(d).name();
        String to = name.strip();
        int uses = LibraryEdits.uses(s.library(), d).size();
        document.apply(s.withLibrary(next).withSelected(from.equals(s.selected()) ? to : s.selected()));
        if (d instanceof EnumType) {
            enums.tag.set(to);
        }
        status.set("Renamed " + LibraryEdits.reference(d).spelling() + " to " + to
                + (uses == 0 ? "" : " and " + uses + (uses == 1 ? " use" : " uses")) + " (Ctrl+Z undoes)");
    }

    /** Adds a copy of {@code d} right after it under a fresh name and selects the copy (undoable). */
    public void duplicateDecl(Decl d) {
        DocumentState s = document.state.get();
        int i = s.library().decls().indexOf(d);
        if (i < 0) {
            return;
        }
        TypeLibrary next = LibraryEdits.duplicate(s.library(), i);
        Decl copy = next.decls().get(i + 1);
        String name = LibraryEdits.reference(copy).name();
        document.apply(s.withLibrary(next).withSelected(copy instanceof EnumType ? s.selected() : name));
        selectDecl(copy);
        status.set("Duplicated " + LibraryEdits.reference(d).spelling() + " as " + name);
    }

    /**
     * Deletes {@code d} (undoable).
     *
     * @throws InputException naming the uses while anything still refers to it; nothing changes
     */
    public void deleteDecl(Decl d) {
        DocumentState s = document.state.get();
        int i = s.library().decls().indexOf(d);
        if (i < 0) {
            return;
        }
        TypeLibrary next = LibraryEdits.delete(s.library(), i);
        String name = LibraryEdits.reference(d).name();
        document.apply(s.withLibrary(next).withSelected(name.equals(s.selected()) ? null : s.selected()));
        if (d instanceof EnumType e && e.tag() != null && e.tag().equals(enums.tag.get())) {
            enums.tag.set(null);
        }
        status.set("Deleted " + LibraryEdits.reference(d).spelling() + " (Ctrl+Z undoes)");
    }

    /** The designer shows the record named {@code name}; an enum shows in the enum editor; a non-record typedef shows nothing. */
    public void selectDecl(Decl d) {
        String name = switch (d) {
            case RecordType r -> r.tag();
            case Typedef t when t.target() instanceof RecordType -> t.name();
            case Typedef t -> document.state.get().library().findRecord(t.name()).map(TypeLibrary.NamedRecord::name).orElse(null);
            case EnumType e -> null;
        };
        document.select(name);
        enums.tag.set(d instanceof EnumType e ? e.tag() : null);
        if (name == null) {
            status.set(d instanceof EnumType e ? e.spelling() + ": " + e.enumerators().size() + " enumerators"
                    : "typedef " + d.name());
        }
    }

    /**
     * Abandons the file work under way: its result is ignored when it arrives (reads are bounded
     * by the readers' own limits; a save that already started still completes on disk).
     */
    public void cancel() {
        if (busy.get()) {
            if (current != null) {
                current.cancel();
                current = null;
            }
            busy.set(false);
            status.set("Cancelled: " + busyWhat);
            busyWhat = "";
        }
    }

    /** The user has seen {@link #openFailure}. */
    public void dismissOpenFailure() {
        openFailureWrapper.set(null);
    }

    private <T> void runBackground(String what, java.util.concurrent.Callable<T> work, Consumer<T> done) {
        runBackground(what, work, e -> { }, done);
    }

    /** As above; {@code failed} also hears of a failure, after the status line has. */
    private <T> void runBackground(String what, java.util.concurrent.Callable<T> work, Consumer<Throwable> failed,
                                   Consumer<T> done) {
        if (current != null) {
            current.cancel(); // superseded by newer work: its result is dropped
        }
        busy.set(true);
        busyWhat = what + "…";
        status.set(what + "…");
        TaskRunner.Task[] self = new TaskRunner.Task[1];
        self[0] = tasks.submit(TaskRunner.Lane.FILES, what, p -> work.call(), r -> {
            finished(self[0]);
            done.accept(r);
        }, e -> {
            finished(self[0]);
            status.set("⚠ " + failure(what, e));
            failed.accept(e);
        }).cancelWith(this::cancel);
        if (busy.get()) { // still running (a direct runner in tests has already finished it)
            current = self[0];
        }
    }

    /** What the status line and dialogs say of a failure of {@code what}. */
    private static String failure(String what, Throwable e) {
        return e instanceof InputException ie ? ie.oneLine() : what + " failed: " + e;
    }

    private void finished(TaskRunner.Task t) {
        if (current == t) {
            current = null;
        }
        busy.set(false);
        busyWhat = "";
    }

    /** The default ABI list for choosers. */
    public static List<dev.structscope.model.abi.Abi> abis() {
        return Abis.ALL;
    }

    /**
     * An editor's error goes to the status bar; when it is fixed or given up, the status bar
     * stops showing it (unless something else was said since).
     */
    private void showError(String before, String now) {
        if (!now.isEmpty()) {
            status.set("⚠ " + now);
        } else if (before != null && !before.isEmpty() && ("⚠ " + before).equals(status.get())) {
            status.set("");
        }
    }
}
