package dev.structscope.app.designer;

import dev.structscope.app.common.Banners;
import dev.structscope.app.common.Converters;
import dev.structscope.app.common.Fmt;
import dev.structscope.app.common.Icons;
import dev.structscope.app.common.MemberColors;
import dev.structscope.app.designer.DesignerRow.MemberRow;
import dev.structscope.app.designer.DesignerRow.PaddingRow;
import dev.structscope.app.designer.DesignerViewModel.Column;
import dev.structscope.icons.IconPaths;
import dev.structscope.model.layout.FieldLayout;
import dev.structscope.model.layout.RecordLayout;
import dev.structscope.model.type.RecordType;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DataFormat;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import javafx.util.StringConverter;

import java.util.List;
import java.util.function.Function;

/**
 * The designer pane: the selected record's header (name, pack, aligned, offset format), its
 * member table with padding rows, an error banner, the byte ruler and the summary with "Pack
 * tightly". Binds to a {@link DesignerViewModel}; holds no state of its own. FX thread.
 */
public final class DesignerView extends BorderPane {
    private static final DataFormat MEMBER_INDEX = new DataFormat("application/x-structscope-member");

    private final DesignerViewModel vm;
    public final TableView<DesignerRow> table = new TableView<>();
    public final ByteRuler ruler;
    private final ToggleButton dynamicToggle = new ToggleButton("Dynamic");
    private final DynamicDetails details;
    private boolean syncing;
    /** The record the Dynamic toggle was last set for. */
    private String dynamicShownFor;
    private boolean wasDynamic;
    private final ScrollPane lower;
    /** The table's column widths: its resize policy, and the columns fitted to what they show. */
    private final ColumnWidths widths = new ColumnWidths(table);
    private final VBox top;
    /** What the member table keeps of a short pane before the part under it scrolls: its header and about four rows. */
    private static final double TABLE_ROOM = 150;

