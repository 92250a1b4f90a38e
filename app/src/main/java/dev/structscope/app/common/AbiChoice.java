package dev.structscope.app.common;

import dev.structscope.model.abi.Abi;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Tooltip;

import java.util.List;

/**
 * A choice of ABI as the views show it: each ABI by its name (the name the CLI's {@code --abi}
 * takes). The caller owns the control; FX thread.
 */
public final class AbiChoice {
    private AbiChoice() {
    }

    /** A choice box over {@code abis} with id {@code id} (for tests) and a tooltip saying what the ABI is for. */
    public static ChoiceBox<Abi> of(String id, List<Abi> abis, String tip) {
        ChoiceBox<Abi> abi = new ChoiceBox<>();
        abi.setId(id);
        abi.getItems().setAll(abis);
        abi.setConverter(Converters.of(a -> a == null ? "" : a.name(), Abi::byName));
        abi.setTooltip(new Tooltip(tip));
        return abi;
    }
}
