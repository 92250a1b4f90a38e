package dev.structscope.model.doc;

import dev.structscope.model.InputException;
import dev.structscope.model.type.TypeLibrary;

import java.nio.file.Path;

/**
 * Reads and writes layout documents. (Being implemented: see issue 2.)
 */
public final class LayoutDocuments {
    private LayoutDocuments() {
    }

    public static TypeLibrary readLibrary(Path file) {
        throw new InputException(file.toString(), "layout documents are not implemented yet");
    }
}
