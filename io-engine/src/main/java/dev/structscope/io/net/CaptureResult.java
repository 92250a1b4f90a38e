package dev.structscope.io.net;

/**
 * What a capture saw, for the summary line {@code messages=N bytes=N seconds=F rate=F dropped=N}.
 *
 * @param messages messages delivered to the consumer
 * @param bytes    message bytes delivered (framing headers excluded)
 * @param seconds  wall time from the first byte to the end
 * @param dropped  messages lost by StructScope itself (UDP ring overwrites); always 0 for TCP
 */
public record CaptureResult(long messages, long bytes, double seconds, long dropped) {
    public double rate() {
        return seconds <= 0 ? 0 : messages / seconds;
    }

    public String summary() {
        return String.format(java.util.Locale.ROOT, "messages=%d bytes=%d seconds=%.3f rate=%.1f dropped=%d",
                messages, bytes, seconds, rate(), dropped);
    }
}
