package dev.structscope.model.type;

import java.util.Objects;

/**
 * A scalar type with the name it was written with: {@code uint32_t} and {@code unsigned int} are
 * different spellings of (possibly) the same scalar, and StructScope keeps what the user wrote.
 *
 * @param prim     the scalar kind that decides size, alignment and how bytes decode
 * @param spelling the name as written, e.g. {@code "uint8_t"}, {@code "unsigned"}, {@code "BYTE"}
 *                 is <em>not</em> a spelling (that is a typedef, see {@link NamedType})
 */
public record PrimitiveType(Prim prim, String spelling) implements CType {
    public PrimitiveType {
        Objects.requireNonNull(prim, "prim");
        if (spelling == null || spelling.isBlank()) {
            spelling = prim.cName();
        }
    }

    public static PrimitiveType of(Prim prim) {
        return new PrimitiveType(prim, prim.cName());
    }
}
