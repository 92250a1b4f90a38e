package dev.structscope.app.compare;

import dev.structscope.app.common.Document;
import dev.structscope.app.common.DocumentState;
import dev.structscope.model.InputException;
import dev.structscope.model.Limits;
import dev.structscope.model.abi.Abi;
import dev.structscope.model.compare.LayoutComparison;
import dev.structscope.model.compare.RecordComparison;
import dev.structscope.model.layout.LayoutEngine;
import dev.structscope.model.layout.RecordLayout;
import dev.structscope.model.type.TypeLibrary;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * State and commands of the compare view ("Compare with…"): this document's layouts (the old side,
 * on the document's ABI) against another layout file or against themselves on another ABI (the new
 * side), record by record, with the selected record's members lined up ({@link CompareRows}) and
 * both layouts for the byte rulers. The comparison is the model's {@link LayoutComparison}.
 *
 * <p>Reading the other file, laying out and comparing run on {@code background}; the immutable
 * {@link Result} comes back through {@code fx}. While shown, edits to the document compare again.
 * Holds no nodes. FX thread only; owned by the shell's view model for the window's lifetime.
 */
public final class CompareViewModel {
    /**
     * One finished comparison.
     *
     * @param oldLabel what the old side is ("ticks.h · x86_64-linux")
     * @param newLabel what the new side is
     * @param records  every record's comparison, as the {@code compare} command lists them
     */
    public record Result(String oldLabel, String newLabel, List<RecordComparison> records,
                         Map<String, RecordLayout> oldLayouts, Map<String, RecordLayout> newLayouts) {
        public Result {
            records = List.copyOf(records);
            oldLayouts = Map.copyOf(oldLayouts);
            newLayouts = Map.copyOf(newLayouts);
        }

        public long differing() {
            return records.stream().filter(RecordComparison::differs).count();
        }

        /** The {@code compare} report's last line: "N of M records differ". */
        public String summary() {
            return differing() + " of " + records.size() + " records differ";
        }
    }

    /**
     * The record shown: its comparison and its layout on each side (null on a side that lacks it).
     * Replaced as a whole when another record is chosen.
     */
    public record Selection(RecordComparison record, RecordLayout oldLayout, RecordLayout newLayout) {
        public String name() {
            return record.name();
        }
    }

    private final Document doc;
    private final Function<Path, TypeLibrary> reader;
    private final Executor background;
    private final Consumer<Runnable> fx;
    /** Whether the compare view is shown (in the designer's place). */
    public final BooleanProperty showing = new SimpleBooleanProperty(this, "showing");
    private final ReadOnlyBooleanWrapper busyWrapper = new ReadOnlyBooleanWrapper(this, "busy");
    public final ReadOnlyBooleanProperty busy = busyWrapper.getReadOnlyProperty();
    private final ReadOnlyStringWrapper errorWrapper = new ReadOnlyStringWrapper(this, "error", "");
    /** Why the last comparison failed (a bad header, an unreadable file), or empty. */
    public final ReadOnlyStringProperty error = errorWrapper.getReadOnlyProperty();
    private final ReadOnlyObjectWrapper<Abi> otherAbiWrapper = new ReadOnlyObjectWrapper<>(this, "otherAbi");
    public final ReadOnlyObjectProperty<Abi> otherAbi = otherAbiWrapper.getReadOnlyProperty();
    private final ReadOnlyObjectWrapper<Result> resultWrapper = new ReadOnlyObjectWrapper<>(this, "result");
    public final ReadOnlyObjectProperty<Result> result = resultWrapper.getReadOnlyProperty();
    private final ObservableList<RecordComparison> recordsBacking = FXCollections.observableArrayList();
        /** Every record's comparison, for the record list. */
    public final ObservableList<RecordComparison> records = FXCollections.unmodifiableObservableList(recordsBacking);
    private final ReadOnlyObjectWrapper<Selection> selectedWrapper = new ReadOnlyObjectWrapper<>(this, "selected");
    /** The record shown with its two layouts, or null. */
    public final ReadOnlyObjectProperty<Selection> selected = selectedWrapper.getReadOnlyProperty();
    private final ObservableList<CompareRow> rowsBacking = FXCollections.observableArrayList();
        /** The selected record's members, lined up by name. */
    public final ObservableList<CompareRow> rows = FXCollections.unmodifiableObservableList(rowsBacking);
    /** The member index the old side's ruler marks selected. */
    public final IntegerProperty oldMember = new SimpleIntegerProperty(this, "oldMember", -1);
    public final IntegerProperty newMember = new SimpleIntegerProperty(this, "newMember", -1);
    /** The other layout file, or null when the document is compared with itself on another ABI. */
    private Path otherFile;
    /** The other file's types, read once per "Compare with file" and reused while the document is edited. */
    private TypeLibrary otherLibrary;
    private long generation;

    /**
     * @param reader     reads a layout document or C header (blocking; called on {@code background})
     * @param background where reading and comparing run
     * @param fx         how results get back to the FX thread
     */
    public CompareViewModel(Document doc, Function<Path, TypeLibrary> reader, Executor background,
                            Consumer<Runnable> fx) {
        this.doc = doc;
        this.reader = reader;
        this.background = background;
        this.fx = fx;
        doc.state.addListener((o, a, b) -> {
            if (showing.get() && !a.library().equals(b.library()) || showing.get() && a.abi() != b.abi()) {
                run(false);
            }
        });
        // Another document opened while comparing: compare it (its name is the old side's label).
        doc.file.addListener((o, a, b) -> {
            if (showing.get()) {
                run(false);
            }
        });
    }

