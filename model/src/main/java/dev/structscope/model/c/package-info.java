/**
 * C header import: {@link dev.structscope.model.c.HeaderImporter} turns a header into a type
 * library (structs, unions, enums and typedefs in input order, and the integer values of
 * object-like {@code #define}s), with options for the system preprocessor, include directories,
 * warnings, the ABI and the limits.
 *
 * <p>A preprocessor of its own ({@code Preprocessor}, {@code Includes}, {@code MacroExpander}),
 * with built-in standard headers; {@code ExternalCpp} runs the system preprocessor for
 * {@code --cpp} (the only process StructScope starts). {@code GnuAttributes} is the one table of
 * GCC and clang attribute names: layout-neutral, implemented, or refused — a name in no list is
 * refused too, since it might change the layout. Bounded: 64 MiB per file, 8 M tokens,
 * 5 M macro-expansion steps, nesting depth 256, 64 nested includes, each an {@code
 * InputException} naming {@code file:line:col}. Reads the header and its includes from disk on
 * the calling thread; no shared state.
 */
package dev.structscope.model.c;
