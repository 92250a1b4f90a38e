package dev.structscope.app.hexview;

import dev.structscope.io.source.DataSource;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.BorderPane;

import java.util.HexFormat;
import java.util.Locale;

/**
 * The list of every match Find All found (Data ▸ Find All, Ctrl+Shift+F, or Alt+Enter in the find field): offset,
 * decimal offset and the bytes around it; a click or Enter selects the match in the hex view.
 * Binds to the {@link SearchViewModel}; FX thread. Cells read the few bytes they show from the
 * mapped source, as the hex view's rows do.
 */
final class MatchesView extends BorderPane {
    /** Bytes of context shown after a match's start. */
    private static final int PREVIEW = 12;

    MatchesView(SearchViewModel search, HexViewModel hex) {
        getStyleClass().add("matches-view");
        ListView<Long> list = new ListView<>(search.matches());
        list.setId("search-matches");
        list.setPlaceholder(new Label("Find All (Ctrl+Shift+F, or Alt+Enter in the find field) lists every match here."));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Long at, boolean empty) {
                super.updateItem(at, empty);
                setText(empty || at == null ? null : line(hex.source.get(), at));
            }
        });
        list.setStyle("-fx-font-family: monospace;");
        list.getStyleClass().add(atlantafx.base.theme.Styles.DENSE);
        list.getSelectionModel().selectedItemProperty().addListener((o, a, at) -> {
            if (at != null) {
                search.show(at);
            }
        });
        Label count = new Label();
        count.textProperty().bind(search.matchCount.map(n -> n.longValue() < 0 ? "MATCHES"
                : String.format(Locale.ROOT, "MATCHES: %,d%s", n.longValue(),
                n.longValue() > search.matches().size() ? String.format(Locale.ROOT, " (first %,d listed)", search.matches().size()) : "")));
        count.setStyle("-fx-font-weight: bold; -fx-padding: 3 6 3 6;");
        setTop(count);
        setCenter(list);
    }

    private static String line(DataSource s, long at) {
        String where = String.format(Locale.ROOT, "0x%010X  %,15d  ", at, at);
        if (s == null || at >= s.size()) {
            return where;
        }
        try {
            byte[] b = s.slice(at, Math.min(PREVIEW, s.size() - at)).toArray(java.lang.foreign.ValueLayout.JAVA_BYTE);
            return where + HexFormat.ofDelimiter(" ").formatHex(b);
        } catch (InternalError | IllegalStateException e) {
            return where + "(cannot read)";
        }
    }
}
