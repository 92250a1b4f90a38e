package dev.structscope.io.stats;

/**
 * What a statistics run reports and obeys: bytes of records done of the total, and whether to
 * stop. Called from the run's worker threads (the fixed path runs ranges in parallel), so an
 * implementation must be thread-safe; it is polled once per block of records (about 256 KiB;
 * 16 records for the first blocks of a run), so a cancel takes effect within one block per worker.
 */
public interface StatsProgress {
    /** Reports nothing and never cancels: the CLI's runs. */
    StatsProgress NONE = new StatsProgress() {
        @Override
        public void update(long done, long total) {
        }

        @Override
        public boolean cancelled() {
            return false;
        }
    };

    /** {@code done} bytes of records of {@code total} have been folded in. */
    void update(long done, long total);

    /** True when the run should stop; it then throws {@link java.util.concurrent.CancellationException}. */
    boolean cancelled();
}
