package dev.structscope.app.live;

import dev.structscope.app.common.MemberColors;
import dev.structscope.app.fields.Columns;
import dev.structscope.app.fields.ValueText;
import dev.structscope.io.decode.DecoderPlan;
import dev.structscope.io.decode.ScalarNode;
import dev.structscope.io.net.live.LiveMessage;
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
 * The columns of the monitor's message list: sequence, time, one summary column per chosen
 * member, "Changed" (the members that differ from the previous message), length and peer. A member cell
 * whose value changed since the previous message is marked (pseudo-class {@code :changed}: bold, tinted).
 * Cells decode only when the table shows them. FX thread.
 */
public final class MessageColumns {
    /** Summary columns chosen when the decoding starts: the first few leaves. */
    public static final int DEFAULT_SUMMARY = 4;
    /** Marks a member cell whose value differs from the previous message's. */
    public static final javafx.css.PseudoClass CHANGED = javafx.css.PseudoClass.getPseudoClass("changed");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

    private MessageColumns() {
    }

    /** The fixed columns, then the summary of {@code chosen} leaves of {@code plan}, then "Changed". */
    public static List<TableColumn<LiveMessage, ?>> of(TableView<LiveMessage> table, DecoderPlan plan, List<Columns.Leaf> chosen,
                                                      List<Columns.Leaf> all) {
        List<TableColumn<LiveMessage, ?>> cols = new ArrayList<>();
        cols.add(text("#", 64, m -> Long.toString(m.seq())));
        cols.add(text("Time", 100, m -> TIME.format(Instant.ofEpochSecond(0, m.epochNanos()))));
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
        // Length and peer last: the members are what one watches, and the column may be narrow.
        cols.add(text("Length", 60, m -> Integer.toString(m.length())));
        cols.add(text("Peer", 140, LiveMessage::peer));
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
        // Wide enough for the widest value of the leaf's size (a 64-bit integer has 20 digits).
        long size = leaf.node().size();
        c.setPrefWidth(Math.max(leaf.path().length() * 8 + 24, size >= 8 ? 175 : size >= 4 ? 100 : 70));
        c.setCellValueFactory(p -> new ReadOnlyObjectWrapper<>(p.getValue()));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(LiveMessage m, boolean empty) {
                super.updateItem(m, empty);
                if (empty || m == null) {
                    setText(null);
                    pseudoClassStateChanged(CHANGED, false);
                    return;
                }
                String v = value(plan, leaf, m);
                setText(v);
                LiveMessage prev = previous(table, getIndex());
                // A pseudo-class, not a style class: toggling it is cheap for CSS while the list moves.
                pseudoClassStateChanged(CHANGED, prev != null && v != null && !v.equals(value(plan, leaf, prev)));
            }
        });
        return c;
    }

    /**
     * The "Type" column of a dynamic record: the alternative each tagged union of the message
     * chose ({@code body=trade}), "unknown" where none matched, or why the message does not decode.
     */
    public static TableColumn<LiveMessage, String> type(dev.structscope.io.decode.RecordReader reader) {
        // A cell is rendered again on every scroll: each message is decoded once, not per render.
        // The column lives on the FX thread and is rebuilt with the decoding, so is its cache.
        java.util.Map<Long, String> seen = new java.util.LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(java.util.Map.Entry<Long, String> eldest) {
                return size() > 4096;
            }
        };
        TableColumn<LiveMessage, String> c = text("Type", 140, m -> seen.computeIfAbsent(m.seq(), s -> typeOf(reader, m)));
        c.setId("live-col-type");
        return c;
    }

    /** The chosen alternatives of {@code m}'s tagged unions, or the reason it does not decode. */
    public static String typeOf(dev.structscope.io.decode.RecordReader reader, LiveMessage m) {
        try {
            var d = reader.read(m.bytes(), 0, m.length());
            List<String> chosen = new ArrayList<>();
            chosen(d.value(), chosen, 0);
            return chosen.isEmpty() ? "—" : String.join(", ", chosen);
        } catch (dev.structscope.model.InputException e) {
            return "⚠ " + e.getMessage();
        }
    }

    private static void chosen(dev.structscope.io.decode.RecordValue r, List<String> out, int depth) {
        if (depth > 8 || out.size() >= 4) {
            return;
        }
        for (int i = 0; i < r.memberCount(); i++) {
            if (r.node().members().get(i) instanceof dev.structscope.io.decode.RecordNode n && n.tagged()) {
                out.add(n.members().isEmpty() ? "unknown" : n.members().getFirst().name());
            }
            if (r.get(i) instanceof dev.structscope.io.decode.RecordValue inner) {
                chosen(inner, out, depth + 1);
            }
        }
    }

    /** The message before row {@code index} in the table, or null. */
    static LiveMessage previous(TableView<LiveMessage> table, int index) {
        return index > 0 && index <= table.getItems().size() ? table.getItems().get(index - 1) : null;
    }

    /** The text of {@code leaf} in {@code m}; "—" when the message is shorter than the record. */
    public static String value(DecoderPlan plan, Columns.Leaf leaf, LiveMessage m) {
        if (m.length() < plan.recordSize()) {
            return "— (" + m.length() + " of " + plan.recordSize() + " bytes)";
        }
        MemorySegment seg = m.bytes();
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
