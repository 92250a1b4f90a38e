package dev.structscope.app.compare;

import dev.structscope.app.common.AbiChoice;
import dev.structscope.app.common.Banners;
import dev.structscope.app.designer.ByteRuler;
import dev.structscope.model.abi.Abi;
import dev.structscope.model.compare.RecordComparison;
import dev.structscope.model.layout.RecordLayout;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * The compare view, shown in the designer's place: the records with their status and the
 * "N of M records differ" line on the left; the selected record's members side by side (this
 * layout | the other), aligned by name and marked moved / resized / retyped / added / removed;
 * the two byte rulers one above the other. Escape or Close returns to the designer. Binds to a
 * {@link CompareViewModel}; holds no state of its own. FX thread.
 */
public final class CompareView extends BorderPane {
    private final CompareViewModel vm;
    public final TableView<CompareRow> table;
    private final ListView<RecordComparison> recordList = new ListView<>();
    /** The record list beside the members and rulers. */
    private final SplitPane center;
    private boolean fitPending;
    /** The selected record's layout on each side (null: none selected, or not on that side). */
    private final ObjectBinding<RecordLayout> oldLayout;
    private final ObjectBinding<RecordLayout> newLayout;
    public final ByteRuler oldRuler;
    public final ByteRuler newRuler;
    public final BooleanProperty dark = new SimpleBooleanProperty(this, "dark");
    /** Offsets in hex (the designer's setting). */
    public final BooleanProperty hex = new SimpleBooleanProperty(this, "hex", true);
    private boolean syncing;

    /**
     * @param abis          the ABIs the other side can be laid out on
     * @param onPortability opens the Portability view for a record name
     */
    public CompareView(CompareViewModel vm, List<Abi> abis, java.util.function.Consumer<String> onPortability) {
        this.vm = vm;
        this.table = new CompareTable(vm, hex);
        this.oldLayout = side(CompareViewModel.Selection::oldLayout);
        this.newLayout = side(CompareViewModel.Selection::newLayout);
        this.oldRuler = new ByteRuler(oldLayout, vm.oldMember);
        this.newRuler = new ByteRuler(newLayout, vm.newMember);
        oldRuler.dark.bind(dark);
        newRuler.dark.bind(dark);
        getStyleClass().addAll("designer", "compare-view");
        setId("compare-view");

        Label title = new Label();
        title.setId("compare-title");
        title.getStyleClass().addAll("pane-title", "title-4");
        title.textProperty().bind(Bindings.createStringBinding(() -> vm.selected.get() == null ? "Compare"
                : "Compare  " + vm.selected.get().name(), vm.selected));
        Label summary = new Label();
        summary.setId("compare-summary");
        summary.getStyleClass().add("muted");
        summary.textProperty().bind(vm.result.map(CompareViewModel.Result::summary).orElse(""));
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(16, 16);
        progress.visibleProperty().bind(vm.busy);
        progress.managedProperty().bind(vm.busy);
        Button portability = new Button("Portability");
        portability.setId("compare-portability");
        portability.setTooltip(new Tooltip("This record's offsets on all five ABIs (Ctrl+Shift+J)"));
        portability.setOnAction(e -> onPortability.accept(vm.selected.get() == null ? null
                : vm.selected.get().name()));
        HBox header = PaneHeader.of(List.of(title, summary, progress), List.of(portability), "compare-close",
                "Back to the designer (Escape)", vm::close);

        Label sides = new Label();
        sides.setId("compare-sides");
        sides.setMinWidth(0);
        sides.textProperty().bind(Bindings.createStringBinding(() -> {
            var r = vm.result.get();
            return r == null ? "" : r.oldLabel() + "  →  " + r.newLabel();
        }, vm.result));
        Button file = new Button("Other File…");
        file.setId("compare-file");
        file.setTooltip(new Tooltip("Compare with another header (.h) or layout document (.json)"));
        file.setOnAction(e -> chooseFile());
        ChoiceBox<Abi> abi = AbiChoice.of("compare-abi", abis, "The ABI the other side is laid out for");
        abi.setValue(vm.otherAbi.get());
        vm.otherAbi.addListener((o, a, b) -> {
            syncing = true;
            abi.setValue(b);
            syncing = false;
        });
        abi.valueProperty().addListener((o, a, b) -> {
            if (!syncing) {
                vm.setOtherAbi(b);
            }
        });
        Label on = new Label("other side on");
        on.getStyleClass().add("muted");
        Region grow2 = new Region();
        HBox.setHgrow(grow2, Priority.ALWAYS);
        HBox source = new HBox(8, sides, grow2, file, on, abi);
        source.setAlignment(Pos.CENTER_LEFT);
        source.getStyleClass().add("pane-tools");
        for (Region r : List.of(file, on, abi, portability, title)) {
            r.setMinWidth(Region.USE_PREF_SIZE);
        }

        Label banner = Banners.error("compare-error", vm.error);
        setTop(new VBox(header, source, banner));

        buildRecordList();
        VBox rulers = rulers();
        // Members above, the two rulers below; the divider lets either have the room.
        SplitPane right = new SplitPane(table, rulers);
        right.setOrientation(Orientation.VERTICAL);
        right.setDividerPositions(0.5);
        center = new SplitPane(recordList, right);
        center.setDividerPositions(0.22);
        SplitPane.setResizableWithParent(recordList, false);
        recordList.setMinWidth(RECORDS_MIN_WIDTH);
        setCenter(center);
        // Each comparison sizes the list to its records' names and badges (a fifth of the view was
        // about 95 px at 1366, and clipped "moved", "changed"); the divider stays the person's to drag.
        vm.records.addListener((javafx.collections.ListChangeListener<RecordComparison>) c -> fitRecordList());
        vm.showing.addListener((o, a, b) -> {
            if (b) {
                fitRecordList();
            }
        });

        ClosablePanes.install(this, vm::close, vm.showing, table);
    }

