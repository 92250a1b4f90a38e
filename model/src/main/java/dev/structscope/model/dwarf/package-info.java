/**
 * Layouts read from the DWARF debug information of an ELF file, as the compiler laid them out.
 * Pure: the bytes come in as a {@code MemorySegment} (the app maps the file through the engine).
 *
 * <p>{@code ElfImage} finds and decompresses the sections and applies the relocations of
 * relocatable objects; {@code UnitReader}, {@code Abbrevs}, {@code Forms} and {@code Strings} read
 * one compilation unit at a time (memory follows the largest unit, not the file); {@code
 * TypeBuilder} and {@code BaseTypes} turn entries into the model's types, spelled as in a header.
 * DWARF gives offsets and sizes but not pack, packed or the unnamed bit-fields that moved members,
 * so {@code RecordFitter} looks for a definition the layout engine lays out to the compiler's
 * numbers: the record as declared (with {@code DW_AT_alignment}), then {@code packed} and each
 * pack value, each repaired member by member with the change that agrees furthest (a packed
 * member, an aligned one, a zero-width or unnamed bit-field before it, trailing unnamed
 * bit-fields, a minimum alignment on the record); a record it cannot reproduce is kept with a
 * warning. {@link dev.structscope.model.dwarf.DwarfImporter} is the entry point. Any thread.
 */
package dev.structscope.model.dwarf;
