package dev.structscope.app.live;

import dev.structscope.io.net.Message;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * One received message, copied out of the capture's receive buffer (whose views live only during
 * the sink callback) so that the monitor can show it later. Created on the capture thread, read
 * on the FX thread; never modified after construction, so it may be shared freely.
 *
 * @param seq        the session's sequence number, from 0, across reconnects
 * @param epochNanos arrival time, nanoseconds since the Unix epoch
 * @param peer       the sender, {@code host:port}
 * @param bytes      the message body (framing excluded); do not modify
 */
public record LiveMessage(long seq, long epochNanos, String peer, byte[] bytes) {
    /** Bytes of heap a message costs besides its body: this record, the array header, the store's slot. */
    static final long OVERHEAD = 64;

    /** Copies {@code m}'s bytes out of the receive buffer, numbering it {@code seq}. */
    static LiveMessage copyOf(Message m, long seq) {
        return new LiveMessage(seq, m.epochNanos(), m.peer(), m.bytes().toArray(ValueLayout.JAVA_BYTE));
    }

    /** A read-only view of the body. */
    public MemorySegment segment() {
        return MemorySegment.ofArray(bytes).asReadOnly();
    }

    /** What this message costs the store. */
    long cost() {
        return bytes.length + OVERHEAD;
    }
}