    /** The least width of the record list, and the most of the view it takes to fit its records. */
    private static final double RECORDS_MIN_WIDTH = 120;
    private static final double RECORDS_MAX_SHARE = 0.4;

    /** Fits the record list to its records once the next layout has made their cells. */
    private void fitRecordList() {
        javafx.scene.Scene scene = getScene();
        if (scene == null || fitPending) {
            return;
        }
        fitPending = true;
        dev.structscope.app.common.AfterLayout.once(scene, () -> {
            fitPending = false;
            widenRecordList();
        });
        requestLayout();
    }

    /** Moves the divider so that the widest record shown, name and badge, fits (within reason). */
    private void widenRecordList() {
        double widest = 0;
        double bar = 0;
        for (javafx.scene.Node n : recordList.lookupAll(".list-cell")) {
            if (n instanceof ListCell<?> c && !c.isEmpty() && c.isVisible()) {
                widest = Math.max(widest, c.prefWidth(-1));
            }
        }
        for (javafx.scene.Node n : recordList.lookupAll(".scroll-bar")) {
            if (n instanceof javafx.scene.control.ScrollBar b && b.getOrientation() == Orientation.VERTICAL && b.isVisible()) {
                bar = b.getWidth();
            }
        }
        double room = center.getWidth();
        if (widest <= 0 || room <= 0) {
            return;
        }
        javafx.geometry.Insets in = recordList.getInsets();
        double want = Math.ceil(widest + in.getLeft() + in.getRight() + bar + 2);
        want = Math.max(RECORDS_MIN_WIDTH, Math.min(want, room * RECORDS_MAX_SHARE));
        // The divider's position is its centre: half of its own width is added so the list gets all of want.
        double divider = center.getChildrenUnmodifiable().stream()
                .filter(n -> n.getStyleClass().contains("split-pane-divider") && n instanceof javafx.scene.layout.Region)
                .mapToDouble(n -> ((javafx.scene.layout.Region) n).getWidth()).findFirst().orElse(0);
        center.setDividerPosition(0, Math.min(1, (want + divider / 2) / room));
    }

