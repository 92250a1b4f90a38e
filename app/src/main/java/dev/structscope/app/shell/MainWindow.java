package dev.structscope.app.shell;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.structscope.app.common.AbiChoice;
import dev.structscope.app.common.Converters;
import dev.structscope.app.common.Icons;
import dev.structscope.app.designer.DesignerView;
import dev.structscope.app.designer.DesignerViewModel;
import dev.structscope.app.designer.EnumEditorView;
import dev.structscope.app.exporter.ExportDialog;
import dev.structscope.app.exporter.ImportDialog;
import dev.structscope.icons.IconPaths;
import dev.structscope.model.abi.Abi;
import dev.structscope.model.abi.Endian;
import dev.structscope.model.layout.RecordLayout;
import javafx.application.Application;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

import java.io.File;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The main window: menu bar, toolbar, the three panes (layout library | designer | data: the hex
 * explorer with decoded fields and inspector), the status bar; theme switching, drag and drop, shortcuts, and the prompt before losing changes.
 * Binds to a {@link ShellViewModel}. FX thread.
 */
public final class MainWindow {
    private final ShellViewModel vm;
    private final Stage stage;
    private final BorderPane root = new BorderPane();
    /** Layout library | designer | data. */
    private final SplitPane split = new SplitPane();
    public final LibraryView library;
    public final DesignerView designer;
    /** The enum editor, in the designer's place while an enum is selected. */
    public final EnumEditorView enumEditor;
    /** The compare and Portability views. */
    public final dev.structscope.app.compare.ComparePanes compare;
    /** The halves shown before a compare view asked for the whole width, restored when it closes. */
    private Workspace beforeCompare;
    /** The data column: hex explorer, decoded tree, inspector. */
    public final DataPane dataPane;
    public final BooleanProperty dark = new SimpleBooleanProperty(this, "dark");
    private final WindowPrefs prefs;
    private final FileCommands files;
    /** The middle column: the designer, and the LIVE pane below it once a session starts. */
    private final SplitPane vertical = new SplitPane();
    /** The live monitor (connect dialog, LIVE pane). */
    public final dev.structscope.app.live.LiveController live;
    private final ToggleGroup workspaceGroup = new ToggleGroup();
    /**
     * The library's width in pixels as the user chose it by dragging its divider (kept in the
     * prefs), or NaN: as wide as its names. Only a drag changes it: a narrow window squeezes the
     * library for the while, and it takes this width back when the room returns. (A share of the
     * window grew it on a wider window: a share taken at 800 pixels made it a quarter of a
     * 1366-pixel window, and a third of the designer-only one.)
     */
    private double libraryWidth = Double.NaN;
    /** The designer | data divider as a share of the window, remembered while a half is hidden. */
    private double dataDivider = 0.5;
    /** Whether {@link #placeDividers()} waits for the split pane's first width. */
    private boolean placingPending;
    /** {@link #placeDividers()} at the end of a layout pulse, once however often asked. */
    private final dev.structscope.app.common.AfterLayout.Coalesced placing;
    /** The most of the window a library as wide as its names takes: 160 pixels of an 800-pixel one. */
    static final double LIBRARY_SHARE = 0.2;
    /** The least width of a library as wide as its names: room for names such as {@code struct Elf64_Ehdr}. */
    static final double LIBRARY_WIDTH = 160;
    /** The library's narrowest and widest: whatever was saved, the designer and the data keep the rest. */
    static final double LIBRARY_MIN = 120;
    static final double LIBRARY_MAX = 400;