    public DesignerView(DesignerViewModel vm) {
        this.vm = vm;
        this.ruler = new ByteRuler(vm);
        this.details = new DynamicDetails(vm);
        getStyleClass().add("designer");
        setId("designer");

        Label title = new Label();
        title.getStyleClass().addAll("pane-title", "title-4");
        title.setId("designer-title");
        title.textProperty().bind(Bindings.createStringBinding(() -> {
            RecordType r = vm.record();
            String selected = vm.document.state.get().selected();
            // As C names it: struct T by its tag, T alone by a typedef's name.
            return r == null ? "Designer" : selected == null ? r.spelling()
                    : selected.equals(r.tag()) ? r.kind().keyword() + " " + selected : selected;
        }, vm.layout));
        Label sizes = new Label();
        sizes.setId("designer-sizes");
        sizes.getStyleClass().add("muted");
        sizes.textProperty().bind(Bindings.createStringBinding(() -> {
            RecordLayout l = vm.layout.get();
            return l == null ? "" : "size " + l.size() + " · align " + l.align();
        }, vm.layout));
        // An alignment a typedef sets says so on hover (the header keeps to one line at 1366).
        javafx.scene.control.Tooltip alignTip = new javafx.scene.control.Tooltip();
        alignTip.textProperty().bind(vm.alignNote);
        sizes.tooltipProperty().bind(Bindings.when(vm.alignNote.isEmpty()).then((javafx.scene.control.Tooltip) null).otherwise(alignTip));

        ChoiceBox<Integer> pack = new ChoiceBox<>();
        pack.setId("pack");
        pack.getItems().addAll(0, 1, 2, 4, 8, 16);
        pack.setConverter(numberOrNone());
        pack.setTooltip(new Tooltip("#pragma pack(n) for this record"));
        ChoiceBox<Integer> aligned = new ChoiceBox<>();
        aligned.setId("aligned");
        aligned.getItems().addAll(0, 1, 2, 4, 8, 16, 32, 64);
        aligned.setConverter(numberOrNone());
        aligned.setTooltip(new Tooltip("__attribute__((aligned(n))) on this record"));
        ToggleButton hex = new ToggleButton("Hex");
        hex.setId("hex-toggle");
        hex.setTooltip(new Tooltip("Offsets in hex (on) or decimal (off)"));
        hex.selectedProperty().bindBidirectional(vm.hexOffsets);
        vm.hexOffsets.addListener((o, a, b) -> {
            table.refresh();
            widths.requestFit();
        });

        vm.layout.addListener((o, a, l) -> {
            syncing = true;
            pack.setValue(l == null ? 0 : l.definition().pack());
            aligned.setValue(l == null ? 0 : (int) l.definition().alignedAttr());
            syncing = false;
        });
        pack.setValue(vm.record() == null ? 0 : vm.record().pack());
        aligned.setValue(vm.record() == null ? 0 : (int) vm.record().alignedAttr());
        pack.valueProperty().addListener((o, a, b) -> {
            if (!syncing && b != null) {
                vm.setPack(b);
            }
        });
        aligned.valueProperty().addListener((o, a, b) -> {
            if (!syncing && b != null) {
                vm.setAligned(b);
            }
        });

        Label packLabel = new Label("Pack");
        Label alignedLabel = new Label("Aligned");
        HBox packing = new HBox(10, packLabel, pack);
        HBox alignment = new HBox(10, alignedLabel, aligned);
        packing.setAlignment(Pos.CENTER_LEFT);
        alignment.setAlignment(Pos.CENTER_LEFT);
        // A flow: in a narrow pane (the designer beside the data at 800 pixels) the record's
        // settings go under its name instead of past the pane's edge.
        // The size and alignment last: they are in the summary too, so in a pane a little too
        // narrow for the whole line (beside the data at 1366) they are what wraps, not the settings.
        javafx.scene.layout.FlowPane header = new javafx.scene.layout.FlowPane(10, 4, title, packing, alignment, sizes);
        header.setAlignment(Pos.CENTER_LEFT);
        keepPrefWidth(packLabel, pack, alignedLabel, aligned, hex);
        // A long name ends in "…" at the pane's edge (whole in the tooltip) rather than widening
        // the designer past its pane, which cut the table and the byte map (a 45-letter tag at 1366).
        title.setMinWidth(0);
        header.setMinWidth(0); // else a flow's least width is its widest child's: the whole title
        title.maxWidthProperty().bind(Bindings.createDoubleBinding(() -> Math.max(0, header.getWidth()
                - header.getInsets().getLeft() - header.getInsets().getRight()), header.widthProperty(),
                header.insetsProperty()));
        title.setTextOverrun(javafx.scene.control.OverrunStyle.CENTER_ELLIPSIS);
        Tooltip titleTip = new Tooltip();
        titleTip.textProperty().bind(title.textProperty());
        title.setTooltip(titleTip);
        pack.setPrefWidth(76);
        aligned.setPrefWidth(76);
        header.getStyleClass().add("pane-header");

        Button add = Icons.tool(IconPaths.ADD, "Add member (Insert)", "add-member", vm::addMember);
        Button del = Icons.tool(IconPaths.REMOVE, "Delete member (Delete)", "delete-member", vm::deleteMember);
        Button dup = Icons.tool(IconPaths.DUPLICATE, "Duplicate member (Ctrl+D)", "duplicate-member", vm::duplicateMember);
        Button up = Icons.tool(IconPaths.UP, "Move up (Alt+Up)", "move-up", () -> vm.moveSelected(-1));
        Button down = Icons.tool(IconPaths.DOWN, "Move down (Alt+Down)", "move-down", () -> vm.moveSelected(1));
        var noMember = vm.selectedMember.lessThan(0);
        del.disableProperty().bind(noMember);
        dup.disableProperty().bind(noMember);
        up.disableProperty().bind(noMember);
        down.disableProperty().bind(noMember);
        add.disableProperty().bind(vm.layout.isNull());
        dynamicToggle.setId("dynamic-toggle");
        dynamicToggle.setTooltip(new Tooltip("What data decides about the selected member: counts ([name_len]), "
                + "placement (at), switch/when and size"));
        // Next to the member tools, not at the far right, so that a narrow designer never hides it.
        javafx.scene.control.Separator toolsSep = new javafx.scene.control.Separator(javafx.geometry.Orientation.VERTICAL);
        // The offsets' base is a view setting: it sits with the tools, leaving the header to the record.
        // A flow too, so that a narrow designer wraps the tools rather than cutting them.
        javafx.scene.layout.FlowPane tools = new javafx.scene.layout.FlowPane(4, 4,
                new HBox(4, add, del, dup, up, down, toolsSep), new HBox(8, dynamicToggle, hex));
        tools.setAlignment(Pos.CENTER_LEFT);
        tools.getStyleClass().add("pane-tools");

        buildTable();

        Label banner = Banners.error("designer-error", vm.error);

        Label summary = new Label();
        summary.setId("designer-summary");
        summary.getStyleClass().add("summary");
        summary.textProperty().bind(vm.summary);
        // Beside the designer's half of a 1366-pixel window the line is wider than the pane: wrap, never cut.
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        Button tight = new Button();
        tight.setId("pack-tightly");
        tight.setGraphic(Icons.of(IconPaths.PACK));
        // "−0 B" read as a button that does nothing: a record with nothing to gain says so instead.
        tight.textProperty().bind(Bindings.createStringBinding(() -> vm.tightSaving.get() == 0
                ? "Packed tightly" : "Pack tightly: −" + vm.tightSaving.get() + " B", vm.tightSaving));
        tight.setTooltip(new Tooltip("Reorder members to minimise padding (undoable)"));
        tight.disableProperty().bind(vm.layout.isNull().or(vm.tightSaving.isEqualTo(0L)));
        tight.setOnAction(e -> vm.packTightly());
        // A border pane, not a box: it gives the label its real width when asking how tall it is,
        // so the wrapped summary gets its second line instead of an ellipsis.
        BorderPane summaryBar = new BorderPane(summary, null, tight, null, null);
        BorderPane.setAlignment(summary, Pos.CENTER_LEFT);
        BorderPane.setAlignment(tight, Pos.CENTER_RIGHT);
        BorderPane.setMargin(tight, new Insets(0, 0, 0, 10));
        summary.setMaxWidth(Double.MAX_VALUE);
        keepPrefWidth(tight);
        summaryBar.getStyleClass().add("summary-bar");

        ScrollPane rulerScroll = new ScrollPane(ruler);
        rulerScroll.setFitToWidth(true);
        rulerScroll.getStyleClass().add("ruler-scroll");
        rulerScroll.prefViewportHeightProperty().bind(Bindings.createDoubleBinding(
                // A dynamic record's marked tail comes after its static prefix: leave room to see it.
                // At most a fifth of the designer's height, so that the members keep room when the
                // live pane takes half of the column (the ruler scrolls; the table would not show).
                () -> Math.min(Math.min(vm.layout.get() != null && vm.layout.get().dynamic() ? 200 : 150,
                        Math.max(40, getHeight() / 5)), ruler.prefHeight(Math.max(200, rulerScroll.getWidth() - 16))),
                vm.layout, rulerScroll.widthProperty(), heightProperty()));
        rulerScroll.setMinViewportHeight(40);
        Label rulerTitle = new Label("BYTES");
        rulerTitle.getStyleClass().add("section-label");
        details.visibleProperty().bind(dynamicToggle.selectedProperty());
        details.managedProperty().bind(details.visibleProperty());
        VBox bottom = new VBox(4, details, rulerTitle, rulerScroll, summaryBar);
        bottom.getStyleClass().add("ruler-box");
        bottom.visibleProperty().bind(vm.layout.isNotNull());
        bottom.managedProperty().bind(bottom.visibleProperty());

        VBox top = new VBox(header, tools, banner);
        // The part under the table scrolls when the pane is short (800×560, the expression fields
        // of a dynamic record shown): a border pane gives its bottom the whole preferred height,
        // which left the table two rows and pushed the summary out of the pane.
        lower = new ScrollPane(bottom);
        lower.setFitToWidth(true);
        lower.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        lower.getStyleClass().add("designer-lower");
        // It scrolls, so it asks for no height of its own: the pane's minimum is the header's and the table's.
        lower.setMinHeight(0);
        lower.visibleProperty().bind(bottom.visibleProperty());
        lower.managedProperty().bind(bottom.visibleProperty());
        this.top = top;
        setTop(top);
        setCenter(table);
        setBottom(lower);
        BorderPane.setMargin(table, new Insets(0, 8, 0, 8));
    }


