package dev.structscope.app.hexview;

import dev.structscope.app.common.TaskRunner;
import dev.structscope.app.fields.FieldsView;
import dev.structscope.app.fields.RecordAt;
import dev.structscope.app.fields.RecordTable;
import dev.structscope.app.inspector.InspectorView;
import dev.structscope.app.inspector.InspectorViewModel;
import dev.structscope.io.source.DataSource;
import dev.structscope.model.InputException;
import dev.structscope.model.abi.Abi;
import dev.structscope.model.type.TypeLibrary;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;

import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The hex explorer, assembled: toolbar (go to, find, row width, offsets), overlay chooser, a
 * reload banner, the hex view and record table in tabs, and beside them the decoded fields,
 * the data inspector and the bookmarks. Wires the two-way selection between the hex view and
 * the fields tree. Opens files in the background and shows problems (empty, unreadable,
 * changed on disk) in the pane, never in dialogs.
 *
 * <p>Owns the sources it opens through {@link #open(Path)} and closes them when replaced; a
 * source given to {@link #setSource} stays its caller's. FX thread only.
 */
public final class HexPane extends BorderPane {
    static final String EMPTY_STATE = DataFileViewModel.EMPTY_STATE;

    public final HexViewModel model = new HexViewModel();
    public final BookmarksModel bookmarks = new BookmarksModel();
    public final SearchViewModel search = new SearchViewModel(model);
    public final HexView hexView = new HexView(model, bookmarks);
    /** The edits to the open data file (typing over bytes, undo, redo). */
    public final DataEdits edits = new DataEdits(model);
    /** The line under the bytes that says what an edit or a save did, or why not. */
    public final Label editStatus = new Label();
    /** Saving the edits, and the questions around it. */
    public final DataSaving saving = new DataSaving(edits, editStatus::setText);
    private final Label modeLabel = new Label("OVR");
    private final ValueWriters writers;
    private final HexMenu hexMenu;
    private java.util.function.Consumer<Path> onSavedAs = p -> { };
    public final FieldsView fieldsView = new FieldsView();
    public final RecordTable recordTable = new RecordTable();
    private final InspectorViewModel inspectorModel = new InspectorViewModel();
    public final InspectorView inspectorView = new InspectorView(inspectorModel);
    private final BookmarksView bookmarksView = new BookmarksView(bookmarks, model);
    public final OverlayBar overlayBar = new OverlayBar(model);
    public final TextField gotoField = new TextField();
    public final Label gotoError = new Label();
    private final TextField findField = new TextField();
    private final Label fileLabel = new Label("no file");
    private final Label status = new Label();
    public final Label messageLabel = new Label(EMPTY_STATE);
    /** The reload banner (ControlsFX): slides in over the bytes when the file changes on disk. */
    private final org.controlsfx.control.NotificationPane notice = new org.controlsfx.control.NotificationPane();
    private final TabPane tabs = new TabPane();
    // The byte map strip beside the hex view's scroll bar, the larger map and the selection's histogram.
    /** The byte map's state: the strip's map, colouring, the histogram. */
    public final dev.structscope.app.bytemap.ByteMapViewModel byteMap =
            new dev.structscope.app.bytemap.ByteMapViewModel(TaskRunner.forApp());
    public final dev.structscope.app.bytemap.ByteMapStrip byteMapStrip = new dev.structscope.app.bytemap.ByteMapStrip(byteMap);
    public final dev.structscope.app.bytemap.HistogramView histogramView =
            new dev.structscope.app.bytemap.HistogramView(byteMap);
    private dev.structscope.app.bytemap.ByteMapView byteMapView;
    private javafx.stage.Stage byteMapWindow;
    private final Tab hexTab = new Tab("Hex", new BorderPane(hexView, null, byteMapStrip, null, null));
    private final Tab tableTab = new Tab("Records", recordTable);
    /** Hex and records above (narrow) or left (wide); the decoded side below or right. */
    private final SplitPane main = new SplitPane();
    private final Tab decodedTab = new Tab("Decoded");
    private final Tab inspectorTab = new Tab("Inspector", inspectorView);
    private final Tab bookmarksTab = new Tab("Bookmarks", bookmarksView);
    private final Tab matchesTab = new Tab("Matches", new MatchesView(search, model));
    private final Tab histogramTab = new Tab("Histogram", histogramView);
    /** Narrow: decoded, inspector and bookmarks as tabs under the bytes. */
    private final TabPane bottom = new TabPane();
    /** Wide: inspector and bookmarks as tabs under the decoded tree. */
    private final TabPane sideTabs = new TabPane();
    private final SplitPane side = new SplitPane();
    private Boolean wide;
    /** The pane's file: what shows, who owns it, what the pane says about it. */
    public final DataFileViewModel file = new DataFileViewModel(model, edits, saving, bookmarks, search,
            TaskRunner.forApp(), editStatus::setText);
    /** The current overlay choice (type, plan, base), or null. */
    private OverlayBar.Choice choice;
    private boolean syncing;

    /** The bytes' share of the height above the decoded tabs (vertical), as last placed or dragged. */
    private double bytesShare = 0.6;
    private boolean bytesPending;
    /** The least height of the decoded tabs under the bytes before {@link #fitDecodedLeast} measured it. */
    private static final double DECODED_LEAST = 128;
    /** Widths from which the decoded tree stands beside the bytes rather than under them. */
    private static final double WIDE = 1000;

    public HexPane() {
        writers = new ValueWriters(model, edits, editStatus, () -> choice, fieldsView::shown);
        getStyleClass().add("hex-pane");
        gotoField.setPromptText("Go to offset");
        gotoField.setTooltip(new javafx.scene.control.Tooltip(
                "Go to (Ctrl+G) an offset: 0x1f00+24, 1f00h, 4*1024*1024, $+0x10 ($ is the caret)"));
        gotoField.setPrefColumnCount(8);
        gotoField.setOnAction(e -> goTo(gotoField.getText()));
        gotoError.setStyle("-fx-text-fill: #d1242f;");
        findField.setPrefColumnCount(9);
        findField.textProperty().bindBidirectional(search.text);
        findField.setOnAction(e -> search.next());
        ComboBox<SearchQuery.Kind> kind = new ComboBox<>();
        kind.getItems().setAll(SearchQuery.Kind.values());
        kind.valueProperty().bindBidirectional(search.kind);
        kind.setPrefWidth(150);
        kind.setTooltip(new javafx.scene.control.Tooltip("What the text is: hex bytes (7f 45 4c 46), ASCII or UTF-16LE text,"
                + " or a typed value (u8…u64, i8…i64, f32, f64; le/be suffix: u32be=1234)"));
        // The prompt shows what to type in the chosen mode, before any error has to.
        findField.promptTextProperty().bind(search.kind.map(k -> "Find: " + k.example()));
        findField.setId("hex-find");
        findField.setTooltip(new javafx.scene.control.Tooltip("Find (Ctrl+F); F3 next, Shift+F3 previous"));
        Button prev = new Button("◀");
        prev.setOnAction(e -> search.previous());
        Button next = new Button("▶");
        next.setOnAction(e -> search.next());
        prev.setTooltip(new javafx.scene.control.Tooltip("Previous match (Shift+F3)"));
        next.setTooltip(new javafx.scene.control.Tooltip("Next match (F3)"));
        Button all = new Button("All");
        all.setId("hex-find-all");
        all.setTooltip(new javafx.scene.control.Tooltip("Count and list every match (Ctrl+Shift+F; Alt+Enter in the find field)"));
        all.setOnAction(e -> findAll());
        findField.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && e.isAltDown()) {
                findAll();
                e.consume();
            }
        });
        ProgressBar searchProgress = new ProgressBar();
        searchProgress.progressProperty().bind(search.status.progress);
        searchProgress.visibleProperty().bind(search.status.running);
        searchProgress.setPrefWidth(90);
        Button cancel = new Button("Cancel");
        cancel.visibleProperty().bind(search.status.running);
        cancel.setOnAction(e -> search.cancel());
        Label searchMsg = new Label();
        searchMsg.textProperty().bind(search.status.message);
        searchMsg.styleProperty().bind(search.status.error.map(err -> err ? "-fx-text-fill: #d1242f;" : ""));
        // Row width and offset base are set once and rarely changed: a menu, not two controls on
        // the toolbar (at 1366 px the data column cannot spare a row for them).
        javafx.scene.control.MenuButton viewMenu = viewMenu();
        fileLabel.setStyle("-fx-font-weight: bold;");
        // Search progress, Cancel and messages take room only while they show something, so the
        // narrow data column keeps the tools on few lines.
        searchProgress.managedProperty().bind(searchProgress.visibleProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        searchMsg.visibleProperty().bind(searchMsg.textProperty().isNotEmpty());
        searchMsg.managedProperty().bind(searchMsg.visibleProperty());
        gotoError.visibleProperty().bind(gotoError.textProperty().isNotEmpty());
        gotoError.managedProperty().bind(gotoError.visibleProperty());
        // A flow, not a row: in the shell's narrow data column the tools wrap instead of clipping.
        // Typing mode and a save's progress sit with the tools: OVR/INS toggles on a click too (Insert key).
        modeLabel.setId("edit-mode");
        modeLabel.getStyleClass().add("edit-mode");
        modeLabel.setTooltip(new javafx.scene.control.Tooltip("Typing over bytes (OVR) or inserting them (INS): Insert toggles"));
        modeLabel.textProperty().bind(edits.insertMode.map(ins -> ins ? "INS" : "OVR"));
        modeLabel.setOnMouseClicked(e -> edits.insertMode.set(!edits.insertMode.get()));
        ProgressBar saveProgress = new ProgressBar();
        saveProgress.setId("save-progress");
        saveProgress.progressProperty().bind(saving.progress);
        saveProgress.visibleProperty().bind(edits.saving);
        saveProgress.managedProperty().bind(edits.saving);
        saveProgress.setPrefWidth(90);
        Button saveCancel = new Button("Cancel Save");
        saveCancel.setId("save-cancel");
        saveCancel.visibleProperty().bind(edits.saving);
        saveCancel.managedProperty().bind(edits.saving);
        saveCancel.setOnAction(e -> saving.cancel());
        javafx.scene.layout.FlowPane toolbar = new javafx.scene.layout.FlowPane(6, 4, gotoField, gotoError,
                findField, kind, new javafx.scene.layout.HBox(4, prev, next, all), viewMenu, searchProgress, cancel, searchMsg, saveProgress, saveCancel, overlayBar);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        toolbar.setPadding(new Insets(4, 6, 4, 6));

        notice.setShowFromTop(true);
        notice.setId("reload-banner");
        // Reload, or its × to dismiss it (a Dismiss button beside the × took the room its words needed).
        notice.getActions().setAll(new org.controlsfx.control.action.Action("Reload", e -> reload()));
        Label warn = new Label("⚠");
        warn.setStyle("-fx-text-fill: #9a6700; -fx-font-size: 16px;");
        notice.setGraphic(warn);
        // The close button only hides it; the view model is told.
        notice.setOnHidden(e -> file.dismissBanner());
        file.banner.addListener((o, a, t) -> {
            if (t == null) {
                notice.hide();
            } else {
                notice.show(t);
            }
        });
        fileLabel.textProperty().bind(file.fileLabel);
        // The overlay chooser flows on with the tools: in the narrow column that is two rows, not three.
        overlayBar.setPadding(Insets.EMPTY);
        // Nested in the tools' flow it would wrap at its default 400 px; it wraps only when it must:
        // past 560 px, or past the pane's own width. (A flow is never narrower than its widest
        // child, so at 800×560 the one-row overlay bar held the whole toolbar wider than the pane
        // and "Find", "At caret" and "As table" lay past its edge.)
        overlayBar.prefWrapLengthProperty().bind(widthProperty().map(w -> Math.max(120, Math.min(560,
                w.doubleValue() - toolbar.getPadding().getLeft() - toolbar.getPadding().getRight()))));
        setTop(toolbar);

        hexTab.setClosable(false);
        tableTab.setClosable(false);
        tabs.getTabs().addAll(hexTab, tableTab);
        messageLabel.getStyleClass().add("empty-state");
        messageLabel.setWrapText(true);
        messageLabel.setStyle("-fx-font-size: 15px; -fx-text-fill: #57606a; -fx-padding: 24;");
        messageLabel.textProperty().bind(file.message.map(t -> t).orElse(""));
        messageLabel.visibleProperty().bind(file.message.isNotNull());
        // The file's name, size and unsaved mark sit on the tabs' row, right of Hex and Records,
        // where the row is empty: on the tools' row they took 150 pixels, and at 1366 pushed the
        // tools onto a row of their own above the overlay's (three rows over the bytes, not two).
        fileLabel.setId("data-file-label");
        fileLabel.setMinWidth(0);
        fileLabel.setTextOverrun(javafx.scene.control.OverrunStyle.CENTER_ELLIPSIS);
        StackPane.setAlignment(fileLabel, Pos.TOP_RIGHT);
        fileLabel.setAlignment(Pos.CENTER_RIGHT); // the stack stretches it to its maximum width
        StackPane.setMargin(fileLabel, new Insets(9, 12, 0, 0));
        StackPane center = new StackPane(tabs, fileLabel, messageLabel);
        // Never over the tabs themselves: as wide as the row leaves right of their headers (about
        // 170 pixels at the default font; measured once the tab pane has its skin).
        fileLabel.maxWidthProperty().bind(center.widthProperty().subtract(190));
        tabs.skinProperty().addListener((o, a, skin) -> {
            if (tabs.lookup(".headers-region") instanceof javafx.scene.layout.Region headers) {
                fileLabel.maxWidthProperty().bind(center.widthProperty().subtract(headers.widthProperty()).subtract(24));
            }
        });
        fileLabel.visibleProperty().bind(file.message.isNull());
        javafx.scene.control.Tooltip whole = new javafx.scene.control.Tooltip();
        whole.textProperty().bind(fileLabel.textProperty());
        fileLabel.setTooltip(whole);
        main.getItems().setAll(center, bottom);
        for (Tab t : new Tab[] {decodedTab, inspectorTab, bookmarksTab, matchesTab, histogramTab}) {
            t.setClosable(false);
        }
        decodedTab.setId("data-decoded-tab");
        inspectorTab.setId("data-inspector-tab");
        bookmarksTab.setId("data-bookmarks-tab");
        matchesTab.setId("data-matches-tab");
        histogramTab.setId("data-histogram-tab");
        wireByteMap();
        bottom.getStyleClass().add("data-side-tabs");
        // Under the bytes, the decoded tabs keep their header, the tree's header and two rows
        // whatever the divider's share: at 800×560 that share was the tab header alone.
        bottom.setMinHeight(DECODED_LEAST);
        // A short pane moves the divider to keep that least height; a taller one puts it back at
        // the bytes' share (the bytes had lost it for good after a visit to 800×560), which only
        // the code above and a drag of the divider set.
        main.heightProperty().addListener((o, a, b) -> {
            if (main.getOrientation() == Orientation.VERTICAL && getScene() != null && !bytesPending) {
                bytesPending = true;
                dev.structscope.app.common.AfterLayout.once(getScene(), () -> {
                    bytesPending = false;
                    if (main.getOrientation() == Orientation.VERTICAL) {
                        fitDecodedLeast();
                        main.setDividerPositions(bytesShare);
                    }
                });
            }
        });
        main.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_RELEASED, e -> {
            for (javafx.scene.Node n = e.getTarget() instanceof javafx.scene.Node t ? t : null; n != null && n != main;
                    n = n.getParent()) {
                if (n.getParent() == main && n.getStyleClass().contains("split-pane-divider")
                        && main.getOrientation() == Orientation.VERTICAL) {
                    bytesShare = main.getDividerPositions()[0];
                }
            }
        });
        side.getStyleClass().add("data-side-tabs");
        dock(false);
        // Narrow (the shell's data column): the decoded tree, inspector and bookmarks share a tabbed
        // pane under the bytes, so the bytes keep most of the height. Wide (data only, big
        // screens): the tree stands beside the bytes at full height, inspector and bookmarks under it.
        widthProperty().addListener((o, a, w) -> dock(w.doubleValue() >= WIDE));
        // The record table needs more height than the hex rows do.
        recordTable.plotShown.addListener((o, a, b) -> {
            if (main.getOrientation() == Orientation.VERTICAL && tabs.getSelectionModel().getSelectedItem() == tableTab) {
                placeBytes(tableShare());
            }
        });
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, t) -> {
            if (main.getOrientation() == Orientation.VERTICAL) {
                placeBytes(t == tableTab ? tableShare() : 0.6);
            }
            // Opening the Records tab with a type on the overlay lists its records, as "As table" would:
            // an empty table saying "press As table" answered a click that had already said so.
            if (t == tableTab && !overlayBar.asTableButton.isSelected() && choice != null) {
                overlayBar.asTableButton.setSelected(true);
                overlayBar.fire();
            }
        });
        notice.setContent(main);
        setCenter(notice);
        status.setPadding(new Insets(2, 6, 2, 6));
        status.textProperty().bind(file.status);
        editStatus.setId("edit-status");
        editStatus.setPadding(new Insets(2, 6, 2, 6));
        editStatus.setMinWidth(0);
        editStatus.styleProperty().bind(editStatus.textProperty().map(t -> t.startsWith("⚠") || t.startsWith("Cannot")
                || t.startsWith("Not saved") ? "-fx-text-fill: #d1242f;" : ""));
        // OVR/INS where editors show it, in the status line: the tools row keeps its room for the bytes.
        modeLabel.setPadding(new Insets(2, 0, 2, 6));
        // The caret line never wraps for a few pixels: at 800×560 its "· 900 rows" took a second
        // line of the height the decoded rows need. Cut there, its text is whole in the tooltip.
        javafx.scene.layout.HBox caretLine = new javafx.scene.layout.HBox(modeLabel, status);
        caretLine.setMinWidth(0);
        modeLabel.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        status.setMinWidth(0);
        javafx.scene.control.Tooltip statusTip = new javafx.scene.control.Tooltip();
        statusTip.textProperty().bind(status.textProperty());
        status.setTooltip(statusTip);
        // What an edit or a save said goes on a line of its own under it, while there is something to say.
        javafx.scene.layout.VBox statusRow = new javafx.scene.layout.VBox(caretLine, editStatus);
        statusRow.setMinWidth(0);
        editStatus.visibleProperty().bind(editStatus.textProperty().isNotEmpty());
        editStatus.managedProperty().bind(editStatus.visibleProperty());
        setBottom(statusRow);
        hexView.setEdits(edits);
        edits.message.addListener((o, a, m) -> {
            if (!m.isEmpty()) {
                editStatus.setText(m);
            }
        });
        edits.version.addListener((o, a, b) -> onEdited());
        // A file that could not be shown (an empty one) is said where its decoded bytes would be too.
        file.message.addListener((o, a, m) -> {
            if (model.source.get() == null) {
                fieldsView.clear(noFileMessage());
            }
        });
        writers.install(fieldsView, recordTable, inspectorModel);
        hexMenu = new HexMenu(model, () -> choice, writers, new HexMenu.Actions() {
            @Override
            public void focusGoto() {
                HexPane.this.focusGoto();
            }

            @Override
            public void bookmarkSelection() {
                bookmarksView.addFromSelection(bookmarks, model);
                showPane("bookmarks");
            }

            @Override
            public void overlay(String type, long offset) {
                overlayBar.choose(type, String.format(Locale.ROOT, "0x%X", offset), false);
            }
        });
        dev.structscope.app.common.ContextMenus.install(hexView, picked -> hexMenu.menu());

        overlayBar.setOnChoice(this::applyChoice);
        model.selection.addListener((o, a, b) -> selectionMoved());
        fieldsView.selectedRange.addListener((o, a, r) -> {
            if (r != null && !syncing) {
                syncing = true;
                try {
                    model.select(r.offset(), r.length());
                } finally {
                    syncing = false;
                }
            }
        });
        recordTable.setOnRecordSelected((off, len) -> {
            syncing = true;
            try {
                OverlayBar.Choice c = choice;
                if (c != null && model.source.get() != null) {
                    // The colours follow the selected record: its own sizes and placed members.
                    fieldsView.show(model.source.get(), c.reader(), off, at -> followColours(c, at));
                }
                model.select(off, len);
            } finally {
                syncing = false;
            }
        });
        recordTable.setRowActions(new RecordTable.RowActions() {
            @Override
            public void showBytes(long start, long length) {
                tabs.getSelectionModel().select(hexTab);
                model.select(start, Math.max(1, length));
                hexView.requestFocus();
            }

            @Override
            public void bookmark(String name, long start, long length) {
                bookmarks.add(name, start, Math.max(1, length));
                showPane("bookmarks");
            }
        });
        fieldsView.setFollow(new FieldsView.Follow() {
            @Override
            public void goTo(long offset) {
                model.moveTo(offset, false);
                hexView.requestFocus();
            }

            @Override
            public void overlay(String type, long offset) {
                overlayBar.choose(type, String.format(Locale.ROOT, "0x%X", offset), false);
            }

            @Override
            public java.util.List<String> types() {
                return overlayBar.types();
            }
        });
        addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        sceneProperty().addListener((o, a, s) -> {
            if (s != null && s.getWindow() != null) {
                s.getWindow().focusedProperty().addListener((oo, aa, f) -> {
                    if (f) {
                        file.checkSoon();
                    }
                });
            }
        });
        file.setOnShown(() -> {
            overlayBar.fire();
            selectionMoved();
        });
    }

    /** Arranges the decoded tree, inspector and bookmarks beside ({@code wide}) or under the bytes. */
    private void dock(boolean wideNow) {
        if (wide != null && wide == wideNow) {
            return;
        }
        wide = wideNow;
        Tab selected = bottom.getSelectionModel().getSelectedItem();
        Tab selectedSide = sideTabs.getSelectionModel().getSelectedItem();
        bottom.getTabs().clear();
        sideTabs.getTabs().clear();
        side.getItems().clear();
        decodedTab.setContent(null);
        if (wideNow) {
            sideTabs.getTabs().setAll(inspectorTab, bookmarksTab, matchesTab, histogramTab);
            if (selected == bookmarksTab || selected == matchesTab || selected == histogramTab) {
                sideTabs.getSelectionModel().select(selected);
            }
            side.setOrientation(Orientation.VERTICAL);
            side.getItems().setAll(fieldsView, sideTabs);
            main.getItems().set(1, side);
            main.setOrientation(Orientation.HORIZONTAL);
            // Called from a width change, i.e. inside a layout pass: dividers set now would be laid
            // out against the old arrangement.
            javafx.application.Platform.runLater(() -> {
                side.setDividerPositions(0.62);
                // The bytes take what a 16-byte row with its text needs, the tree the rest.
                main.setDividerPositions(Math.clamp(660 / Math.max(1, getWidth()), 0.45, 0.6));
            });
        } else {
            decodedTab.setContent(fieldsView);
            bottom.getTabs().setAll(decodedTab, inspectorTab, bookmarksTab, matchesTab, histogramTab);
            if (selected != null || selectedSide != null) {
                bottom.getSelectionModel().select(selected != null ? selected : selectedSide);
            }
            main.getItems().set(1, bottom);
            main.setOrientation(Orientation.VERTICAL);
            javafx.application.Platform.runLater(() -> placeBytes(
                    tabs.getSelectionModel().getSelectedItem() == tableTab ? tableShare() : 0.6));
        }
    }

    /**
     * Makes the decoded tabs' least height what their tab header, the tree's header and two of
     * its rows take as laid out (fonts and themes differ), once the tree shows rows.
     */
    private void fitDecodedLeast() {
        javafx.scene.control.TreeTableView<?> tree = fieldsView.tree;
        javafx.scene.Node header = tree.lookup(".column-header-background");
        javafx.scene.control.IndexedCell<?> row = null;
        for (javafx.scene.Node n : tree.lookupAll(".tree-table-row-cell")) {
            if (n instanceof javafx.scene.control.IndexedCell<?> c && !c.isEmpty() && c.isVisible() && c.getHeight() > 0) {
                row = c;
                break;
            }
        }
        if (header == null || row == null || decodedTab.getTabPane() != bottom || tree.getScene() == null) {
            return;
        }
        double treeTop = tree.localToScene(0, 0).getY() - bottom.localToScene(0, 0).getY();
        bottom.setMinHeight(Math.max(DECODED_LEAST, Math.ceil(treeTop + header.getLayoutBounds().getHeight()
                + 2 * row.getHeight() + tree.snappedBottomInset() + bottom.snappedBottomInset() + 2)));
    }

    /** Puts the divider under the bytes at {@code share} of the height, and keeps it as their share. */
    private void placeBytes(double share) {
        bytesShare = share;
        main.setDividerPositions(share);
    }

    /**
     * The records' share of the height above the decoded tabs: while a plot shows under them,
     * all that the tabs below can give up (the split keeps their minimum; a drag brings them
     * back), for rows and plot both need height — squeezed, the plot was 20 pixels high.
     */
    private double tableShare() {
        return recordTable.plotShown.get() ? 1.0 : 0.72;
    }

    /** Brings the decoded tree, the inspector or the bookmarks to the front (View menu, tests). */
    public void showPane(String which) {
        Tab t = switch (which) {
            case "inspector" -> inspectorTab;
            case "bookmarks" -> bookmarksTab;
            case "matches" -> matchesTab;
            case "histogram" -> histogramTab;
            default -> decodedTab;
        };
        TabPane owner = t.getTabPane();
        if (owner != null) {
            owner.getSelectionModel().select(t);
        }
    }

    private javafx.scene.control.MenuButton viewMenu() {
        javafx.scene.control.MenuButton b = new javafx.scene.control.MenuButton("View");
        b.setId("hex-view-menu");
        b.setTooltip(new javafx.scene.control.Tooltip("Bytes per row and offsets"));
        javafx.scene.control.ToggleGroup rows = new javafx.scene.control.ToggleGroup();
        for (int n : new int[] {8, 16, 32}) {
            javafx.scene.control.RadioMenuItem r = new javafx.scene.control.RadioMenuItem(n + " bytes per row");
            r.setToggleGroup(rows);
            r.setSelected(n == model.bytesPerRow.get());
            r.setOnAction(e -> model.bytesPerRow.set(n));
            b.getItems().add(r);
        }
        javafx.scene.control.CheckMenuItem dec = new javafx.scene.control.CheckMenuItem("Decimal offsets");
        dec.setOnAction(e -> model.hexOffsets.set(!dec.isSelected()));
        b.getItems().addAll(new javafx.scene.control.SeparatorMenuItem(), dec, new javafx.scene.control.SeparatorMenuItem());
        b.getItems().addAll(byteMapItems());
        return b;
    }

    // ---- accessors for the shell and tests ------------------------------------------------

    /** The reload banner's text ("" when none shows). */
    public String bannerText() {
        return file.banner.get() == null ? "" : file.banner.get();
    }

    public boolean bannerShown() {
        return notice.isShowing();
    }

    /** Called with the new file after Save Data As… (the shell makes it the data file). */
    public void setOnSavedAs(java.util.function.Consumer<Path> handler) {
        onSavedAs = handler;
    }

    /** Whether the keyboard focus is in the data (hex view, tree, table) and not in a text field. */
    public boolean dataFocused() {
        var owner = getScene() == null ? null : getScene().getFocusOwner();
        if (owner == null || owner instanceof javafx.scene.control.TextInputControl) {
            return false;
        }
        for (javafx.scene.Node n = owner; n != null; n = n.getParent()) {
            if (n == this) {
                return true;
            }
        }
        return false;
    }

    /** Undoes the last data edit when the data has the focus (the window's Undo asks first). */
    public boolean undoIfFocused() {
        return dataFocused() && edits.undo();
    }

    public boolean redoIfFocused() {
        return dataFocused() && edits.redo();
    }

    /**
     * Fills the selection with a pattern ({@code kind}: hex bytes, text, or a typed value as in
     * Find); null when done, else why not (also said under the bytes).
     */
    public String fillSelection(SearchQuery.Kind kind, String text) {
        return writers.fillSelection(kind, text);
    }

    /** Pastes {@code text} at the caret (hex in the hex pane, text in the ASCII pane); null when done, else why not. */
    public String paste(String text) {
        return writers.paste(text);
    }

    /** Data › Save Data: writes the edits into the opened file, then shows it as saved. */
    public void saveData() {
        saving.save(this::reopenSaved);
    }

    /** Data › Save Data As…: writes the edited content to {@code target} and shows that file. */
    public void saveDataAs(Path target) {
        saving.saveAs(target, p -> {
            reopenSaved(p);
            onSavedAs.accept(p);
        });
    }

    /** After a save: the saved file, mapped afresh, at the same place (edits now part of it). */
    private void reopenSaved(Path p) {
        long caret = model.caret();
        long top = model.topRow.get();
        String said = editStatus.getText();
        OverlayBar.Choice c = choice;
        file.open(p, () -> {
            model.moveTo(caret, false);
            model.setTopRow(top);
            if (c != null) {
                overlayBar.fire();
            }
            editStatus.setText(said);
        });
    }

    /** Every view re-reads its bytes after an edit, undo or redo. */
    private void onEdited() {
        DataSource s = model.source.get();
        if (s == null || s != edits.source()) {
            return;
        }
        search.cancel();
        if (model.caret() >= s.size() && s.size() > 0) {
            model.moveTo(s.size() - 1, false);
        }
        OverlayBar.Choice c = choice;
        RecordAt shown = fieldsView.shown();
        if (c != null) {
            syncing = true;
            try {
                fieldsView.show(s, c.reader(), shown != null ? shown.base() : c.base(), at -> synced(() -> {
                    followColours(c, at);
                    fieldsView.reveal(model.selectionStart());
                }));
            } catch (InputException e) {
                fieldsView.clear(e.getMessage());
            } finally {
                syncing = false;
            }
            recordTable.viewModel.edited(edits.lastEdit());
            recordTable.table.refresh();
        }
        inspectorModel.show(s, model.selectionStart());
        hexView.paint();
    }

    // ---- opening ----------------------------------------------------------------------------

    /** Maps {@code path} in the background; problems appear as a message in the pane. */
    public void open(Path path) {
        file.open(path);
    }

    /** Shows {@code source}, which stays owned by the caller (null: show nothing). */
    public void setSource(DataSource source) {
        file.setSource(source);
    }

    private void reload() {
        file.reload();
    }

    // ---- layouts and overlay --------------------------------------------------------------

    /** The record types offered for the overlay. */
    public void setLibrary(TypeLibrary library, Abi abi, ByteOrder order) {
        overlayBar.setLibrary(library, abi, order);
    }

    /**
     * Follows a layout document (the shell calls this when the document state changes): its
     * records are offered for the overlay, laid out for its ABI and read in its byte order; when
     * no type is chosen yet, the designer's selected record is overlaid at offset 0.
     */
    public void setDocumentState(dev.structscope.app.common.DocumentState state) {
        overlayBar.setLibrary(state.library(), state.abi(), state.byteOrder());
        if (overlayBar.typeBox.getValue() == null && state.selected() != null
                && overlayBar.typeBox.getItems().contains(state.selected())) {
            overlayBar.choose(state.selected(), overlayBar.baseField.getText(), false);
        }
    }

    /**
     * What the decoded tree says with no bytes: what the file pane says of the file (why it could
     * not be shown, or that it is opening), or, with no file at all, to open one.
     */
    private String noFileMessage() {
        String why = file.message.get();
        return why != null && !why.equals(DataFileViewModel.EMPTY_STATE) ? why : "Open a file to decode its bytes.";
    }

    private void applyChoice(OverlayBar.Choice c) {
        choice = c;
        DataSource s = model.source.get();
        if (c == null || s == null) {
            model.overlay.set(null);
            fieldsView.clear(s == null ? noFileMessage() : "Choose a type for the overlay to decode the bytes.");
            recordTable.show(null, null, 0);
            return;
        }
        if (c.dynamic()) {
            applyDynamic(c, s);
            return;
        }
        long count = c.asTable() && c.plan().recordSize() > 0 ? Math.max(1, (s.size() - c.base()) / c.plan().recordSize()) : 1;
        model.overlay.set(Overlay.of(c.layout(), c.plan(), c.base(), count));
        fieldsView.show(s, c.plan(), c.base());
        if (c.asTable()) {
            recordTable.show(s, c.plan(), c.base());
            tabs.getSelectionModel().select(tableTab);
        } else {
            tabs.getSelectionModel().select(hexTab);
        }
        if (!syncing) {
            model.select(c.base(), Math.max(1, Math.min(c.plan().recordSize(), s.size() - c.base())));
        }
    }

    /**
     * A dynamic layout: the record at the base is decoded as its bytes say, and the overlay,
     * the tree and the selection take that record's actual size and placed members. A record
     * that cannot be decoded says why in the tree's place.
     */
    private void applyDynamic(OverlayBar.Choice c, DataSource s) {
        boolean select = !syncing;
        model.overlay.set(null);
        fieldsView.show(s, c.reader(), c.base(), at -> {
            model.overlay.set(at.ok() ? Overlay.ofInstance(at.root(), at.base(), at.size()) : null);
            if (select) {
                model.select(c.base(), Math.max(1, Math.min(at.ok() ? at.size() : 1, s.size() - c.base())));
            }
        });
        if (c.asTable()) {
            recordTable.show(s, c.reader(), c.base());
            tabs.getSelectionModel().select(tableTab);
        } else {
            tabs.getSelectionModel().select(hexTab);
        }
    }

    /** A dynamic record shown in the tree: the overlay's colours take its own sizes and placed members. */
    private void followColours(OverlayBar.Choice c, RecordAt at) {
        if (c.dynamic() && at.ok() && c == choice) {
            model.overlay.set(Overlay.ofInstance(at.root(), at.base(), at.size()));
        }
    }

    /** Runs {@code r} as a change that came from this pane (the tree and the hex selection do not echo it back). */
    private void synced(Runnable r) {
        boolean was = syncing;
        syncing = true;
        try {
            r.run();
        } finally {
            syncing = was;
        }
    }

    // ---- caret, keys, status --------------------------------------------------------------

    private void selectionMoved() {
        // The value under the selection starts where it starts (ImHex, 010 Editor), whichever end the caret is at.
        inspectorModel.show(model.source.get(), model.selectionStart());
        if (!syncing) {
            followRecord(model.caret());
        }
        if (!syncing && fieldsView.root() != null) {
            syncing = true;
            try {
                fieldsView.reveal(model.selectionStart());
            } finally {
                syncing = false;
            }
        }
    }

    /**
     * Records listed as a table: when the caret enters another record, the tree decodes that
     * record (a fixed record is found by its size; a dynamic one among the walked starts, and
     * the colours take its own sizes). Before the walk has found a dynamic record the tree stays.
     */
    private void followRecord(long caret) {
        OverlayBar.Choice c = choice;
        DataSource s = model.source.get();
        if (c == null || !c.asTable() || s == null || caret < c.base()) {
            return;
        }
        long start;
        if (c.dynamic()) {
            var walk = recordTable.walk();
            if (walk == null || walk.count() == 0 || caret >= walk.end()) {
                return;
            }
            int i = java.util.Arrays.binarySearch(walk.starts(), 0, walk.count(), caret);
            int rec = i >= 0 ? i : -i - 2;
            if (rec < 0) {
                return;
            }
            start = walk.start(rec);
        } else {
            long size = c.plan().recordSize();
            if (size <= 0 || (caret - c.base()) / size >= (s.size() - c.base()) / size) {
                return;
            }
            start = c.base() + (caret - c.base()) / size * size;
        }
        RecordAt shown = fieldsView.shown();
        if (shown != null && shown.base() == start) {
            return;
        }
        if (c.dynamic()) {
            fieldsView.show(s, c.reader(), start, at -> synced(() -> followColours(c, at)));
        } else {
            fieldsView.show(s, c.plan(), start);
        }
    }

    /** Runs a go-to expression; an error stays next to the field. */
    public void goTo(String text) {
        String err = model.goTo(text);
        gotoError.setText(err == null ? "" : err);
        gotoField.setStyle(err == null ? "" : "-fx-border-color: #d1242f;");
        if (err == null) {
            hexView.requestFocus();
        }
    }

    private static final KeyCombination GOTO = new KeyCodeCombination(KeyCode.G, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination FIND = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination BOOKMARK = new KeyCodeCombination(KeyCode.B, KeyCombination.SHORTCUT_DOWN);

    /** Puts the caret in the Go to field (Data › Go to Offset…, Ctrl+G). */
    public void focusGoto() {
        gotoField.requestFocus();
        gotoField.selectAll();
    }

    /** Puts the caret in the Find field (Data › Find…, Ctrl+F). */
    public void focusFind() {
        findField.requestFocus();
        findField.selectAll();
    }

    /** Counts and lists every match of the current search, and brings the list to the front. */
    public void findAll() {
        search.findAll();
        showPane("matches");
    }

    /** The next (or, {@code back}, previous) match of the current search (F3, Shift+F3). */
    public void findAgain(boolean back) {
        if (back) {
            search.previous();
        } else {
            search.next();
        }
    }

    private static final KeyCombination UNDO = new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination REDO = new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);
    private static final KeyCombination REDO_Y = new KeyCodeCombination(KeyCode.Y, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination PASTE = new KeyCodeCombination(KeyCode.V, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);

    private void onKey(KeyEvent e) {
        if ((UNDO.match(e) || REDO.match(e) || REDO_Y.match(e)) && dataFocused()) {
            if (UNDO.match(e)) {
                edits.undo();
            } else {
                edits.redo();
            }
            e.consume();
            return;
        }
        if (COPY.match(e) && hexView.isFocused()) {
            // As the pane the caret is in shows them: hex digits, or the ASCII column's text.
            hexMenu.copySelection(model.pane.get() == HexViewModel.Pane.ASCII
                    ? SelectionCopy.Form.TEXT : SelectionCopy.Form.HEX);
            e.consume();
            return;
        }
        if (PASTE.match(e) && hexView.isFocused()) {
            writers.paste(javafx.scene.input.Clipboard.getSystemClipboard().getString());
            e.consume();
            return;
        }
        if (GOTO.match(e)) {
            gotoField.requestFocus();
            gotoField.selectAll();
        } else if (FIND.match(e)) {
            findField.requestFocus();
            findField.selectAll();
        } else if (e.getCode() == KeyCode.F3) {
            if (e.isShiftDown()) {
                search.previous();
            } else {
                search.next();
            }
        } else if (BOOKMARK.match(e)) {
            bookmarksView.addFromSelection(bookmarks, model);
        } else if (e.getCode() == KeyCode.ESCAPE && search.status.running.get()) {
            search.cancel();
        } else {
            return;
        }
        e.consume();
    }

    // ---- byte map and histogram -------------------------------------------------------------

    /**
     * The strip follows the file (scanned afresh when it changes or is edited), marks the rows on
     * screen and moves the view where it is pressed; the histogram follows the selection while
     * its tab shows.
     */
    private void wireByteMap() {
        model.source.addListener((o, a, s) -> byteMap.setSource(s));
        javafx.animation.PauseTransition afterEdit = new javafx.animation.PauseTransition(javafx.util.Duration.millis(600));
        afterEdit.setOnFinished(e -> byteMap.refresh());
        edits.version.addListener((o, a, b) -> {
            if (model.source.get() != null && model.source.get() == edits.source()) {
                afterEdit.playFromStart();
            }
        });
        Runnable window = () -> {
            long n = model.bytesPerRow.get();
            byteMapStrip.setWindow(model.topRow.get() * n, Math.min(model.size() - Math.min(model.size(), model.topRow.get() * n),
                    (long) model.visibleRows() * n));
        };
        model.topRow.addListener((o, a, b) -> window.run());
        model.visibleRows.addListener((o, a, b) -> window.run());
        model.bytesPerRow.addListener((o, a, b) -> window.run());
        model.source.addListener((o, a, b) -> window.run());
        Runnable selection = () -> byteMap.setSelection(model.selectionStart(), model.selectionLength());
        model.selection.addListener((o, a, b) -> selection.run());
        byteMap.histogramWanted.bind(histogramTab.selectedProperty());
        byteMapStrip.setOnGo(this::goToFromMap);
        javafx.scene.control.ContextMenu menu = new javafx.scene.control.ContextMenu();
        menu.getItems().setAll(byteMapItems());
        byteMapStrip.setOnContextMenuRequested(e -> {
            menu.show(byteMapStrip, e.getScreenX(), e.getScreenY());
            e.consume();
        });
        hexView.dark.addListener((o, a, d) -> {
            histogramView.setDark(d);
            if (byteMapView != null) {
                byteMapView.setDark(d);
            }
        });
    }

    /** "Colour by entropy", "Byte Map…" and "Byte Histogram": in the View menu and on the strip. */
    private java.util.List<javafx.scene.control.MenuItem> byteMapItems() {
        javafx.scene.control.CheckMenuItem entropy = new javafx.scene.control.CheckMenuItem("Byte map: colour by entropy");
        entropy.selectedProperty().bindBidirectional(byteMap.byEntropy);
        javafx.scene.control.MenuItem larger = new javafx.scene.control.MenuItem("Byte Map…");
        larger.setOnAction(e -> openByteMap());
        javafx.scene.control.MenuItem hist = new javafx.scene.control.MenuItem("Byte Histogram of the Selection");
        hist.setOnAction(e -> showPane("histogram"));
        javafx.scene.control.MenuItem stop = new javafx.scene.control.MenuItem("Stop Mapping the Bytes");
        stop.disableProperty().bind(byteMap.strip.map(s -> !s.scanning()));
        stop.setOnAction(e -> byteMap.cancelMap());
        return java.util.List.of(entropy, larger, hist, stop);
    }

    /** Moves the caret to {@code at} and centres its row (a press on the strip or the larger map). */
    private void goToFromMap(long at) {
        model.moveTo(at, false);
        model.setTopRow(at / model.bytesPerRow.get() - model.visibleRows() / 2);
        tabs.getSelectionModel().select(hexTab);
    }

    /** Opens (or brings to the front) the larger byte map of the file, in a window of its own. */
    public dev.structscope.app.bytemap.ByteMapView openByteMap() {
        if (byteMapView == null) {
            byteMapView = new dev.structscope.app.bytemap.ByteMapView(byteMap);
            byteMapView.setOnGo(this::goToFromMap);
            byteMapView.setDark(hexView.dark.get());
            byteMapWindow = dev.structscope.app.bytemap.ByteMapView.window(byteMapView, this, "Byte Map");
        }
        byteMapWindow.setTitle("Byte Map — " + (model.source.get() == null ? "no file" : model.source.get().name()));
        byteMapWindow.show();
        byteMapWindow.toFront();
        byteMapView.show(0, model.size());
        return byteMapView;
    }

    /** Stops background work and closes a source this pane opened. */
    public void dispose() {
        byteMap.dispose();
        if (byteMapWindow != null) {
            byteMapWindow.close();
        }
        file.dispose();
    }
}
