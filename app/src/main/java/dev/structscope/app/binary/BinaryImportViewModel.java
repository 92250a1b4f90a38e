package dev.structscope.app.binary;

import dev.structscope.app.common.Document;
import dev.structscope.app.common.DocumentState;
import dev.structscope.app.common.TaskRunner;
import dev.structscope.model.InputException;
import dev.structscope.model.abi.Abi;
import dev.structscope.model.export.ExportModel;
import dev.structscope.model.layout.LayoutEngine;
import dev.structscope.model.layout.RecordLayout;
import dev.structscope.model.type.Decl;
import dev.structscope.model.type.RecordKind;
import dev.structscope.model.type.TypeLibrary;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * State and commands of File ▸ Import from Binary…: the ELF file read (its types, in the ABI of
 * its machine), a name filter over its structs and unions (a large binary has thousands), the
 * records that match, and the import of the chosen ones with every type they need into the
 * document as one undoable step, the document's ABI becoming the binary's so that the designer
 * shows the compiler's offsets. Holds no nodes. FX thread; {@link #read} is the background part.
 */
public final class BinaryImportViewModel {
    /** One struct or union of the binary, as the list shows it. */
    public record Entry(String name, RecordKind kind, long size) {
        /** {@code "struct Msg  (24 bytes)"}. */
        public String label() {
            return kind.keyword() + " " + name + (size < 0 ? "" : "  (" + size + (size == 1 ? " byte)" : " bytes)"));
        }
    }

    /** What reading a binary gave: its ABI, its types and the records to choose from. */
    public record Loaded(Path file, Abi abi, TypeLibrary library, List<Entry> entries, List<String> warnings) {
        public Loaded {
            entries = List.copyOf(entries);
            warnings = List.copyOf(warnings);
        }
    }

    private final Document doc;
    private final TaskRunner tasks;
    public final ObjectProperty<Loaded> loaded = new SimpleObjectProperty<>(this, "loaded");
    /** Case-insensitive part of a name ({@code "hdr"}, {@code "struct elf"}). */
    public final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    /** The records whose names match the filter, in the binary's order. */
    public final ObservableList<Entry> matching = FXCollections.observableArrayList();
    /** The last failure, one line; empty when none. */
    public final StringProperty error = new SimpleStringProperty(this, "error", "");
    /** What was read or imported last; empty before. */
    public final StringProperty summary = new SimpleStringProperty(this, "summary", "");
    public final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");

    /** @param tasks reads and lays out the binary off the FX thread */
    public BinaryImportViewModel(Document doc, TaskRunner tasks) {
        this.doc = doc;
        this.tasks = tasks;
        filter.addListener((o, a, b) -> refilter());
    }

    /** Reads the binary's debug information in the background; the list then shows its records. */
    public void load(Path file) {
        busy.set(true);
        error.set("");
        tasks.submit(TaskRunner.Lane.FILES, "Reading the debug information of " + file.getFileName(), p -> read(file),
                l -> {
                    busy.set(false);
                    loaded.set(l);
                    summary.set(l.entries().size() + " structs and unions, " + l.library().decls().size()
                            + " types in all, laid out for " + l.abi().name() + " (the binary's machine)"
                            + (l.warnings().isEmpty() ? "" : "; " + l.warnings().size() + " warnings, the first: "
                            + l.warnings().getFirst()));
                    refilter();
                }, e -> {
                    busy.set(false);
                    error.set(e instanceof InputException ie ? ie.oneLine() : file + ": " + e.getMessage());
                });
    }

    /** Reads and lays out every record of an ELF file (file work: any thread but the FX thread). */
    public static Loaded read(Path file) {
        List<String> warnings = new ArrayList<>();
        if (!BinaryFiles.isElf(file)) {
            throw new InputException(file.toString(), "not an ELF file (an object, library, executable or .debug file)");
        }
        Abi abi = BinaryFiles.abiOf(file, warnings::add);
        TypeLibrary lib = BinaryFiles.read(file, abi, dev.structscope.model.Limits.DEFAULT, warnings::add);
        List<Entry> entries = new ArrayList<>();
        for (TypeLibrary.NamedRecord nr : lib.namedRecords()) {
            long size;
            try {
                RecordLayout r = LayoutEngine.layout(nr.record(), lib, abi);
                size = r.size();
            } catch (InputException e) {
                size = -1;
            }
            entries.add(new Entry(nr.name(), nr.record().kind(), size));
        }
        return new Loaded(file, abi, lib, entries, warnings);
    }

    private void refilter() {
        Loaded l = loaded.get();
        if (l == null) {
            matching.clear();
            return;
        }
        String f = filter.get() == null ? "" : filter.get().strip().toLowerCase(Locale.ROOT);
        List<Entry> out = new ArrayList<>();
        for (Entry e : l.entries()) {
            if (f.isEmpty() || e.name().toLowerCase(Locale.ROOT).contains(f)
                    || (e.kind().keyword() + " " + e.name()).toLowerCase(Locale.ROOT).contains(f)) {
                out.add(e);
            }
        }
        matching.setAll(out);
    }

    /**
     * Adds the chosen records and every type they use to the document (one undoable step),
     * replacing declarations of the same name, switches the document to the binary's ABI and
     * selects the first. Returns how many declarations came in.
     */
    public int importChosen(List<Entry> chosen) {
        Loaded l = loaded.get();
        if (l == null || chosen.isEmpty()) {
            error.set(l == null ? "Choose a binary first." : "Choose one or more types in the list.");
            return 0;
        }
        Map<String, Decl> needed = new LinkedHashMap<>();
        for (Entry e : chosen) {
            for (Decl d : ExportModel.subset(l.library(), e.name()).decls()) {
                needed.putIfAbsent(d.getClass().getSimpleName() + " " + d.name(), d);
            }
        }
        DocumentState s = doc.state.get();
        TypeLibrary lib = s.library().withAll(l.library(), List.copyOf(needed.values()));
        doc.apply(s.withLibrary(lib).withAbi(l.abi()).withSelected(chosen.getFirst().name()));
        error.set("");
        int used = needed.size() - chosen.size();
        summary.set("Imported " + chosen.size() + (chosen.size() == 1 ? " record" : " records") + " with "
                + used + (used == 1 ? " type" : " types") + (chosen.size() == 1 ? " it uses" : " they use") + ", laid out for " + l.abi().name() + ".");
        return needed.size();
    }

}
