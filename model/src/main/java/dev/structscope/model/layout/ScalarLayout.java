package dev.structscope.model.layout;

import dev.structscope.model.type.CType;
import dev.structscope.model.type.Prim;

/**
 * An integer, character, boolean or floating type resolved for an ABI.
 *
 * @param signed whether integer values are signed (plain {@code char} depends on the ABI)
 */
public record ScalarLayout(CType type, Prim prim, boolean signed, long size, long align) implements TypeLayout {
}
