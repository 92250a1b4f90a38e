package dev.structscope.model.type;

import java.util.List;

/**
 * An enum definition. Its size is the ABI's choice for the values it holds (usually {@code int}),
 * unless it is {@code packed} (smallest integer that holds every value) or declares a fixed
 * underlying type (C23 {@code enum E : uint8_t}).
 *
 * @param tag         the tag, or {@code null} when untagged
 * @param enumerators constants in declaration order, values evaluated
 * @param packed      {@code __attribute__((packed))}: the smallest integer type that fits
 * @param underlying  a fixed underlying integer type, or {@code null}
 * @param comment     carried to exports, or {@code null}
 */
public record EnumType(String tag, List<Enumerator> enumerators, boolean packed, Prim underlying, String comment)
        implements CType, Decl {
    public EnumType {
        enumerators = List.copyOf(enumerators);
        if (tag != null && tag.isEmpty()) {
            tag = null;
        }
        if (underlying != null && !underlying.isInteger()) {
            throw new IllegalArgumentException("enum underlying type must be an integer: " + underlying);
        }
    }

    public static EnumType of(String tag, List<Enumerator> enumerators) {
        return new EnumType(tag, enumerators, false, null, null);
    }

    @Override
    public String spelling() {
        return "enum " + (tag == null ? "<anonymous>" : tag);
    }

    @Override
    public String name() {
        return tag;
    }

    /** The name of the enumerator with this value, or {@code null}. */
    public String nameOf(long value) {
        for (Enumerator e : enumerators) {
            if (e.value() == value) {
                return e.name();
            }
        }
        return null;
    }
}
