package dev.structscope.app.common;

import dev.structscope.model.abi.Abi;
import dev.structscope.model.type.TypeLibrary;

import java.nio.ByteOrder;
import java.util.Objects;

/**
 * One immutable state of an open layout document: what undo and redo step between. Every edit in
 * any view makes a new value; nothing here is ever mutated. Any thread.
 *
 * @param library   the document's declarations
 * @param selected  the name of the struct or union shown in the designer ({@code null} when none)
 * @param abi       the ABI layouts are computed for
 * @param byteOrder the byte order data is read with (the ABI's by default, overridable)
 */
public record DocumentState(TypeLibrary library, String selected, Abi abi, ByteOrder byteOrder) {
    public DocumentState {
        Objects.requireNonNull(library, "library");
        Objects.requireNonNull(abi, "abi");
        Objects.requireNonNull(byteOrder, "byteOrder");
    }

    public DocumentState withLibrary(TypeLibrary l) {
        return new DocumentState(l, selected, abi, byteOrder);
    }

    public DocumentState withSelected(String s) {
        return new DocumentState(library, s, abi, byteOrder);
    }

    public DocumentState withAbi(Abi a) {
        return new DocumentState(library, selected, a, byteOrder);
    }

    public DocumentState withByteOrder(ByteOrder o) {
        return new DocumentState(library, selected, abi, o);
    }
}
