/**
 * A live session without JavaFX, usable headless: the connection and its capture thread ({@link
 * dev.structscope.io.net.live.LiveSession}, reconnecting clients with back-off from 0.5 s to 10 s),
 * the message store ({@link dev.structscope.io.net.live.MessageStore}: bodies in native slabs,
 * {@code NativeSlabs}, within a byte budget, the oldest evicted and
 * counted), the recorder, the connection states, the rates and the list mirror the window polls.
 *
 * <p>The capture thread owns the connection and the slabs and never calls into the window; the
 * window reads the store and the counters from the FX thread.
 */
package dev.structscope.io.net.live;
