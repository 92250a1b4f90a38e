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
 * (what was found, why it failed; {@link #error} says whether the line is an error).
 * The view model owns it and changes it through the named methods; views bind to the read-only
 * properties. FX thread.
 */
public final class WorkStatus {
    private final ReadOnlyBooleanWrapper runningWrapper = new ReadOnlyBooleanWrapper(this, "running");
    public final ReadOnlyBooleanProperty running = runningWrapper.getReadOnlyProperty();
    private final ReadOnlyDoubleWrapper progressWrapper = new ReadOnlyDoubleWrapper(this, "progress", -1);
    /** How far the running work got, 0..1, or -1 when not known. */
    public final ReadOnlyDoubleProperty progress = progressWrapper.getReadOnlyProperty();
    private final ReadOnlyStringWrapper messageWrapper = new ReadOnlyStringWrapper(this, "message", "");
    public final ReadOnlyStringProperty message = messageWrapper.getReadOnlyProperty();
    private final ReadOnlyBooleanWrapper errorWrapper = new ReadOnlyBooleanWrapper(this, "error");
    /** Whether {@link #message} is an error (for a red mark in place). */
    public final ReadOnlyBooleanProperty error = errorWrapper.getReadOnlyProperty();

    /** Work started, {@code fraction} done so far (-1: unknown), saying {@code text}. */
    public void start(double fraction, String text) {
        runningWrapper.set(true);
        progressWrapper.set(fraction);
        say(text, false);
    }

    /** The running work reports how far it got. */
    public void progressed(double fraction) {
        progressWrapper.set(fraction);
    }

    /** The work ended (done, failed or cancelled); the line stays until it is said anew. */
    public void stop() {
        runningWrapper.set(false);
    }

    /** Says {@code text}; {@code isError} when it says why something failed or was refused. */
    public void say(String text, boolean isError) {
        messageWrapper.set(text);
        errorWrapper.set(isError);
    }

}
