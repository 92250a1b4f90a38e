/**
 * Read-only windows over bytes: a {@link dev.structscope.io.source.DataSource} has a size and hands
 * out {@code MemorySegment} views ({@code slice}), never a {@code byte[]} copy.
 *
 * <p>{@link dev.structscope.io.source.MappedFileSource} maps a whole file of any size into one
 * shared arena it owns and closes; {@link dev.structscope.io.source.InMemorySource} owns a copy.
 * Both keep the same contract (bounds, read-only views, views that refuse reads after close,
 * concurrent readers). A file truncated by another process while mapped raises SIGBUS on access,
 * which the JVM turns into an {@code InternalError}; {@link dev.structscope.io.source.Sources}
 * catches it and reports "file changed size on disk: was N, now M", and the JVM keeps running.
 * Sources are owned by whoever opened them; views are readable from any thread until then.
 */
package dev.structscope.io.source;
