package dev.structscope.app.hexview;

import dev.structscope.io.source.DataSource;
import dev.structscope.io.source.Sources;

import java.nio.file.Path;

/**
 * A data file opened for editing as the hex pane opens it: mapped, with a {@link DataEdits} over
 * {@code hex} attached to it. Closing it ends the editing as the pane does — detached, then the
 * retired edited source closed — and then closes the file, also when a test failed on the way.
 * For the edited-file tests; test thread.
 *
 * @param source what the views read: the file through the edits
 */
record EditingFile(DataEdits edits, DataSource base, EditedSource source) implements AutoCloseable {

    static EditingFile open(HexViewModel hex, Path file) {
        DataEdits edits = new DataEdits(hex);
        DataSource base = Sources.open(file);
        try {
            return new EditingFile(edits, base, (EditedSource) edits.attach(base, file, DataEdits.Access.probe(file)));
        } catch (RuntimeException | Error e) {
            base.close();
            throw e;
        }
    }

    static EditingFile open(Path file) {
        return open(new HexViewModel(), file);
    }

    @Override
    public void close() {
        try {
            edits.detach();
            edits.closeRetired();
        } finally {
            base.close();
        }
    }
}
