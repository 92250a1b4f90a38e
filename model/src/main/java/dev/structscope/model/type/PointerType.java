package dev.structscope.model.type;

import java.util.Objects;

/**
 * A data or function pointer; its size and alignment come from the ABI, whatever it points to.
 * The target may be incomplete (a forward-declared struct) or the record that contains it.
 *
 * @param target what it points to; {@code void} for {@code void *} and for function pointers
 */
public record PointerType(CType target) implements CType {
    public PointerType {
        Objects.requireNonNull(target, "target");
    }

    @Override
    public String spelling() {
        String inner = target.spelling();
        return inner.endsWith("*") ? inner + "*" : inner + " *";
    }
}
