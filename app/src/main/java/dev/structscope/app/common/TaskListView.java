package dev.structscope.app.common;

import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.controlsfx.control.PopOver;

import java.util.Locale;

/**
 * The background work the task runner is doing, for the status bar: a link that says how many
 * tasks run ("2 tasks running") and, clicked, a ControlsFX pop-over listing each task with its
 * progress and a Cancel button. A task is listed once it has run for {@link #SHOWN_AFTER}: the
 * once-a-second check that the file is unchanged and the decode behind each caret move finish
 * sooner, and listing them made the status bar flash "1 task running" and shift its other
 * items. Hidden while nothing is listed. Follows {@link TaskRunner#active}; its own state is
 * which of those tasks have been running long enough. FX thread.
 */
public final class TaskListView extends Hyperlink {
    /** The list of tasks shown in the pop-over (tests). */
    public final ListView<TaskRunner.Task> list = new ListView<>();
    /** How long a task runs before it is listed. */
    public static final Duration SHOWN_AFTER = Duration.millis(400);
    /** The runner's tasks that have run for {@link #SHOWN_AFTER}, oldest first. */
    private final ObservableList<TaskRunner.Task> shown = FXCollections.observableArrayList();
    private PopOver popOver;

    public TaskListView(TaskRunner runner) {
        setId("tasks");
        setMnemonicParsing(false);
        runner.active.addListener((ListChangeListener<TaskRunner.Task>) c -> {
            while (c.next()) {
                shown.removeAll(c.getRemoved());
                for (TaskRunner.Task t : c.getAddedSubList()) {
                    PauseTransition wait = new PauseTransition(SHOWN_AFTER);
                    wait.setOnFinished(e -> {
                        if (runner.active.contains(t) && !shown.contains(t)) {
                            shown.add(t);
                        }
                    });
                    wait.play();
                }
            }
        });
        list.setItems(shown);
        list.setId("task-list");
        list.setPrefWidth(380);
        // As tall as its rows (up to six, then it scrolls): one search is one line, not a box of blank rows.
        list.prefHeightProperty().bind(Bindings.createDoubleBinding(
                () -> Math.min(6, Math.max(1, shown.size())) * 36.0 + 4, shown));
        list.setCellFactory(v -> new TaskCell());
        list.setPlaceholder(new Label("Nothing is running"));
        textProperty().bind(Bindings.createStringBinding(() -> {
            int n = shown.size();
            return n == 1 ? "1 task running" : String.format(Locale.ROOT, "%d tasks running", n);
        }, shown));
        visibleProperty().bind(Bindings.isNotEmpty(shown));
        managedProperty().bind(visibleProperty());
        setOnAction(e -> toggle());
    }

    /** Shows or hides the list of running tasks. */
    public void toggle() {
        if (popOver == null) {
            Label title = new Label("Background tasks");
            title.getStyleClass().add("muted");
            VBox box = new VBox(6, title, list);
            box.setPadding(new Insets(8));
            popOver = new PopOver(box);
            popOver.setArrowLocation(PopOver.ArrowLocation.BOTTOM_LEFT);
            popOver.setDetachable(false);
            popOver.setAutoHide(true);
        }
        if (popOver.isShowing()) {
            popOver.hide();
        } else {
            popOver.show(this);
        }
    }

    /** One task: what it does, how far, and Cancel. */
    private static final class TaskCell extends ListCell<TaskRunner.Task> {
        private final Label what = new Label();
        private final ProgressBar bar = new ProgressBar();
        private final Button cancel = new Button("Cancel");
        private final HBox row;

        TaskCell() {
            what.setMinWidth(0);
            what.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(what, Priority.ALWAYS);
            bar.setPrefWidth(110);
            cancel.getStyleClass().add("small");
            row = new HBox(8, what, bar, cancel);
            row.setAlignment(Pos.CENTER_LEFT);
        }

        @Override
        protected void updateItem(TaskRunner.Task t, boolean empty) {
            super.updateItem(t, empty);
            bar.progressProperty().unbind();
            if (empty || t == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            what.setText(t.what());
            what.setTooltip(new javafx.scene.control.Tooltip(t.what()));
            // -1 (unknown total) is what ProgressBar shows as indeterminate.
            bar.progressProperty().bind(t.progress);
            // Only owners that can put their own view back offer Cancel here (a save that has begun finishes).
            cancel.setVisible(t.cancellable());
            cancel.setDisable(t.cancelRequested());
            cancel.setText(t.cancelRequested() ? "Cancelling…" : "Cancel");
            cancel.setOnAction(e -> {
                t.requestCancel();
                cancel.setDisable(true);
                cancel.setText("Cancelling…");
            });
            setText(null);
            setGraphic(row);
        }
    }
}
