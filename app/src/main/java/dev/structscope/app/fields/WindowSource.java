package dev.structscope.app.fields;

import dev.structscope.io.source.DataSource;

import java.lang.foreign.MemorySegment;

/**
 * A byte range of another source seen as a source of its own (offset 0 = {@code from} of the
 * parent), so that the engine's whole-source paths can run over one chunk at a time. Does not
 * own the parent: closing it does nothing. Thread-safe as the parent is.
 */
final class WindowSource implements DataSource {
    private final DataSource parent;
    private final long from;
    private final long length;

    WindowSource(DataSource parent, long from, long length) {
        this.parent = parent;
        this.from = from;
        this.length = length;
    }

    @Override
    public String name() {
        return parent.name();
    }

    @Override
    public long size() {
        return length;
    }

    @Override
    public MemorySegment slice(long offset, long len) {
        if (offset < 0 || len < 0 || offset > length || len > length - offset) {
            throw new dev.structscope.model.InputException(parent.name(), "range " + offset + "+" + len
                    + " outside the window of " + length + " bytes");
        }
        return parent.slice(from + offset, len);
    }

    @Override
    public void checkUnchanged() {
        parent.checkUnchanged();
    }

    @Override
    public void close() {
        // The parent belongs to its opener.
    }
}
