/**
 * The layout engine: a pure function from a struct or union definition and an ABI to offsets, bit
 * ranges, sizes, alignments and padding ({@link dev.structscope.model.layout.LayoutEngine}), and the
 * reordering that minimises padding.
 *
 * <p>Two rule families: {@code SysvRules} (GCC and clang on System V and AAPCS, after clang's
 * Itanium record layout builder) and {@code MsvcRules} (x86_64-windows, after clang's Microsoft
 * record layout builder for C). Rules that comparisons with clang and gcc forced, and that are easy
 * to get wrong: a packed bit-field is aligned to one bit, so it can start mid-byte and cross a unit
 * (System V and AAPCS); on AAPCS unnamed bit-fields raise the record's alignment to their type,
 * zero-width or not; under Microsoft rules {@code aligned} on members, typedefs and nested records
 * is a "required" alignment that pack does not lower and that carries up through the records
 * holding it, a typedef's {@code aligned} cannot lower an alignment, {@code #pragma pack(N)} above
 * the pointer size is ignored, bit-fields in a union do not raise its alignment, a zero-width
 * bit-field counts only after a non-zero-width one, an empty record has size 4, and enums are
 * {@code int} even when packed or wider. Depth is bounded (nested records, arrays, typedefs), so
 * hostile definitions end in an {@code InputException}, not a {@code StackOverflowError}.
 *
 * <p>Stateless and pure; any thread.
 */
package dev.structscope.model.layout;
