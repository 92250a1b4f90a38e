package dev.structscope.app.shell;

import dev.structscope.model.InputException;
import dev.structscope.model.type.TypeLibrary;

/**
 * Writing layout documents ({@code .json}): delegates to the model's document writer once it
 * exists on main; until then it says so, and the GUI offers saving as a C header instead.
 */
final class JsonDocs {
    private JsonDocs() {
    }

    static String write(TypeLibrary library) {
        throw new InputException("", "saving layout documents (.json) is not available yet; save as a C header (.h)");
    }
}
