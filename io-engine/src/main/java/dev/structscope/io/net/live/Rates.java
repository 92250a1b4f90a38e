package dev.structscope.io.net.live;

/**
 * Messages and bytes per second, from running totals sampled once per frame: the rate is taken
 * over windows of at least half a second so that it reads steadily. Pure; FX thread in the app.
 */
public final class Rates {
    static final long WINDOW_NANOS = 500_000_000L;

    private long t0 = Long.MIN_VALUE;
    private long messages0;
    private long bytes0;
    private double messageRate;
    private double byteRate;

    /** Takes a sample at {@code nanos} (monotonic) of the totals; returns true when the rates changed. */
    public boolean sample(long nanos, long messages, long bytes) {
        if (t0 == Long.MIN_VALUE) {
            t0 = nanos;
            messages0 = messages;
            bytes0 = bytes;
            return false;
        }
        long dt = nanos - t0;
        if (dt < WINDOW_NANOS) {
            return false;
        }
        messageRate = (messages - messages0) * 1e9 / dt;
        byteRate = (bytes - bytes0) * 1e9 / dt;
        t0 = nanos;
        messages0 = messages;
        bytes0 = bytes;
        return true;
    }

    public double messagesPerSecond() {
        return messageRate;
    }

    public double bytesPerSecond() {
        return byteRate;
    }

    public void reset() {
        t0 = Long.MIN_VALUE;
        messageRate = 0;
        byteRate = 0;
    }
}
