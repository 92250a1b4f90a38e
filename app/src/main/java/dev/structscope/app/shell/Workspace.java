package dev.structscope.app.shell;

/**
 * Which of the window's two halves are shown: the designer (with the library and the live pane)
 * and the data (hex explorer). Held by {@link ShellViewModel}; the main window arranges its
 * panes to follow it.
 */
public enum Workspace {
    /** Library, designer and data side by side (the default). */
    BOTH,
    /** The library and the designer take the whole width. */
    DESIGNER,
    /** The data takes the whole width: the hex view, and the decoded tree beside it. */
    DATA;

    /** The arrangement after the designer half is switched to {@code on}; never neither half. */
    public Workspace withDesigner(boolean on) {
        return on ? (this == DATA ? BOTH : this) : DATA;
    }

    /** The arrangement after the data half is switched to {@code on}; never neither half. */
    public Workspace withData(boolean on) {
        return on ? (this == DESIGNER ? BOTH : this) : DESIGNER;
    }

    public boolean showsDesigner() {
        return this != DATA;
    }

    public boolean showsData() {
        return this != DESIGNER;
    }
}