    public MainWindow(Stage stage, ShellViewModel vm, WindowPrefs prefs) {
        this.stage = stage;
        this.vm = vm;
        this.prefs = prefs;
        this.library = new LibraryView(vm);
        this.designer = new DesignerView(vm.designer);
        this.dataPane = new DataPane(vm);
        vm.attachBookmarks(dataPane.hexPane.bookmarks);
        dataPane.hexPane.setOnSavedAs(vm::setDataFile);
        this.files = new FileCommands(stage, vm, dark, () -> {
            if (prefs != null) {
                prefs.save(stage, panes());
            }
        });

        // The enum editor takes the designer's place while an enum is selected in the library.
        this.enumEditor = new EnumEditorView(vm.enums);
        // The compare and Portability views take the designer's place too while they show.
        this.compare = new dev.structscope.app.compare.ComparePanes(vm.compare, vm.portability, ShellViewModel.abis());
        enumEditor.visibleProperty().bind(vm.enums.enumType.isNotNull().and(compare.showing.not()));
        designer.visibleProperty().bind(enumEditor.visibleProperty().not().and(compare.showing.not()));
        StackPane middle = new StackPane(designer, enumEditor);
        middle.getChildren().addAll(compare.views());
        middle.setMinWidth(200);
        // Sized to its split area, never centred over it: a split pane centres an item taller than
        // its area, so the views of the designer's column (the compare views are tall) pushed
        // the designer's header over the toolbar in a short window. Each view fits its own height.
        middle.setMinHeight(0);
        middle.setAlignment(Pos.TOP_LEFT);
        split.getItems().addAll(library, vertical, dataPane);
        // The data column gets room for a whole 16-byte hex row with its ASCII column; the
        // decoded fields and the inspector stack below the hex rows at full height. The library
        // keeps its width in pixels (placeDividers, at the end).
        SplitPane.setResizableWithParent(library, false);
        dataPane.setMinWidth(200);
        vertical.setOrientation(Orientation.VERTICAL);
        vertical.getItems().add(middle);
        live = new dev.structscope.app.live.LiveController(stage, () -> vm.document.state.get(), vertical,
                dataPane::showMessage, vm.status::set, vm.tasks);
        if (prefs != null) {
            live.rememberIn(WindowPrefs.node().node("connect"));
        }
        vm.workspace.addListener((o, a, w) -> arrange(w));
        vm.openFailure.addListener((o, a, f) -> {
            if (f != null) {
                files.openFailed(f);
            }
        });
        vm.dataFile.addListener((o, a, p) -> {
            if (p != null && !vm.workspace.get().showsData()) {
                vm.workspace.set(Workspace.BOTH);
            }
        });
        // The live pane lives under the designer: a session that starts shows that half again.
        vertical.getItems().addListener((ListChangeListener<Node>) c -> {
            if (vertical.getItems().size() > 1 && !vm.workspace.get().showsDesigner()) {
                vm.workspace.set(Workspace.BOTH);
            }
        });
        root.setTop(new VBox(menuBar(), toolBar()));
        root.setCenter(split);
        // The panes give way below their own minimum heights (each clips its rest), not the
        // status bar: at the smallest window (800×560) a border pane would push it off the bottom.
        split.setMinHeight(0);
        root.setBottom(statusBar());
        root.getStyleClass().add("main");

        Scene scene = new Scene(root, 1440, 900);
        scene.getStylesheets().add(MainWindow.class.getResource("/dev/structscope/app/structscope.css").toExternalForm());
        installDragAndDrop(scene);
        installDesignerKeys();
        stage.setScene(scene);
        stage.titleProperty().bind(vm.title);
        designer.ruler.dark.bind(dark);
        compare.bind(dark, vm.designer.hexOffsets);
        compare.showing.addListener((o, a, b) -> {
            // Two layouts side by side need the width: the data half steps aside while they show.
            if (b) {
                beforeCompare = vm.workspace.get();
                vm.workspace.set(Workspace.DESIGNER);
            } else if (beforeCompare != null && vm.workspace.get() == Workspace.DESIGNER) {
                vm.workspace.set(beforeCompare);
            }
        });
        dataPane.hexPane.hexView.dark.bind(dark);
        dark.addListener((o, a, b) -> applyTheme(b));
        String forced = System.getProperty("structscope.theme", "");
        dark.set(forced.equals("dark") || !forced.equals("light") && prefs != null && prefs.dark());
        applyTheme(dark.get());
        if (prefs != null) {
            prefs.restore(stage);
            WindowPrefs.Panes saved = prefs.panes(panes());
            libraryWidth = saved.libraryWidth();
            dataDivider = saved.dataDivider();
        }
        placeDividers();
        // A new width (the window resized) places the library again: squeezed in a narrow window,
        // it takes its width back when the window widens (it stayed at its narrow width). New
        // names may need another width.
        placing = new dev.structscope.app.common.AfterLayout.Coalesced(split, this::placeDividers);
        split.widthProperty().addListener((o, a, b) -> requestPlacing());
        vm.document.state.addListener((o, a, b) -> {
            if (a == null || a.library() != b.library()) {
                requestPlacing();
            }
        });
        // What the user chooses is what a drag of a divider leaves.
        split.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_RELEASED, e -> {
            for (Node n = e.getTarget() instanceof Node t ? t : null; n != null && n != split; n = n.getParent()) {
                if (n.getStyleClass().contains("split-pane-divider") && n.getParent() == split) { // not a nested split's
                    rememberDividers();
                    return;
                }
            }
        });
        stage.setOnCloseRequest(e -> {
            if (!files.confirmLoseChanges("quitting") || !dataPane.hexPane.saving.confirmDiscard("quitting", stage::close)) {
                e.consume();
                return;
            }
            if (prefs != null) {
                prefs.save(stage, panes());
            }
            live.dispose();
        });
    }

    /**
     * Shows the halves {@code w} names. The three-column dividers are kept while a half is hidden
     * and come back with it.
     */
    private void arrange(Workspace w) {
        switch (w) {
            case BOTH -> split.getItems().setAll(library, vertical, dataPane);
            case DESIGNER -> split.getItems().setAll(library, vertical);
            case DATA -> split.getItems().setAll(dataPane);
        }
        placeDividers();
    }

    /** The library's width and the data divider as a drag left them, for {@link #placeDividers()} and the prefs. */
    private void rememberDividers() {
        double width = split.getWidth();
        if (width <= 0 || placingPending) {
            return;
        }
        double[] pos = split.getDividerPositions();
        if (split.getItems().getFirst() == library && pos.length > 0) {
            libraryWidth = pos[0] * width;
        }
        if (split.getItems().size() == 3) {
            dataDivider = pos[1];
        }
    }

    /** Places the dividers at the end of the current layout pulse (a split pane placed inside one lays out the old widths). */
    private void requestPlacing() {
        if (!placingPending && split.getWidth() > 0 && placing.request()) {
            split.requestLayout();
        }
    }

    /**
     * Puts the library at {@link #libraryWidth} pixels, or as wide as its names (at least
     * {@link #LIBRARY_WIDTH}, at most {@link #LIBRARY_SHARE} of the window), within
     * {@link #LIBRARY_MIN} and at most {@link #LIBRARY_MAX} or 30 % of the window, and the data
     * divider at its share; before the split pane has a width, as soon as it has one.
     */
    private void placeDividers() {
        double width = split.getWidth();
        if (width <= 0) {
            if (!placingPending) {
                placingPending = true;
                split.widthProperty().addListener(new javafx.beans.value.ChangeListener<>() {
                    @Override
                    public void changed(javafx.beans.value.ObservableValue<? extends Number> o, Number a, Number b) {
                        if (b.doubleValue() > 0) {
                            split.widthProperty().removeListener(this);
                            placingPending = false;
                            placeDividers();
                        }
                    }
                });
            }
            return;
        }
        boolean chosen = !Double.isNaN(libraryWidth);
        double want = chosen ? libraryWidth : Math.max(LIBRARY_WIDTH, library.namesWidth());
        double lib = Math.clamp(want, LIBRARY_MIN, Math.max(LIBRARY_MIN,
                Math.min(LIBRARY_MAX, width * (chosen ? 0.3 : LIBRARY_SHARE))));
        double share = lib / width;
        switch (split.getItems().size()) {
            case 3 -> split.setDividerPositions(share, Math.max(share + 0.15, dataDivider));
            case 2 -> split.setDividerPositions(share);
            default -> { }
        }
    }

    /** What the prefs keep of the panes' arrangement. */
    private WindowPrefs.Panes panes() {
        return new WindowPrefs.Panes(libraryWidth, dataDivider);
    }

    private void applyTheme(boolean isDark) {
        Application.setUserAgentStylesheet(isDark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
        root.getStyleClass().removeAll("theme-dark", "theme-light");
        root.getStyleClass().add(isDark ? "theme-dark" : "theme-light");
        if (prefs != null) {
            prefs.dark(isDark);
        }
    }

    // ---- menus ------------------------------------------------------------------------------

    private static MenuItem item(String text, String icon, KeyCombination key, Runnable action) {
        MenuItem m = new MenuItem(text, icon == null ? null : Icons.of(icon));
        if (key != null) {
            m.setAccelerator(key);
        }
        m.setOnAction(e -> action.run());
        return m;
    }

    private static KeyCombination ctrl(KeyCode c) {
        return new KeyCodeCombination(c, KeyCombination.SHORTCUT_DOWN);
    }

    private static KeyCombination ctrlShift(KeyCode c) {
        return new KeyCodeCombination(c, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    }

    private MenuBar menuBar() {
        DesignerViewModel d = vm.designer;
        Menu recent = new Menu("Open Recent");
        Runnable fillRecent = () -> {
            recent.getItems().clear();
            for (Path p : vm.recent.files) {
                recent.getItems().add(item(p.toString(), null, null, () -> files.openPath(p)));
            }
            recent.setDisable(recent.getItems().isEmpty());
        };
        vm.recent.files.addListener((ListChangeListener<Path>) c -> fillRecent.run());
        fillRecent.run();
        MenuItem save = item("Save", IconPaths.SAVE, ctrl(KeyCode.S), () -> files.save(null));
        Menu file = new Menu("_File", null,
                item("New", IconPaths.NEW, ctrl(KeyCode.N), files::newDocument),
                item("Open…", IconPaths.OPEN, ctrl(KeyCode.O), files::open),
                recent,
                item("Open Sample: Tick Log", null, null, () -> {
                    if (files.confirmLoseChanges("opening the sample")) {
                        vm.openDefaultSample(ShellViewModel.sampleDir());
                    }
                }),
                item("Open Sample: ELF File (Dynamic Layout)", null, null, () -> {
                    if (files.confirmLoseChanges("opening the sample")) {
                        vm.openSample(dev.structscope.samples.Samples.ELF, ShellViewModel.sampleDir());
                    }
                }),
                item("Open Sample: Layouts to Pack", null, null, () -> {
                    if (files.confirmLoseChanges("opening the sample")) {
                        vm.openSample();
                    }
                }),
                new SeparatorMenuItem(),
                save,
                item("Save As…", null, ctrlShift(KeyCode.S), files::saveAs),
                new SeparatorMenuItem(),
                item("Import C Header…", IconPaths.IMPORT, ctrl(KeyCode.I), files::importHeader),
                item("Import from Binary…", IconPaths.IMPORT, null, files::importBinary),
                item("Export…", IconPaths.EXPORT, ctrl(KeyCode.E), files::export),
                new SeparatorMenuItem(),
                item("Quit", null, ctrl(KeyCode.Q), () -> {
                    if (dataPane.hexPane.saving.confirmDiscard("quitting", files::quit)) {
                        files.quit();
                    }
                }));
        // Undo and Redo act on the data's edits while the data has the focus, else on the layout.
        var hexPane = dataPane.hexPane;
        MenuItem undo = item("Undo", IconPaths.UNDO, ctrl(KeyCode.Z), () -> { if (!hexPane.undoIfFocused()) d.undo(); });
        undo.disableProperty().bind(vm.document.canUndo.not().and(hexPane.edits.canUndo.not()));
        MenuItem redo = item("Redo", IconPaths.REDO, ctrlShift(KeyCode.Z), () -> { if (!hexPane.redoIfFocused()) d.redo(); });
        redo.disableProperty().bind(vm.document.canRedo.not().and(hexPane.edits.canRedo.not()));
        MenuItem redoY = item("Redo (alternative)", null, ctrl(KeyCode.Y), () -> { if (!hexPane.redoIfFocused()) d.redo(); });
        redoY.setVisible(false);
        List<MenuItem> memberItems = List.of(
                item("Add Member", IconPaths.ADD, new KeyCodeCombination(KeyCode.INSERT), d::addMember),
                item("Delete Member  (Delete)", IconPaths.REMOVE, null, d::deleteMember),
                item("Duplicate Member", IconPaths.DUPLICATE, ctrl(KeyCode.D), d::duplicateMember),
                item("Move Member Up", IconPaths.UP, new KeyCodeCombination(KeyCode.UP, KeyCombination.ALT_DOWN),
                        () -> d.moveSelected(-1)),
                item("Move Member Down", IconPaths.DOWN, new KeyCodeCombination(KeyCode.DOWN, KeyCombination.ALT_DOWN),
                        () -> d.moveSelected(1)));
        // Members are the designer's: with only the data showing these would change a layout out of
        // sight (and Insert is the hex pane's insert mode there).
        for (MenuItem m : memberItems) {
            m.disableProperty().bind(vm.workspace.isEqualTo(Workspace.DATA));
        }
        Menu edit = new Menu("_Edit", null, undo, redo, redoY, new SeparatorMenuItem());
        edit.getItems().addAll(memberItems);
        CheckMenuItem darkItem = new CheckMenuItem("Dark Theme");
        darkItem.setId("dark-theme");
        darkItem.selectedProperty().bindBidirectional(dark);
        darkItem.setAccelerator(ctrlShift(KeyCode.T));
        CheckMenuItem hex = new CheckMenuItem("Hex Offsets");
        hex.selectedProperty().bindBidirectional(d.hexOffsets);
        Menu view = new Menu("_View", null, darkItem, hex, new SeparatorMenuItem(),
                item("Focus Layout Library", null, ctrl(KeyCode.DIGIT1), () -> library.list.requestFocus()),
                item("Focus Designer", null, ctrl(KeyCode.DIGIT2),
                        () -> (enumEditor.isVisible() ? enumEditor.table : designer.table).requestFocus()),
                item("Focus Data", null, ctrl(KeyCode.DIGIT3), () -> dataPane.requestFocus()),
                new SeparatorMenuItem(), workspaceItem("Designer and Data", KeyCode.DIGIT1, Workspace.BOTH),
                workspaceItem("Designer Only", KeyCode.DIGIT2, Workspace.DESIGNER),
                workspaceItem("Data Only", KeyCode.DIGIT3, Workspace.DATA), new SeparatorMenuItem(),
                item("Decoded Fields", null, null, () -> dataPane.hexPane.showPane("decoded")),
                item("Inspector", null, null, () -> dataPane.hexPane.showPane("inspector")),
                item("Bookmarks", null, null, () -> dataPane.hexPane.showPane("bookmarks")));
        Menu abiMenu = new Menu("ABI");
        ToggleGroup abiGroup = new ToggleGroup();
        for (Abi a : ShellViewModel.abis()) {
            RadioMenuItem r = new RadioMenuItem(a.name() + " — " + a.description());
            r.setMnemonicParsing(false); // "x86_64": the underscore is the name's, not a mnemonic
            r.setToggleGroup(abiGroup);
            r.setUserData(a);
            r.setOnAction(e -> d.setAbi(a));
            abiMenu.getItems().add(r);
        }
        Menu orderMenu = new Menu("Byte Order");
        ToggleGroup orderGroup = new ToggleGroup();
        for (ByteOrder o : List.of(ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN)) {
            RadioMenuItem r = new RadioMenuItem(Endian.word(o));
            r.setToggleGroup(orderGroup);
            r.setUserData(o);
            r.setOnAction(e -> d.setByteOrder(o));
            orderMenu.getItems().add(r);
        }
        vm.document.state.addListener((o, a, s) -> {
            abiGroup.getToggles().forEach(t -> t.setSelected(t.getUserData().equals(s.abi())));
            orderGroup.getToggles().forEach(t -> t.setSelected(t.getUserData().equals(s.byteOrder())));
        });
        abiGroup.getToggles().forEach(t -> t.setSelected(t.getUserData().equals(vm.document.state.get().abi())));
        orderGroup.getToggles().forEach(t -> t.setSelected(t.getUserData().equals(vm.document.state.get().byteOrder())));
        Menu layout = new Menu("_Layout", null,
                item("New Struct", IconPaths.STRUCT, null, () -> vm.addDecl("struct")),
                item("New Union", IconPaths.UNION, null, () -> vm.addDecl("union")),
                item("New Enum", IconPaths.ENUM, null, () -> vm.addDecl("enum")),
                new SeparatorMenuItem(),
                item("Pack Tightly", IconPaths.PACK, ctrlShift(KeyCode.P), d::packTightly),
                new SeparatorMenuItem(), abiMenu, orderMenu, new SeparatorMenuItem());
        layout.getItems().addAll(compare.menuItems());
        MenuItem gotoItem = item("Go to Offset…", null, ctrl(KeyCode.G), () -> withData(h -> h.focusGoto()));
        MenuItem find = item("Find…", null, ctrl(KeyCode.F), () -> withData(h -> h.focusFind()));
        MenuItem next = item("Find Next", null, new KeyCodeCombination(KeyCode.F3), () -> withData(h -> h.findAgain(false)));
        MenuItem previous = item("Find Previous", null, new KeyCodeCombination(KeyCode.F3, KeyCombination.SHIFT_DOWN),
                () -> withData(h -> h.findAgain(true)));
        MenuItem findAll = item("Find All", null, ctrlShift(KeyCode.F), () -> withData(h -> h.findAll()));
        MenuItem saveData = item("Save Data", null, new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.ALT_DOWN), () -> withData(h -> h.saveData()));
        MenuItem saveDataAs = item("Save Data As…", null, new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.ALT_DOWN, KeyCombination.SHIFT_DOWN), () -> withData(h -> {
                    File f = new FileChooser().showSaveDialog(stage);
                    if (f != null) {
                        h.saveDataAs(f.toPath());
                    }
                }));
        Menu dataMenu = new Menu("_Data", null, item("Open Data File…", IconPaths.OPEN, ctrlShift(KeyCode.O),
                files::openData), saveData, saveDataAs, new SeparatorMenuItem(), gotoItem, find, next, previous, findAll);
        // The menu offers what the pane's buttons offer: nothing to reconnect or disconnect while idle.
        MenuItem reconnectItem = item("Reconnect", null, null, live::reconnect);
        reconnectItem.setId("menu-live-reconnect");
        reconnectItem.disableProperty().bind(live.view.reconnectDisabled());
        MenuItem disconnectItem = item("Disconnect", null, null, () -> live.model.disconnect());
        disconnectItem.setId("menu-live-disconnect");
        disconnectItem.disableProperty().bind(live.view.disconnectDisabled());
        Menu liveMenu = new Menu("L_ive", null, item("Connect…", null, ctrl(KeyCode.L), live::showConnectDialog),
                item("Open Recording…", null, null, live::openRecording),
                new SeparatorMenuItem(),
                reconnectItem, disconnectItem,
                item("Show Live Pane", null, null, live::show));
        Menu help = new Menu("_Help", null, item("Keyboard Shortcuts", null, new KeyCodeCombination(KeyCode.F1),
                files::shortcuts), item("About StructScope", null, null, files::about));
        // Alt+F, Alt+E, ... open the menus (the underscores mark their mnemonics: Layout has L, Live I);
        // F10 opens the first.
        MenuBar bar = new MenuBar(file, edit, view, layout, dataMenu, liveMenu, help);
        bar.setId("menu-bar");
        return bar;
    }

    private RadioMenuItem workspaceItem(String text, KeyCode digit, Workspace w) {
        RadioMenuItem r = new RadioMenuItem(text);
        r.setToggleGroup(workspaceGroup);
        r.setAccelerator(ctrlShift(digit));
        r.setSelected(vm.workspace.get() == w);
        r.setOnAction(e -> vm.workspace.set(w));
        vm.workspace.addListener((o, a, b) -> r.setSelected(b == w));
        return r;
    }

    /** Runs a hex-explorer command, or says what to open first when no data is shown. */
    private void withData(java.util.function.Consumer<dev.structscope.app.hexview.HexPane> action) {
        if (dataPane.hexPane.model.source.get() == null) {
            vm.status.set("Open a data file first (Ctrl+Shift+O), or connect to a socket (Ctrl+L)");
            return;
        }
        action.accept(dataPane.hexPane);
    }

    // ---- toolbar and status bar -------------------------------------------------------------

    private ToolBar toolBar() {
        DesignerViewModel d = vm.designer;
        // Like the menu: the data's edits while the data has the focus (which a click here keeps).
        var hexPane = dataPane.hexPane;
        Button undo = Icons.tool(IconPaths.UNDO, "Undo (Ctrl+Z)", "undo", () -> { if (!hexPane.undoIfFocused()) d.undo(); });
        undo.disableProperty().bind(vm.document.canUndo.not().and(hexPane.edits.canUndo.not()));
        Button redo = Icons.tool(IconPaths.REDO, "Redo (Ctrl+Shift+Z)", "redo", () -> { if (!hexPane.redoIfFocused()) d.redo(); });
        redo.disableProperty().bind(vm.document.canRedo.not().and(hexPane.edits.canRedo.not()));
        undo.setFocusTraversable(false);
        redo.setFocusTraversable(false);
        ChoiceBox<Abi> abi = AbiChoice.of("abi", ShellViewModel.abis(), "The ABI every layout is computed for");
        ChoiceBox<ByteOrder> order = new ChoiceBox<>();
        order.setId("byte-order");
        order.getItems().setAll(ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN);
        order.setConverter(Converters.of(o -> o == null ? "" : Endian.word(o),
                s -> Endian.BIG.word().equals(s) ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN));
        order.setTooltip(new Tooltip("The byte order data is read with"));
        abi.setValue(vm.document.state.get().abi());
        order.setValue(vm.document.state.get().byteOrder());
        vm.document.state.addListener((o, a, s) -> {
            abi.setValue(s.abi());
            order.setValue(s.byteOrder());
        });
        abi.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                d.setAbi(b);
            }
        });
        order.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                d.setByteOrder(b);
            }
        });
        Button connect = new Button("Connect…");
        connect.setId("connect");
        connect.setTooltip(new Tooltip("Watch a socket live, decoded with this document's types (Ctrl+L)"));
        connect.setOnAction(e -> live.showConnectDialog());
        ToggleButton showDesigner = new ToggleButton("Designer");
        showDesigner.setId("show-designer");
        showDesigner.setTooltip(new Tooltip("Show or hide the designer (Ctrl+Shift+2: designer only)"));
        ToggleButton showData = new ToggleButton("Data");
        showData.setId("show-data");
        showData.setTooltip(new Tooltip("Show or hide the data (Ctrl+Shift+3: data only; Ctrl+Shift+1: both)"));
        Runnable sync = () -> {
            showDesigner.setSelected(vm.workspace.get().showsDesigner());
            showData.setSelected(vm.workspace.get().showsData());
        };
        sync.run();
        vm.workspace.addListener((o, a, b) -> sync.run());
        showDesigner.setOnAction(e -> {
            vm.workspace.set(vm.workspace.get().withDesigner(showDesigner.isSelected()));
            sync.run();
        });
        showData.setOnAction(e -> {
            vm.workspace.set(vm.workspace.get().withData(showData.isSelected()));
            sync.run();
        });
        showDesigner.getStyleClass().add("left-pill");
        showData.getStyleClass().add("right-pill");
        HBox halves = new HBox(showDesigner, showData);
        halves.getStyleClass().add("segmented");
        Button theme = Icons.tool(IconPaths.THEME, "Light / dark theme (Ctrl+Shift+T)", "theme", () -> dark.set(!dark.get()));
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        ToolBar bar = new ToolBar(
                Icons.tool(IconPaths.NEW, "New document (Ctrl+N)", "new", files::newDocument),
                Icons.tool(IconPaths.OPEN, "Open a layout or data file (Ctrl+O)", "open", files::open),
                Icons.tool(IconPaths.SAVE, "Save (Ctrl+S)", "save", () -> files.save(null)),
                new Separator(Orientation.VERTICAL), undo, redo,
                new Separator(Orientation.VERTICAL), label("ABI"), abi, label("Order"), order,
                new Separator(Orientation.VERTICAL),
                Icons.tool(IconPaths.IMPORT, "Import a C header (Ctrl+I)", "import", files::importHeader),
                Icons.tool(IconPaths.EXPORT, "Export to C, Java, Python, Rust, Kaitai, JSON (Ctrl+E)", "export", files::export),
                new Separator(Orientation.VERTICAL), connect, grow, halves, theme);
        bar.setId("toolbar");
        return bar;
    }

    private static Label label(String s) {
        Label l = new Label(s);
        l.getStyleClass().add("muted");
        return l;
    }

    private Node statusBar() {
        Label status = new Label();
        status.setId("status");
        status.textProperty().bind(vm.status);
        status.setMinWidth(0);
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(14, 14);
        progress.setMaxSize(14, 14);
        progress.visibleProperty().bind(vm.busy);
        progress.managedProperty().bind(vm.busy);
        javafx.scene.control.Hyperlink cancel = new javafx.scene.control.Hyperlink("Cancel");
        cancel.setId("cancel");
        cancel.visibleProperty().bind(vm.busy);
        cancel.managedProperty().bind(vm.busy);
        cancel.setOnAction(e -> vm.cancel());
        Label info = new Label();
        info.setId("status-info");
        info.getStyleClass().add("muted");
        info.textProperty().bind(Bindings.createStringBinding(() -> {
            var s = vm.document.state.get();
            RecordLayout l = vm.designer.layout.get();
            String rec = l == null ? "" : " · " + (s.selected() == null ? "" : s.selected()) + " " + l.size() + " B";
            // The library pane sorts the system's declarations out once a library; counted here from it.
            int system = library.systemCount.get();
            int own = s.library().decls().size() - system;
            return s.abi().name() + " · " + Endian.word(s.byteOrder()) + "-endian" + rec + " · "
                    + own + (own == 1 ? " type" : " types") + (system == 0 ? "" : " + " + system + " system");
        }, vm.document.state, vm.designer.layout, library.systemCount));
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        // Every background task the runner has (search, statistics, saves, exports), with Cancel.
        dev.structscope.app.common.TaskListView tasks = new dev.structscope.app.common.TaskListView(vm.tasks);
        HBox bar = new HBox(8, progress, status, cancel, grow, tasks, info);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("status-bar");
        HBox.setHgrow(status, Priority.SOMETIMES);
        return bar;
    }

    // ---- keys and drag and drop -------------------------------------------------------------

    private void installDesignerKeys() {
        // Delete is a table key, not a menu accelerator, so that it keeps deleting text in cell editors.
        designer.table.setOnKeyPressed(e -> {
            if (designer.table.getEditingCell() != null) {
                return;
            }
            if (e.getCode() == KeyCode.DELETE) {
                vm.designer.deleteMember();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                // Escape on a cell marked invalid gives up the rejected text.
                var pos = designer.table.getFocusModel().getFocusedCell();
                if (pos != null && pos.getTableColumn() != null
                        && pos.getTableColumn().getUserData() instanceof dev.structscope.app.designer.DesignerViewModel.Column col
                        && designer.table.getItems().get(pos.getRow()) instanceof dev.structscope.app.designer.DesignerRow.MemberRow m) {
                    vm.designer.discardInvalid(m.index(), col);
                    designer.table.refresh();
                    e.consume();
                }
            }
        });
    }

    private void installDragAndDrop(Scene scene) {
        scene.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
                e.consume();
            }
        });
        scene.setOnDragDropped(e -> {
            if (e.getDragboard().hasFiles()) {
                List<Path> dropped = e.getDragboard().getFiles().stream().map(File::toPath).toList();
                boolean layout = dropped.stream().anyMatch(ShellViewModel::isLayout);
                if (!layout || files.confirmLoseChanges("opening " + dropped.getFirst().getFileName())) {
                    vm.openDropped(dropped);
                }
                e.setDropCompleted(true);
                e.consume();
            }
        });
    }
}