    /** Asks for a layout file and compares the document with it (the menu's "Another File…"). */
    public void chooseFile() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Compare with a layout (.h, .json)");
        fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Layouts (*.h, *.json)", "*.h", "*.json"),
                new FileChooser.ExtensionFilter("All files", "*"));
        Path current = vm.lastFile();
        if (current != null && current.toAbsolutePath().getParent() != null) {
            fc.setInitialDirectory(current.toAbsolutePath().getParent().toFile());
        }
        File f = fc.showOpenDialog(getScene() == null ? null : getScene().getWindow());
        if (f != null) {
            vm.compareWithFile(f.toPath(), vm.otherAbi.get());
        }
    }

    private void buildRecordList() {
        recordList.setId("compare-records");
        recordList.setItems(vm.records);
        javafx.scene.control.Label none = CompareTable.empty("");
        // Only before any comparison: a failed one is said once, by the error above.
        none.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> vm.busy.get()
                || !vm.error.get().isEmpty() ? "" : "Run a comparison: Layout › Compare with", vm.busy, vm.error));
        recordList.setPlaceholder(none);
        recordList.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(RecordComparison r, boolean emptyCell) {
                super.updateItem(r, emptyCell);
                getStyleClass().removeIf(c -> c.startsWith("compare-status-"));
                if (emptyCell || r == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                setText(r.name());
                Label status = new Label(r.status().contractName());
                status.getStyleClass().addAll("compare-badge", "compare-status-" + r.status().contractName());
                setGraphic(status);
                setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
                setGraphicTextGap(8);
            }
        });
        vm.selected.addListener((o, a, b) -> {
            RecordComparison r = b == null ? null : b.record();
            if (recordList.getSelectionModel().getSelectedItem() != r) {
                recordList.getSelectionModel().select(r);
            }
        });
        recordList.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null && (vm.selected.get() == null || b != vm.selected.get().record())) {
                vm.select(b.name());
            }
        });
    }


    private VBox rulers() {
        Label oldTitle = rulerTitle(oldLayout, CompareViewModel.Result::oldLabel);
        oldTitle.setId("compare-old-ruler-title");
        Label newTitle = rulerTitle(newLayout, CompareViewModel.Result::newLabel);
        newTitle.setId("compare-new-ruler-title");
        oldRuler.setId("compare-old-ruler");
        newRuler.setId("compare-new-ruler");
        ScrollPane oldScroll = scroll(oldRuler, oldLayout);
        ScrollPane newScroll = scroll(newRuler, newLayout);
        VBox.setVgrow(oldScroll, Priority.SOMETIMES);
        VBox.setVgrow(newScroll, Priority.SOMETIMES);
        VBox box = new VBox(4, oldTitle, oldScroll, newTitle, newScroll);
        box.getStyleClass().add("ruler-box");
        box.setMinHeight(0);
        box.visibleProperty().bind(vm.selected.isNotNull());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private ObjectBinding<RecordLayout> side(Function<CompareViewModel.Selection, RecordLayout> layout) {
        return Bindings.createObjectBinding(() -> vm.selected.get() == null ? null
                : layout.apply(vm.selected.get()), vm.selected);
    }

    private Label rulerTitle(ObjectBinding<RecordLayout> layout,
                             Function<CompareViewModel.Result, String> label) {
        Label l = new Label();
        l.getStyleClass().add("section-label");
        l.textProperty().bind(Bindings.createStringBinding(() -> {
            var r = vm.result.get();
            String side = r == null ? "" : label.apply(r).toUpperCase(java.util.Locale.ROOT);
            RecordLayout rl = layout.get();
            return rl == null ? side + "   (not in this layout)" : side + "   size " + rl.size() + " · align " + rl.align();
        }, vm.result, layout));
        return l;
    }

    private ScrollPane scroll(ByteRuler ruler, ObjectBinding<RecordLayout> layout) {
        ScrollPane s = new ScrollPane(ruler);
        s.setFitToWidth(true);
        s.setMinViewportHeight(34);
        s.getStyleClass().add("ruler-scroll");
        s.prefViewportHeightProperty().bind(Bindings.createDoubleBinding(
                () -> layout.get() == null ? 0 : Math.min(160, ruler.prefHeight(Math.max(200, s.getWidth() - 16))),
                layout, s.widthProperty()));
        s.visibleProperty().bind(layout.isNotNull());
        s.managedProperty().bind(s.visibleProperty());
        return s;
    }
}
