package dev.structscope.app.exporter;

import dev.structscope.app.common.Document;
import dev.structscope.app.common.DocumentState;
import dev.structscope.app.common.Fmt;
import dev.structscope.app.common.TaskRunner;
import dev.structscope.model.abi.Abi;
import dev.structscope.model.InputException;
import dev.structscope.io.headers.LocalHeaders;
import dev.structscope.model.c.HeaderImporter;
import dev.structscope.model.type.Decl;
import dev.structscope.model.type.TypeLibrary;
import dev.structscope.model.type.EnumType;
import dev.structscope.model.type.RecordKind;
import dev.structscope.model.type.RecordType;
import dev.structscope.model.type.Typedef;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * State and commands of the import dialog: where the header came from (its folder resolves
 * quoted includes), whether the system preprocessor runs and with which include folders, the
 * error (message, line, column) of the last failed import, the summary of the last good one
 * (how many types, what was skipped), and the merge of an imported library into the document as
 * one undoable step. Holds no nodes. FX thread, except {@link #parse} which is pure and runs in
 * the background.
 */
public final class ImportViewModel {
    private static final Pattern PLACE = Pattern.compile(":(\\d+)(?::(\\d+))?$");

    private final Document doc;
    /** The error of the last import, {@code "line 3, column 7: ..."}; empty when none. */
    public final StringProperty error = new SimpleStringProperty(this, "error", "");
    /** Where the last error is in the text; null when there is none or it names no line. */
    public final ObjectProperty<ErrorPlace> errorPlace = new SimpleObjectProperty<>(this, "errorPlace");
    /** The file the text was loaded from; its folder resolves {@code #include "..."}. Null for pasted text. */
    public final ObjectProperty<Path> source = new SimpleObjectProperty<>(this, "source");
    public final BooleanProperty usePreprocessor = new SimpleBooleanProperty(this, "usePreprocessor");
    /** The preprocessor command found for the document's ABI, or null (not looked up yet, or none). */
    public final StringProperty preprocessor = new SimpleStringProperty(this, "preprocessor");
    /** Extra include folders, separated by the platform's path separator or new lines. */
    public final StringProperty includeDirs = new SimpleStringProperty(this, "includeDirs", "");
    /** The summary of the last good import: types in, includes skipped; empty when none. */
    public final StringProperty summary = new SimpleStringProperty(this, "summary", "");

    /** Where in the text the last import failed: a 1-based line, and column (-1 when not known). */
    public record ErrorPlace(int line, int column) {
    }

    /** What one import gave: the types and the warnings (skipped includes and the like). */
    public record Result(TypeLibrary library, List<String> warnings) {
    }

    /** What to import, fixed on the FX thread when Import is pressed. */
    public record Request(String text, String fileName, HeaderImporter.Options options) {
    }

    private final TaskRunner tasks;
    /** File, preprocessor or parse work is under way. */
    public final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");

    /** @param tasks reads files, looks for the preprocessor and parses, off the FX thread */
    public ImportViewModel(Document doc, TaskRunner tasks) {
        this.doc = doc;
        this.tasks = tasks;
    }

    /** Looks for the system preprocessor of the document's ABI; {@link #preprocessor} gets it. */
    public void findPreprocessor() {
        Abi abi = doc.state.get().abi();
        tasks.submit(TaskRunner.Lane.WORK, "Looking for a C preprocessor", p -> LocalHeaders.INSTANCE.preprocessorCommand(abi).map(c -> String.join(" ", c)),
                found -> preprocessor.set(found.orElse(null)), e -> preprocessor.set(null));
    }

    /** Reads {@code file} (at most 16 MiB); {@code show} gets its text, and its folder then resolves quoted includes. */
    public void load(Path file, java.util.function.Consumer<String> show) {
        busy.set(true);
        tasks.submit(TaskRunner.Lane.FILES, "Reading " + file.getFileName(), p -> {
            if (java.nio.file.Files.size(file) > 16L << 20) {
                throw new java.io.IOException("larger than 16 MiB; open it with File > Open instead");
            }
            return java.nio.file.Files.readString(file);
        }, text -> {
            busy.set(false);
            source.set(file);
            show.accept(text);
        }, e -> {
            busy.set(false);
            failed(new InputException("", file + ": " + e.getMessage()));
        });
    }

    /**
     * Imports {@code text} in the background and merges it (one undoable step); {@code done} gets
     * the result once merged. A failure shows in place.
     */
    public void runImport(String text, java.util.function.Consumer<Result> done) {
        Request request = request(text);
        busy.set(true);
        tasks.submit(TaskRunner.Lane.WORK, "Importing " + request.fileName(), p -> parse(request), r -> {
            busy.set(false);
            merge(r);
            done.accept(r);
        }, e -> {
            busy.set(false);
            failed(e instanceof InputException ie ? ie : new InputException(request.fileName(), "the importer failed: " + e));
        });
    }

    /** The import as the dialog's state asks for it (FX thread). */
    public Request request(String text) {
        List<Path> dirs = new ArrayList<>();
        for (String d : includeDirs.get().split("[\\n" + Pattern.quote(File.pathSeparator) + "]")) {
            if (!d.isBlank()) {
                dirs.add(Path.of(d.strip()));
            }
        }
        Path from = source.get();
        String name = from == null ? "pasted.h" : from.toAbsolutePath().toString();
        return new Request(text, name, new HeaderImporter.Options(usePreprocessor.get() && preprocessor.get() != null,
                dirs, w -> { }, doc.state.get().abi()).withSource(LocalHeaders.INSTANCE));
    }

    /** Imports a request's text, collecting the importer's warnings (pure, any thread). */
    public static Result parse(Request r) {
        List<String> warnings = new ArrayList<>();
        HeaderImporter.Options o = r.options();
        TypeLibrary lib = HeaderImporter.importText(r.text(), r.fileName(), new HeaderImporter.Options(
                o.runPreprocessor(), o.includeDirs(), warnings::add, o.abi(), o.limits(), o.source()));
        return new Result(lib, List.copyOf(warnings));
    }

    /**
     * One paragraph for a person: how many of each kind came in, and every warning (a skipped
     * system header names the preprocessor as the way to read it).
     */
    public static String summarize(Result r, boolean preprocessorOffered) {
        int structs = 0;
        int unions = 0;
        int enums = 0;
        int typedefs = 0;
        for (Decl d : r.library().decls()) {
            switch (d) {
                case RecordType t when t.kind() == RecordKind.UNION -> unions++;
                case RecordType t -> structs++;
                case EnumType e -> enums++;
                case Typedef t -> typedefs++;
            }
        }
        StringBuilder sb = new StringBuilder("Imported " + Fmt.count(r.library().decls().size(), "type") + " ("
                + Fmt.count(structs, "struct") + ", " + Fmt.count(unions, "union") + ", " + Fmt.count(enums, "enum") + ", "
                + Fmt.count(typedefs, "typedef") + ") and " + Fmt.count(r.library().constants().size(), "constant") + ".");
        if (!r.warnings().isEmpty()) {
            sb.append(" ").append(r.warnings().size()).append(r.warnings().size() == 1 ? " warning" : " warnings");
            if (preprocessorOffered && r.warnings().stream().anyMatch(w -> w.contains("skipping"))) {
                sb.append(" (turn on the system preprocessor to read skipped headers)");
            }
            sb.append(":");
            for (String w : r.warnings().subList(0, Math.min(20, r.warnings().size()))) {
                // The importer speaks the CLI's language; here the option is the check box.
                sb.append("\n• ").append(w.replace("use --cpp to run the system preprocessor", "tick System preprocessor"));
            }
            if (r.warnings().size() > 20) {
                sb.append("\n… and ").append(r.warnings().size() - 20).append(" more");
            }
        }
        return sb.toString();
    }


    /** Shows the failure of an import in place. */
    public void failed(InputException e) {
        summary.set("");
        Matcher m = PLACE.matcher(e.where());
        if (m.find()) {
            showError("line " + m.group(1) + (m.group(2) == null ? "" : ", column " + m.group(2)) + ": " + e.getMessage(),
                    new ErrorPlace(Integer.parseInt(m.group(1)), m.group(2) == null ? -1 : Integer.parseInt(m.group(2))));
        } else {
            showError(e.oneLine(), null);
        }
    }

    private void showError(String text, ErrorPlace place) {
        errorPlace.set(place);
        error.set(text);
    }

    /**
     * Adds the imported declarations to the document (one undoable step), replacing those of the
     * same name, and selects the first imported record. Returns how many were imported.
     */
    public int merge(Result result) {
        TypeLibrary imported = result.library();
        summary.set(summarize(result, preprocessor.get() != null && !usePreprocessor.get()));
        showError("", null);
        DocumentState s = doc.state.get();
        TypeLibrary lib = s.library().withAll(imported, imported.decls());
        java.util.Map<String, Long> constants = new java.util.LinkedHashMap<>(lib.constants());
        constants.putAll(imported.constants());
        lib = lib.withConstants(constants);
        String sel = imported.namedRecords().isEmpty() ? s.selected() : imported.namedRecords().getFirst().name();
        doc.apply(s.withLibrary(lib).withSelected(sel));
        return imported.decls().size();
    }
}
