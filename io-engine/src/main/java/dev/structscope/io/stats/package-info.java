/**
 * Bulk reductions over every record of a source: count, min, max and mean of every scalar leaf
 * ({@code structscope stats}, the record table's column summary).
 *
 * <p>{@link dev.structscope.io.stats.RecordStats} splits fixed records into ranges on the common
 * fork-join pool and walks each range in blocks of about 256 KiB with loops generated per record
 * shape ({@link dev.structscope.io.stats.LoopGenerator}, {@code RecordLoops});
 * {@code LeafRead} says how each leaf is read: a direct load, or the
 * plan's generic read for bit-fields, {@code long double} and half floats. The first 1,000 blocks
 * of a run are 16 records each, so the generated loop is compiled after a few thousand records
 * instead of running tens of megabytes interpreted. Partial results ({@code Partial}: 128-bit integer sums, NaNs counted apart) merge exactly, so
 * the split never changes the result. {@link dev.structscope.io.stats.DynamicStats} walks dynamic
 * records one by one; {@link dev.structscope.io.stats.SlotStats} is the same machinery with
 * numbered slots, used by {@code io.series}. Progress and cancel: {@link
 * dev.structscope.io.stats.StatsProgress}, once per block.
 *
 * <p>The Vector API is not used: its module is an incubator one (a warning on every start and
 * {@code --add-modules} in the launcher), and strided loads over an array of structs do not map
 * onto its lanes without gathers. Stateless; any thread.
 */
package dev.structscope.io.stats;
