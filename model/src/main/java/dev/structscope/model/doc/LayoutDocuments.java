package dev.structscope.model.doc;

import dev.structscope.model.InputException;
import dev.structscope.model.type.TypeLibrary;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads layout documents and turns them into text: the JSON files in which a person saves the types they
 * designed (format: {@code docs/user/layout-document.schema.json}, explained in
 * {@code docs/user/layout-document.md}).
 *
 * <p>Reading never trusts the input: malformed JSON, wrong value types, unknown or duplicate
 * names, invalid attributes and unknown versions are {@link InputException}s whose
 * {@link InputException#where() where} is {@code file:line:col}; documents over
 * {@link #MAX_BYTES} or nested deeper than 256 levels are refused before they can use much
 * memory or stack. Saving is the caller's: {@link #toJson} gives the text, which the app writes
 * with the engine's one atomic writer ({@code dev.structscope.io.file.AtomicFile}).
 *
 * <p>Stateless; every method is safe to call from any thread .
 */
public final class LayoutDocuments {
    /** The largest document accepted, in bytes (and characters for {@link #parse}). */
    public static final int MAX_BYTES = 64 << 20;

    private LayoutDocuments() {
    }

    /**
     * Parses a document held in the bytes of a file: JSON in UTF-8 (a byte order mark is allowed).
     * Reading the file is the caller's ({@code dev.structscope.io.file.DocumentFiles} for local files).
     *
     * @param sourceName names the document in error locations, e.g. the file name
     */
    public static LayoutDocument parse(byte[] bytes, String sourceName) {
        if (bytes.length > MAX_BYTES) {
            throw new InputException(sourceName, "document is more than the limit of " + MAX_BYTES + " bytes");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InputException(sourceName, "not UTF-8 text: a layout document is JSON in UTF-8", e);
        }
        return parse(text, sourceName);
    }

    /**
     * Parses a document held in a string.
     *
     * @param sourceName names the document in error locations, e.g. the file name
     */
    public static LayoutDocument parse(String json, String sourceName) {
        if (json.length() > MAX_BYTES) {
            throw new InputException(sourceName, "document is more than the limit of " + MAX_BYTES + " characters");
        }
        if (json.startsWith("\uFEFF")) {
            json = json.substring(1);
        }
        JsonTree tree = JsonTree.parse(json, sourceName);
        DocumentReader reader = new DocumentReader();
        LayoutDocument doc;
        try {
            doc = reader.read(tree);
        } catch (IllegalArgumentException e) {
            // A model constructor refused a value the reader should have caught; still bad input.
            throw new InputException(sourceName, e.getMessage(), e);
        }
        new DocumentChecker(doc.library(), reader.locations, tree.where()).check();
        return doc;
    }

    /** The JSON text of a document, laid out for people, ending with a newline. */
    public static String toJson(LayoutDocument doc) {
        return JsonPrinter.print(DocumentWriter.toTree(doc));
    }

    /** The JSON text of a document holding just these types (e.g. imported from a C header). */
    public static String toJson(TypeLibrary library) {
        return toJson(LayoutDocument.of(library));
    }
}
