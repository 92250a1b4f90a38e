package dev.structscope.model.layout;

import dev.structscope.model.type.CType;
import dev.structscope.model.type.EnumType;

/**
 * An enum resolved for an ABI: its definition (for names) and the integer it is stored as.
 *
 * @param signed whether the stored integer is signed
 */
public record EnumLayout(CType type, EnumType definition, boolean signed, long size, long align) implements TypeLayout {
}
