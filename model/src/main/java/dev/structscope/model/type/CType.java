package dev.structscope.model.type;

/**
 * A C type as written in a declaration: definitions only, no offsets (those come from
 * {@link dev.structscope.model.layout.LayoutEngine}). Values are immutable and compare by value;
 * edits make new values. References to tagged types and typedefs go through {@link NamedType} and
 * are resolved against a {@link TypeLibrary}, which is how self-referencing structs (through
 * pointers) and shared definitions stay acyclic as values.
 *
 * <p>Dispatch with a {@code switch} over this sealed hierarchy so that a new kind of type is a
 * compile error wherever it is not yet handled.
 */
public sealed interface CType permits PrimitiveType, PointerType, ArrayType, RecordType, EnumType, NamedType {

    /** How the type is spelled in C, e.g. {@code "struct Hdr"}, {@code "int16_t[2][3]"}, {@code "char *"}. */
    String spelling();
}
