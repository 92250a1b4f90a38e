package dev.structscope.io.net.live;

import dev.structscope.io.net.Message;

import java.lang.foreign.MemorySegment;

/**
 * One received message, copied once out of the capture's receive buffer (whose views live only
 * during the sink callback) into native memory ({@link NativeSlabs}) so that the monitor can show
 * it later; the body is read in place from there, never through a {@code byte[]}. Created on the capture thread, read
 * on the FX thread; never modified after construction, so it may be shared freely.
 *
 * @param seq        the session's sequence number, from 0, across reconnects
 * @param epochNanos arrival time, nanoseconds since the Unix epoch
 * @param peer       the sender, {@code host:port}
 * @param bytes      the message body (framing excluded), read-only native memory
 */
public record LiveMessage(long seq, long epochNanos, String peer, MemorySegment bytes) {
    /** Bytes a message costs besides its body: this record, the segment view, the store's slot. */
    static final long OVERHEAD = 64;

    /** Copies {@code m}'s bytes out of the receive buffer into {@code slabs}, numbering it {@code seq}. */
    static LiveMessage copyOf(Message m, long seq, NativeSlabs slabs) {
        return new LiveMessage(seq, m.epochNanos(), m.peer(), slabs.copy(m.bytes()));
    }

    /** The body's length in bytes. */
    public int length() {
        return (int) bytes.byteSize();
    }

    /** What this message costs the store. */
    long cost() {
        return bytes.byteSize() + OVERHEAD;
    }
}
