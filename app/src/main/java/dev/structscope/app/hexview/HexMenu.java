package dev.structscope.app.hexview;

import dev.structscope.app.common.Fmt;
import dev.structscope.app.fields.RecordTable;
import dev.structscope.io.source.DataSource;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

import java.nio.ByteOrder;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The context menu of a hex selection (right click, the Menu key, Shift+F10): copy it as hex, a C
 * array, a Python literal, text, or the record the overlay's type decodes there as JSON; go to an
 * offset; follow the pointer at the selection start; decode the overlay's type there; bookmark
 * it; and the edits (paste, fill, insert mode). Built when asked for, so every item names what it
 * acts on. Owned by the hex pane; FX thread.
 */
final class HexMenu {
    /** What the menu asks the hex pane to do. */
    interface Actions {
        void focusGoto();

        void bookmarkSelection();

        /** Decode {@code type} at {@code offset} (the overlay). */
        void overlay(String type, long offset);
    }

    private final HexViewModel model;
    private final Supplier<OverlayBar.Choice> choice;
    private final ValueWriters writers;
    private final Actions actions;

    HexMenu(HexViewModel model, Supplier<OverlayBar.Choice> choice, ValueWriters writers, Actions actions) {
        this.model = model;
        this.choice = choice;
        this.writers = writers;
        this.actions = actions;
    }

    /** The menu for the current selection, or null with no data open. */
    ContextMenu menu() {
        DataSource s = model.source.get();
        if (s == null) {
            return null;
        }
        long start = model.selectionStart();
        long length = model.selectionLength();
        String range = String.format(Locale.ROOT, "%s at 0x%X", Fmt.binary(length), start);

        MenuItem copy = item("Copy " + range + " (Ctrl+C)", () -> copySelection(SelectionCopy.Form.HEX));
        Menu copyAs = new Menu("Copy as");
        for (SelectionCopy.Form f : SelectionCopy.Form.values()) {
            copyAs.getItems().add(item(f.label(), () -> copySelection(f)));
        }
        OverlayBar.Choice c = choice.get();
        MenuItem json = item(c == null ? "JSON (choose a type to decode first)" : c.name() + " Record as JSON",
                () -> put(RecordTable.recordJson(c.reader(), s, start)));
        json.setDisable(c == null);
        copyAs.getItems().addAll(new SeparatorMenuItem(), json);

        MenuItem goTo = item("Go to Offset… (Ctrl+G)", actions::focusGoto);
        Menu follow = new Menu(String.format(Locale.ROOT, "Follow Pointer at 0x%X", start));
        long base = c == null ? 0 : Math.max(0, c.base());
        follow.getItems().addAll(
                followItem(s, start, 4, ByteOrder.LITTLE_ENDIAN, 0),
                followItem(s, start, 4, ByteOrder.BIG_ENDIAN, 0),
                followItem(s, start, 8, ByteOrder.LITTLE_ENDIAN, 0),
                followItem(s, start, 8, ByteOrder.BIG_ENDIAN, 0));
        if (base > 0) {
            // Offsets inside a record are often counted from the record's start, not the file's.
            follow.getItems().addAll(new SeparatorMenuItem(),
                    followItem(s, start, 4, ByteOrder.LITTLE_ENDIAN, base),
                    followItem(s, start, 8, ByteOrder.LITTLE_ENDIAN, base));
        }
        MenuItem decode = item(c == null ? "Decode a Type Here (choose one in the overlay bar)"
                        : String.format(Locale.ROOT, "Decode %s at 0x%X", c.name(), start),
                () -> actions.overlay(c.name(), start));
        decode.setDisable(c == null);
        MenuItem mark = item("Bookmark " + range + " (Ctrl+B)", actions::bookmarkSelection);

        ContextMenu m = new ContextMenu(copy, copyAs, new SeparatorMenuItem(), goTo, follow, decode, mark,
                new SeparatorMenuItem());
        m.getItems().addAll(writers.editItems());
        return m;
    }

    /** Copies the selection as hex (Ctrl+C) or in {@code form}. */
    void copySelection(SelectionCopy.Form form) {
        DataSource s = model.source.get();
        if (s != null) {
            put(SelectionCopy.copy(s, model.selectionStart(), model.selectionLength(), form));
        }
    }

    private MenuItem followItem(DataSource s, long at, int width, ByteOrder order, long base) {
        long target = SelectionCopy.follow(s, at, width, order, base);
        String what = String.format(Locale.ROOT, "u%d %s%s", width * 8,
                order == ByteOrder.LITTLE_ENDIAN ? "LE" : "BE",
                base > 0 ? String.format(Locale.ROOT, " + record base 0x%X", base) : "");
        // A pointer that leads nowhere still says what it read: that is often the clue (a wrong byte order, a base).
        String nowhere = at + width > s.size() ? what + " — past the end of the data"
                : String.format(Locale.ROOT, "%s = 0x%s — outside the data", what,
                        Long.toHexString(SelectionCopy.pointer(s, at, width, order)));
        MenuItem i = item(target < 0 ? nowhere : String.format(Locale.ROOT, "%s → 0x%X", what, target), () -> {
            model.moveTo(target, false);
            model.scrollToCaret();
        });
        i.setDisable(target < 0);
        return i;
    }

    private static MenuItem item(String text, Runnable action) {
        MenuItem i = new MenuItem(text);
        i.setMnemonicParsing(false);
        i.setOnAction(e -> action.run());
        return i;
    }

    private static void put(String text) {
        ClipboardContent cc = new ClipboardContent();
        cc.putString(text);
        Clipboard.getSystemClipboard().setContent(cc);
    }
}
