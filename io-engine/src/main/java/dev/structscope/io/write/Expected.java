package dev.structscope.io.write;

import dev.structscope.model.InputException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

/**
 * What a file looked like when it was opened (size and modification time): a writer refuses to
 * overwrite a file that no longer matches, so that another program's change is never lost
 * silently. Immutable; any thread.
 */
public record Expected(long size, FileTime modified) {

    /** The file as it is now. */
    public static Expected of(Path file) {
        try {
            return new Expected(Files.size(file), Files.getLastModifiedTime(file));
        } catch (IOException e) {
            throw new InputException(file.toString(), "cannot read its size and time: " + e.getMessage(), e);
        }
    }

    /** Raises an {@link InputException} when {@code file} is no longer as expected. */
    public void check(Path file) {
        Expected now = of(file);
        if (now.size != size) {
            throw new InputException(file.toString(), "file changed on disk since it was opened (size was "
                    + size + " bytes, now " + now.size + "); not overwritten");
        }
        if (!now.modified.equals(modified)) {
            throw new InputException(file.toString(), "file changed on disk since it was opened (modified "
                    + now.modified + ", was " + modified + "); not overwritten");
        }
    }
}
