/**
 * Exporters: one per target (C, Java FFM, Python ctypes, Rust, Kaitai Struct, Wireshark Lua),
 * each a pattern-matching switch over the sealed type tree, so a new kind of type is a compile
 * error in every exporter that forgets it. What a target cannot express is a warning, written
 * into the output as a comment and handed to the caller; an export never silently changes a
 * layout. {@code KaitaiDynamic} writes the dynamic-layout features in Kaitai's expression
 * language. {@code WiresharkExporter} writes the fields and a table of nodes with the layout's
 * expressions as Lua functions; {@code WiresharkRuntime} is the small Lua interpreter, shipped in
 * the script, that walks the table as the engine's dynamic decoder does. Pure; any thread.
 */
package dev.structscope.model.export;
