package dev.structscope.model.doc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.structscope.model.type.TypeLibrary;

import java.nio.ByteOrder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A layout document as a value: the declarations a person designed (a {@link TypeLibrary}) plus
 * the metadata saved with them. Read and written by {@link LayoutDocuments}; the JSON format is
 * described in {@code docs/user/layout-document.schema.json}.
 *
 * <p>Immutable and compares by value, so "document → JSON → document" can be checked with
 * {@code equals}. Safe to share between threads: the extension values are Jackson trees, which
 * can be changed in place, so the document keeps its own copies and hands out copies.
 *
 * @param name       a title for people, or {@code null}
 * @param comment    free text about the document, or {@code null}
 * @param abi        the ABI name the layouts were designed for (e.g. {@code "x86_64-linux"}), or
 *                   {@code null} when the document does not say
 * @param byteOrder  how data read through the layouts is ordered (written {@code "little"} or
 *                   {@code "big"}, see {@link dev.structscope.model.abi.Endian}), or {@code null}
 *                   for the ABI's own order
 * @param library    the declarations and {@code #define}-style constants
 * @param extensions top-level properties this version does not know (written by a newer
 *                   StructScope or by another tool), kept verbatim and written back in order
 */
public record LayoutDocument(String name, String comment, String abi, ByteOrder byteOrder, TypeLibrary library,
                             Map<String, JsonNode> extensions) {
    public LayoutDocument {
        Objects.requireNonNull(library, "library");
        extensions = frozen(extensions == null ? Map.of() : extensions);
        for (String key : extensions.keySet()) {
            if (DocumentWriter.TOP_LEVEL_KEYS.contains(key)) {
                throw new IllegalArgumentException("extension property \"" + key + "\" is a property of the format");
            }
        }
    }

    /** The properties this version does not know, in order; the trees are copies the caller may change. */
    @Override
    public Map<String, JsonNode> extensions() {
        return frozen(extensions);
    }

    private static Map<String, JsonNode> frozen(Map<String, JsonNode> from) {
        Map<String, JsonNode> copy = new LinkedHashMap<>();
        from.forEach((k, v) -> copy.put(k, v == null ? null : v.deepCopy()));
        return Collections.unmodifiableMap(copy);
    }

    /** A document holding just {@code library}, with no metadata: what {@code export --to json} writes. */
    public static LayoutDocument of(TypeLibrary library) {
        return new LayoutDocument(null, null, null, null, library, Map.of());
    }

    public LayoutDocument withLibrary(TypeLibrary newLibrary) {
        return new LayoutDocument(name, comment, abi, byteOrder, newLibrary, extensions);
    }

    public LayoutDocument withName(String newName) {
        return new LayoutDocument(newName, comment, abi, byteOrder, library, extensions);
    }

    public LayoutDocument withComment(String newComment) {
        return new LayoutDocument(name, newComment, abi, byteOrder, library, extensions);
    }

    public LayoutDocument withAbi(String newAbi) {
        return new LayoutDocument(name, comment, newAbi, byteOrder, library, extensions);
    }

    public LayoutDocument withByteOrder(ByteOrder newByteOrder) {
        return new LayoutDocument(name, comment, abi, newByteOrder, library, extensions);
    }
}
