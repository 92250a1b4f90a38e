package dev.structscope.model.dwarf;

/**
 * What reading one unit's attributes needs to know beyond the abbreviation: the unit's header
 * (for reference bases, offset and address sizes) and its string offsets base, which the root
 * entry sets. One unit, one thread.
 */
final class UnitContext {
    final UnitReader.Unit unit;
    final Strings strings;
    long strOffsetsBase;
    boolean rootRead;

    UnitContext(UnitReader.Unit unit, Strings strings) {
        this.unit = unit;
        this.strings = strings;
        // DWARF 5 without DW_AT_str_offsets_base: the first table, just past its 8- or 16-byte header.
        this.strOffsetsBase = unit.dwarf64() ? 16 : 8;
    }

    void rootDone() {
        rootRead = true;
    }
}