    /** Compares the document with the layout file {@code file} (a header or a .json document), on {@code abi}. */
    public void compareWithFile(Path file, Abi abi) {
        otherFile = Objects.requireNonNull(file);
        otherAbiWrapper.set(abi == null ? doc.state.get().abi() : abi);
        otherLibrary = null;
        showing.set(true);
        run(true);
    }

    /** Compares the document with itself laid out on {@code abi}. */
    public void compareOnAbi(Abi abi) {
        otherFile = null;
        otherLibrary = null;
        otherAbiWrapper.set(Objects.requireNonNull(abi));
        showing.set(true);
        run(false);
    }

    /** Lays the other side out on {@code abi} instead (same file, or the document itself). */
    public void setOtherAbi(Abi abi) {
        if (abi != null && abi != otherAbiWrapper.get()) {
            otherAbiWrapper.set(abi);
            if (showing.get()) {
                run(false);
            }
        }
    }

    /** Leaves the compare view; whatever is still running is ignored. */
    public void close() {
        generation++;
        busyWrapper.set(false);
        showing.set(false);
    }

    /** Shows record {@code name}'s members and rulers (no-op when the result has no such record). */
    public void select(String name) {
        Result r = resultWrapper.get();
        RecordComparison found = r == null ? null
                : r.records().stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
        if (found == null) {
            selectedWrapper.set(null);
            rowsBacking.clear();
        } else {
            RecordLayout o = r.oldLayouts().get(found.name());
            RecordLayout n = r.newLayouts().get(found.name());
            selectedWrapper.set(new Selection(found, o, n));
            rowsBacking.setAll(CompareRows.of(found, o, n));
        }
        oldMember.set(-1);
        newMember.set(-1);
    }

    /** Marks {@code row}'s member in both rulers (null clears). */
    public void selectRow(CompareRow row) {
        oldMember.set(row == null ? -1 : row.oldColour());
        newMember.set(row == null ? -1 : row.newColour());
    }

    private void run(boolean read) {
        long gen = ++generation;
        DocumentState s = doc.state.get();
        Path file = otherFile;
        Abi newAbi = otherAbiWrapper.get();
        TypeLibrary cached = file == null ? s.library() : otherLibrary;
        boolean mustRead = file != null && (read || cached == null);
        String oldLabel = label(doc.file.get(), s.abi());
        String newLabel = label(file == null ? doc.file.get() : file, newAbi);
        busyWrapper.set(true);
        errorWrapper.set("");
        background.execute(() -> {
            TypeLibrary other = null;
            Result r = null;
            String failure = null;
            try {
                other = mustRead ? reader.apply(file) : cached;
                r = compare(s.library(), s.abi(), other, newAbi, oldLabel, newLabel);
            } catch (InputException e) {
                failure = e.oneLine();
            } catch (RuntimeException e) {
                failure = "Comparing failed: " + e;
            }
            TypeLibrary o = other;
            Result done = r;
            String f = failure;
            fx.accept(() -> {
                if (gen != generation) {
                    return; // closed, or superseded by a newer comparison
                }
                busyWrapper.set(false);
                if (file != null && o != null) {
                    otherLibrary = o;
                }
                publish(done, f);
            });
        });
    }

    private static Result compare(TypeLibrary old, Abi oldAbi, TypeLibrary now, Abi newAbi, String oldLabel,
                                  String newLabel) {
        List<RecordLayout> o = LayoutEngine.layoutAll(old, oldAbi, Limits.DEFAULT);
        List<RecordLayout> n = LayoutEngine.layoutAll(now, newAbi, Limits.DEFAULT);
        if (n.isEmpty()) {
            throw new InputException(newLabel, "defines no struct or union: nothing to compare");
        }
        return new Result(oldLabel, newLabel, LayoutComparison.compare(o, oldAbi, n, newAbi), LayoutComparison.byName(o),
                LayoutComparison.byName(n));
    }

    private void publish(Result r, String failure) {
        String keep = selectedWrapper.get() != null ? selectedWrapper.get().name() : doc.state.get().selected();
        resultWrapper.set(r);
        if (r == null) {
            errorWrapper.set(failure == null ? "" : failure);
            recordsBacking.clear();
            select(null);
            return;
        }
        errorWrapper.set("");
        recordsBacking.setAll(r.records());
        boolean present = keep != null && r.records().stream().anyMatch(c -> c.name().equals(keep));
        select(present ? keep : r.records().stream().filter(RecordComparison::differs).findFirst()
                .or(() -> r.records().stream().findFirst()).map(RecordComparison::name).orElse(null));
    }

    private static String label(Path file, Abi abi) {
        return (file == null ? "this layout" : String.valueOf(file.getFileName())) + " · " + abi.name();
    }

    /** Where the file chooser starts: the other layout file, else the open document's file, or null. */
    public Path lastFile() {
        return otherFile != null ? otherFile : doc.file.get();
    }

    // ---- read-only state for the view -------------------------------------------------------

}
