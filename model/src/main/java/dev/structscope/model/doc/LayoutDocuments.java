package dev.structscope.model.doc;

import dev.structscope.model.InputException;
import dev.structscope.model.type.TypeLibrary;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

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
 * <p>Stateless; every method is safe to call from any thread (not on the FX thread for files).
 */
public final class LayoutDocuments {
    /** The largest document accepted, in bytes (and characters for {@link #parse}). */
    public static final int MAX_BYTES = 64 << 20;

    private LayoutDocuments() {
    }

    /** Reads a document from a file. */
    public static LayoutDocument read(Path file) {
        return read(file, MAX_BYTES);
    }

    /**
     * Reads a document from a file of at most {@code maxBytes} bytes (the CLI's {@code --max-header},
     * which bounds documents as it bounds headers); the default is {@link #MAX_BYTES}.
     */
    public static LayoutDocument read(Path file, long maxBytes) {
        String source = file.toString();
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > Math.min(maxBytes, MAX_BYTES)) {
                throw new InputException(source, "document is " + size + " bytes, more than the limit of "
                        + Math.min(maxBytes, MAX_BYTES) + (maxBytes < MAX_BYTES ? " (--max-header)" : ""));
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InputException(source, "no such file", e);
        } catch (AccessDeniedException e) {
            throw new InputException(source, "permission denied", e);
        } catch (IOException e) {
            throw new InputException(source, "cannot read: " + e.getMessage(), e);
        }
        if (bytes.length > MAX_BYTES) {
            throw new InputException(source, "document is more than the limit of " + MAX_BYTES + " bytes");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InputException(source, "not UTF-8 text: a layout document is JSON in UTF-8", e);
        }
        return parse(text, source);
    }

    /** Reads just the types of a document: what commands that take a LAYOUT need. */
    public static TypeLibrary readLibrary(Path file) {
        return read(file).library();
    }

    /** As {@link #readLibrary(Path)}, for a file of at most {@code maxBytes} bytes. */
    public static TypeLibrary readLibrary(Path file, long maxBytes) {
        return read(file, maxBytes).library();
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
