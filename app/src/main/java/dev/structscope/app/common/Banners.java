package dev.structscope.app.common;

import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Label;

/**
 * The banners views put above their content for a view model's message (an error, a summary):
 * the message's text, wrapped across the full width, shown and taking room only while the message
 * is not empty. The caller owns the label; FX thread.
 */
public final class Banners {
    private Banners() {
    }

    /** A red banner over {@code message} (style class {@code error-banner}), with id {@code id} for tests. */
    public static Label error(String id, ObservableStringValue message) {
        return banner(id, "error-banner", message);
    }

    /** A neutral banner over {@code message} (style class {@code info-banner}), with id {@code id} for tests. */
    public static Label info(String id, ObservableStringValue message) {
        return banner(id, "info-banner", message);
    }

    private static Label banner(String id, String styleClass, ObservableStringValue message) {
        Label banner = new Label();
        banner.setId(id);
        banner.getStyleClass().add(styleClass);
        banner.setWrapText(true);
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.textProperty().bind(message);
        banner.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(message));
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }
}
