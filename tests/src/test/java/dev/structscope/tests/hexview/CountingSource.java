package dev.structscope.tests.hexview;

import dev.structscope.io.source.DataSource;

import java.lang.foreign.MemorySegment;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A source that counts what is asked of it: slice calls and the bytes they cover. The huge-file
 * tests prove with it that painting reads the visible rows and nothing more.
 */
final class CountingSource extends DataSource.Forwarding {
    final AtomicLong slices = new AtomicLong();
    final AtomicLong bytes = new AtomicLong();

    CountingSource(DataSource inner) {
        super(inner);
    }

    @Override
    public MemorySegment slice(long offset, long length) {
        slices.incrementAndGet();
        bytes.addAndGet(length);
        return inner.slice(offset, length);
    }
}
