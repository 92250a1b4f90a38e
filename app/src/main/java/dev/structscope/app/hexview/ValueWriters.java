package dev.structscope.app.hexview;

import dev.structscope.app.common.Fmt;
import dev.structscope.app.fields.FieldItem;
import dev.structscope.app.fields.FieldsView;
import dev.structscope.app.fields.RecordAt;
import dev.structscope.app.fields.RecordTable;
import dev.structscope.app.inspector.InspectorViewModel;
import dev.structscope.io.source.DataSource;
import dev.structscope.model.InputException;
import javafx.scene.control.Label;

import java.util.Locale;
import java.util.function.Supplier;

/**
 * Where typed values become edits: a value in the decoded tree or a record-table cell (through
 * the encoder, as {@code patch} writes it), a number in the inspector, a fill of the selection and
 * a paste at the caret — each one {@link DataEdits} step, with what it did (or why not) on the line
 * under the bytes. Also the edit items of the hex view's context menu. Owned by the hex pane; FX
 * thread only.
 */
final class ValueWriters {
    private final HexViewModel model;
    private final DataEdits edits;
    private final Label editStatus;
    private final Supplier<OverlayBar.Choice> choice;
    private final Supplier<RecordAt> shown;

    ValueWriters(HexViewModel model, DataEdits edits, Label editStatus, Supplier<OverlayBar.Choice> choice,
                 Supplier<RecordAt> shown) {
        this.model = model;
        this.edits = edits;
        this.editStatus = editStatus;
        this.choice = choice;
        this.shown = shown;
    }

    /** Lets the tree, the record table and the inspector write values, and gives the hex view its menu. */
    void install(FieldsView fields, RecordTable records, InspectorViewModel inspector) {
        fields.setValueEditor(this::treeValue);
        records.setCellEditor((plan, start, path, node, text) -> {
            if (!edits.editable()) {
                return edits.message.get();
            }
            try {
                byte[] before = model.source.get().slice(start, plan.recordSize()).toArray(java.lang.foreign.ValueLayout.JAVA_BYTE);
                var b = dev.structscope.app.fields.ValueEdit.encode(plan, start, before, path, node, text);
                if (b.bytes().length > 0) {
                    edits.write(b.offset(), b.bytes());
                }
                editStatus.setText(b.bytes().length == 0 ? path + ": unchanged" : String.format(Locale.ROOT,
                        "%s = %s · %d B at 0x%X changed, not saved", path, text, b.bytes().length, b.offset()));
                return null;
            } catch (InputException e) {
                editStatus.setText("⚠ " + e.getMessage());
                return e.getMessage();
            }
        });
        records.setMemberEditor(this::memberValue);
        inspector.setValueEditor(bytes -> {
            long at = model.selectionStart();
            if (model.source.get() == null || at + bytes.length > model.size()) {
                return "the value runs past the end of the data";
            }
            if (!edits.write(at, bytes)) {
                return edits.message.get();
            }
            editStatus.setText(String.format(Locale.ROOT, "%d B at 0x%X changed, not saved", bytes.length, at));
            return null;
        });
    }

    /** A value typed into the decoded tree: encoded into the record's bytes and written as one edit. */
    String treeValue(FieldItem item, String text) {
        OverlayBar.Choice c = choice.get();
        RecordAt shown = this.shown.get();
        DataSource s = model.source.get();
        if (c == null || shown == null || s == null) {
            return "nothing is decoded";
        }
        if (!edits.editable()) {
            return edits.message.get();
        }
        if (c.dynamic()) {
            return memberValue(item.getValue(), text);
        }
        long base = shown.base();
        int size = (int) c.plan().recordSize();
        try {
            byte[] before = s.slice(base, size).toArray(java.lang.foreign.ValueLayout.JAVA_BYTE);
            var b = dev.structscope.app.fields.ValueEdit.encode(c.plan(), base, before, item, text);
            if (b.bytes().length == 0) {
                editStatus.setText(item.getValue().name() + ": unchanged");
                return null;
            }
            edits.write(b.offset(), b.bytes());
            editStatus.setText(String.format(Locale.ROOT, "%s = %s · %d B at 0x%X changed, not saved",
                    item.getValue().name(), text, b.bytes().length, b.offset()));
            return null;
        } catch (InputException e) {
            editStatus.setText("⚠ " + e.getMessage());
            return e.getMessage();
        }
    }

