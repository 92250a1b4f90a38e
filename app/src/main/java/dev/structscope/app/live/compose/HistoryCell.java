package dev.structscope.app.live.compose;

import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * A row of the compose history: local time, how many times, ok or failed, and the values sent;
 * a failed send is marked and its error is the tooltip. FX thread.
 */
final class HistoryCell extends ListCell<SentRecord> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    HistoryCell(java.util.function.Consumer<SentRecord> load) {
        // Fit the list's width (long summaries end in an ellipsis, the tooltip has them whole)
        // rather than widening the list with a horizontal scroll bar.
        setPrefWidth(0);
        // A click loads the entry even when it is already selected (after further edits).
        setOnMouseClicked(e -> {
            if (!isEmpty() && getItem() != null) {
                load.accept(getItem());
            }
        });
    }

    @Override
    protected void updateItem(SentRecord r, boolean empty) {
        super.updateItem(r, empty);
        getStyleClass().remove("compose-history-error");
        if (empty || r == null) {
            setText(null);
            setTooltip(null);
            return;
        }
        String when = TIME.format(r.time().atZone(ZoneId.systemDefault()));
        setText(when + "  ×" + r.times() + "  " + (r.ok() ? "ok" : "failed") + "   " + r.summary());
        setTooltip(new Tooltip(r.ok() ? r.summary() : "Failed: " + r.error() + "\n" + r.summary()));
        if (!r.ok()) {
            getStyleClass().add("compose-history-error");
        }
    }
}
