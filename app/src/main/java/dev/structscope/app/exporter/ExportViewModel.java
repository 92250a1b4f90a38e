package dev.structscope.app.exporter;

import dev.structscope.app.common.TaskRunner;
import dev.structscope.model.InputException;
import dev.structscope.io.file.AtomicFile;
import dev.structscope.model.export.ExportResult;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The export dialog's saving: writes the files of an export, each atomically, on the runner's
 * files lane, and says what happened in {@link #status}. Holds no nodes; FX thread.
 */
public final class ExportViewModel {
    private final TaskRunner tasks;
    private final ReadOnlyStringWrapper statusWrapper = new ReadOnlyStringWrapper(this, "status", "");
    public final ReadOnlyStringProperty status = statusWrapper.getReadOnlyProperty();

    public ExportViewModel(TaskRunner tasks) {
        this.tasks = tasks;
    }

    /** Saves file {@code i} of {@code result} to {@code targets[i]}, creating folders as needed. */
    public void save(ExportResult result, List<Path> targets) {
        statusWrapper.set("Saving…");
        List<Path> to = List.copyOf(targets);
        tasks.submit(TaskRunner.Lane.FILES, "Saving the export", p -> {
            for (int i = 0; i < to.size(); i++) {
                Path t = to.get(i);
                if (t.getParent() != null) {
                    Files.createDirectories(t.getParent());
                }
                AtomicFile.writeText(t, result.files().get(i).text());
            }
            return "Saved " + (to.size() == 1 ? to.getFirst() : to.size() + " files");
        }, statusWrapper::set, e -> statusWrapper.set("⚠ " + (e instanceof InputException ie ? ie.oneLine() : e.getMessage())));
    }
}
