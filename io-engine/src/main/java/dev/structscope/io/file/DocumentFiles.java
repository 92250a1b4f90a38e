package dev.structscope.io.file;

import dev.structscope.model.InputException;
import dev.structscope.model.doc.LayoutDocument;
import dev.structscope.model.doc.LayoutDocuments;
import dev.structscope.model.type.TypeLibrary;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads layout documents from local files: the file half of the model's {@link LayoutDocuments},
 * which parses what it is handed. A file larger than the limit is refused before a byte of it is
 * read; a missing or unreadable file is an {@link InputException} naming it.
 *
 * <p>Stateless; call it from any thread but the FX thread (it reads files).
 */
public final class DocumentFiles {
    private DocumentFiles() {
    }

    /** Reads the document in {@code file}. */
    public static LayoutDocument read(Path file) {
        return read(file, LayoutDocuments.MAX_BYTES);
    }

    /**
     * Reads the document in {@code file} of at most {@code maxBytes} bytes (the CLI's
     * {@code --max-header}, which bounds documents as it bounds headers), never more than
     * {@link LayoutDocuments#MAX_BYTES}.
     */
    public static LayoutDocument read(Path file, long maxBytes) {
        String source = file.toString();
        long limit = Math.min(maxBytes, LayoutDocuments.MAX_BYTES);
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > limit) {
                throw new InputException(source, "document is " + size + " bytes, more than the limit of "
                        + limit + (maxBytes < LayoutDocuments.MAX_BYTES ? " (--max-header)" : ""));
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InputException(source, "no such file", e);
        } catch (AccessDeniedException e) {
            throw new InputException(source, "permission denied", e);
        } catch (IOException e) {
            throw new InputException(source, "cannot read: " + e.getMessage(), e);
        }
        return LayoutDocuments.parse(bytes, source);
    }

    /** Reads just the types of the document in {@code file}: what commands that take a LAYOUT need. */
    public static TypeLibrary readLibrary(Path file, long maxBytes) {
        return read(file, maxBytes).library();
    }
}