    /** The header and the table's minimum: the part under the table scrolls (see {@link #layoutChildren()}). */
    @Override
    protected double computeMinHeight(double width) {
        return snappedTopInset() + top.minHeight(width) + table.minHeight(-1) + snappedBottomInset();
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        if (!lower.isManaged()) {
            return;
        }
        // The border pane gave the part under the table its whole preferred height; in a short
        // pane that part scrolls instead, and the table keeps its header and a few rows.
        double x = snappedLeftInset();
        double w = getWidth() - x - snappedRightInset();
        double topEnd = top.getLayoutY() + top.getHeight();
        double end = getHeight() - snappedBottomInset();
        double want = lower.prefHeight(w);
        double height = Math.max(0, Math.min(want, Math.max(end - topEnd - TABLE_ROOM, Math.min(want, 90))));
        lower.resizeRelocate(x, end - height, w, height);
        table.resizeRelocate(x + 8, topEnd, Math.max(0, w - 16), Math.max(0, end - height - topEnd));
    }

    private static String exprText(dev.structscope.model.type.Expr e) {
        return e == null ? "" : e.text();
    }

    private static StringConverter<Integer> numberOrNone() {
        return Converters.of(v -> v == null || v == 0 ? "none" : v.toString(), s -> "none".equals(s) ? 0 : Integer.valueOf(s));
    }

