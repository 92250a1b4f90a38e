package dev.structscope.app.common;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * What a view shows of a view model's cancellable background work (a search, a plot's
 * decimation): whether it runs, how far it got (0..1, -1 while unknown) and one line about it
 * (what was found, why it failed; {@link #errorProperty()} says whether the line is an error).
 * The view model owns it and changes it through the named methods; views bind to the read-only
 * properties. FX thread.
 */
public final class WorkStatus {
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", -1);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper error = new ReadOnlyBooleanWrapper(this, "error");

    /** Work started, {@code fraction} done so far (-1: unknown), saying {@code text}. */
    public void start(double fraction, String text) {
        running.set(true);
        progress.set(fraction);
        say(text, false);
    }

    /** The running work reports how far it got. */
    public void progressed(double fraction) {
        progress.set(fraction);
    }

    /** The work ended (done, failed or cancelled); the line stays until it is said anew. */
    public void stop() {
        running.set(false);
    }

    /** Says {@code text}; {@code isError} when it says why something failed or was refused. */
    public void say(String text, boolean isError) {
        message.set(text);
        error.set(isError);
    }

    public boolean running() {
        return running.get();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** How far the running work got, 0..1, or -1 when not known. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Whether {@link #messageProperty()} is an error (for a red mark in place). */
    public ReadOnlyBooleanProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
