/**
 * Reading records in place.
 *
 * <p>{@link dev.structscope.io.decode.DecoderPlan#compile} turns a resolved layout, an ABI and a
 * byte order into a tree of immutable nodes ({@link dev.structscope.io.decode.ScalarNode}, {@link
 * dev.structscope.io.decode.StringNode}, {@link dev.structscope.io.decode.ArrayNode}, {@link
 * dev.structscope.io.decode.RecordNode}) that read at fixed offsets through the unaligned value
 * layouts declared once in {@link dev.structscope.io.decode.Layouts}. Decoding gives lazy {@link
 * dev.structscope.io.decode.RecordValue}s and {@link dev.structscope.io.decode.ArrayValue}s (a
 * million-element array is a view); {@code long double} is kept exactly as an {@link
 * dev.structscope.io.decode.ExtendedFloat}. Big-endian bit-fields are allocated from the most
 * significant bit. {@link dev.structscope.io.decode.DynamicDecoder} reads records whose counts,
 * placements, switches and sizes the data decides; {@link dev.structscope.io.decode.RecordReader}
 * chooses between the two. {@link dev.structscope.io.decode.JsonText} and {@link
 * dev.structscope.io.decode.RecordFormat} write the output formats. Immutable; any thread.
 */
package dev.structscope.io.decode;
