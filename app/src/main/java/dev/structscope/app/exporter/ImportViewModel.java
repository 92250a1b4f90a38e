package dev.structscope.app.exporter;

import dev.structscope.app.common.Document;
import dev.structscope.app.common.DocumentState;
import dev.structscope.model.InputException;
import dev.structscope.model.c.HeaderImporter;
import dev.structscope.model.type.Decl;
import dev.structscope.model.type.TypeLibrary;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * State and commands of the import dialog: the header text, the error (message, line, column)
 * of the last failed import, and the merge of an imported library into the document as one
 * undoable step. Holds no nodes. FX thread, except {@link #parse} which is pure and runs in the
 * background.
 */
public final class ImportViewModel {
    private static final Pattern PLACE = Pattern.compile(":(\\d+)(?::(\\d+))?$");

    private final Document doc;
    private final StringProperty error = new SimpleStringProperty(this, "error", "");
    private final IntegerProperty errorLine = new SimpleIntegerProperty(this, "errorLine", -1);
    private final IntegerProperty errorColumn = new SimpleIntegerProperty(this, "errorColumn", -1);

    public ImportViewModel(Document doc) {
        this.doc = doc;
    }

    /** The error of the last import, {@code "line 3, column 7: ..."}; empty when none. */
    public StringProperty errorProperty() {
        return error;
    }

    /** 1-based line of the last error, or -1. */
    public IntegerProperty errorLineProperty() {
        return errorLine;
    }

    public IntegerProperty errorColumnProperty() {
        return errorColumn;
    }

    /** Imports {@code text} (pure, any thread). */
    public static TypeLibrary parse(String text, String fileName) {
        return HeaderImporter.importText(text, fileName, HeaderImporter.Options.defaults());
    }

    /** Shows the failure of an import in place. */
    public void failed(InputException e) {
        Matcher m = PLACE.matcher(e.where());
        if (m.find()) {
            errorLine.set(Integer.parseInt(m.group(1)));
            errorColumn.set(m.group(2) == null ? -1 : Integer.parseInt(m.group(2)));
            error.set("line " + m.group(1) + (m.group(2) == null ? "" : ", column " + m.group(2)) + ": " + e.getMessage());
        } else {
            errorLine.set(-1);
            errorColumn.set(-1);
            error.set(e.oneLine());
        }
    }

    /**
     * Adds the imported declarations to the document (one undoable step), replacing those of the
     * same name, and selects the first imported record. Returns how many were imported.
     */
    public int merge(TypeLibrary imported) {
        error.set("");
        errorLine.set(-1);
        errorColumn.set(-1);
        DocumentState s = doc.state();
        TypeLibrary lib = s.library();
        for (Decl d : imported.decls()) {
            lib = lib.with(d);
        }
        java.util.Map<String, Long> constants = new java.util.LinkedHashMap<>(lib.constants());
        constants.putAll(imported.constants());
        lib = lib.withConstants(constants);
        String sel = imported.namedRecords().isEmpty() ? s.selected() : imported.namedRecords().getFirst().name();
        doc.apply(s.withLibrary(lib).withSelected(sel));
        return imported.decls().size();
    }
}
