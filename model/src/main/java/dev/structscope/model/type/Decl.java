package dev.structscope.model.type;

/**
 * A top-level declaration of a {@link TypeLibrary}: a tagged record, a tagged enum, or a typedef.
 * (Untagged records and enums are inline {@link CType}s of a typedef or member.)
 */
public sealed interface Decl permits RecordType, EnumType, Typedef {
    /** The tag or typedef name; never null for a declaration held by a library. */
    String name();

    String comment();
}
