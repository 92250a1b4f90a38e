package dev.structscope.io.source;

import java.lang.foreign.MemorySegment;

/**
 * Read-only bytes that records are decoded from: a mapped file, or a buffer in memory. The bytes
 * are reached as {@link MemorySegment} views, never copied into the heap.
 *
 * <p>Contract (checked by every implementation's test, see {@code DataSourceContractTest}):
 * <ul>
 *   <li>{@link #slice} of a range inside {@code [0, size())} returns a read-only view of exactly
 *       that range; a range that starts below 0, has a negative length or ends past
 *       {@link #size()} raises an {@link dev.structscope.model.InputException} naming the offset
 *       (offsets come from users: {@code --offset}, a record index).</li>
 *   <li>After {@link #close()}, every method except {@link #name()} and {@code close()} raises
 *       {@link IllegalStateException}; views taken before are no longer accessible (reading one
 *       raises {@link IllegalStateException} too). Closing twice is harmless.</li>
 *   <li>Any number of threads may read views concurrently; {@code close()} must not race with
 *       reads (the owner closes after its readers are done).</li>
 * </ul>
 * Owned by whoever opened it (a CLI command, a GUI document); that owner closes it.
 */
public interface DataSource extends AutoCloseable {

    /** A name for messages: the file path, or a label for buffers. */
    String name();

    /** The number of bytes, as it was when the source was opened. */
    long size();

    /** A read-only view of {@code length} bytes from {@code offset}. */
    MemorySegment slice(long offset, long length);

    /** The whole source as one read-only view. */
    default MemorySegment segment() {
        return slice(0, size());
    }

    /**
     * Checks that the bytes behind the source are still what was opened; a mapped file that
     * another process truncated or extended raises an {@link dev.structscope.model.InputException}
     * ("file changed size on disk: was N, now M"). In-memory sources never change.
     */
    void checkUnchanged();

    @Override
    void close();

    /**
     * A source that passes every call to another: the base of sources that watch or extend one
     * (a test's counting source, the window's edited file), which override what they change.
     * {@link #segment()} is left to {@link #slice}, so an override of {@code slice} sees it too.
     * Closing it closes the inner source. Threads as the inner source allows.
     */
    abstract class Forwarding implements DataSource {
        protected final DataSource inner;

        protected Forwarding(DataSource inner) {
            this.inner = java.util.Objects.requireNonNull(inner, "inner");
        }

        @Override
        public String name() {
            return inner.name();
        }

        @Override
        public long size() {
            return inner.size();
        }

        @Override
        public MemorySegment slice(long offset, long length) {
            return inner.slice(offset, length);
        }

        @Override
        public void checkUnchanged() {
            inner.checkUnchanged();
        }

        @Override
        public void close() {
            inner.close();
        }
    }
}
