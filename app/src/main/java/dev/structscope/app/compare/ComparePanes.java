package dev.structscope.app.compare;

import dev.structscope.model.abi.Abi;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.scene.Node;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

import java.util.List;

/**
 * The compare feature as the main window sees it: the compare view and the Portability view (to
 * be stacked in the designer's place; the Portability view over the compare view when opened from
 * it), whether either is showing, and the Layout menu's items. FX thread; one per window.
 */
public final class ComparePanes {
    private final CompareViewModel compare;
    private final PortabilityViewModel portability;
    public final CompareView compareView;
    public final PortabilityView portabilityView;
    private final List<Abi> abis;
    /** Whether either view is showing (the designer and the enum editor step aside). */
    public final BooleanBinding showing;

    public ComparePanes(CompareViewModel compare, PortabilityViewModel portability, List<Abi> abis) {
        this.compare = compare;
        this.portability = portability;
        this.abis = List.copyOf(abis);
        this.compareView = new CompareView(compare, abis, portability::open);
        this.portabilityView = new PortabilityView(portability);
        portabilityView.visibleProperty().bind(portability.showing);
        compareView.visibleProperty().bind(compare.showing.and(portability.showing.not()));
        showing = compare.showing.or(portability.showing);
        // Back from Portability to the compare view, if that is where it was opened.
        portability.showing.addListener((o, a, b) -> {
            if (!b && compare.showing.get()) {
                compareView.table.requestFocus();
            }
        });
    }

    /** The two views, bottom first, for a StackPane in the designer's place. */
    public List<Node> views() {
        return List.of(compareView, portabilityView);
    }

    /** Binds both views' theme and offset format to the window's. */
    public void bind(BooleanProperty dark, BooleanProperty hexOffsets) {
        compareView.dark.bind(dark);
        compareView.hex.bind(hexOffsets);
        portabilityView.hex.bind(hexOffsets);
    }

    /**
     * The Layout menu's items: "Compare with" (another file, Ctrl+Shift+K, or this layout on each
     * ABI) and "Portability" (Ctrl+Shift+J).
     */
    public List<MenuItem> menuItems() {
        MenuItem file = new MenuItem("Another File…");
        file.setId("compare-with-file");
        file.setAccelerator(new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        file.setOnAction(e -> {
            portability.close();
            compareView.chooseFile();
        });
        Menu with = new Menu("Compare with");
        with.setId("compare-with");
        with.getItems().addAll(file, new SeparatorMenuItem());
        for (Abi a : abis) {
            MenuItem m = new MenuItem("This Layout on " + a.name());
            m.setMnemonicParsing(false); // "x86_64": the underscore is the name's, not a mnemonic
            m.setOnAction(e -> {
                portability.close();
                compare.compareOnAbi(a);
            });
            with.getItems().add(m);
        }
        MenuItem port = new MenuItem("Portability");
        port.setId("portability");
        port.setAccelerator(new KeyCodeCombination(KeyCode.J, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        port.setOnAction(e -> portability.open(null));
        return List.of(with, port);
    }
}
