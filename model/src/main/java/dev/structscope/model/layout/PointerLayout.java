package dev.structscope.model.layout;

import dev.structscope.model.type.CType;

/** A pointer resolved for an ABI; decoded as an unsigned address. */
public record PointerLayout(CType type, long size, long align) implements TypeLayout {
}
