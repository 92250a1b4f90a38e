package dev.structscope.app.live;

import dev.structscope.app.common.MemberColors;
import dev.structscope.app.fields.Columns;
import dev.structscope.app.fields.ValueText;
import dev.structscope.io.decode.DecoderPlan;
import dev.structscope.io.decode.ScalarNode;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

import java.lang.foreign.MemorySegment;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The columns of the monitor's message list: sequence, time, peer, length, one summary column per
 * chosen member, and "Changed", the members that differ from the previous message. A member cell
 * whose value changed since the previous message is marked ({@code live-changed}: bold, tinted).
 * Cells decode only when the table shows them. FX thread.
 */
public final class MessageColumns {
    /** Summary columns chosen when the decoding starts: the first few leaves. */
    public static final int DEFAULT_SUMMARY = 4;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS").withZone(ZoneId.systemDefault());

    private MessageColumns() {
    }

    /** The fixed columns, then the summary of {@code chosen} leaves of {@code plan}, then "Changed". */
    public static List<TableColumn<LiveMessage, ?>> of(TableView<LiveMessage> table, DecoderPlan plan, List<Columns.Leaf> chosen,
                                                      List<Columns.Leaf> all) {
        List<TableColumn<LiveMessage, ?>> cols = new ArrayList<>();
        cols.add(text("#", 70, m -> Long.toString(m.seq())));
        cols.add(text("Time", 120, m -> TIME.format(Instant.ofEpochSecond(0, m.epochNanos()))));
        cols.add(text("Peer", 130, LiveMessage::peer));
        cols.add(text("Length", 64, m -> Integer.toString(m.bytes().length)));
        if (plan != null) {
            for (Columns.Leaf leaf : chosen) {
                cols.add(member(table, plan, leaf));
            }
            TableColumn<LiveMessage, LiveMessage> changed = new TableColumn<>("Changed");
            changed.setId("live-col-changed");
            changed.setSortable(false);
            changed.setPrefWidth(160);
            changed.setCellValueFactory(p -> new ReadOnlyObjectWrapper<>(p.getValue()));
            changed.setCellFactory(c -> new TableCell<>() {
                @Override
                protected void updateItem(LiveMessage m, boolean empty) {
                    super.updateItem(m, empty);
                    LiveMessage prev = empty || m == null ? null : previous(table, getIndex());
                    setText(prev == null ? null : String.join(", ", changedMembers(plan, all, prev, m)));
                }
            });
            cols.add(changed);
        }
        return cols;
    }

    private static TableColumn<LiveMessage, String> text(String title, double width, Function<LiveMessage, String> f) {
        TableColumn<LiveMessage, String> c = new TableColumn<>(title);
        c.setId("live-col-" + title.toLowerCase(java.util.Locale.ROOT).replace("#", "seq"));
        c.setSortable(false);
        c.setPrefWidth(width);
        c.setCellValueFactory(p -> new ReadOnlyObjectWrapper<>(f.apply(p.getValue())));
        return c;
    }

    private static TableColumn<LiveMessage, LiveMessage> member(TableView<LiveMessage> table, DecoderPlan plan, Columns.Leaf leaf) {
        TableColumn<LiveMessage, LiveMessage> c = new TableColumn<>();
        c.setId("live-col-m-" + leaf.path());
        c.setUserData(leaf.path());
        Label header = new Label(leaf.path());
        header.setStyle("-fx-border-color: " + MemberColors.tintCss(leaf.color(), 1.0) + "; -fx-border-width: 0 0 3 0;");
        c.setGraphic(header);
        c.setSortable(false);
        c.setPrefWidth(Math.max(80, leaf.path().length() * 8 + 24));
        c.setCellValueFactory(p -> new ReadOnlyObjectWrapper<>(p.getValue()));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(LiveMessage m, boolean empty) {
                super.updateItem(m, empty);
                getStyleClass().remove("live-changed");
                if (empty || m == null) {
                    setText(null);
                    return;
                }
                String v = value(plan, leaf, m);
                setText(v);
                LiveMessage prev = previous(table, getIndex());
                if (prev != null && v != null && !v.equals(value(plan, leaf, prev))) {
                    getStyleClass().add("live-changed");
                }
            }
        });
        return c;
    }

    /** The message before row {@code index} in the table, or null. */
    static LiveMessage previous(TableView<LiveMessage> table, int index) {
        return index > 0 && index <= table.getItems().size() ? table.getItems().get(index - 1) : null;
    }

    /** The text of {@code leaf} in {@code m}; "—" when the message is shorter than the record. */
    public static String value(DecoderPlan plan, Columns.Leaf leaf, LiveMessage m) {
        if (m.bytes().length < plan.recordSize()) {
            return "— (" + m.bytes().length + " of " + plan.recordSize() + " bytes)";
        }
        MemorySegment seg = MemorySegment.ofArray(m.bytes());
        try {
            return ValueText.of(leaf.node().read(seg, leaf.base()), leaf.node() instanceof ScalarNode s ? s : null);
        } catch (RuntimeException e) {
            return "⚠";
        }
    }

    /** Top-level members of which some leaf differs between {@code prev} and {@code m}, in order. */
    public static List<String> changedMembers(DecoderPlan plan, List<Columns.Leaf> all, LiveMessage prev, LiveMessage m) {
        Set<String> out = new LinkedHashSet<>();
        for (Columns.Leaf leaf : all) {
            String top = top(leaf.path());
            if (!out.contains(top) && !java.util.Objects.equals(value(plan, leaf, prev), value(plan, leaf, m))) {
                out.add(top);
            }
        }
        return List.copyOf(out);
    }

    private static String top(String path) {
        int cut = path.length();
        for (int i = 0; i < path.length(); i++) {
            char ch = path.charAt(i);
            if (ch == '.' || ch == '[') {
                cut = i;
                break;
            }
        }
        return path.substring(0, cut);
    }
}
