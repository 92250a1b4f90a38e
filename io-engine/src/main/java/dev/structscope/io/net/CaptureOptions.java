package dev.structscope.io.net;

import dev.structscope.model.InputException;

/**
 * Limits and time-outs of one capture or send. Every wait has a bound and every allocation a cap,
 * so that a silent, slow or hostile peer ends in a clear message rather than a hang or an
 * OutOfMemoryError. Immutable.
 *
 * @param maxFrameBytes  largest message body accepted (a larger length claim is an error before
 *                       anything is allocated)
 * @param memoryCapBytes native memory a capture may hold for buffers (UDP ring, TCP buffer)
 * @param connectMillis  time to connect, or to wait for a peer to connect when listening
 * @param handshakeMillis time for the multiprocessing authkey handshake
 * @param frameMillis    time a peer may stall in the middle of a message
 * @param idleMillis     time without any message before the capture gives up (0 = wait forever)
 */
public record CaptureOptions(long maxFrameBytes, long memoryCapBytes, long connectMillis, long handshakeMillis,
                             long frameMillis, long idleMillis) {
    public static final long DEFAULT_MEMORY_CAP = 64L << 20;

    public CaptureOptions {
        if (maxFrameBytes <= 0 || memoryCapBytes <= 0) {
            throw new InputException("--max-frame", "limits must be positive");
        }
        if (maxFrameBytes + 16 > memoryCapBytes) {
            maxFrameBytes = memoryCapBytes - 16;
        }
        if (connectMillis < 0 || handshakeMillis < 0 || frameMillis < 0 || idleMillis < 0) {
            throw new InputException("--timeout", "time-outs must not be negative");
        }
    }

    public static CaptureOptions defaults() {
        return new CaptureOptions(16L << 20, DEFAULT_MEMORY_CAP, 10_000, 10_000, 30_000, 0);
    }

    public CaptureOptions withIdleMillis(long ms) {
        return new CaptureOptions(maxFrameBytes, memoryCapBytes, connectMillis, handshakeMillis, frameMillis, ms);
    }

    public CaptureOptions withMaxFrameBytes(long bytes) {
        return new CaptureOptions(bytes, Math.max(memoryCapBytes, bytes + 16), connectMillis, handshakeMillis,
                frameMillis, idleMillis);
    }

    public CaptureOptions withMemoryCapBytes(long bytes) {
        return new CaptureOptions(maxFrameBytes, bytes, connectMillis, handshakeMillis, frameMillis, idleMillis);
    }

    public CaptureOptions withTimeouts(long connect, long handshake, long frame) {
        return new CaptureOptions(maxFrameBytes, memoryCapBytes, connect, handshake, frame, idleMillis);
    }
}
