package dev.structscope.model.type;

import java.util.Objects;

/**
 * A reference by name to a tagged struct, union or enum, or to a typedef, resolved against a
 * {@link TypeLibrary}. Keeping references by name is what lets a struct point to itself and lets
 * an edit to one definition reach every use.
 *
 * @param kind what namespace the name lives in
 * @param name the tag or typedef name
 */
public record NamedType(Kind kind, String name) implements CType {
    /** The C namespaces a name can live in: tags (struct/union/enum share one) and ordinary identifiers. */
    public enum Kind { STRUCT, UNION, ENUM, TYPEDEF }

    public NamedType {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
    }

    public static NamedType struct(String tag) {
        return new NamedType(Kind.STRUCT, tag);
    }

    public static NamedType union(String tag) {
        return new NamedType(Kind.UNION, tag);
    }

    public static NamedType enumeration(String tag) {
        return new NamedType(Kind.ENUM, tag);
    }

    public static NamedType typedef(String name) {
        return new NamedType(Kind.TYPEDEF, name);
    }

    @Override
    public String spelling() {
        return switch (kind) {
            case STRUCT -> "struct " + name;
            case UNION -> "union " + name;
            case ENUM -> "enum " + name;
            case TYPEDEF -> name;
        };
    }
}
