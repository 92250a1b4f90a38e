package dev.structscope.app.hexview;

import dev.structscope.io.decode.DecoderPlan;
import dev.structscope.io.decode.RecordReader;
import dev.structscope.model.Limits;
import dev.structscope.model.InputException;
import dev.structscope.model.abi.Abi;
import dev.structscope.model.layout.LayoutEngine;
import dev.structscope.model.layout.RecordLayout;
import dev.structscope.model.type.TypeLibrary;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;

import java.nio.ByteOrder;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The overlay chooser above the hex view: which record type to lay over the bytes, at which base
 * offset (an {@link OffsetExpr}, or "At caret"), and whether to view the bytes as an array of it
 * in the record table. Compiles the chosen layout into a {@link RecordReader} (a fixed
 * {@link DecoderPlan} or a dynamic decoder) and hands a {@link Choice} to the pane. FX thread only.
 */
public final class OverlayBar extends javafx.scene.layout.FlowPane {
    /**
     * What to overlay: {@code layout} read by {@code reader} (the fixed plan, or the dynamic
     * decoder when the layout's data decides counts, placements or alternatives) at
     * {@code base}; {@code asTable} for the record table.
     */
    public record Choice(String name, RecordLayout layout, RecordReader reader, long base, boolean asTable) {
        /** The fixed plan, or null for a dynamic layout. */
        public DecoderPlan plan() {
            return reader instanceof DecoderPlan p ? p : null;
        }

        public boolean dynamic() {
            return reader.dynamic();
        }
    }

    /** Searchable (ControlsFX): a library imported from a big header or binary holds hundreds of records. */
    public final ComboBox<String> typeBox = new org.controlsfx.control.SearchableComboBox<>();
    public final TextField baseField = new TextField("0x0");
    private final Button atCaret = new Button("At caret");
    public final ToggleButton asTableButton = new ToggleButton("As table");
    public final Label errorLabel = new Label();
    private final HexViewModel hex;
    private final Map<String, RecordLayout> layouts = new LinkedHashMap<>();
    private Abi abi;
    private ByteOrder order = ByteOrder.LITTLE_ENDIAN;
    private Consumer<Choice> onChoice = c -> { };

    public OverlayBar(HexViewModel hex) {
        this.hex = hex;
        setHgap(6);
        setVgap(4);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(3, 6, 3, 6));
        typeBox.setPromptText("no type");
        typeBox.setPrefWidth(130);
        baseField.setPrefColumnCount(6);
        baseField.setTooltip(new Tooltip("Base offset: 0x40, 64, 0x1f00+24; $ is the caret"));
        errorLabel.setStyle("-fx-text-fill: #d1242f;");
        errorLabel.visibleProperty().bind(errorLabel.textProperty().isNotEmpty());
        errorLabel.managedProperty().bind(errorLabel.visibleProperty());
        typeBox.setOnAction(e -> fire());
        baseField.setOnAction(e -> fire());
        atCaret.setOnAction(e -> {
            baseField.setText(String.format("0x%X", hex.caret()));
            fire();
        });
        asTableButton.setOnAction(e -> fire());
        getChildren().addAll(new Label("Overlay:"), typeBox, new Label("@"), baseField, atCaret, asTableButton, errorLabel);
    }

    public void setOnChoice(Consumer<Choice> handler) {
        this.onChoice = handler;
    }

    /** The record types of {@code library} laid out for {@code abi}; data read in {@code order}. */
    public void setLibrary(TypeLibrary library, Abi abi, ByteOrder order) {
        layouts.clear();
        for (TypeLibrary.NamedRecord r : library.namedRecords()) {
            try {
                RecordLayout l = LayoutEngine.layout(r.name(), library, abi);
                layouts.put(r.name(), l);
                // typedef names (BITMAPFILEHEADER for an anonymous struct) are offered as well
                for (String alias : r.aliases()) {
                    layouts.putIfAbsent(alias, l);
                }
            } catch (InputException e) {
                // A record that cannot be laid out (an incomplete type) is simply not offered.
            }
        }
        this.abi = abi;
        this.order = order;
        String keep = typeBox.getValue();
        typeBox.getItems().setAll(layouts.keySet());
        if (keep != null && layouts.containsKey(keep)) {
            typeBox.setValue(keep);
        } else {
            typeBox.setValue(null);
        }
        fire();
    }

    /** The record types offered, in the library's order. */
    public java.util.List<String> types() {
        return java.util.List.copyOf(typeBox.getItems());
    }

    /** Chooses {@code name} at {@code baseText} programmatically (the shell's "show at" action, tests). */
    public void choose(String name, String baseText, boolean table) {
        typeBox.setValue(name);
        baseField.setText(baseText);
        asTableButton.setSelected(table);
        fire();
    }

    /** Recomputes the choice and tells the pane; errors are shown in place. */
    public void fire() {
        errorLabel.setText("");
        baseField.setStyle("");
        String name = typeBox.getValue();
        RecordLayout layout = name == null ? null : layouts.get(name);
        if (layout == null) {
            onChoice.accept(null);
            return;
        }
        long at;
        try {
            at = OffsetExpr.eval(baseField.getText(), hex.caret());
        } catch (OffsetExpr.Error e) {
            errorLabel.setText(e.getMessage());
            baseField.setStyle("-fx-border-color: #d1242f;");
            return;
        }
        if (at < 0 || (hex.source.get() != null && at >= hex.size())) {
            errorLabel.setText("base offset outside the file");
            baseField.setStyle("-fx-border-color: #d1242f;");
            return;
        }
        RecordReader reader;
        try {
            reader = RecordReader.of(layout, abi, order, Limits.DEFAULT);
        } catch (InputException e) {
            errorLabel.setText(e.getMessage());
            return;
        }
        onChoice.accept(new Choice(name, layout, reader, at, asTableButton.isSelected()));
    }
}
