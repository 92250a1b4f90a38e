/**
 * One scalar member over every record, decimated into buckets: {@code structscope series} and the
 * window's plots.
 *
 * <p>{@link dev.structscope.io.series.Series#decimate} returns a {@link
 * dev.structscope.io.series.SeriesResult} of {@link dev.structscope.io.series.Bucket}s; {@link
 * dev.structscope.io.series.MemberPath} parses and resolves the member (against the fixed plan
 * once, to one leaf at one offset; against each decoded record for dynamic layouts). There is no
 * arithmetic here of its own: {@code io.stats.SlotStats} folds the values into partial results
 * whose indexes are buckets, finished as {@code stats} finishes them. Fixed records are split into
 * ranges on the common fork-join pool and walked in blocks that never cross a bucket; ranges merge
 * exactly. Heap: about 100 bytes per bucket whatever the file size. Stateless; any thread.
 */
package dev.structscope.io.series;
