package dev.structscope.app.hexview;

import dev.structscope.app.common.TaskRunner;
import dev.structscope.io.write.Expected;
import dev.structscope.io.write.Journal;
import dev.structscope.model.InputException;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.concurrent.Task;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * The questions and the background work around saving edited data: Save (in place, or streamed
 * when the size changed), Save As, what to do when the file changed on disk since it was opened,
 * the prompt before unsaved edits are lost, and a journal an interrupted save left next to a file
 * being opened. Saves run as {@link Task}s on one daemon worker, as the hex pane's search and the
 * record table's summaries do, with progress and cancel shown in the hex pane's tools.
 *
 * <p>The questions go through an {@link Asker}: modal alerts in the app (data could be lost), a
 * scripted answer in tests. Owned by the hex pane; FX thread only.
 */
public final class DataSaving {

    /** Asks the person a question; returns the chosen option (one of {@code options}), or null for Cancel. */
    @FunctionalInterface
    public interface Asker {
        String ask(String title, String text, List<String> options);
    }

    /** Modal alerts, one button per option and Cancel. */
    public static final Asker ALERTS = (title, text, options) -> {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION);
        a.setTitle(title);
        a.setHeaderText(title);
        a.setContentText(text);
        a.getButtonTypes().clear();
        for (String o : options) {
            a.getButtonTypes().add(new ButtonType(o, ButtonBar.ButtonData.OTHER));
        }
        a.getButtonTypes().add(ButtonType.CANCEL);
        return a.showAndWait().filter(b -> b != ButtonType.CANCEL).map(ButtonType::getText).orElse(null);
    };

    static final String SAVE = "Save";
    static final String DISCARD = "Discard";
    static final String OVERWRITE = "Write My Changes over Theirs";
    static final String FINISH = "Finish the Save";
    static final String ROLL_BACK = "Roll Back";

    private final DataEdits edits;
    private final Consumer<String> say;
    private Asker asker = ALERTS;
    private Task<Path> task;
    private final ReadOnlyDoubleWrapper progressWrapper = new ReadOnlyDoubleWrapper(this, "progress");
    public final ReadOnlyDoubleProperty progress = progressWrapper.getReadOnlyProperty();
    private final javafx.beans.property.ReadOnlyBooleanWrapper runningWrapper =
            new javafx.beans.property.ReadOnlyBooleanWrapper(this, "running");
    /** Whether a save runs (until its outcome has been handled: the saved file reopened). */
    public final javafx.beans.property.ReadOnlyBooleanProperty running = runningWrapper.getReadOnlyProperty();

    /** {@code say}: where outcomes go (the pane's status line). */
    DataSaving(DataEdits edits, Consumer<String> say) {
        this.edits = edits;
        this.say = say;
    }

    public void setAsker(Asker asker) {
        this.asker = asker;
    }

    /** The save under way, or null. */
    public Task<Path> task() {
        return task;
    }

    /** Stops the save under way; the target is left as it was. */
    public void cancel() {
        if (task != null) {
            task.cancel();
        }
    }

    /**
     * Saves to the opened file. A file changed on disk since it was opened is never overwritten
     * silently: same size, the person may write their changed bytes over the other writer's;
     * another size, only Save As is left. {@code then} gets the saved file (on the FX thread).
     */
    public void save(Consumer<Path> then) {
        Path target = edits.path();
        if (target == null || !edits.modified.get()) {
            say.accept(target == null ? "No data file to save" : "No data edits to save");
            return;
        }
        if (edits.readOnlyReason() != null) {
            say.accept("Cannot save: " + edits.readOnlyReason());
            return;
        }
        Expected check = edits.expected();
        // The file is looked at on the files lane; the question, if any, is asked here.
        TaskRunner.forApp().submit(TaskRunner.Lane.FILES, "Checking " + target.getFileName(), p -> Disk.look(target, check),
                d -> {
                    if (d.changed() == null) {
                        run(target, check, then);
                    } else if (d.gone() != null) {
                        say.accept("Cannot save: " + d.gone() + "; use Save Data As…");
                    } else if (d.now().size() != check.size()) {
                        say.accept("Not saved: " + d.changed() + " — use Save Data As… to keep your edits");
                    } else if (!OVERWRITE.equals(asker.ask("File changed on disk", target + " was changed by another"
                            + " program since it was opened. Write your changed bytes over it (every other byte stays as"
                            + " the other program left it), or cancel and use Save Data As…", List.of(OVERWRITE)))) {
                        say.accept("Not saved: " + target.getFileName() + " changed on disk");
                    } else {
                        run(target, d.now(), then);
                    }
                }, e -> say.accept("Cannot save: " + e.getMessage()));
    }

    /** What the target looks like now against what it was when opened: unchanged (changed null), changed, or gone. */
    private record Disk(String changed, Expected now, String gone) {
        static Disk look(Path target, Expected was) {
            try {
                was.check(target);
                return new Disk(null, null, null);
            } catch (InputException changed) {
                try {
                    return new Disk(changed.getMessage(), Expected.of(target), null);
                } catch (InputException gone) {
                    return new Disk(changed.getMessage(), null, gone.getMessage());
                }
            }
        }
    }

    /** Saves to {@code target}, another file (streamed to a file beside it and renamed). */
    public void saveAs(Path target, Consumer<Path> then) {
        if (edits.path() == null && !edits.modified.get()) {
            say.accept("No data file to save");
            return;
        }
        // An existing target is checked again just before it is replaced; looked at on the files lane.
        TaskRunner.forApp().submit(TaskRunner.Lane.FILES, "Checking " + target.getFileName(),
                p -> java.util.Optional.ofNullable(Files.exists(target) ? Expected.of(target) : null),
                check -> run(target, check.orElse(null), then), e -> say.accept("Cannot save: " + e.getMessage()));
    }

    private void run(Path target, Expected check, Consumer<Path> then) {
        if (task != null && task.isRunning()) {
            say.accept("A save is already running");
            return;
        }
        Task<Path> t = edits.saveTask(target, check);
        task = t;
        progressWrapper.unbind();
        progressWrapper.bind(t.progressProperty());
        say.accept("Saving " + target.getFileName() + " …");
        t.setOnSucceeded(e -> {
            try {
                say.accept("Saved " + target);
                then.accept(target);
            } finally {
                runningWrapper.set(false);
            }
        });
        t.setOnFailed(e -> {
            Throwable x = t.getException();
            say.accept("⚠ Not saved: " + (x instanceof InputException ie ? ie.getMessage() : String.valueOf(x)));
            runningWrapper.set(false);
        });
        t.setOnCancelled(e -> {
            say.accept("Save cancelled; " + target.getFileName() + " is unchanged");
            runningWrapper.set(false);
        });
        runningWrapper.set(true);
        TaskRunner.forApp().executor(TaskRunner.Lane.FILES).execute(t);
    }

    /**
     * Before unsaved edits are lost ({@code doing}: "quitting", "opening another file"): Save,
     * Discard or Cancel. True when the caller may go on (saved, discarded, or nothing to lose);
     * a save runs in the background and {@code afterSave} continues once it is done.
     */
    public boolean confirmDiscard(String doing, Runnable afterSave) {
        if (!edits.modified.get()) {
            return true;
        }
        String answer = asker.ask("Unsaved data edits", "The data file " + (edits.path() == null ? ""
                : edits.path().getFileName() + " ") + "has edits that are not saved. Save them before " + doing + "?",
                List.of(SAVE, DISCARD));
        if (DISCARD.equals(answer)) {
            return true;
        }
        if (SAVE.equals(answer)) {
            save(p -> afterSave.run());
        }
        return false;
    }

    /**
     * Looks for a journal an interrupted save left next to {@code file} (on the files lane); when
     * there is one, asks whether to finish or roll back that save and does it (on the files lane
     * too); then runs {@code then} on the FX thread.
     */
    public void offerJournal(Path file, Runnable then) {
        TaskRunner tasks = TaskRunner.forApp();
        tasks.submit(TaskRunner.Lane.FILES, "Looking for an interrupted save", p -> Journal.find(file), found -> {
            if (found.isEmpty()) {
                then.run();
                return;
            }
            Journal j = found.get();
            String answer = ask(file, j);
            tasks.submit(TaskRunner.Lane.FILES, "Recovering " + file.getFileName(), p -> {
                resolve(j, answer);
                return answer;
            }, a -> {
                report(file, a);
                then.run();
            }, e -> {
                say.accept("⚠ " + e.getMessage());
                then.run();
            });
        }, e -> {
            say.accept("⚠ " + e.getMessage());
            then.run();
        });
    }

    private String ask(Path file, Journal j) {
        return asker.ask("Interrupted save", "A save into " + file.getFileName() + " was interrupted ("
                + j.file().getFileName() + "). Finish it (write the rest of the new bytes) or roll back (restore the"
                + " bytes it was replacing)?", j.complete() ? List.of(FINISH, ROLL_BACK) : List.of(ROLL_BACK));
    }

    private static void resolve(Journal j, String answer) {
        if (FINISH.equals(answer)) {
            j.finish();
        } else if (ROLL_BACK.equals(answer)) {
            j.rollBack();
        }
    }

    private void report(Path file, String answer) {
        say.accept(FINISH.equals(answer) ? "Finished the interrupted save into " + file.getFileName()
                : ROLL_BACK.equals(answer) ? "Rolled back the interrupted save into " + file.getFileName()
                : "⚠ " + file.getFileName() + " has a journal of an interrupted save; it may hold part of it");
    }
}