    private void buildTable() {
        table.setId("members");
        table.getStyleClass().add(atlantafx.base.theme.Styles.DENSE);
        table.setEditable(true);
        table.getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
        // Registered before the table's own: new rows clear its selection, which must not reach
        // the view model as "no member" (an edit in the dynamic panel lost its member and focus);
        // the listener after the table's selects the member's row again and ends the sync.
        vm.rows.addListener((javafx.collections.ListChangeListener<DesignerRow>) ch -> syncing = true);
        table.setItems(vm.rows);
        table.setColumnResizePolicy(widths);
        Label empty = new Label("Add a member (Insert)");
        empty.getStyleClass().add("empty-state");
        table.placeholderProperty().bind(Bindings.when(vm.layout.isNull())
                .then((javafx.scene.Node) new Label("Select a struct or union on the left, or add one (+ struct)"))
                .otherwise(empty));

        TableColumn<DesignerRow, String> off = readOnly("Offset", 84, r -> switch (r) {
            // Where data decides the offset, the expression that computes it (4 + name_len, at(e_shoff)).
            case MemberRow m when vm.dynamicOffset(m.index()) != null -> vm.dynamicOffset(m.index());
            case MemberRow m when m.field().isBitField() -> Fmt.offset(m.field().bits().firstByte(), vm.hexOffsets
                    .get()) + ":" + m.field().bits().offset() % 8;
            case MemberRow m -> Fmt.offset(m.field().offset(), vm.hexOffsets.get());
            case PaddingRow p -> Fmt.offset(p.padding().offset(), vm.hexOffsets.get());
        });
        off.setCellFactory(c -> new OffsetCell());
        off.getStyleClass().add("mono");
        TableColumn<DesignerRow, String> size = readOnly("Size", 72, r -> switch (r) {
            case MemberRow m when DynamicText.sizeText(m.field()) != null -> DynamicText.sizeText(m.field());
            case MemberRow m when m.field().isBitField() -> m.field().bits().width() + (m.field().bits().width() == 1 ? " bit" : " bits");
            case MemberRow m -> Long.toString(m.field().size());
            case PaddingRow p -> Long.toString(p.padding().size());
        });
        TableColumn<DesignerRow, String> align = readOnly("Align", 62, r -> r instanceof MemberRow m
                ? Long.toString(m.field().align()) : "");
        TableColumn<DesignerRow, String> type = editable("Type", 170, Column.TYPE,
                m -> CellText.elementOf(m.field().member().type()).spelling());
        TableColumn<DesignerRow, String> name = editable("Name", 130, Column.NAME,
                m -> m.field().name() == null ? "" : m.field().name());
        TableColumn<DesignerRow, String> dims = editable("Array", 70, Column.ARRAY,
                m -> DynamicText.dimsText(m.field().member().type()));
        dims.setId("array-column");
        TableColumn<DesignerRow, String> at = editable("At", 110, Column.AT, m -> exprText(m.field().member().dynamic().at()));
        TableColumn<DesignerRow, String> sw = editable("Switch", 100, Column.SWITCH,
                m -> exprText(m.field().member().dynamic().switchOn()));
        TableColumn<DesignerRow, String> when = editable("When", 90, Column.WHEN,
                m -> DynamicText.whenText(m.field().member().dynamic().when()));
        TableColumn<DesignerRow, String> sized = editable("Size expr", 90, Column.SIZE,
                m -> exprText(m.field().member().dynamic().size()));
        // Placement, switch, when and size are edited in the details under the table (the Dynamic
        // toggle), where long expressions fit; the columns can be shown from the column menu (+).
        List.of(at, sw, when, sized).forEach(c -> c.setVisible(false));
        java.util.function.Consumer<RecordLayout> showDynamic = l -> {
            // A dynamic record shows its expressions; another record hides them (left on, the
            // fields squeezed a plain record's table to a few rows). Edits of the record at hand
            // keep what the user chose, and a member made dynamic shows them.
            String record = vm.document.state.get().selected();
            boolean dynamic = l != null && l.dynamic();
            if (!java.util.Objects.equals(record, dynamicShownFor) || dynamic && !wasDynamic) {
                dynamicToggle.setSelected(dynamic);
            }
            dynamicShownFor = record;
            wasDynamic = dynamic;
            // Offsets, sizes and counts computed from data (at(ehdr.e_shoff), 64 × ehdr.e_shnum)
            // need room: the type and the rarely used columns give some.
            boolean dyn = l != null && l.dynamic();
            off.setPrefWidth(dyn ? 170 : 84);
            size.setPrefWidth(dyn ? 120 : 72);
            dims.setPrefWidth(dyn ? 130 : 70);
            align.setPrefWidth(dyn ? 48 : 62);
            type.setPrefWidth(dyn ? 130 : 170);
            // The table fits its columns to its width only when that width changes: fit them again now.
            widths.relayout();
        };
        vm.layout.addListener((o, a, l) -> showDynamic.accept(l));
        showDynamic.accept(vm.layout.get());
        TableColumn<DesignerRow, String> bits = editable("Bits", 52, Column.BITS,
                m -> m.field().member().bitWidth() == null ? "" : m.field().member().bitWidth().toString());
        TableColumn<DesignerRow, String> attrs = editable("Attributes", 110, Column.ATTRS,
                m -> CellText.attrsText(m.field().member()));
        attrs.setId("attributes-column");
        // Rarely needed, so shown from the table's column menu (+) or when a member has some.
        attrs.setVisible(false);
        java.util.function.Consumer<RecordLayout> showIfUsed = l -> {
            if (l != null && l.definition().members().stream().anyMatch(m -> m.alignAs() > 0 || m.packed())) {
                attrs.setVisible(true);
            }
        };
        vm.layout.addListener((o, a, l) -> showIfUsed.accept(l));
        showIfUsed.accept(vm.layout.get());
        TableColumn<DesignerRow, String> note = editable("Comment", 160, Column.COMMENT,
                m -> m.field().member().comment() == null ? "" : m.field().member().comment());
        for (TableColumn<DesignerRow, String> c : List.of(off, size, align)) {
            c.getStyleClass().add("mono");
        }
        table.getColumns().setAll(List.of(off, size, align, type, name, dims, bits, at, sw, when, sized, attrs, note));
        // The table fits its columns to the pane (about 520 pixels beside the data at 1366) by
        // narrowing them, down to their texts, before the comment: no column narrower than its title,
        // the type and name keep room to be read, and the comment, last, keeps what the others ask
        // for beyond their texts. What the layout computes (an offset such as
        // at(ehdr.e_shoff), a size, a type, a count) is never cut: those columns are at least as wide
        // as their texts, and the table scrolls sideways when they need more than the pane has.
        table.getColumns().stream().filter(c -> c != note).forEach(DesignerView::fitTitle);
        type.setMinWidth(Math.max(type.getMinWidth(), 72));
        name.setMinWidth(Math.max(name.getMinWidth(), 60));
        widths.fitContent(off, size, type, name, dims);
        vm.rows.addListener((javafx.collections.ListChangeListener<DesignerRow>) ch -> widths.requestFit());
        table.getVisibleLeafColumns().addListener((javafx.collections.ListChangeListener<TableColumn<DesignerRow, ?>>) ch -> {
            widths.relayout();
            widths.requestFit();
        });
        table.sceneProperty().addListener((o, a, b) -> widths.requestFit());
        table.setTableMenuButtonVisible(true);

        table.setRowFactory(tv -> new MemberTableRow());
        vm.invalidCells.addListener((javafx.collections.MapChangeListener<DesignerViewModel.CellKey,
                Invalid>) ch -> {
            if (MarkedEditCell.mayRefresh(table)) {
                table.refresh();
            }
        });

        // Selection: table <-> view model (the ruler listens to the view model).
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (syncing) {
                return;
            }
            if (b instanceof MemberRow m) {
                vm.selectedMember.set(m.index());
            } else if (b == null) {
                vm.selectedMember.set(-1);
            }
        });
        vm.selectedMember.addListener((o, a, b) -> selectRowOf(b.intValue()));
        vm.rows.addListener((javafx.collections.ListChangeListener<DesignerRow>) ch ->
                selectRowOf(vm.selectedMember.get()));
    }

    private void selectRowOf(int member) {
        syncing = true;
        try {
            for (int i = 0; i < vm.rows.size(); i++) {
                if (vm.rows.get(i) instanceof MemberRow m && m.index() == member) {
                    table.getSelectionModel().clearAndSelect(i);
                    table.scrollTo(Math.max(0, i - 3));
                    return;
                }
            }
            table.getSelectionModel().clearSelection();
        } finally {
            syncing = false;
        }
    }

    /** Keeps {@code c} at least as wide as its title, so that a narrowed table never reads "A…". */
    private static void fitTitle(TableColumn<?, ?> c) {
        javafx.scene.text.Text t = new javafx.scene.text.Text(c.getText());
        javafx.scene.text.Font f = javafx.scene.text.Font.getDefault();
        // The headers are bold in the theme; the font's own size, with the header's padding and sort room.
        t.setFont(javafx.scene.text.Font.font(f.getFamily(), javafx.scene.text.FontWeight.BOLD, Math.max(14, f.getSize())));
        c.setMinWidth(Math.max(c.getMinWidth(), Math.ceil(t.getLayoutBounds().getWidth()) + 18));
    }

    private static void keepPrefWidth(javafx.scene.layout.Region... regions) {
        for (javafx.scene.layout.Region r : regions) {
            r.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
    }

    private static TableColumn<DesignerRow, String> readOnly(String title, double width,
                                                             Function<DesignerRow, String> value) {
        TableColumn<DesignerRow, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setMinWidth(40);
        c.setEditable(false);
        c.setSortable(false);
        c.setReorderable(false);
        c.setCellValueFactory(f -> new ReadOnlyStringWrapper(value.apply(f.getValue())));
        // A size computed from the data (56 × ehdr.e_phnum) may be cut in a narrow pane: whole in the tooltip.
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(empty || item == null || item.length() < 8 ? null : new Tooltip(item));
            }
        });
        return c;
    }

    private TableColumn<DesignerRow, String> editable(String title, double width, Column column,
                                                      Function<MemberRow, String> value) {
        TableColumn<DesignerRow, String> c = new TableColumn<>(title);
        c.setId("col-" + column.name().toLowerCase());
        c.setPrefWidth(width);
        c.setMinWidth(40);
        c.setSortable(false);
        c.setReorderable(false);
        c.setCellValueFactory(f -> new ReadOnlyStringWrapper(switch (f.getValue()) {
            case MemberRow m -> value.apply(m);
            case PaddingRow p -> column == Column.TYPE ? p.label() : column == Column.COMMENT ? p.note() : "";
        }));
        c.setCellFactory(col -> new EditCell(vm, column, value));
        c.setUserData(column);
        return c;
    }

    /** The offset cell starts with the member's colour swatch, the same colour as its ruler block. */
    private final class OffsetCell extends TableCell<DesignerRow, String> {
        private final Rectangle swatch = new Rectangle(10, 10);

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            DesignerRow r = getTableRow() == null ? null : getTableRow().getItem();
            setText(empty ? null : item);
            getStyleClass().remove("dynamic");
            if (!empty && r instanceof MemberRow m && (m.field().dynamic() || m.field().member().isDynamic())) {
                // Data decides this member's place or size: the one "dynamic" style of the designer and ruler.
                getStyleClass().add("dynamic");
                setTooltip(new Tooltip(vm.dynamicOffset(m.index()) != null ? "offset computed from the data: " + item
                        : "data decides this member's size, place or alternative"));
            } else {
                setTooltip(null);
            }
            if (!empty && r instanceof MemberRow m) {
                swatch.setFill(MemberColors.of(m.index()));
                swatch.setArcWidth(3);
                swatch.setArcHeight(3);
                setGraphic(swatch);
            } else {
                setGraphic(null);
            }
        }
    }

    /** Padding rows get their own style; member rows can be dragged to reorder. */
    private final class MemberTableRow extends TableRow<DesignerRow> {
        MemberTableRow() {
            setOnDragDetected(e -> {
                if (getItem() instanceof MemberRow m) {
                    var db = startDragAndDrop(TransferMode.MOVE);
                    ClipboardContent cc = new ClipboardContent();
                    cc.put(MEMBER_INDEX, m.index());
                    db.setContent(cc);
                    e.consume();
                }
            });
            setOnDragOver(e -> {
                if (e.getDragboard().hasContent(MEMBER_INDEX)) {
                    e.acceptTransferModes(TransferMode.MOVE);
                    e.consume();
                }
            });
            setOnDragDropped(e -> {
                Object from = e.getDragboard().getContent(MEMBER_INDEX);
                int to = targetIndex();
                if (from instanceof Integer f && to >= 0) {
                    vm.moveMember(f, to);
                    e.setDropCompleted(true);
                    e.consume();
                }
            });
        }

        private int targetIndex() {
            if (getItem() instanceof MemberRow m) {
                return m.index();
            }
            RecordType r = vm.record();
            return r == null ? -1 : r.members().size() - 1;
        }

        @Override
        protected void updateItem(DesignerRow item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll("padding-row", "member-row");
            if (!empty && item instanceof PaddingRow) {
                getStyleClass().add("padding-row");
            } else if (!empty) {
                getStyleClass().add("member-row");
            }
        }
    }
}
