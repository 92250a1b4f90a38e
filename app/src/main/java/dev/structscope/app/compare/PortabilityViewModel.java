package dev.structscope.app.compare;

import dev.structscope.app.common.Document;
import dev.structscope.model.InputException;
import dev.structscope.model.Limits;
import dev.structscope.model.type.TypeLibrary;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State of the Portability view: which record of the document it shows, that record's
 * {@link PortabilityTable} on the five ABIs, and the {@link PortabilityVerdict}. Rebuilt when the
 * record or the document changes while shown. The table is five layouts of one record, computed
 * here on the FX thread as the designer computes its one layout; no I/O. Holds no nodes. FX
 * thread only; owned by the shell's view model for the window's lifetime.
 */
public final class PortabilityViewModel {
    private final Document doc;
    public final BooleanProperty showing = new SimpleBooleanProperty(this, "showing");
    /** The record shown (a struct or union name of the document). */
    public final StringProperty record = new SimpleStringProperty(this, "record");
    /** The document's struct and union names, for the record chooser. */
    public final ObservableList<String> records = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<PortabilityTable> tableWrapper = new ReadOnlyObjectWrapper<>(this, "table");
    public final ReadOnlyObjectProperty<PortabilityTable> table = tableWrapper.getReadOnlyProperty();
    private final ReadOnlyStringWrapper verdictWrapper = new ReadOnlyStringWrapper(this, "verdict", "");
    /** The one-line answer: "same on all five ABIs…" or "differs: long is 4 bytes on ILP32 and LLP64…". */
    public final ReadOnlyStringProperty verdict = verdictWrapper.getReadOnlyProperty();
    private final ReadOnlyStringWrapper errorWrapper = new ReadOnlyStringWrapper(this, "error", "");
    /** Why the record cannot be laid out on some ABI (a type it lacks), or empty. */
    public final ReadOnlyStringProperty error = errorWrapper.getReadOnlyProperty();

    public PortabilityViewModel(Document doc) {
        this.doc = doc;
        record.addListener((o, a, b) -> rebuild());
        doc.state.addListener((o, a, b) -> {
            if (showing.get() && !a.library().equals(b.library())) {
                fillRecords();
                rebuild();
            }
        });
    }

    /** Shows the document's selected record (or {@code name} when not null). */
    public void open(String name) {
        showing.set(true);
        fillRecords();
        String want = name != null ? name : doc.state.get().selected();
        if (want == null || !records.contains(want)) {
            want = records.isEmpty() ? null : records.getFirst();
        }
        if (want != null && want.equals(record.get())) {
            rebuild();
        } else {
            record.set(want);
        }
    }

    public void close() {
        showing.set(false);
    }

    private void fillRecords() {
        var names = doc.state.get().library().namedRecords().stream().map(TypeLibrary.NamedRecord::name).toList();
        if (!names.equals(records)) {
            records.setAll(names);
        }
    }

    private void rebuild() {
        String name = record.get();
        var found = name == null ? java.util.Optional.<TypeLibrary.NamedRecord>empty()
                : doc.state.get().library().findRecord(name);
        if (found.isEmpty()) {
            tableWrapper.set(null);
            verdictWrapper.set("");
            errorWrapper.set("");
            return;
        }
        try {
            PortabilityTable t = PortabilityTable.of(found.get(), doc.state.get().library(), Limits.DEFAULT);
            tableWrapper.set(t);
            verdictWrapper.set(PortabilityVerdict.of(t));
            errorWrapper.set("");
        } catch (InputException e) {
            tableWrapper.set(null);
            verdictWrapper.set("");
            errorWrapper.set(e.oneLine());
        }
    }

}
