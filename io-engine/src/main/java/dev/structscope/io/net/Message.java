package dev.structscope.io.net;

import java.lang.foreign.MemorySegment;

/**
 * One message as received: a view into the receive buffer, valid only during the call that
 * hands it over (the buffer is reused afterwards). Copy it out if it must live longer.
 *
 * @param seq          sequence number from 0, across all peers of one capture
 * @param epochNanos   arrival time, nanoseconds since the Unix epoch
 * @param peer         the sender, {@code host:port}
 * @param bytes        the message body (framing header excluded)
 */
public record Message(long seq, long epochNanos, String peer, MemorySegment bytes) {
}