    /**
     * A value typed into a dynamic record's member, in the tree or the record table: the member
     * is written where this record's content placed it; a count, switch or size changes the
     * record's shape, which the views show at once when they re-decode (and the table re-walks)
     * after the edit.
     */
    String memberValue(dev.structscope.app.fields.FieldRow row, String text) {
        DataSource s = model.source.get();
        if (s == null) {
            return "nothing is decoded";
        }
        if (!edits.editable()) {
            return edits.message.get();
        }
        try {
            if (row.offset() < 0 || row.offset() + row.size() > s.size()) {
                throw new InputException(row.name(), "lies outside the data");
            }
            byte[] current = s.slice(row.offset(), row.size()).toArray(java.lang.foreign.ValueLayout.JAVA_BYTE);
            var b = dev.structscope.app.fields.ValueEdit.encodeMember(row, current, text);
            if (b.bytes().length == 0) {
                editStatus.setText(row.name() + ": unchanged");
                return null;
            }
            edits.write(b.offset(), b.bytes());
            editStatus.setText(String.format(Locale.ROOT, "%s = %s · %d B at 0x%X changed, not saved (the record is decoded again)",
                    row.name(), text, b.bytes().length, b.offset()));
            return null;
        } catch (InputException e) {
            editStatus.setText("⚠ " + e.getMessage());
            return e.getMessage();
        }
    }

    /**
     * Fills the selection with a pattern ({@code kind}: hex bytes, text, or a typed value as in
     * Find); null when done, else why not (also said under the bytes).
     */
    String fillSelection(SearchQuery.Kind kind, String text) {
        byte[] pattern;
        try {
            pattern = SearchQuery.parse(kind, text).pattern();
        } catch (IllegalArgumentException e) {
            editStatus.setText("⚠ Fill: " + e.getMessage());
            return e.getMessage();
        }
        long start = model.selectionStart();
        long length = model.selectionLength();
        if (!edits.fill(start, length, pattern)) {
            return edits.message.get();
        }
        model.select(start, length);
        editStatus.setText(String.format(Locale.ROOT, "Filled %s at 0x%X, not saved", Fmt.bytes(length), start));
        return null;
    }

    /**
     * Pastes {@code text} at the caret: hex bytes in the hex pane ({@code de ad be ef}), text in
     * the ASCII pane; null when done, else why not.
     */
    String paste(String text) {
        SearchQuery.Kind kind = model.pane.get() == HexViewModel.Pane.HEX ? SearchQuery.Kind.HEX : SearchQuery.Kind.ASCII;
        byte[] bytes;
        try {
            bytes = SearchQuery.parse(kind, text == null ? "" : text.strip()).pattern();
        } catch (IllegalArgumentException e) {
            editStatus.setText("⚠ Paste: " + e.getMessage());
            return e.getMessage();
        }
        long at = model.caret();
        if (!edits.paste(at, bytes)) {
            return edits.message.get();
        }
        editStatus.setText(String.format(Locale.ROOT, "Pasted %s at 0x%X, not saved", Fmt.bytes(bytes.length), at));
        return null;
    }

    /** The edit items of the hex view's context menu: paste, fill the selection, insert mode. */
    java.util.List<javafx.scene.control.MenuItem> editItems() {
        javafx.scene.control.MenuItem paste = new javafx.scene.control.MenuItem("Paste (Ctrl+V)");
        paste.setOnAction(e -> paste(javafx.scene.input.Clipboard.getSystemClipboard().getString()));
        javafx.scene.control.MenuItem fill = new javafx.scene.control.MenuItem(
                "Fill Selection (" + Fmt.binary(model.selectionLength()) + ")…");
        fill.setOnAction(e -> {
            javafx.scene.control.TextInputDialog d = new javafx.scene.control.TextInputDialog("00");
            d.setTitle("Fill Selection");
            d.setHeaderText("Fill " + Fmt.bytes(model.selectionLength()) + " with hex bytes, repeated");
            d.setContentText("Bytes (e.g. 00 or de ad be ef):");
            d.showAndWait().ifPresent(t -> fillSelection(SearchQuery.Kind.HEX, t));
        });
        javafx.scene.control.MenuItem insert = new javafx.scene.control.MenuItem(
                edits.insertMode.get() ? "Overwrite Mode (Insert)" : "Insert Mode (Insert)");
        insert.setOnAction(e -> edits.insertMode.set(!edits.insertMode.get()));
        java.util.List<javafx.scene.control.MenuItem> items = java.util.List.of(paste, fill, insert);
        items.forEach(i -> i.setMnemonicParsing(false));
        return items;
    }
}
