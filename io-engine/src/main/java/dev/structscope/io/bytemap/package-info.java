/**
 * Byte classes and entropy per block of a source, and histograms of ranges: the byte map and the
 * byte histogram.
 *
 * <p>{@link dev.structscope.io.bytemap.ByteScan} reads the mapped segment in place, eight bytes at a
 * time, never copying into a {@code byte[]}. The range is cut into four pieces per core on the
 * common fork-join pool; each piece counts in 1 MiB chunks into four interleaved tables of
 * counters, so runs of equal bytes do not serialise the increments. A block inside one piece is
 * finished there; a block split between pieces has its partial histograms merged afterwards, so
 * the result does not depend on the split. Progress and cancel once per chunk; a few KiB of heap
 * per piece plus the result. Entropy is Shannon's over the block's 256-bin histogram, in bits per
 * byte. {@link dev.structscope.io.bytemap.ByteMap} holds the result (block size, entropy and four
 * class counts per block). Stateless; any thread.
 */
package dev.structscope.io.bytemap;
