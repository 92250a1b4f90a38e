package dev.structscope.app.shell;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.nio.file.Path;

/**
 * The data pane, right of the designer: the hex explorer ({@link dev.structscope.app.hexview.HexPane})
 * for the chosen data file, or an empty state saying what to do. FX thread.
 */
public final class DataPane extends BorderPane {
    public DataPane(ShellViewModel vm) {
        getStyleClass().add("data-pane");
        setId("data-pane");
        Label title = new Label("DATA");
        title.getStyleClass().add("section-label");
        HBox header = new HBox(title);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("pane-header");
        Label what = new Label();
        what.setId("data-empty");
        what.getStyleClass().add("empty-state");
        what.setWrapText(true);
        what.textProperty().bind(Bindings.createStringBinding(() -> describe(vm.dataFile.get()),
                vm.dataFile));
        Label hint = new Label("Drop a .h or .json layout, or any data file, anywhere on the window.");
        hint.getStyleClass().add("muted");
        hint.setWrapText(true);
        VBox box = new VBox(10, what, hint);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add("empty-box");
        this.header = header;
        setTop(header);
        setCenter(box);
        // Narrower than the explorer's toolbars need (a 1024-pixel window beside the designer):
        // the explorer takes the width it is given, from the left, and nothing it lays out past
        // the pane's edge paints over the designer (a centred overflow hid its left part there).
        hexPane.setMinWidth(0);
        BorderPane.setAlignment(hexPane, Pos.TOP_LEFT);
        javafx.scene.shape.Rectangle clip = new javafx.scene.shape.Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        // The hex explorer (issue 7) takes the pane over once a data file is chosen; it opens the
        // file in the background and shows its own empty/error states.
        vm.dataFile.addListener((o, a, p) -> {
            if (p == null) {
                setTop(header);
                setCenter(box);
                return;
            }
            // The hex explorer names its file in its own toolbar: the pane title would only cost a row.
            setTop(null);
            setCenter(hexPane);
            hexPane.open(p);
        });
        vm.document.state.addListener((o, a, st) -> hexPane.setDocumentState(st));
        hexPane.setDocumentState(vm.document.state.get());
    }

    private final HBox header;
    /** The hex explorer shown for the data file. */
    public final dev.structscope.app.hexview.HexPane hexPane = new dev.structscope.app.hexview.HexPane();

    /**
     * Shows {@code bytes} (a live message, owned by the caller) in the hex explorer, decoded as
     * {@code type} from offset 0 when the document has that type.
     */
    public void showMessage(dev.structscope.io.source.DataSource bytes, String type) {
        setTop(null);
        setCenter(hexPane);
        hexPane.setSource(bytes);
        if (type != null && hexPane.overlayBar.typeBox.getItems().contains(type)) {
            hexPane.overlayBar.choose(type, "0x0", false);
        }
    }

    /** The empty state's text; a chosen file is shown by the hex explorer, which sizes it off the FX thread. */
    private static String describe(Path p) {
        if (p == null) {
            return "Open a binary file (Ctrl+Shift+O) or connect to a socket (Ctrl+L)";
        }
        return p.getFileName() == null ? p.toString() : p.getFileName().toString();
    }
}
